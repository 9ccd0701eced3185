export interface ChangedElsewhereProps {
  /** The newer text saved elsewhere; null when the record was deleted elsewhere. */
  newer: string | null;
  onKeepMine: () => void;
  onTakeNewer: () => void;
}

/** Says a save was refused because another tab or window saved first, and lets the reader choose. */
export function ChangedElsewhere({ newer, onKeepMine, onTakeNewer }: ChangedElsewhereProps) {
  return (
    <div class="conflict" role="alert">
      <p>
        <strong>Changed elsewhere.</strong>{' '}
        {newer === null ? 'It was deleted in another tab or window.' : 'Another tab or window saved this since you opened it:'}
      </p>
      {newer !== null && <blockquote class="newer">{newer || '(no note)'}</blockquote>}
      <div class="actions">
        <button type="button" onClick={onTakeNewer}>
          {newer === null ? 'Discard mine' : 'Take the newer'}
        </button>
        <button type="button" class="primary" onClick={onKeepMine}>
          Keep mine
        </button>
      </div>
    </div>
  );
}
