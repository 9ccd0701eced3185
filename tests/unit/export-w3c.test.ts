import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GlossDB } from '../../lib/db';
import { applyImport } from '../../lib/export/apply-import';
import { exportAll, exportPage } from '../../lib/export';
import { parseImport } from '../../lib/export/import-file';
import { annotationCollection, highlightAnnotation, noteAnnotation } from '../../lib/export/w3c';
import { sharedAvailable } from '../shared-fixtures';
import { arbHighlight, arbNote, dump, seed } from './support/export-data';
import { assertions, failures, type Assertion } from './support/w3c-schemas';
import { freshDbEach } from './support/db';

const NOW = new Date('2026-11-27T12:00:00Z');
let db: GlossDB;
freshDbEach((d) => (db = d));

interface Collection {
  total: number;
  first?: { items: Record<string, unknown>[] };
}

async function exported(): Promise<Collection> {
  const file = await exportAll(db, 'w3c', NOW);
  expect(file.filename).toBe('gloss-2026-11-27.jsonld');
  return JSON.parse(file.data as string) as Collection;
}

describe.runIf(sharedAvailable('the W3C Web Annotation conformance schemas'))('W3C export against the W3C test suite', () => {
  let musts: Assertion[];
  let collectionMusts: Assertion[];
  beforeAll(() => {
    musts = assertions('annotations/annotationMusts.test');
    collectionMusts = assertions('collections/collectionMusts.test');
  });

  it('compiles the 54 annotation and 10 collection assertions', () => {
    expect(musts).toHaveLength(54);
    expect(collectionMusts).toHaveLength(10);
  });

  it('passes every annotationMusts schema for every exported annotation (quotes, emoji, RTL, newlines, markup)', async () => {
    await seed(db);
    const collection = await exported();
    const items = collection.first!.items;
    expect(items).toHaveLength(13 + 4);
    for (const item of items) expect(failures(musts, item), String(item.id)).toEqual([]);
  });

  it('passes every collectionMusts schema for the exported collection, full and empty', async () => {
    await seed(db);
    expect(failures(collectionMusts, await exported())).toEqual([]);
    await db.highlights.clear();
    await db.notes.clear();
    const empty = await exported();
    expect(empty.total).toBe(0);
    expect(failures(collectionMusts, empty)).toEqual([]);
  });

  it('passes for a single page’s export too', async () => {
    await seed(db);
    const file = await exportPage(db, 'https://example.com/news/story?id=1', 'w3c', NOW);
    const collection = JSON.parse(file.data as string) as Collection;
    expect(failures(collectionMusts, collection)).toEqual([]);
    for (const item of collection.first!.items) expect(failures(musts, item)).toEqual([]);
  });

  it('passes for random highlights and notes', () => {
    fc.assert(
      fc.property(fc.array(arbHighlight, { maxLength: 5 }), fc.array(arbNote, { maxLength: 3 }), (highlights, notes) => {
        for (const a of [...highlights.map(highlightAnnotation), ...notes.map(noteAnnotation)]) expect(failures(musts, a)).toEqual([]);
        expect(failures(collectionMusts, annotationCollection({ highlights, notes }, NOW, 'x'))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('is a real check: an annotation without @context or with a relative id fails', async () => {
    await seed(db);
    const item = (await exported()).first!.items[0];
    const noContext = { ...item };
    delete noContext['@context'];
    expect(failures(musts, noContext).length).toBeGreaterThan(0);
    expect(failures(musts, { ...item, id: 'not an iri' }).length).toBeGreaterThan(0);
  });
});

describe('W3C round trip', () => {
  it('keeps every highlight and note field through export, wipe and import', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(arbHighlight, { selector: (h) => h.id, maxLength: 6 }),
        fc.uniqueArray(arbNote, { selector: (x) => x.id, maxLength: 4 }),
        async (highlights, notes) => {
          await db.highlights.clear();
          await db.notes.clear();
          await db.highlights.bulkPut(highlights);
          await db.notes.bulkPut(notes);
          const before = await dump(db);
          const file = await exportAll(db, 'w3c', NOW);
          await db.highlights.clear();
          await db.notes.clear();
          const parsed = parseImport(file.data as string, NOW);
          expect(parsed.issues).toEqual([]);
          await applyImport(db, parsed);
          expect(await dump(db)).toEqual(before);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads an annotation from another tool: quote without position, no Gloss fields', () => {
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      id: 'https://hypothes.is/export/1',
      first: {
        type: 'AnnotationPage',
        items: [
          {
            id: 'https://hypothes.is/a/abc',
            type: 'Annotation',
            created: '2016-11-28T10:34:17.123456+00:00',
            body: [
              { type: 'TextualBody', value: '<p>Note with <em>markup</em></p>', format: 'text/html' },
              { type: 'TextualBody', value: 'tag one', purpose: 'tagging' },
            ],
            target: [
              { source: 'https://example.com/a', selector: [{ type: 'RangeSelector' }, { type: 'TextQuoteSelector', exact: 'passage' }] },
            ],
          },
          { id: 'https://hypothes.is/a/def', type: 'Annotation', bodyValue: 'A page-level note', target: 'https://example.com/a' },
        ],
      },
    };
    const parsed = parseImport(JSON.stringify(foreign), NOW);
    expect(parsed.issues).toEqual([]);
    expect(parsed.records.highlights).toEqual([
      {
        id: 'https://hypothes.is/a/abc',
        source: 'https://example.com/a',
        title: 'https://example.com/a',
        quote: { type: 'TextQuoteSelector', exact: 'passage', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 0 },
        color: 'yellow',
        note: '<p>Note with <em>markup</em></p>',
        tags: ['tag one'],
        created: '2016-11-28T10:34:17.123456+00:00',
        updated: '2016-11-28T10:34:17.123456+00:00',
      },
    ]);
    expect(parsed.records.notes).toMatchObject([
      { kind: 'page', target: 'https://example.com/a', text: 'A page-level note', created: NOW.toISOString() },
    ]);
  });

  it('reads an entity note back from its urn:gloss:entity: target', async () => {
    await db.notes.put({
      id: 'urn:gloss:entity-note:org%3Aa%20b',
      kind: 'entity',
      target: 'org:a b',
      title: 'A B',
      text: 't',
      tags: [],
      created: NOW.toISOString(),
      updated: NOW.toISOString(),
    });
    const data = JSON.parse((await exportAll(db, 'w3c', NOW)).data as string) as Collection;
    expect(data.first!.items[0].target).toBe('urn:gloss:entity:org%3Aa%20b');
    expect(parseImport(JSON.stringify(data), NOW).records.notes[0]).toMatchObject({ kind: 'entity', target: 'org:a b' });
  });
});
