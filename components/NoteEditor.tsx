import { useEffect, useState } from 'preact/hooks';

export interface NoteEditorProps {
  label: string;
  text: string;
  placeholder: string;
  onSave: (text: string) => void;
}

/** A multi-line note with a Save button that is enabled once the text changed. Ctrl/⌘+Enter saves. */
export function NoteEditor({ label, text, placeholder, onSave }: NoteEditorProps) {
  const [value, setValue] = useState(text);
  useEffect(() => setValue(text), [text]);
  const changed = value !== text;
  return (
    <div class="fields note-editor">
      <label>
        {label}
        <textarea
          rows={3}
          value={value}
          placeholder={placeholder}
          onInput={(e) => setValue(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && changed) {
              e.preventDefault();
              onSave(value);
            }
          }}
        />
      </label>
      <div class="actions">
        <span class="spacer" />
        <button type="button" class="primary" disabled={!changed} onClick={() => onSave(value)}>
          Save note
        </button>
      </div>
    </div>
  );
}
