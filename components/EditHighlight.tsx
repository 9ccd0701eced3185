import type { Highlight } from '../lib/annotations/types';
import { ChangedElsewhere } from './ChangedElsewhere';
import { HighlightFields } from './HighlightFields';
import { useVersionedSave, type SendVersioned } from './use-versioned-save';

export interface EditHighlightProps {
  highlight: Highlight;
  send: SendVersioned<Highlight>;
  onSaved: (h: Highlight) => void;
  /** Cancel, or the reader let go of a highlight deleted elsewhere. */
  onCancel: () => void;
  /** Extra buttons before Cancel and Save (the page editor's Delete). */
  extra?: preact.ComponentChildren;
}

/** A highlight's fields, saved with the version they were loaded at; a refused save shows the newer one. */
export function EditHighlight({ highlight, send, onSaved, onCancel, extra }: EditHighlightProps) {
  const edit = useVersionedSave(highlight, send);
  const done = (saved: Highlight | undefined) => saved && onSaved(saved);
  const { shown, conflict } = edit;
  return (
    <>
      {conflict !== undefined && (
        <ChangedElsewhere
          newer={conflict && [conflict.note, ...conflict.tags.map((t) => `#${t}`)].filter(Boolean).join(' ')}
          onKeepMine={() => void edit.keepMine().then(done)}
          onTakeNewer={() => (conflict ? edit.takeNewer() : onCancel())}
        />
      )}
      {shown && (
        <HighlightFields
          key={shown.updated}
          note={shown.note}
          tags={shown.tags}
          color={shown.color}
          onSave={(fields) => void edit.save({ ...shown, ...fields, updated: new Date().toISOString() }).then(done)}
          onCancel={onCancel}
          extra={extra}
        />
      )}
    </>
  );
}
