import type { Highlight } from '../lib/annotations/types';
import { EditHighlight } from './EditHighlight';
import type { SendVersioned } from './use-versioned-save';

export interface HighlightEditorProps {
  highlight: Highlight;
  scheme: 'light' | 'dark';
  send: SendVersioned<Highlight>;
  onSaved: (h: Highlight) => void;
  onDelete: () => void;
  onClose: () => void;
}

/** The editor of one highlight on its page: its quote, then note, tags, colour and delete. */
export function HighlightEditor({ highlight, scheme, send, onSaved, onDelete, onClose }: HighlightEditorProps) {
  const quote = highlight.quote.exact;
  return (
    <div class={`editor theme ${scheme}`} role="dialog" aria-label="Edit highlight">
      <blockquote class={`quote ${highlight.color}`}>{quote.length > 280 ? `${quote.slice(0, 280)}…` : quote}</blockquote>
      <EditHighlight
        highlight={highlight}
        send={send}
        onSaved={onSaved}
        onCancel={onClose}
        extra={
          <button type="button" class="danger" onClick={onDelete}>
            Delete
          </button>
        }
      />
    </div>
  );
}
