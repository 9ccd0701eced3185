import type { Highlight } from '../lib/annotations/types';
import { HighlightItem } from './HighlightItem';
import type { AnnotationActions } from './ThisPage';

/** Highlights as a list, each editable in place, with delete and go to. */
export function HighlightList({ highlights, actions }: { highlights: Highlight[]; actions: AnnotationActions }) {
  return (
    <ol class="items">
      {highlights.map((h) => (
        <HighlightItem key={h.id} highlight={h} onSave={actions.saveHighlight} onDelete={actions.deleteHighlight} onGoTo={actions.goTo} />
      ))}
    </ol>
  );
}
