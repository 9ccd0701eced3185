import type { PageEntity } from '../messaging';
import type { AnchoringReport, BaseVersion, PageAnnotations, SaveOutcome } from './store';
import type { Highlight, HighlightColor, Note } from './types';

/** What `annotationsChanged` says when an entity note or an import may touch every page. */
export const EVERY_PAGE = '*';

/** A record to save and the version of it the editor loaded (see `BaseVersion`). */
export interface VersionedSave<T> {
  record: T;
  base?: BaseVersion;
}

/**
 * What the note frame tells the content script that opened it (relayed by the background):
 * only what it needs to paint, never the reader's text. `frame` is the token the frame was opened with.
 */
export type NoteFrameEvent = { frame: string; type: 'height'; height: number } | { frame: string; type: 'saved' | 'delete' | 'closed' };

/** The reader's note on an entity and the entity's name, for the note frame of a card. */
export interface EntityNote {
  name: string;
  note: Note | null;
}

/** The messages about highlights and notes, part of Gloss's one protocol. */
export interface AnnotationProtocol {
  /** Content → background: a page's highlights and note. */
  pageAnnotations(source: string): PageAnnotations;
  /** Content, note frame or popup → background: save a new or edited highlight, unless it changed since `base`. */
  saveHighlight(req: VersionedSave<Highlight>): SaveOutcome<Highlight>;
  /** Note frame → background: one highlight. */
  getHighlight(id: string): Highlight | null;
  /** Note frame → background: the reader's note on entity `id`; null when the entity is gone. */
  entityNote(id: string): EntityNote | null;
  /** Content → background: the note frame's URL; in Chrome it carries the session's dynamic id, which only the background is told. */
  noteFrameUrl(): string;
  /** Note frame → background → the content script of the frame's tab. */
  noteFrame(event: NoteFrameEvent): void;
  /** Content or popup → background: delete a highlight; returns it for undo. */
  deleteHighlight(id: string): Highlight | null;
  /** Note frame or popup → background: save a page or entity note (empty deletes it), unless it changed since `base`. */
  saveNote(req: VersionedSave<Note>): SaveOutcome<Note>;
  /** Content → background: which highlights were placed on this visit and which are orphans. */
  reportAnchoring(report: Omit<AnchoringReport, 'entities'>): void;
  /** Popup → background: the entities the page in tab `tabId` mentions. */
  tabEntities(tabId: number): PageEntity[];
  /** Background → content: highlights or notes of `source` (or of `EVERY_PAGE`) changed elsewhere; load them again. */
  annotationsChanged(source: string): void;
  /** Background → content: highlight the current selection (keyboard shortcut or context menu). */
  highlightSelection(color: HighlightColor | null): void;
  /** Popup → background: open or activate the highlight's page and scroll to it. */
  goTo(id: string): void;
  /** Background → content: scroll highlight `id` into view; false when it is not on this page. */
  jumpTo(id: string): boolean;
  /** Content → background: a highlight the popup asked to show once this page loaded, if any. */
  takeJump(): string | null;
  /** Background → content: save this page's highlights and notes as Markdown and JSON (keyboard shortcut). */
  exportThisPage(): void;
  /** Content → background: save page `source`'s export as Markdown and JSON files from the background; returns how many. */
  savePageExport(source: string): number;
  /** Options → background: an import wrote highlights or notes; every tab loads them again. */
  annotationsImported(): void;
}
