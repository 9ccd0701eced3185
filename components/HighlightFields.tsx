import { useEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../lib/annotations/types';
import { COLOR_LABEL } from './colors';
import { parseTags } from './tags';

/** The fields of a highlight the reader edits. */
export interface HighlightEdit {
  note: string;
  tags: string[];
  color: HighlightColor;
}

export interface HighlightFieldsProps extends HighlightEdit {
  onSave: (edit: HighlightEdit) => void;
  onCancel: () => void;
  /** Extra buttons before Cancel and Save (the page editor's Delete). */
  extra?: preact.ComponentChildren;
}

/** Note, tags and colour of a highlight, with Save and Cancel. Ctrl/⌘+Enter saves, Esc cancels. */
export function HighlightFields({ note, tags, color, onSave, onCancel, extra }: HighlightFieldsProps) {
  const [text, setText] = useState(note);
  const [tagText, setTagText] = useState(tags.join(', '));
  const [picked, setPicked] = useState(color);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => noteRef.current?.focus(), []);
  const save = () => onSave({ note: text, tags: parseTags(tagText), color: picked });
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    }
  };
  return (
    <div class="fields" onKeyDown={onKeyDown}>
      <label>
        Note
        <textarea ref={noteRef} rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <label>
        Tags <span class="hint">(separate with commas)</span>
        <input type="text" value={tagText} onInput={(e) => setTagText(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>Colour</legend>
        {HIGHLIGHT_COLORS.map((c) => (
          <label key={c} class={`swatch-choice ${c}`}>
            <input type="radio" name="gloss-colour" checked={picked === c} onChange={() => setPicked(c)} />
            {COLOR_LABEL[c]}
          </label>
        ))}
      </fieldset>
      <div class="actions">
        {extra}
        <span class="spacer" />
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" class="primary" onClick={save}>
          Save
        </button>
      </div>
    </div>
  );
}
