/** Colours a highlight can take; each is painted as its own CSS highlight. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** One of `HIGHLIGHT_COLORS`. */
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** W3C TextQuoteSelector: the passage and up to 32 characters either side of it. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector over the text stream the matcher reads. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/**
 * A highlighted passage, stored in the shape of a W3C Web Annotation: the page (`source`),
 * two selectors for the passage, and a body of note, tags and colour. Times are ISO 8601.
 */
export interface Highlight {
  /** An absolute IRI (`urn:uuid:…`), so that it can be a W3C annotation's id as it is. */
  id: string;
  /** The page's canonical URL: no fragment, no tracking parameters. */
  source: string;
  /** The page's title when the highlight was made. */
  title: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  color: HighlightColor;
  note: string;
  tags: string[];
  created: string;
  updated: string;
  /** Set when the last visit could not place the passage; the highlight is kept all the same. */
  orphan?: boolean;
}

/** What a note is about: a whole page, or an entity of the knowledge base. */
export type NoteKind = 'page' | 'entity';

/** A note on a page as a whole or on an entity; there is at most one per target. */
export interface Note {
  /** `noteId(kind, target)`: one note per page or entity, the same id on every machine. */
  id: string;
  kind: NoteKind;
  /** The canonical URL for a page note, the entity id for an entity note. */
  target: string;
  /** The page's title or the entity's name when the note was written. */
  title: string;
  text: string;
  tags: string[];
  created: string;
  updated: string;
}

/**
 * A page the reader has annotated: what Markdown export needs beyond the highlights (when it
 * was read, which entities it mentions, so their notes go with it).
 */
export interface PageRecord {
  /** Canonical URL. */
  source: string;
  title: string;
  /** ISO 8601 time of the last visit. */
  lastRead: string;
  /** Ids of the entities the page mentioned on that visit. */
  entities: string[];
}

/** The id of the note on `target`: an absolute IRI, stable across machines so imports merge. */
export function noteId(kind: NoteKind, target: string): string {
  return `urn:gloss:${kind}-note:${encodeURIComponent(target)}`;
}

/** The note on `target` with new text, keeping the tags and creation time of the note it replaces. */
export function noteWithText(kind: NoteKind, target: string, title: string, text: string, before?: Note | null): Note {
  const now = new Date().toISOString();
  return { id: noteId(kind, target), kind, target, title, text, tags: before?.tags ?? [], created: before?.created ?? now, updated: now };
}

/** Whether a note has neither text nor tags: saving it deletes the note. */
export function isEmptyNote(note: Note): boolean {
  return note.text.trim() === '' && note.tags.length === 0;
}

/** A fresh highlight id. */
export function newHighlightId(): string {
  return `urn:uuid:${crypto.randomUUID()}`;
}
