import { useState } from 'preact/hooks';
import { isEmptyNote, noteWithText, type Note } from '../lib/annotations/types';
import { ChangedElsewhere } from './ChangedElsewhere';
import { useVersionedSave, type SendVersioned } from './use-versioned-save';

export interface EntityNoteProps {
  entity: string;
  name: string;
  /** The note as loaded; null when the reader has none. */
  note: Note | null;
  send: SendVersioned<Note>;
}

/** The reader's own note on an entity: shown on every page that mentions it, written here. Ctrl/⌘+Enter saves, Esc cancels. */
export function EntityNote({ entity, name, note, send }: EntityNoteProps) {
  const edit = useVersionedSave(note, send, (saved) => (isEmptyNote(saved) ? null : saved));
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const text = edit.shown?.text ?? '';
  const finish = (saved: Note | undefined) => saved && setEditing(false);
  const save = () => void edit.save(noteWithText('entity', entity, name, value, edit.shown)).then(finish);
  const { conflict } = edit;
  if (editing) {
    return (
      <div class="note fields">
        {conflict !== undefined && (
          <ChangedElsewhere
            newer={conflict && conflict.text}
            onKeepMine={() => void edit.keepMine().then(finish)}
            onTakeNewer={() => {
              edit.takeNewer();
              setEditing(false);
            }}
          />
        )}
        <textarea
          aria-label={`Your note on ${name}`}
          rows={3}
          value={value}
          ref={(el) => el?.focus()}
          onInput={(e) => setValue(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              save();
            } else if (e.key === 'Escape') {
              e.stopPropagation();
              setEditing(false);
            }
          }}
        />
        <div class="note-actions">
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
          <button type="button" onClick={save}>
            Save note
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class="note">
      {text && (
        <p>
          <span class="label">Your note</span> {text}
        </p>
      )}
      <button
        type="button"
        onClick={() => {
          setValue(text);
          setEditing(true);
        }}
      >
        {text ? 'Edit note' : 'Add a note'}
      </button>
    </div>
  );
}
