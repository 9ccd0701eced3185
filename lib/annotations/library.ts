import MiniSearch from 'minisearch';
import type { Highlight, HighlightColor, Note, PageRecord } from './types';
import { siteOf } from './url';

/** Narrowing of the "All" list: by colour, tag and site; empty fields do not narrow. */
export interface LibraryFilter {
  query: string;
  color: HighlightColor | '';
  tag: string;
  site: string;
}

/** One page's highlights and note in the "All" list. */
export interface PageGroup {
  source: string;
  title: string;
  site: string;
  /** The latest edit on the page: groups are listed newest first. */
  updated: string;
  highlights: Highlight[];
  pageNote?: Note;
}

interface Doc {
  id: string;
  quote: string;
  note: string;
  tags: string;
  title: string;
}

/**
 * Everything the reader saved, searchable: full-text over quotes, notes, tags, page
 * titles and entity notes (MiniSearch, prefix and slightly fuzzy), filtered and grouped by page.
 */
export class Library {
  private index?: MiniSearch<Doc>;
  /** Each page's title as last read, which wins over the one a highlight was made under. */
  private readonly titles: Map<string, string>;

  constructor(
    readonly highlights: Highlight[],
    readonly notes: Note[],
    readonly pages: PageRecord[],
  ) {
    this.titles = new Map(pages.map((p) => [p.source, p.title]));
  }

  /** Built on the first search only: indexing 10,000 highlights takes about half a second. */
  private searchIndex(): MiniSearch<Doc> {
    if (this.index) return this.index;
    const index = new MiniSearch<Doc>({
      fields: ['quote', 'note', 'tags', 'title'],
      storeFields: [],
      searchOptions: { prefix: true, fuzzy: 0.15, combineWith: 'AND', boost: { quote: 2, note: 2 } },
    });
    index.addAll([
      ...this.highlights.map((h) => ({
        id: h.id,
        quote: h.quote.exact,
        note: h.note,
        tags: h.tags.join(' '),
        title: this.titles.get(h.source) || h.title,
      })),
      ...this.notes.map((n) => ({ id: n.id, quote: '', note: n.text, tags: n.tags.join(' '), title: n.title })),
    ]);
    this.index = index;
    return index;
  }

  /** Ids of highlights and notes matching a search, best first. */
  find(query: string): string[] {
    return this.searchIndex()
      .search(query)
      .map((r) => r.id as string);
  }

  /** Every tag in use, sorted. */
  tags(): string[] {
    return [...new Set([...this.highlights, ...this.notes].flatMap((x) => x.tags))].sort((a, b) => a.localeCompare(b));
  }

  /** Every site with highlights or page notes, sorted. */
  sites(): string[] {
    return [...new Set([...this.highlights.map((h) => siteOf(h.source)), ...this.pageNotes().map((n) => siteOf(n.target))])].sort();
  }

  /** Pages with their highlights (in page order) and page notes, newest first, narrowed by `filter`. */
  groups(filter: LibraryFilter): PageGroup[] {
    const hits = filter.query.trim() ? new Set(this.find(filter.query)) : undefined;
    const keep = (x: { id: string; tags: string[] }) => (!hits || hits.has(x.id)) && (!filter.tag || x.tags.includes(filter.tag));
    const bySource = new Map<string, PageGroup>();
    const group = (source: string, title: string) => {
      let g = bySource.get(source);
      if (!g) {
        g = { source, title: this.titles.get(source) || title, site: siteOf(source), updated: '', highlights: [] };
        bySource.set(source, g);
      }
      return g;
    };
    for (const h of this.highlights) {
      if (!keep(h) || (filter.color && h.color !== filter.color) || (filter.site && siteOf(h.source) !== filter.site)) continue;
      const g = group(h.source, h.title);
      g.highlights.push(h);
      if (h.updated > g.updated) g.updated = h.updated;
    }
    if (!filter.color) {
      for (const n of this.pageNotes()) {
        if (!keep(n) || (filter.site && siteOf(n.target) !== filter.site)) continue;
        const g = group(n.target, n.title);
        g.pageNote = n;
        if (n.updated > g.updated) g.updated = n.updated;
      }
    }
    for (const g of bySource.values()) g.highlights.sort((a, b) => a.position.start - b.position.start);
    return [...bySource.values()].sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
  }

  /** Notes on entities, narrowed by search and tag (colour and site do not apply), newest first. */
  entityNotes(filter: LibraryFilter): Note[] {
    if (filter.color || filter.site) return [];
    const hits = filter.query.trim() ? new Set(this.find(filter.query)) : undefined;
    return this.notes
      .filter((n) => n.kind === 'entity' && (!hits || hits.has(n.id)) && (!filter.tag || n.tags.includes(filter.tag)))
      .sort((a, b) => (a.updated < b.updated ? 1 : -1));
  }

  private pageNotes(): Note[] {
    return this.notes.filter((n) => n.kind === 'page');
  }
}
