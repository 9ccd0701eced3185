import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { GlossDB } from '../../lib/db';
import { applyImport, previewImport } from '../../lib/export/apply-import';
import { MAX_IMPORT_BYTES, checkImportSize, parseImport } from '../../lib/export/import-file';
import { ImportError, describeIssue, type ImportIssue } from '../../lib/export/import-issues';
import { dump, seed } from './support/export-data';
import { freshDbEach } from './support/db';

const NOW = new Date('2026-11-27T12:00:00Z');
const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/bad-imports', name), 'utf8');

let db: GlossDB;
freshDbEach((d) => (db = d));
beforeEach(() => seed(db));

/** Runs the whole import as the options page does; returns the error it gives. */
async function attempt(text: string): Promise<Error> {
  try {
    const parsed = parseImport(text, NOW);
    await previewImport(db, parsed);
    await applyImport(db, parsed);
  } catch (e) {
    return e as Error;
  }
  throw new Error('the import was accepted');
}

describe('bad files: refused whole, with a message, database untouched', () => {
  it.each([
    ['truncated.txt', /not valid JSON/],
    ['not-json.txt', /not valid JSON/],
    ['empty.json', /not valid JSON \(the file is empty\)/],
    ['wrong-array.json', /neither a Gloss backup .* nor W3C/],
    ['unknown-object.json', /neither a Gloss backup/],
    ['list-is-not-a-list.json', /"highlights" must be a list, not an object/],
    ['future-version.json', /newer Gloss \(format version 2\); this Gloss reads up to version 1/],
  ])('%s', async (name, message) => {
    const before = await dump(db);
    const error = await attempt(fixture(name));
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/Nothing was imported/);
    expect(await dump(db)).toEqual(before);
  });

  it('refuses a 50 MB file by its size before parsing, naming the limit', async () => {
    const before = await dump(db);
    const big = `{"format":"gloss-backup","version":1,"settings":[{"key":"x","value":"${'a'.repeat(50 * 1024 * 1024)}"}]}`;
    const parse = JSON.parse;
    JSON.parse = () => {
      throw new Error('parsed');
    };
    try {
      expect(() => parseImport(big, NOW)).toThrow(ImportError);
      expect(() => parseImport(big, NOW)).toThrow(`up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
    } finally {
      JSON.parse = parse;
    }
    expect(() => checkImportSize(50 * 1024 * 1024)).toThrow(/The file is 50\.0 MB; Gloss imports files of up to 32 MB/);
    expect(() => checkImportSize(MAX_IMPORT_BYTES)).not.toThrow();
    expect(await dump(db)).toEqual(before);
  });
});

describe('bad records: each named by record, id and field; nothing imported', () => {
  const WEB_ONLY = 'must be an http, https or file address; Gloss never opens other kinds (data:, javascript:, …)';
  const cases: [string, Partial<ImportIssue>[]][] = [
    [
      'wrong-types.json',
      [
        { record: 'highlights[0]', id: 'urn:uuid:00000000-0000-4000-8000-00000000aaa1', field: 'color' },
        { record: 'highlights[1]', id: 'urn:uuid:00000000-0000-4000-8000-00000000aaa2', field: 'tags' },
        { record: 'highlights[2]', id: 'urn:uuid:00000000-0000-4000-8000-00000000aaa3', field: 'position.start' },
        { record: 'notes[0]', id: 'urn:gloss:page-note:https%3A%2F%2Fexample.com%2Fa', field: 'text' },
        { record: 'entityEdits[0]', id: 'country:mn', field: 'changes' },
      ],
    ],
    [
      'missing-fields.json',
      [
        { record: 'highlights[0]', id: 'urn:uuid:00000000-0000-4000-8000-00000000bbb1', field: 'quote.exact', message: 'is missing' },
        { record: 'notes[0]', field: 'created', message: 'is missing' },
        { record: 'settings[0]', id: 'paused', field: 'value', message: 'is missing' },
      ],
    ],
    [
      'duplicate-ids.json',
      [
        {
          record: 'highlights[1]',
          id: 'urn:uuid:00000000-0000-4000-8000-00000000aaaa',
          message: 'has the same key as highlights[0]; each may appear once',
        },
      ],
    ],
    [
      'bad-w3c.json',
      [
        { record: 'annotations[0]', id: 'anno-1', field: 'id' },
        { record: 'annotations[1]', id: 'urn:x:2', field: 'target.selector[0].exact' },
        { record: 'annotations[2]', id: 'urn:x:3', field: 'target', message: 'is missing' },
        { record: 'annotations[3]', id: 'urn:x:4', field: 'gloss:color' },
        { record: 'annotations[4]', id: 'urn:x:5', field: 'created' },
      ],
    ],
    [
      'bad-settings.json',
      [
        { record: 'settings[0]', id: 'sitesOff', field: 'value', message: 'must be a list, not a number' },
        { record: 'settings[1]', id: 'paused', field: 'value', message: 'must be true or false, not a string' },
        { record: 'settings[2]', id: 'sitesOff', field: 'value[1]', message: 'must be text, not a number' },
      ],
    ],
    [
      'bad-entity-edits.json',
      [
        { record: 'entityEdits[0]', id: 'country:aus', field: 'changes.aliases', message: 'must be a list, not a number' },
        { record: 'entityEdits[1]', id: 'country:mn', field: 'changes.name', message: 'must be text, not an object' },
        { record: 'entityEdits[2]', id: 'country:fr', field: 'changes.aliases[1]' },
        { record: 'entityEdits[3]', id: 'country:de', field: 'changes.pack', message: 'is not a field Gloss knows' },
        { record: 'entityEdits[4]', id: 'country:it', field: 'changes.links[0].url', message: 'must be an http or https address' },
      ],
    ],
    [
      'bad-sources.json',
      [
        { record: 'highlights[0]', id: 'urn:uuid:00000000-0000-4000-8000-00000000ccc1', field: 'source', message: WEB_ONLY },
        { record: 'highlights[1]', id: 'urn:uuid:00000000-0000-4000-8000-00000000ccc2', field: 'source', message: WEB_ONLY },
        { record: 'notes[0]', id: 'urn:gloss:page-note:data%3Atext%2Fhtml%2Cx', field: 'target', message: WEB_ONLY },
        { record: 'pages[0]', field: 'source', message: WEB_ONLY },
      ],
    ],
    [
      'bad-w3c-sources.json',
      [
        { record: 'annotations[0]', id: 'urn:x:1', field: 'target.source', message: WEB_ONLY },
        { record: 'annotations[1]', id: 'urn:x:2', field: 'target', message: WEB_ONLY },
      ],
    ],
  ];

  it.each(cases)('%s', async (name, expected) => {
    const before = await dump(db);
    const parsed = parseImport(fixture(name), NOW);
    expect(parsed.issues).toHaveLength(expected.length);
    parsed.issues.forEach((issue, i) => expect(issue).toMatchObject(expected[i]));
    const plan = await previewImport(db, parsed);
    expect(plan.counts.invalid).toBe(expected.length);
    const error = await attempt(fixture(name));
    expect(error.message).toContain(describeIssue(parsed.issues[0]));
    expect(error.message).toMatch(/Nothing was imported/);
    expect(await dump(db)).toEqual(before);
  });

  it('says the record, id and field in one line', () => {
    expect(describeIssue({ record: 'highlights[0]', id: 'urn:uuid:1', field: 'color', message: 'must be one of yellow' })).toBe(
      'highlights[0] (urn:uuid:1) field "color": must be one of yellow',
    );
  });
});

describe('markup in text is text', () => {
  it('accepts HTML and script in text fields and stores them unchanged', async () => {
    const parsed = parseImport(fixture('html-in-text.json'), NOW);
    expect(parsed.issues).toEqual([]);
    await applyImport(db, parsed);
    const stored = await db.highlights.get('urn:uuid:00000000-0000-4000-8000-00000000aaaa');
    expect(stored).toMatchObject({ title: '<img src=x onerror=alert(1)>', note: "<script>alert('note')</script>", tags: ['<b>tag</b>'] });
  });
});
