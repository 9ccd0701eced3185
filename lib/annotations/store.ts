import type { GlossDB } from '../db';
import { isEmptyNote, noteId, type Highlight, type Note, type NoteKind, type PageRecord } from './types';

/** A page's highlights in page order, and its page note. */
export interface PageAnnotations {
  highlights: Highlight[];
  pageNote?: Note;
}

/** What a content script reports after placing a page's highlights. */
export interface AnchoringReport {
  source: string;
  title: string;
  /** Ids of highlights that could not be placed. */
  orphans: string[];
  /** Ids of highlights that were placed. */
  anchored: string[];
  /** Ids of the entities the page mentions. */
  entities: string[];
}

/** A page's highlights (in page order) and its note. */
export async function pageAnnotations(db: GlossDB, source: string): Promise<PageAnnotations> {
  const [highlights, pageNote] = await Promise.all([
    db.highlights.where('source').equals(source).toArray(),
    db.notes.get(noteId('page', source)),
  ]);
  highlights.sort((a, b) => a.position.start - b.position.start);
  return { highlights, pageNote };
}

/**
 * The version a save edited: the `updated` time of the record as the editor loaded it, null
 * when the editor expected no record (a new note), undefined to save whatever is stored (a new
 * highlight, an undo).
 */
export type BaseVersion = string | null | undefined;

/** What came of a versioned save: done, or refused because `current` (null: deleted) is newer than what the editor loaded. */
export type SaveOutcome<T> = { saved: true } | { saved: false; current: T | null };

/** Whether a save based on `base` may replace `stored`: only when nobody saved since the editor loaded it. */
export function isCurrent(stored: { updated: string } | undefined, base: BaseVersion): boolean {
  if (base === undefined) return true;
  return base === null ? stored === undefined : stored?.updated === base;
}

/** Saves a highlight (new or edited) and remembers the page it is on; refuses a save based on an older version. */
export async function saveHighlight(db: GlossDB, h: Highlight, base?: BaseVersion): Promise<SaveOutcome<Highlight>> {
  return db.transaction('rw', [db.highlights, db.pages], async () => {
    const stored = await db.highlights.get(h.id);
    if (!isCurrent(stored, base)) return { saved: false, current: stored ?? null };
    await db.highlights.put(h);
    await touchPage(db, h.source, h.title, h.updated);
    return { saved: true };
  });
}

/** One highlight by id. */
export async function getHighlight(db: GlossDB, id: string): Promise<Highlight | null> {
  return (await db.highlights.get(id)) ?? null;
}

/** Deletes a highlight and returns it, so that the reader can undo. */
export async function deleteHighlight(db: GlossDB, id: string): Promise<Highlight | undefined> {
  return db.transaction('rw', db.highlights, async () => {
    const h = await db.highlights.get(id);
    if (h) await db.highlights.delete(id);
    return h;
  });
}

/** Saves a note; a note emptied of text and tags is deleted. Refuses a save based on an older version. */
export async function saveNote(db: GlossDB, note: Note, base?: BaseVersion): Promise<SaveOutcome<Note>> {
  return db.transaction('rw', [db.notes, db.pages], async () => {
    const before = await db.notes.get(note.id);
    if (!isCurrent(before, base)) return { saved: false, current: before ?? null };
    if (isEmptyNote(note)) {
      await db.notes.delete(note.id);
    } else {
      await db.notes.put(note);
      if (note.kind === 'page') await touchPage(db, note.target, note.title, note.updated);
    }
    return { saved: true } as const;
  });
}

/** Deletes a note and returns it, so that the reader can undo. */
export async function deleteNote(db: GlossDB, id: string): Promise<Note | undefined> {
  return db.transaction('rw', db.notes, async () => {
    const n = await db.notes.get(id);
    if (n) await db.notes.delete(id);
    return n;
  });
}

/** The reader's note on `target`, if any. */
export function getNote(db: GlossDB, kind: NoteKind, target: string): Promise<Note | undefined> {
  return db.notes.get(noteId(kind, target));
}

/**
 * Records a visit's anchoring: flags orphans (without touching their edit time, which is the
 * reader's) and, for a page the reader has annotated, when it was read and what it mentions.
 */
export async function recordAnchoring(db: GlossDB, report: AnchoringReport, now = new Date().toISOString()): Promise<void> {
  await db.transaction('rw', [db.highlights, db.notes, db.pages], async () => {
    const orphans = new Set(report.orphans);
    const ids = [...report.orphans, ...report.anchored];
    const rows = (await db.highlights.bulkGet(ids)).filter((h): h is Highlight => h !== undefined);
    const changed = rows.filter((h) => (h.orphan ?? false) !== orphans.has(h.id));
    if (changed.length > 0) await db.highlights.bulkPut(changed.map((h) => withOrphan(h, orphans.has(h.id))));
    const annotated = rows.length > 0 || (await db.notes.get(noteId('page', report.source))) !== undefined;
    if (annotated) {
      const page: PageRecord = {
        source: report.source,
        title: report.title,
        lastRead: now,
        entities: [...new Set(report.entities)].sort(),
      };
      await db.pages.put(page);
    }
  });
}

function withOrphan(h: Highlight, orphan: boolean): Highlight {
  const copy = { ...h };
  if (orphan) copy.orphan = true;
  else delete copy.orphan;
  return copy;
}

async function touchPage(db: GlossDB, source: string, title: string, when: string): Promise<void> {
  const page = await db.pages.get(source);
  await db.pages.put({
    source,
    title: page?.title || title,
    lastRead: page && page.lastRead > when ? page.lastRead : when,
    entities: page?.entities ?? [],
  });
}
