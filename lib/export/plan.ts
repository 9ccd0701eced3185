import type { ReadRecords } from './backup';
import type { ExportBundle } from './bundle';
import type { ImportIssue } from './import-issues';

/** A table an import writes to. */
export type ImportTable = keyof ExportBundle;

/** What an import does to one record: adds it, replaces an older copy, or leaves the reader's. */
export type Change = 'new' | 'updated' | 'unchanged';

/** One record of the plan, for the list the reader sees before confirming. */
export interface PlanItem {
  table: ImportTable;
  key: string;
  label: string;
  change: Change;
  /** Why an unchanged record stays as it is, when it differs from the file's. */
  reason?: string;
}

/** What an import will do, worked out before anything is written. */
export interface ImportPlan {
  items: PlanItem[];
  counts: Record<Change | 'invalid', number>;
  invalid: ImportIssue[];
  /** The records to write: the new and updated ones. */
  writes: ExportBundle;
  /** Whether packs, entities or edits change, so the matcher must be compiled again. */
  knowledgeChanged: boolean;
}

/** JSON with keys sorted, so two records compare equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function time(value: string | number): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

/**
 * Decides one record: new when the reader has none, unchanged when the two are equal or the
 * reader's is at least as new (a tie keeps the reader's), updated when the file's is newer.
 * `stamp` is null for records without a time (settings), where the file's copy wins.
 */
function decide<T>(incoming: T, existing: T | undefined, stamp: ((r: T) => string | number) | null): { change: Change; reason?: string } {
  if (existing === undefined) return { change: 'new' };
  if (canonical(incoming) === canonical(existing)) return { change: 'unchanged' };
  if (stamp === null || time(stamp(incoming)) > time(stamp(existing))) return { change: 'updated' };
  return { change: 'unchanged', reason: 'yours is as new or newer' };
}

function clip(text: string, n = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

/**
 * Plans an import: each good record of the file against the reader's record with the same key
 * (`existing` holds those the database has). Records merge by key and the newer wins, so an
 * import run twice changes nothing the second time and nothing is ever duplicated.
 */
export function planImport(incoming: ReadRecords, existing: ExportBundle): ImportPlan {
  const items: PlanItem[] = [];
  const invalid = [...incoming.issues];
  const writes: ExportBundle = { highlights: [], notes: [], pages: [], packs: [], entities: [], entityEdits: [], settings: [] };

  function merge<K extends ImportTable>(
    table: K,
    key: (r: ExportBundle[K][number]) => string,
    label: (r: ExportBundle[K][number]) => string,
    stamp: ((r: ExportBundle[K][number]) => string | number) | null,
  ) {
    type T = ExportBundle[K][number];
    const mine = new Map((existing[table] as T[]).map((r) => [key(r), r]));
    for (const r of incoming.records[table] as T[]) {
      const decision = decide(r, mine.get(key(r)), stamp);
      items.push({ table, key: key(r), label: label(r), ...decision });
      if (decision.change !== 'unchanged') (writes[table] as T[]).push(r);
    }
  }

  merge(
    'highlights',
    (h) => h.id,
    (h) => `Highlight “${clip(h.quote.exact)}” on ${clip(h.title || h.source, 40)}`,
    (h) => h.updated,
  );
  merge(
    'notes',
    (n) => n.id,
    (n) => `${n.kind === 'page' ? 'Page note on' : 'Note on'} ${clip(n.title || n.target, 40)}`,
    (n) => n.updated,
  );
  merge(
    'pages',
    (p) => p.source,
    (p) => `Page ${clip(p.title || p.source, 40)}`,
    (p) => p.lastRead,
  );
  merge(
    'packs',
    (p) => p.id,
    (p) => `Pack “${clip(p.name, 40)}”`,
    (p) => p.installedAt,
  );
  // An entity goes with its pack: the file's copy wins when its pack record does.
  const packWins = new Set(writes.packs.map((p) => p.id));
  const mineEntities = new Map(existing.entities.map((e) => [e.id, e]));
  for (const e of incoming.records.entities) {
    const local = mineEntities.get(e.id);
    if (local && local.pack !== e.pack) {
      invalid.push({ record: 'entities', id: e.id, field: 'pack', message: `this id belongs to your pack “${local.pack}” already` });
      continue;
    }
    const decision = decide(e, local, packWins.has(e.pack) ? null : () => 0);
    items.push({ table: 'entities', key: e.id, label: `Entity “${clip(e.name, 40)}”`, ...decision });
    if (decision.change !== 'unchanged') writes.entities.push(e);
  }
  merge(
    'entityEdits',
    (e) => e.id,
    (e) => `Your edit of ${e.id}`,
    (e) => e.updated,
  );
  merge(
    'settings',
    (s) => s.key,
    (s) => `Setting ${s.key}`,
    null,
  );

  const counts = { new: 0, updated: 0, unchanged: 0, invalid: invalid.length };
  for (const item of items) counts[item.change]++;
  return {
    items,
    counts,
    invalid,
    writes,
    knowledgeChanged: writes.packs.length + writes.entities.length + writes.entityEdits.length > 0,
  };
}
