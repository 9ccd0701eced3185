import { strFromU8, unzipSync } from 'fflate';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { GlossDB } from '../../lib/db';
import { exportAll, exportPage } from '../../lib/export';
import { groupByPage } from '../../lib/export/bundle';
import { CSV_COLUMNS, TAG_SEPARATOR, highlightsCsv } from '../../lib/export/csv';
import { fileDate, slug } from '../../lib/export/files';
import { markdownText, pageMarkdown } from '../../lib/export/markdown';
import { highlight, note } from './support/annotations';
import { AWKWARD, arbHighlight, seed } from './support/export-data';
import { freshDbEach } from './support/db';

const NOW = new Date('2026-11-27T12:00:00Z');
const STORY = 'https://example.com/news/story?id=1';
let db: GlossDB;
freshDbEach((d) => (db = d));

/** What a cell holds once a spreadsheet would read it: the guard quote only where a formula could start. */
const guarded = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

describe('CSV', () => {
  it('parses back with papaparse to the exact fields, one row per highlight in page order', async () => {
    await seed(db);
    const file = await exportAll(db, 'csv', NOW);
    expect(file).toMatchObject({ filename: 'gloss-2026-11-27.csv', mime: 'text/csv;charset=utf-8' });
    const text = file.data as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const highlights = (await db.highlights.toArray()).sort((a, b) => a.position.start - b.position.start);
    const story = highlights.filter((h) => h.source === STORY);
    const expected = [...story, ...highlights.filter((h) => h.source !== STORY)].map((h) =>
      [
        h.source === STORY ? 'Story «one» — عنوان' : h.title,
        h.source,
        h.quote.exact,
        h.note,
        h.tags.join(TAG_SEPARATOR),
        h.color,
        h.created,
        h.updated,
      ].map(guarded),
    );
    expect(rows.slice(1)).toEqual(expected);
  });

  it('guards every cell that a spreadsheet would run as a formula, including multi-line ones', () => {
    const h = highlight({
      note: '=1+1\n=2',
      quote: { type: 'TextQuoteSelector', exact: '@SUM(A1)', prefix: '', suffix: '' },
      tags: ['-x'],
    });
    const [, row] = Papa.parse<string[]>(highlightsCsv(groupByPage({ highlights: [h], notes: [], pages: [] }))).data;
    expect(row.slice(2, 5)).toEqual(["'@SUM(A1)", "'=1+1\n=2", "'-x"]);
  });

  it('keeps any text exact (property)', () => {
    fc.assert(
      fc.property(fc.array(arbHighlight, { minLength: 1, maxLength: 5 }), (hs) => {
        const groups = groupByPage({ highlights: hs, notes: [], pages: [] });
        const rows = Papa.parse<string[]>(highlightsCsv(groups)).data.slice(1);
        const expected = groups.flatMap((g) =>
          g.highlights.map((h) =>
            [g.title, h.source, h.quote.exact, h.note, h.tags.join(TAG_SEPARATOR), h.color, h.created, h.updated].map(guarded),
          ),
        );
        expect(rows).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});

describe('Markdown', () => {
  it('writes one page with front matter, highlights in page order, colour, tags, notes, orphan mark, page and entity notes', async () => {
    await seed(db);
    const file = await exportPage(db, STORY, 'markdown', NOW);
    expect(file.filename).toBe('gloss-2026-11-27-story-one-عنوان.md');
    const md = file.data as string;
    expect(md.split('\n').slice(0, 7)).toEqual([
      '---',
      'title: "Story «one» — عنوان"',
      `url: "${STORY}"`,
      'read: 2026-11-20',
      expect.stringMatching(/^tags: \[.*"news".*"page", "🏷️"\]$/),
      'highlights: 12',
      '---',
    ]);
    expect(md).toContain(`# Story «one» — عنوان\n\n<${STORY}>\n\nRead 2026-11-20\n\n## Highlights\n\n`);
    // Page order is by position.start: the seed stores them in reverse.
    const quotes = [...md.matchAll(/^> (.*)$/gm)].map((m) => m[1]);
    expect(quotes[0]).toBe(markdownText(AWKWARD[11]));
    expect(md).toContain('Colour: purple · **not found on the page at the last visit**');
    expect(md).toContain('Tags: \\# not a heading - not a list 1. not a list \\> not a quote, news');
    expect(md).toContain('## Page note');
    expect(md).toContain('## Notes on what it mentions\n\n### Mongolia\n\nKhürelsükh — «quote» "quote"');
    expect(md).toContain('### Org A\n\nTags: only-tags');
    // Markup in the YAML front matter is data; in the body it is escaped.
    expect(md.slice(md.indexOf('\n---\n'))).not.toContain('<script>');
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
  });

  it('escapes markup so Markdown shows text as written, keeping line breaks', () => {
    expect(markdownText('# h\n- l\n1. n\n<b>&amp;</b> *x* [a](b)')).toBe('\\# h\n\\- l\n1\\. n\n\\<b\\>\\&amp;\\</b\\> \\*x\\* \\[a\\](b)');
  });

  it('writes quotes that span lines as one block quote and keeps front matter valid for any title', () => {
    const h = highlight({
      title: 'A "title"\nwith\u2028breaks',
      quote: { type: 'TextQuoteSelector', exact: 'one\n\ntwo', prefix: '', suffix: '' },
    });
    const md = pageMarkdown(groupByPage({ highlights: [h], notes: [], pages: [] })[0]);
    expect(md).toContain('title: "A \\"title\\"\\nwith\\u2028breaks"');
    expect(md).toContain('> one\n>\n> two');
  });

  it('writes every page to one file, or one file per page in a zip', async () => {
    await seed(db);
    await db.notes.put(note('page', 'https://example.org/only-note', { title: 'Only a note' }));
    await db.notes.put(note('entity', 'person:nobody', { title: 'Nobody <i>', text: 'On no page' }));
    const one = await exportAll(db, 'markdown', NOW);
    expect(one.filename).toBe('gloss-2026-11-27.md');
    expect(one.data as string).toMatch(/^---\ntitle: "Gloss notes"\nexported: 2026-11-27\npages: 4\n---\n\n# Gloss notes\n/);
    expect((one.data as string).match(/^## .*$/gm)).toContain('## Story «one» — عنوان');
    expect(one.data as string).toMatch(/## Notes on entities\n\n### Nobody \\<i\\>\n\nOn no page\n$/);

    const zip = await exportAll(db, 'markdown-zip', NOW);
    expect(zip).toMatchObject({ filename: 'gloss-2026-11-27.zip', mime: 'application/zip' });
    const files = unzipSync(zip.data as Uint8Array);
    expect(Object.keys(files).sort()).toEqual([
      'gloss-2026-11-27/entity-notes.md',
      'gloss-2026-11-27/nothing.md',
      'gloss-2026-11-27/only-a-note.md',
      'gloss-2026-11-27/other-page.md',
      'gloss-2026-11-27/story-one-عنوان.md',
    ]);
    expect(strFromU8(files['gloss-2026-11-27/other-page.md'])).toMatch(/^---\ntitle: "Other page"/);
  });

  it('refuses a page with nothing on it', async () => {
    await expect(exportPage(db, 'https://example.com/none', 'markdown', NOW)).rejects.toThrow(/nothing on this page/);
  });
});

describe('file names', () => {
  it('carry the local date and a slug of any script', () => {
    expect(fileDate(new Date(2026, 10, 7, 23, 59))).toBe('2026-11-07');
    expect(slug('  Élysée: “Macron” says… 🇫🇷 ')).toBe('élysée-macron-says');
    expect(slug('🙂')).toBe('page');
  });
});
