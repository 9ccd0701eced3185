import fc from 'fast-check';
import { HIGHLIGHT_COLORS, noteId, type Highlight, type Note, type PageRecord } from '../../../lib/annotations/types';
import type { EntityEdit, GlossDB, PackRecord, StoredEntity } from '../../../lib/db';
import { highlight, note } from './annotations';

/** Strings that have broken exporters before: quotes, commas, emoji, right-to-left, newlines, markup. */
export const AWKWARD = [
  'She said "no", then \'yes\'.',
  'a, b; c\td',
  'Emoji 🇲🇳 👩🏽‍💻 and a lone 🙂',
  'مرحبا بالعالم — שלום עולם',
  'line one\nline two\r\nline three\n\nparagraph',
  '<script>alert(1)</script><b onclick="x()">bold</b> &amp; &lt;',
  '=HYPERLINK("http://evil")',
  '+1 -1 @sum',
  '# not a heading\n- not a list\n1. not a list\n> not a quote',
  '**not bold** _not italic_ [not](a link) `not code` | pipe ~ tilde \\ backslash',
  '\u2028line separator\u2029paragraph separator',
  ' leading and trailing spaces ',
];

const awkward = fc.oneof(fc.constantFrom(...AWKWARD), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ maxLength: 20 }));
const nonEmpty = awkward.filter((s) => s.length > 0);
const iso = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const url = fc.webUrl({ withQueryParameters: true }).filter((u) => !/\s/.test(u));

/** A random highlight, with awkward text in every text field. */
export const arbHighlight: fc.Arbitrary<Highlight> = fc
  .record({
    uuid: fc.uuid(),
    source: url,
    title: awkward,
    exact: nonEmpty,
    prefix: awkward,
    suffix: awkward,
    start: fc.nat({ max: 1e6 }),
    length: fc.nat({ max: 5000 }),
    color: fc.constantFrom(...HIGHLIGHT_COLORS),
    note: awkward,
    tags: fc.array(nonEmpty, { maxLength: 4 }),
    created: iso,
    updated: iso,
    orphan: fc.boolean(),
  })
  .map((r) => ({
    id: `urn:uuid:${r.uuid}`,
    source: r.source,
    title: r.title,
    quote: { type: 'TextQuoteSelector' as const, exact: r.exact, prefix: r.prefix, suffix: r.suffix },
    position: { type: 'TextPositionSelector' as const, start: r.start, end: r.start + r.length },
    color: r.color,
    note: r.note,
    tags: r.tags,
    created: r.created,
    updated: r.updated,
    ...(r.orphan ? { orphan: true } : {}),
  }));

/** A random page or entity note. */
export const arbNote: fc.Arbitrary<Note> = fc
  .record({
    kind: fc.constantFrom('page' as const, 'entity' as const),
    page: url,
    entity: nonEmpty,
    title: awkward,
    text: awkward,
    tags: fc.array(nonEmpty, { maxLength: 3 }),
    created: iso,
    updated: iso,
  })
  .map((r) => {
    const target = r.kind === 'page' ? r.page : r.entity;
    return {
      id: noteId(r.kind, target),
      kind: r.kind,
      target,
      title: r.title,
      text: r.text,
      tags: r.tags,
      created: r.created,
      updated: r.updated,
    };
  });

/** A random reader's edit of an entity. */
export const arbEdit: fc.Arbitrary<EntityEdit> = fc.record({
  id: nonEmpty,
  changes: fc.record({ name: nonEmpty, summary: awkward }, { requiredKeys: [] }),
  updated: fc.nat(),
});

/** Everything a reader may own, with unique keys per table. */
export const arbContent = fc.record({
  highlights: fc.uniqueArray(arbHighlight, { selector: (h) => h.id, maxLength: 8 }),
  notes: fc.uniqueArray(arbNote, { selector: (n) => n.id, maxLength: 6 }),
  edits: fc.uniqueArray(arbEdit, { selector: (e) => e.id, maxLength: 4 }),
  settings: fc.uniqueArray(
    fc.record({
      key: nonEmpty.filter((k) => k !== 'kbRevision'),
      value: fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown),
    }),
    {
      selector: (s) => s.key,
      maxLength: 3,
    },
  ),
});

/** The reader's own pack with two entities. */
export function ownPack(): { pack: PackRecord; entities: StoredEntity[] } {
  const base = {
    aliases: ['Alias', { text: 'Other', cased: true }],
    facts: [{ label: 'Founded', value: '1999' }],
    related: [],
    source: 'me',
    license: 'CC0-1.0',
    asOf: '2026-01-01',
  };
  return {
    pack: { id: 'user', name: 'My entities', version: '1', enabled: true, entityCount: 2, installedAt: 1_700_000_000_000 },
    entities: [
      { id: 'user:org:a', type: 'organization', name: 'Org «A» <b>', summary: 'مرحبا', pack: 'user', rank: 0, ...base },
      { id: 'user:person:b', type: 'person', name: 'Person 👩🏽‍💻', summary: 'line\nbreak', pack: 'user', rank: 1, ...base },
    ],
  };
}

/** A database with a little of everything, including awkward text and an orphan. */
export async function seed(db: GlossDB): Promise<void> {
  const source = 'https://example.com/news/story?id=1';
  const page: PageRecord = {
    source,
    title: 'Story «one» — عنوان',
    lastRead: '2026-11-20T09:00:00.000Z',
    entities: ['country:mn', 'user:org:a'],
  };
  await db.pages.put(page);
  await db.highlights.bulkPut(
    AWKWARD.map((text, i) =>
      highlight({
        id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        source,
        title: page.title,
        quote: { type: 'TextQuoteSelector', exact: text, prefix: i % 2 ? AWKWARD[(i + 1) % AWKWARD.length] : '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 1000 - i * 10, end: 1005 - i * 10 },
        color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length],
        note: AWKWARD[(i + 3) % AWKWARD.length],
        tags: i % 3 ? [AWKWARD[i % AWKWARD.length], 'news'] : [],
        ...(i === 4 ? { orphan: true } : {}),
      }),
    ),
  );
  await db.highlights.put(
    highlight({ id: 'urn:uuid:00000000-0000-4000-8000-0000000000ff', source: 'https://example.org/other', title: 'Other page' }),
  );
  await db.notes.bulkPut([
    note('page', source, { title: page.title, text: AWKWARD.join('\n'), tags: ['page', '🏷️'] }),
    note('entity', 'country:mn', { title: 'Mongolia', text: 'Khürelsükh — «quote» "quote"' }),
    note('entity', 'user:org:a', { title: 'Org A', text: '', tags: ['only-tags'] }),
    note('page', 'https://example.org/empty-note', { title: 'Nothing', text: '' }),
  ]);
  const own = ownPack();
  await db.packs.bulkPut([own.pack, { id: 'starter', name: 'Starter', version: '3', enabled: true, entityCount: 1, installedAt: 1 }]);
  await db.entities.bulkPut([
    ...own.entities,
    { ...own.entities[0], id: 'country:mn', type: 'country', name: 'Mongolia', pack: 'starter', rank: 0 },
  ]);
  await db.entityEdits.put({ id: 'country:mn', changes: { summary: 'My <i>own</i> summary 🇲🇳' }, updated: 1_700_000_000_500 });
  await db.settings.bulkPut([
    { key: 'sitesOff', value: ['example.net'] },
    { key: 'paused', value: false },
    { key: 'kbRevision', value: 7 },
  ]);
}

/** Every table of the database, sorted by key, for before-and-after comparisons. */
export async function dump(db: GlossDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}
