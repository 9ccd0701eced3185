import { useState } from 'preact/hooks';
import type { BaseVersion, SaveOutcome } from '../lib/annotations/store';

/** Sends a record to be saved unless the stored one changed since `base`. */
export type SendVersioned<T> = (record: T, base: BaseVersion) => Promise<SaveOutcome<T>>;

/** An edit of a stored record that never silently overwrites a newer save made elsewhere. */
export interface VersionedEdit<T> {
  /** The record the fields start from: as loaded, or the newer one once the reader took it. */
  shown: T | null;
  /** The newer record (null: deleted) that refused the reader's last save; undefined when there is none. */
  conflict: T | null | undefined;
  /** Saves the reader's record; resolves with it when saved, undefined when refused. */
  save(record: T): Promise<T | undefined>;
  /** Saves the refused record over the newer one. */
  keepMine(): Promise<T | undefined>;
  /** Drops the refused record and starts again from the newer one. */
  takeNewer(): void;
}

/**
 * Versioned saving for an editor of `loaded` (null: a record that does not exist yet);
 * `stored` says what a saved record leaves in the store (null: saving it deleted it).
 */
export function useVersionedSave<T extends { updated: string }>(
  loaded: T | null,
  send: SendVersioned<T>,
  stored: (saved: T) => T | null = (saved) => saved,
): VersionedEdit<T> {
  const [shown, setShown] = useState(loaded);
  const [refused, setRefused] = useState<{ mine: T; current: T | null }>();
  const attempt = async (record: T, base: BaseVersion) => {
    const outcome = await send(record, base);
    if (!outcome.saved) {
      setRefused({ mine: record, current: outcome.current });
      return undefined;
    }
    setRefused(undefined);
    setShown(stored(record));
    return record;
  };
  return {
    shown,
    conflict: refused?.current,
    save: (record) => attempt(record, shown?.updated ?? null),
    keepMine: async () => (refused ? attempt(refused.mine, refused.current?.updated ?? null) : undefined),
    takeNewer: () => {
      if (!refused) return;
      setShown(refused.current);
      setRefused(undefined);
    },
  };
}
