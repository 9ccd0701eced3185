import { describe, expect, it } from 'vitest';
import { Library, type LibraryFilter } from '../../lib/annotations/library';
import { deleteHighlight, pageAnnotations, recordAnchoring, saveHighlight, saveNote } from '../../lib/annotations/store';
import { canonicalUrl } from '../../lib/annotations/url';
import { GlossDB } from '../../lib/db';
import { highlight, note } from './support/annotations';
import { freshDbEach } from './support/db';

const ALL: LibraryFilter = { query: '', color: '', tag: '', site: '' };

describe('canonical URL', () => {
  it('drops the fragment and tracking parameters, keeps the rest', () => {
    expect(canonicalUrl('https://news.example/a/b?id=7&utm_source=x&fbclid=y&page=2#comments')).toBe(
      'https://news.example/a/b?id=7&page=2',
    );
    expect(canonicalUrl('https://news.example/a?UTM_Campaign=z')).toBe('https://news.example/a');
    expect(canonicalUrl('https://news.example/a?q=a%20b&utm%5Fmedium=x&&gclid=1#top')).toBe('https://news.example/a?q=a%20b');
    expect(canonicalUrl('https://news.example/a?')).toBe('https://news.example/a');
  });
});

describe('stored highlights and notes', () => {
  let db: GlossDB;
  freshDbEach((d) => (db = d));

  it('lists a page’s highlights in page order with its note', async () => {
    const src = 'https://example.com/story';
    await saveHighlight(db, highlight({ id: 'urn:uuid:b', source: src, position: { type: 'TextPositionSelector', start: 50, end: 60 } }));
    await saveHighlight(db, highlight({ id: 'urn:uuid:a', source: src, position: { type: 'TextPositionSelector', start: 5, end: 9 } }));
    await saveHighlight(db, highlight({ id: 'urn:uuid:c', source: 'https://example.com/other' }));
    await saveNote(db, note('page', src, { text: 'Worth rereading.' }));
    const got = await pageAnnotations(db, src);
    expect(got.highlights.map((h) => h.id)).toEqual(['urn:uuid:a', 'urn:uuid:b']);
    expect(got.pageNote?.text).toBe('Worth rereading.');
  });

  it('deleting returns the highlight, and saving it again undoes the delete', async () => {
    const h = highlight({ note: 'mine' });
    await saveHighlight(db, h);
    const removed = await deleteHighlight(db, h.id);
    expect(await db.highlights.count()).toBe(0);
    await saveHighlight(db, removed!);
    expect(await db.highlights.get(h.id)).toEqual(h);
  });

  it('a note emptied of text and tags is deleted', async () => {
    await saveNote(db, note('entity', 'country:mng', { text: 'x' }));
    await saveNote(db, note('entity', 'country:mng', { text: '  ' }));
    expect(await db.notes.count()).toBe(0);
  });

  it('refuses a highlight save based on a version someone saved over, and returns the newer record', async () => {
    const loaded = highlight({ note: 'first' });
    await saveHighlight(db, loaded);
    const theirs = { ...loaded, note: 'from the other tab', updated: '2026-11-02T00:00:00.000Z' };
    expect(await saveHighlight(db, theirs, loaded.updated)).toEqual({ saved: true });
    const mine = { ...loaded, note: 'from this tab', updated: '2026-11-03T00:00:00.000Z' };
    expect(await saveHighlight(db, mine, loaded.updated)).toEqual({ saved: false, current: theirs });
    expect((await db.highlights.get(loaded.id))?.note).toBe('from the other tab');
    // Keeping one's own text is a save based on the newer version.
    expect(await saveHighlight(db, mine, theirs.updated)).toEqual({ saved: true });
    expect((await db.highlights.get(loaded.id))?.note).toBe('from this tab');
  });

  it('refuses an edit of a highlight deleted elsewhere, saying it is gone', async () => {
    const h = highlight();
    await saveHighlight(db, h);
    await deleteHighlight(db, h.id);
    expect(await saveHighlight(db, { ...h, note: 'late' }, h.updated)).toEqual({ saved: false, current: null });
    expect(await db.highlights.count()).toBe(0);
  });

  it('refuses a new entity note when another tab wrote one first, and a stale edit of it', async () => {
    const theirs = note('entity', 'org:nato', { text: 'theirs', updated: '2026-11-02T00:00:00.000Z' });
    expect(await saveNote(db, theirs, null)).toEqual({ saved: true });
    expect(await saveNote(db, note('entity', 'org:nato', { text: 'mine' }), null)).toEqual({ saved: false, current: theirs });
    expect(await saveNote(db, note('entity', 'org:nato', { text: 'mine' }), '2026-11-01T00:00:00.000Z')).toEqual({
      saved: false,
      current: theirs,
    });
    expect(await saveNote(db, note('entity', 'org:nato', { text: 'mine' }), theirs.updated)).toEqual({ saved: true });
    expect((await db.notes.toArray()).map((n) => n.text)).toEqual(['mine']);
  });

  it('flags orphans without changing their edit time, and clears the flag once placed again', async () => {
    const h = highlight();
    await saveHighlight(db, h);
    await recordAnchoring(db, { source: h.source, title: 'T', orphans: [h.id], anchored: [], entities: ['country:mng'] });
    expect(await db.highlights.get(h.id)).toEqual({ ...h, orphan: true });
    await recordAnchoring(db, { source: h.source, title: 'T', orphans: [], anchored: [h.id], entities: [] });
    expect(await db.highlights.get(h.id)).toEqual(h);
  });

  it('remembers when an annotated page was read and what it mentions; not pages without annotations', async () => {
    await saveHighlight(db, highlight({ source: 'https://a.example/' }));
    await recordAnchoring(
      db,
      {
        source: 'https://a.example/',
        title: 'A',
        orphans: [],
        anchored: [highlight().id],
        entities: ['org:nato', 'country:mng', 'org:nato'],
      },
      '2026-11-20T00:00:00.000Z',
    );
    await recordAnchoring(db, { source: 'https://b.example/', title: 'B', orphans: [], anchored: [], entities: ['org:nato'] });
    expect(await db.pages.toArray()).toEqual([
      { source: 'https://a.example/', title: 'A', lastRead: '2026-11-20T00:00:00.000Z', entities: ['country:mng', 'org:nato'] },
    ]);
  });
});

describe('the library of everything saved', () => {
  const h1 = highlight({
    id: 'urn:uuid:1',
    source: 'https://www.a.example/x',
    title: 'Steppe diplomacy',
    quote: { type: 'TextQuoteSelector', exact: 'third neighbour policy', prefix: '', suffix: '' },
    tags: ['mongolia'],
    updated: '2026-11-02T00:00:00.000Z',
  });
  const h2 = highlight({
    id: 'urn:uuid:2',
    source: 'https://b.example/y',
    title: 'Water in the Sahel',
    quote: { type: 'TextQuoteSelector', exact: 'the Niger basin authority', prefix: '', suffix: '' },
    note: 'Compare with the Mekong commission',
    color: 'green',
    updated: '2026-11-05T00:00:00.000Z',
  });
  const h3 = highlight({
    id: 'urn:uuid:3',
    source: 'https://www.a.example/x',
    quote: { type: 'TextQuoteSelector', exact: 'Khaan Quest exercise', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 1, end: 5 },
    updated: '2026-11-01T00:00:00.000Z',
  });
  const entityNote = note('entity', 'org:sco', { title: 'Shanghai Cooperation Organization', text: 'Observer status matters here.' });
  const pageNote = note('page', 'https://c.example/z', {
    title: 'Energy in Europe',
    text: 'Gas storage figures',
    updated: '2026-11-09T00:00:00.000Z',
  });
  const lib = new Library([h1, h2, h3], [entityNote, pageNote], []);

  it('groups by page, newest first, highlights in page order', () => {
    const groups = lib.groups(ALL);
    expect(groups.map((g) => g.source)).toEqual(['https://c.example/z', 'https://b.example/y', 'https://www.a.example/x']);
    expect(groups[2].highlights.map((h) => h.id)).toEqual(['urn:uuid:3', 'urn:uuid:1']);
    expect(groups[0].pageNote?.text).toBe('Gas storage figures');
  });

  it('searches quotes, notes, tags, titles and entity notes', () => {
    expect(lib.find('neighbour')).toEqual(['urn:uuid:1']);
    expect(lib.find('mekong')).toEqual(['urn:uuid:2']);
    expect(lib.find('mongolia')).toEqual(['urn:uuid:1']);
    expect(lib.find('sahel')).toEqual(['urn:uuid:2']);
    expect(lib.find('observer')).toEqual([entityNote.id]);
    expect(lib.groups({ ...ALL, query: 'gas storage' }).map((g) => g.source)).toEqual(['https://c.example/z']);
  });

  it('filters by colour, tag and site', () => {
    expect(lib.groups({ ...ALL, color: 'green' }).flatMap((g) => g.highlights.map((h) => h.id))).toEqual(['urn:uuid:2']);
    expect(lib.groups({ ...ALL, tag: 'mongolia' }).flatMap((g) => g.highlights.map((h) => h.id))).toEqual(['urn:uuid:1']);
    expect(lib.groups({ ...ALL, site: 'a.example' }).map((g) => g.source)).toEqual(['https://www.a.example/x']);
    expect(lib.sites()).toEqual(['a.example', 'b.example', 'c.example']);
    expect(lib.tags()).toEqual(['mongolia']);
  });
});
