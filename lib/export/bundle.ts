import type { Highlight, Note, PageRecord } from '../annotations/types';
import type { EntityEdit, PackRecord, Setting, StoredEntity } from '../db';

/**
 * Everything an export can hold, read from the database in one go. Formats take what they
 * carry from it: Markdown and CSV the annotations and pages, W3C JSON the annotations, the
 * full backup all of it.
 */
export interface ExportBundle {
  highlights: Highlight[];
  notes: Note[];
  pages: PageRecord[];
  /** The reader's own packs: every pack but the starter pack, which a new install brings back. */
  packs: PackRecord[];
  /** The entities of `packs`. */
  entities: StoredEntity[];
  entityEdits: EntityEdit[];
  /** Every setting but the knowledge base's revision, which belongs to the database it counts. */
  settings: Setting[];
}

/** The pack every install ships; its entities and record stay out of backups. */
export const STARTER_PACK = 'starter';

/** Settings a backup leaves out: the revision counter is local state, not a preference. */
export const LOCAL_SETTINGS: readonly string[] = ['kbRevision'];

/** One page of an export: its record (or one made up from its highlights) and what belongs to it. */
export interface PageGroup {
  source: string;
  title: string;
  /** ISO time the page was last read, or the earliest highlight's when there is no page record. */
  read: string;
  /** In page order. */
  highlights: Highlight[];
  pageNote: Note | null;
  /** Notes on the entities the page mentions, in the order the page record lists them. */
  entityNotes: Note[];
}

/** Groups highlights, page notes and entity notes by page, pages newest-read first. */
export function groupByPage(bundle: Pick<ExportBundle, 'highlights' | 'notes' | 'pages'>): PageGroup[] {
  const records = new Map(bundle.pages.map((p) => [p.source, p]));
  const pageNotes = new Map(bundle.notes.filter((n) => n.kind === 'page').map((n) => [n.target, n]));
  const entityNotes = new Map(bundle.notes.filter((n) => n.kind === 'entity').map((n) => [n.target, n]));
  const bySource = new Map<string, Highlight[]>();
  for (const h of bundle.highlights) {
    const list = bySource.get(h.source) ?? [];
    list.push(h);
    bySource.set(h.source, list);
  }
  const sources = new Set([...bySource.keys(), ...pageNotes.keys(), ...records.keys()]);
  const groups: PageGroup[] = [];
  for (const source of sources) {
    const highlights = (bySource.get(source) ?? []).sort((a, b) => a.position.start - b.position.start || a.position.end - b.position.end);
    const record = records.get(source);
    const pageNote = pageNotes.get(source) ?? null;
    const notes = (record?.entities ?? []).map((id) => entityNotes.get(id)).filter((n): n is Note => n !== undefined);
    // A page record with nothing of the reader's on it has nothing to export.
    if (highlights.length === 0 && !pageNote && notes.length === 0) continue;
    const earliest = [...highlights.map((h) => h.created), pageNote?.created ?? ''].filter(Boolean).sort()[0] ?? '';
    groups.push({
      source,
      title: record?.title || highlights[0]?.title || pageNote?.title || source,
      read: record?.lastRead ?? earliest,
      highlights,
      pageNote,
      entityNotes: notes,
    });
  }
  return groups.sort((a, b) => (a.read < b.read ? 1 : a.read > b.read ? -1 : a.source.localeCompare(b.source)));
}

/** Entity notes no page record mentions: Markdown lists them apart so that none is left out. */
export function entityNotesWithoutPage(bundle: Pick<ExportBundle, 'notes' | 'pages'>): Note[] {
  const mentioned = new Set(bundle.pages.flatMap((p) => p.entities));
  return bundle.notes.filter((n) => n.kind === 'entity' && !mentioned.has(n.target)).sort((a, b) => a.title.localeCompare(b.title));
}
