import { useMemo, useState } from 'preact/hooks';
import type { Library, LibraryFilter } from '../lib/annotations/library';
import { HIGHLIGHT_COLORS } from '../lib/annotations/types';
import { COLOR_LABEL } from './colors';
import { HighlightList } from './HighlightList';
import type { AnnotationActions } from './ThisPage';

export interface AllNotesProps {
  library: Library;
  actions: AnnotationActions;
}

/** The popup's "All" tab: everything by page, newest first, with search and filters. */
export function AllNotes({ library, actions }: AllNotesProps) {
  const [filter, setFilter] = useState<LibraryFilter>({ query: '', color: '', tag: '', site: '' });
  const groups = useMemo(() => library.groups(filter), [library, filter]);
  const entityNotes = useMemo(() => library.entityNotes(filter), [library, filter]);
  const set = (patch: Partial<LibraryFilter>) => setFilter({ ...filter, ...patch });
  const nothingSaved = library.highlights.length === 0 && library.notes.length === 0;
  return (
    <>
      <div class="filters">
        <input
          type="search"
          aria-label="Search highlights and notes"
          placeholder="Search quotes, notes, tags, titles"
          value={filter.query}
          onInput={(e) => set({ query: e.currentTarget.value })}
        />
        <select aria-label="Colour" value={filter.color} onChange={(e) => set({ color: e.currentTarget.value as LibraryFilter['color'] })}>
          <option value="">All colours</option>
          {HIGHLIGHT_COLORS.map((c) => (
            <option key={c} value={c}>
              {COLOR_LABEL[c]}
            </option>
          ))}
        </select>
        <FilterSelect label="Tag" all="All tags" value={filter.tag} options={library.tags()} onChange={(tag) => set({ tag })} />
        <FilterSelect label="Site" all="All sites" value={filter.site} options={library.sites()} onChange={(site) => set({ site })} />
      </div>
      {nothingSaved ? (
        <p class="empty">
          Nothing saved yet. On any article, select a passage and press “Highlight”; your highlights and notes from every page gather here.
        </p>
      ) : groups.length === 0 && entityNotes.length === 0 ? (
        <p class="empty">Nothing matches. Try fewer words or clear the filters.</p>
      ) : null}
      {groups.map((g) => (
        <section key={g.source} class="group" aria-label={g.title || g.source}>
          <h2>{g.title || g.source}</h2>
          <p class="meta">
            <span>{g.site}</span>
            <span>{g.updated.slice(0, 10)}</span>
          </p>
          {g.pageNote && <p class="note">Page note: {g.pageNote.text}</p>}
          <HighlightList highlights={g.highlights} actions={actions} />
        </section>
      ))}
      {entityNotes.length > 0 && (
        <section class="group" aria-label="Notes on entities">
          <h2>Notes on entities</h2>
          <ul class="items">
            {entityNotes.map((n) => (
              <li key={n.id} class="item">
                <strong>{n.title}</strong>
                <p class="note">{n.text}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** A filter over a list of values, the first choice meaning "any". */
function FilterSelect(props: { label: string; all: string; value: string; options: string[]; onChange: (value: string) => void }) {
  return (
    <select aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
      <option value="">{props.all}</option>
      {props.options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}
