import type { BaseVersion, SaveOutcome } from '../lib/annotations/store';
import { noteWithText, type Highlight, type Note } from '../lib/annotations/types';
import type { PageEntity, PageInfo } from '../lib/messaging';
import { HighlightList } from './HighlightList';
import { NoteEditor } from './NoteEditor';
import type { SendVersioned } from './use-versioned-save';

/** What the popup can do with a highlight or a note. */
export interface AnnotationActions {
  /** Saves a highlight unless it changed since `base` (the version the editor loaded; absent for an undo). */
  saveHighlight: (h: Highlight, base?: BaseVersion) => Promise<SaveOutcome<Highlight>>;
  deleteHighlight: (h: Highlight) => void;
  goTo: (h: Highlight) => void;
  /** Saves the page note unless it changed since `base`, the version the popup loaded. */
  savePageNote: SendVersioned<Note>;
}

export interface ThisPageProps {
  page: PageInfo;
  highlights: Highlight[];
  pageNote?: Note;
  entities: PageEntity[];
  entityNotes: Map<string, Note>;
  actions: AnnotationActions;
}

/** The popup's "This page" tab: the page's highlights in page order, its note, the entities it mentions. */
export function ThisPage({ page, highlights, pageNote, entities, entityNotes, actions }: ThisPageProps) {
  return (
    <>
      <NoteEditor
        label="Page note"
        note={pageNote ?? null}
        placeholder="A note on this page as a whole"
        toRecord={(text, before) => noteWithText('page', page.source, page.title, text, before)}
        send={actions.savePageNote}
      />
      <h2>Highlights</h2>
      {highlights.length === 0 ? (
        <p class="empty">
          No highlights on this page yet. Select a passage and press “Highlight” in the toolbar that appears, or press Alt+Shift+H.
        </p>
      ) : (
        <HighlightList highlights={highlights} actions={actions} />
      )}
      <h2>Mentioned here</h2>
      {entities.length === 0 ? (
        <p class="empty">No people, places or organisations from your knowledge base on this page.</p>
      ) : (
        <ul class="entities">
          {entities.map((e) => (
            <li key={e.id}>
              <span>{e.name}</span>
              {entityNotes.get(e.id) && <p class="note">{entityNotes.get(e.id)!.text}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
