import { HighlightFields, type HighlightEdit } from './HighlightFields';

export interface HighlightEditorProps extends HighlightEdit {
  quote: string;
  scheme: 'light' | 'dark';
  onSave: (edit: HighlightEdit) => void;
  onDelete: () => void;
  onClose: () => void;
}

/** The in-page editor of one highlight: its quote, then note, tags, colour and delete. */
export function HighlightEditor({ quote, note, tags, color, scheme, onSave, onDelete, onClose }: HighlightEditorProps) {
  return (
    <div class={`editor theme ${scheme}`} role="dialog" aria-label="Edit highlight">
      <blockquote class={`quote ${color}`}>{quote.length > 280 ? `${quote.slice(0, 280)}…` : quote}</blockquote>
      <HighlightFields
        note={note}
        tags={tags}
        color={color}
        onSave={onSave}
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
