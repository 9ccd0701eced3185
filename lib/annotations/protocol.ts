import type { PageEntity } from '../messaging';
import type { AnchoringReport, PageAnnotations } from './store';
import type { Highlight, HighlightColor, Note } from './types';

/** What `annotationsChanged` says when an entity note or an import may touch every page. */
export const EVERY_PAGE = '*';

/** The messages about highlights and notes, part of Gloss's one protocol. */
export interface AnnotationProtocol {
  /** Content → background: a page's highlights and note. */
  pageAnnotations(source: string): PageAnnotations;
  /** Content or popup → background: save a new or edited highlight. */
  saveHighlight(h: Highlight): void;
  /** Content or popup → background: delete a highlight; returns it for undo. */
  deleteHighlight(id: string): Highlight | null;
  /** Content, card or popup → background: save a page or entity note (empty deletes it); returns the note as it was. */
  saveNote(note: Note): Note | null;
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
