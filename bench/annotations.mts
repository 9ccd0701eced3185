/**
 * The highlights part of `npm run bench`, in real Chromium on ../shared/fixtures/bench/page-1mb.html:
 * re-anchoring 200 highlights when the page is unchanged and when every quote needs
 * approximate matching, and search over 10,000 highlights. Prints a table and adds its
 * figures to bench-results.json under "annotations". Never a test: figures vary with the machine.
 */
import { chromium } from 'playwright-core';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { serveStatic } from '../scripts/static-server';
import { CHROMIUM } from '../tests/e2e/chromium';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const bundled = await build({
  configFile: false,
  logLevel: 'silent',
  build: {
    write: false,
    minify: true,
    lib: { entry: resolve(ROOT, 'bench/annotations-entry.ts'), formats: ['iife'], name: 'GlossBenchBundle' },
  },
});
const code = (Array.isArray(bundled) ? bundled[0] : (bundled as { output: { code: string }[] })).output[0].code;

const { url: base, server } = await serveStatic();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage();
await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
await page.goto(`${base}/shared/bench/page-1mb.html`);
await page.addScriptTag({ content: code });

const figures = await page.evaluate((runs) => {
  type Bench = {
    Anchorer: new (text: string) => { anchor(t: unknown): { start: number; end: number; method: string } | null };
    describe(text: string, s: number, e: number): { quote: { exact: string }; position: { start: number; end: number } };
    Library: new (h: unknown[], n: unknown[], p: unknown[]) => { find(q: string): string[] };
    HighlightLayer: new () => { paint(stream: unknown, p: unknown[]): void; dispose(): void };
    readTextStream(root: Node): { text: string };
  };
  const G = (globalThis as unknown as { GlossBench: Bench }).GlossBench;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = (f: () => void) => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  // A fixed pseudo-random sequence, so every run picks the same passages.
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;

  const stream = G.readTextStream(document.body);
  const text = stream.text;
  const wordStart = (i: number) => {
    while (i > 0 && /\S/.test(text[i - 1])) i--;
    return i;
  };
  const passages: { start: number; end: number }[] = [];
  while (passages.length < 200) {
    const start = wordStart(Math.floor(rand() * (text.length - 400)));
    let end = start + 40 + Math.floor(rand() * 120);
    while (end < text.length && /\S/.test(text[end])) end++;
    const exact = text.slice(start, end);
    // Unique passages only: a synthetic page repeats sections, and a copy elsewhere would be found exactly.
    if (exact.split(/\s+/).length >= 5 && text.indexOf(exact) === text.lastIndexOf(exact)) passages.push({ start, end });
  }
  const selectors = passages.map((p) => G.describe(text, p.start, p.end));

  // Unchanged page: read the stream, anchor all 200, paint them (what the content script does).
  const layer = new G.HighlightLayer();
  const unchanged: number[] = [];
  const anchorOnly: number[] = [];
  let unchangedMethods: Record<string, number> = {};
  for (let r = 0; r < runs; r++) {
    unchanged.push(
      time(() => {
        const s = G.readTextStream(document.body);
        const anchorer = new G.Anchorer(s.text);
        const placed: unknown[] = [];
        unchangedMethods = {};
        anchorOnly.push(
          time(() => {
            selectors.forEach((sel, i) => {
              const a = anchorer.anchor(sel);
              if (a) placed.push({ id: String(i), color: 'yellow', start: a.start, end: a.end });
              const m = a?.method ?? 'orphan';
              unchangedMethods[m] = (unchangedMethods[m] ?? 0) + 1;
            });
          }),
        );
        layer.paint(s, placed);
      }),
    );
  }

  // Every quote edited: 1,000 characters inserted at the top (positions all shift) and one
  // word inside each passage changed, so neither position nor exact quote can place any.
  const order = [...passages.keys()].sort((a, b) => passages[a].start - passages[b].start);
  const pieces: string[] = ['Correction, added after publication: '.repeat(27).slice(0, 1000)];
  let at = 0;
  for (const i of order) {
    const p = passages[i];
    if (p.start < at) continue;
    const mid = p.start + Math.floor((p.end - p.start) / 2);
    pieces.push(text.slice(at, mid), 'ZQX');
    at = mid + 3;
  }
  pieces.push(text.slice(at));
  const edited = pieces.join('');
  const fuzzy: number[] = [];
  let editedMethods: Record<string, number> = {};
  for (let r = 0; r < runs; r++) {
    const anchorer = new G.Anchorer(edited);
    editedMethods = {};
    fuzzy.push(
      time(() => {
        for (const sel of selectors) {
          const m = anchorer.anchor(sel)?.method ?? 'orphan';
          editedMethods[m] = (editedMethods[m] ?? 0) + 1;
        }
      }),
    );
  }
  // The worst case: a changed quote whose old position no longer helps, searched across the whole page.
  const far = new G.Anchorer(edited);
  const farMs = time(() => {
    for (const sel of selectors.slice(0, 10)) far.anchor({ quote: sel.quote });
  });
  layer.dispose();

  // Search over 10,000 highlights with notes and tags, as the popup builds and queries it.
  const words = text.split(/\s+/).filter((w) => /^[A-Za-z]{5,}$/.test(w));
  const pick = () => words[Math.floor(rand() * words.length)];
  const tags = Array.from({ length: 30 }, (_, i) => `tag${i}`);
  const highlights = Array.from({ length: 10_000 }, (_, i) => {
    const s = wordStart(Math.floor(rand() * (text.length - 300)));
    return {
      id: `urn:uuid:${i}`,
      source: `https://news${i % 200}.example/story/${i % 1000}`,
      title: `Story ${i % 1000}`,
      quote: { type: 'TextQuoteSelector', exact: text.slice(s, s + 80 + Math.floor(rand() * 120)), prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: s, end: s + 80 },
      color: 'yellow',
      note: Array.from({ length: 12 }, pick).join(' '),
      tags: [tags[i % 30], tags[(i * 7) % 30]],
      created: '2026-11-01T00:00:00.000Z',
      updated: '2026-11-01T00:00:00.000Z',
    };
  });
  let library!: InstanceType<Bench['Library']>;
  // The index is built on the first search, as in the popup.
  const indexMs = time(() => {
    library = new G.Library(highlights, [], []);
    library.find(pick());
  });
  const queries = Array.from({ length: 40 }, (_, i) => (i % 2 ? pick() : `${pick()} ${pick().slice(0, 4)}`));
  const searchMs = queries.map((q) => time(() => library.find(q)));
  return {
    textLength: text.length,
    unchangedPlaceMs: median(unchanged),
    unchangedAnchorMs: median(anchorOnly),
    unchangedMethods,
    editedAnchorMs: median(fuzzy),
    editedMethods,
    wholePageFuzzyMsPerHighlight: farMs / 10,
    searchIndexMs: indexMs,
    searchMedianMs: median(searchMs),
    searchMaxMs: Math.max(...searchMs),
  };
}, RUNS);

await browser.close();
server.close();

const ms = (x: number) => `${x.toFixed(1)} ms`;
const rows: [string, string, string][] = [
  [
    'Re-anchor 200 highlights, page unchanged (read + anchor + paint)',
    ms(figures.unchangedPlaceMs),
    `target < 100 ms: ${(figures.unchangedPlaceMs / 100).toFixed(2)}× of budget`,
  ],
  ['  of which anchoring', ms(figures.unchangedAnchorMs), JSON.stringify(figures.unchangedMethods)],
  [
    'Re-anchor 200 highlights, every quote edited (anchoring)',
    ms(figures.editedAnchorMs),
    `target < 1 s: ${(figures.editedAnchorMs / 1000).toFixed(2)}× of budget; ${JSON.stringify(figures.editedMethods)}`,
  ],
  ['  an edited quote whose old position is no help (whole page)', ms(figures.wholePageFuzzyMsPerHighlight), 'per highlight, no target'],
  [
    'Search 10,000 highlights: first search (builds the index)',
    ms(figures.searchIndexMs),
    'once per popup opening, on the first keystroke',
  ],
  ['Search 10,000 highlights: a query', ms(figures.searchMedianMs), `target < 50 ms (median of 40; slowest ${ms(figures.searchMaxMs)})`],
];
console.log(`\nHighlights on page-1mb.html (${figures.textLength.toLocaleString('en')} characters of text), medians of ${RUNS}:`);
for (const [what, value, note] of rows) console.log(`${what.padEnd(66)} ${value.padStart(10)}  ${note}`);

const resultsFile = resolve(ROOT, 'bench-results.json');
const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>) : {};
results.annotations = figures;
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
