/**
 * `npm run bench`: Gloss's speed and size figures in real Chromium, everything side by side
 * in one run, on the seed article and on ../shared/fixtures/bench (a 1 MB page, alias lists
 * of 10,000 and 100,000). Prints a table with ratios to the targets and writes
 * bench-results.json. Never a test: figures vary with the machine.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveStatic } from '../scripts/static-server';
import { BENCH_BUILD, CHROME_BUILD, CHROMIUM, launchWithGloss } from '../tests/e2e/chromium';
import type { MatcherStats } from '../lib/messaging';

const ROOT = resolve(import.meta.dirname, '..');
const BENCH = resolve(ROOT, '../shared/fixtures/bench');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

// tsx keeps function names by wrapping them in __name(), which pages do not define.
const KEEP_NAMES = { content: 'globalThis.__name = (f) => f;' };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(1)} ms`);

interface PageFigures {
  floor: number;
  scan: number;
  painted: number;
  endToEnd: number;
  /** The longest task in the page's life, its own loading included. */
  longestTask: number;
  /** The longest task from Gloss's start (document_idle) on: Gloss's work and all else then. */
  longestTaskFromIdle: number;
  mentions: number;
}

/** Loads a page with Gloss and reads its marks: read, scan (with messaging), paint. */
async function measurePage(context: BrowserContext, url: string): Promise<PageFigures> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longtasks: [number, number][] };
    w.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('gloss:painted').length > 0, null, { timeout: 60_000 });
  // Long enough for the slices that follow the first paint (blocks watched, ranges made) to finish.
  await page.waitForTimeout(1000);
  const figures = await page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    // The floor: the fastest plain read of the visible text, a depth-first walk.
    const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'CODE', 'PRE', 'INPUT', 'SELECT']);
    const walk = () => {
      const parts: string[] = [];
      let n: Node | null = document.body.firstChild;
      while (n) {
        if (n.nodeType === 3) parts.push((n as Text).data);
        else if (n.nodeType === 1 && !skip.has((n as Element).tagName) && n.firstChild) {
          n = n.firstChild;
          continue;
        }
        while (n && !n.nextSibling) n = n.parentNode === document.body ? null : n.parentNode;
        n = n ? n.nextSibling : null;
      }
      return parts.join('').length;
    };
    const floors: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      walk();
      floors.push(performance.now() - t);
    }
    const h = CSS.highlights.get('gloss-mention');
    const tasks = (window as unknown as { __longtasks: [number, number][] }).__longtasks;
    const fromIdle = tasks.filter(([start]) => start >= at('gloss:content-start'));
    return {
      floor: Math.min(...floors),
      scan: at('gloss:scanned') - at('gloss:read-start'),
      painted: at('gloss:painted') - at('gloss:read-start'),
      endToEnd: at('gloss:painted') - at('gloss:content-start'),
      longestTask: Math.max(0, ...tasks.map(([, d]) => d)),
      longestTaskFromIdle: Math.max(0, ...fromIdle.map(([, d]) => d)),
      // All the mentions found; on a big page only those near the viewport are painted.
      mentions: (performance.getEntriesByName('gloss:scanned')[0] as PerformanceMark | undefined)?.detail?.mentions ?? (h ? h.size : 0),
    };
  });
  await page.close();
  return figures;
}

async function medianPage(context: BrowserContext, url: string, runs = RUNS): Promise<PageFigures> {
  const all: PageFigures[] = [];
  for (let i = 0; i < runs; i++) all.push(await measurePage(context, url));
  const keys = Object.keys(all[0]) as (keyof PageFigures)[];
  return Object.fromEntries(
    keys.map((k) => [k, k.startsWith('longestTask') ? Math.max(...all.map((f) => f[k])) : median(all.map((f) => f[k]))]),
  ) as unknown as PageFigures;
}

async function stopWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await page.waitForTimeout(300);
}

/** The options page's matcher figures (it asks the background, which compiles if need be). */
async function matcherStats(options: Page, extensionId: string): Promise<MatcherStats> {
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const el = options.getByTestId('matcher-stats');
  await el.waitFor({ timeout: 120_000 });
  return JSON.parse((await el.getAttribute('data-stats'))!) as MatcherStats;
}

async function setPack(options: Page, extensionId: string, name: string, enabled: boolean): Promise<void> {
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const box = options.getByRole('checkbox', { name });
  await box.waitFor();
  if ((await box.isChecked()) !== enabled) await box.click();
  await options.waitForTimeout(200);
}

async function importSyntheticPack(options: Page, extensionId: string, aliases: string[], label: string): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'gloss-bench-')), `${label}.json`);
  const entities = aliases.map((a, i) => ({
    id: `bench:${i}`,
    type: 'organization',
    name: a,
    aliases: [],
    summary: '',
    facts: [],
    related: [],
  }));
  writeFileSync(file, JSON.stringify({ id: `bench-${label}`, name: `Synthetic ${label}`, version: '1', entities }));
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel(/Import a pack/).setInputFiles(file);
  await options.getByText(`Installed “Synthetic ${label}”`).waitFor({ timeout: 300_000 });
}

/** mark.js on the same page in a browser without Gloss: fastest mode and keyword-list mode. */
async function markJs(base: string, aliases: string[]) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const markSource = readFileSync(resolve(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  const escaped = [...aliases].sort((a, b) => b.length - a.length).map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const source = `(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`;
  const exclude = ['script', 'style', 'noscript', 'textarea', 'code', 'pre', '[contenteditable]'];
  const regexpRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await browser.newPage();
    await page.addInitScript(KEEP_NAMES);
    await page.goto(`${base}/shared/bench/page-1mb.html`);
    await page.addScriptTag({ content: markSource });
    regexpRuns.push(
      await page.evaluate(
        ({ source, exclude }) =>
          new Promise<number>((done) => {
            const t = performance.now();
            const re = new RegExp(source, 'gu');
            new (window as unknown as { Mark: new (el: Element) => { markRegExp: (re: RegExp, o: object) => void } }).Mark(
              document.body,
            ).markRegExp(re, { exclude });
            requestAnimationFrame(() => setTimeout(() => done(performance.now() - t)));
          }),
        { source, exclude },
      ),
    );
    await page.close();
  }
  const subset = aliases.slice(0, 10);
  const page = await browser.newPage();
  await page.addInitScript(KEEP_NAMES);
  await page.goto(`${base}/shared/bench/page-1mb.html`);
  await page.addScriptTag({ content: markSource });
  const listMs = await page.evaluate(
    ({ subset, exclude }) => {
      const t = performance.now();
      new (window as unknown as { Mark: new (el: Element) => { mark: (k: string[], o: object) => void } }).Mark(document.body).mark(
        subset,
        {
          exclude,
          separateWordSearch: false,
          accuracy: 'exactly',
          caseSensitive: true,
          diacritics: false,
        },
      );
      return performance.now() - t;
    },
    { subset, exclude },
  );
  await browser.close();
  return { regexpPainted: median(regexpRuns), perKeyword: listMs / subset.length, subset: subset.length };
}

async function main() {
  const { url: base, server } = await serveStatic({ '/shared/': resolve(ROOT, '../shared/fixtures'), '/': resolve(ROOT, 'demo/pages') });
  // The bench build: only it leaves the `gloss:*` marks these figures are read from.
  const { context, extensionId } = await launchWithGloss({ build: BENCH_BUILD });
  await context.addInitScript(KEEP_NAMES);
  const options = await context.newPage();
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    chromium: context.browser()?.version() ?? 'persistent',
    runs: RUNS,
  };
  const seed = `${base}/shared/seed-article.html`;
  const big = `${base}/shared/bench/page-1mb.html`;

  // The size the reader downloads: the release build's, which holds no mark code.
  const contentJs = readFileSync(join(CHROME_BUILD, 'content-scripts/content.js'));
  results.contentScript = { bytes: contentJs.length, gzipBytes: gzipSync(contentJs).length };

  // Starter pack.
  const starterStats = await matcherStats(options, extensionId);
  await measurePage(context, seed); // warm the worker and the page cache
  const seedWarm = await medianPage(context, seed);
  const cold: number[] = [];
  const coldFirstAnswer: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await stopWorkers(options);
    const page = await context.newPage();
    await page.goto(seed);
    await page.waitForFunction(() => performance.getEntriesByName('gloss:painted').length > 0, null, { timeout: 30_000 });
    const f = await page.evaluate(() => {
      const at = (n: string) => performance.getEntriesByName(n)[0].startTime;
      return { painted: at('gloss:painted') - at('gloss:content-start'), answer: at('gloss:scanned') - at('gloss:read-end') };
    });
    cold.push(f.painted);
    coldFirstAnswer.push(f.answer);
    await page.close();
  }
  const starterBig = await medianPage(context, big);
  results.starter = {
    matcher: starterStats,
    seedWarm,
    seedColdEndToEnd: median(cold),
    coldFirstAnswer: median(coldFirstAnswer),
    page1mb: starterBig,
  };

  // Synthetic packs, each alone.
  const all100k = JSON.parse(readFileSync(join(BENCH, 'aliases-100k.json'), 'utf8')) as string[];
  const all10k = JSON.parse(readFileSync(join(BENCH, 'aliases-10k.json'), 'utf8')) as string[];
  await setPack(options, extensionId, 'Starter pack', false);
  for (const [label, aliases] of [
    ['10k', all10k],
    ['100k', all100k],
  ] as const) {
    await importSyntheticPack(options, extensionId, aliases, label);
    const compiled = await matcherStats(options, extensionId);
    await stopWorkers(options);
    const restored = await matcherStats(options, extensionId);
    await measurePage(context, big);
    const page1mb = await medianPage(context, big);
    const article = await medianPage(context, `${base}/shared/bench/article-1500w.html`);
    results[`synthetic${label}`] = { compiled, restored, page1mb, article1500w: article };
    await setPack(options, extensionId, `Synthetic ${label}`, false);
  }
  await context.close();

  const mark = await markJs(base, all100k);
  results.markjs = mark;
  server.close();

  const s100 = results.synthetic100k as { compiled: MatcherStats; restored: MatcherStats; page1mb: PageFigures };
  const rows: [string, string, string][] = [
    ['Content script size (gzip)', `${(gzipSync(contentJs).length / 1024).toFixed(1)} kB`, 'target < 30 kB'],
    ['Seed article, painted after document_idle, warm worker', ms(seedWarm.endToEnd), 'target < 100 ms'],
    ['Seed article, painted after document_idle, cold worker', ms(median(cold)), 'target < 300 ms'],
    ['First answer from a cold service worker (seed article)', ms(median(coldFirstAnswer)), ''],
    [
      'Starter pack: aliases / matcher size / compile',
      `${starterStats.aliasCount} / ${(starterStats.bytes / 1e6).toFixed(1)} MB / ${ms(starterStats.compileMs)}`,
      '',
    ],
    [
      '1 MB page, starter pack: floor / scan / painted',
      `${ms(starterBig.floor)} / ${ms(starterBig.scan)} / ${ms(starterBig.painted)} (${starterBig.mentions} mentions)`,
      '',
    ],
  ];
  for (const label of ['10k', '100k']) {
    const r = results[`synthetic${label}`] as {
      compiled: MatcherStats;
      restored: MatcherStats;
      page1mb: PageFigures;
      article1500w: PageFigures;
    };
    rows.push(
      [
        `${label} aliases: compile / restore from cache / size`,
        `${ms(r.compiled.compileMs)} / ${ms(r.restored.restoreMs)} / ${(r.compiled.bytes / 1e6).toFixed(1)} MB`,
        label === '100k' ? 'target < 200 ms / < 30 ms' : '',
      ],
      [
        `${label} aliases, 1 MB page: floor / scan / painted`,
        `${ms(r.page1mb.floor)} / ${ms(r.page1mb.scan)} / ${ms(r.page1mb.painted)} (${r.page1mb.mentions} mentions)`,
        `scan = ${(r.page1mb.scan / r.page1mb.floor).toFixed(1)}× floor${label === '100k' ? ' (target ≤ 3×)' : ''}`,
      ],
      [
        `${label} aliases, 1 MB page: end to end from document_idle / longest task from document_idle (in the page's life)`,
        `${ms(r.page1mb.endToEnd)} / ${ms(r.page1mb.longestTaskFromIdle)} (${ms(r.page1mb.longestTask)})`,
        label === '100k' ? 'target: no task > 50 ms' : '',
      ],
      [`${label} aliases, 1,500-word article: painted`, `${ms(r.article1500w.painted)} (${r.article1500w.mentions} mentions)`, ''],
    );
  }
  rows.push(
    [
      'mark.js markRegExp (one RegExp, 100k aliases), 1 MB page, painted',
      ms(mark.regexpPainted),
      `Gloss paints ${(mark.regexpPainted / s100.page1mb.painted).toFixed(1)}× sooner (target ≥ 5×)`,
    ],
    [
      'mark.js keyword list, per keyword (measured on ' + mark.subset + ', extrapolated)',
      `${ms(mark.perKeyword)} → ${((mark.perKeyword * all100k.length) / 1000 / 60).toFixed(0)} min for 100k`,
      'extrapolated',
    ],
  );
  results.table = rows;
  writeFileSync(resolve(ROOT, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('| figure | value | against |\n| --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

await main();
