import { useEffect, useState } from 'preact/hooks';
import { isEmptyNote, type Note } from '../lib/annotations/types';
import { ChangedElsewhere } from './ChangedElsewhere';
import { useVersionedSave, type SendVersioned } from './use-versioned-save';

export interface NoteEditorProps {
  label: string;
  placeholder: string;
  /** The note as loaded; null when there is none. */
  note: Note | null;
  /** The note to save for this text, from the one it replaces. */
  toRecord: (text: string, before: Note | null) => Note;
  send: SendVersioned<Note>;
}

/**
 * A multi-line note with a Save button that is enabled once the text changed. Ctrl/⌘+Enter
 * saves. A save refused because the note changed elsewhere shows the newer text, to keep or to take.
 */
export function NoteEditor({ label, placeholder, note, toRecord, send }: NoteEditorProps) {
  const edit = useVersionedSave(note, send, (saved) => (isEmptyNote(saved) ? null : saved));
  const text = edit.shown?.text ?? '';
  const [value, setValue] = useState(text);
  useEffect(() => setValue(text), [text]);
  const changed = value !== text;
  const save = () => void edit.save(toRecord(value, edit.shown));
  const { conflict } = edit;
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
              save();
            }
          }}
        />
      </label>
      {conflict !== undefined && (
        <ChangedElsewhere newer={conflict && conflict.text} onKeepMine={() => void edit.keepMine()} onTakeNewer={edit.takeNewer} />
      )}
      <div class="actions">
        <span class="spacer" />
        <button type="button" class="primary" disabled={!changed} onClick={save}>
          Save note
        </button>
      </div>
    </div>
  );
}
