import { useState } from 'preact/hooks';
import type { Highlight } from '../lib/annotations/types';
import { isWebSource } from '../lib/annotations/web-source';
import { COLOR_LABEL } from './colors';
import { EditHighlight } from './EditHighlight';
import type { SendVersioned } from './use-versioned-save';

export interface HighlightItemProps {
  highlight: Highlight;
  /** Saves an edit with the version it started from; a refused save shows what changed elsewhere. */
  onSave: SendVersioned<Highlight>;
  onDelete: (h: Highlight) => void;
  onGoTo: (h: Highlight) => void;
}

/** One highlight in a popup list: quote, note, tags, orphan flag; edit in place, delete, go to. */
export function HighlightItem({ highlight: h, onSave, onDelete, onGoTo }: HighlightItemProps) {
  const [editing, setEditing] = useState(false);
  const label = h.quote.exact.length > 60 ? `${h.quote.exact.slice(0, 60)}…` : h.quote.exact;
  return (
    <li class={`item ${h.color}`} aria-label={`Highlight: ${label}`}>
      <blockquote>{h.quote.exact}</blockquote>
      {h.orphan && <p class="orphan">Not found on the page at the last visit: the text may have changed. Kept here.</p>}
      {editing ? (
        <EditHighlight highlight={h} send={onSave} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
      ) : (
        <>
          {h.note && <p class="note">{h.note}</p>}
          <p class="meta">
            <span>{COLOR_LABEL[h.color]}</span>
            {h.tags.map((t) => (
              <span key={t} class="tag">
                #{t}
              </span>
            ))}
          </p>
          <div class="row">
            <button type="button" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button
              type="button"
              disabled={!isWebSource(h.source)}
              title={isWebSource(h.source) ? undefined : 'Gloss opens web and file pages only'}
              onClick={() => onGoTo(h)}
            >
              Go to
            </button>
            <button type="button" class="danger" onClick={() => onDelete(h)}>
              Delete
            </button>
          </div>
        </>
      )}
    </li>
  );
}
