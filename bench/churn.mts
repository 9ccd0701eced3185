/**
 * The changing-pages part of `npm run bench`, in real Chromium on the team's pages in
 * bench/pages: the main thread's CPU time over 30 s of infinite scroll with Gloss (two
 * highlights on the page) against the same without it, the longest task, and, on a page
 * whose clock changes every 50 ms, the time until appended content is painted. Prints a table
 * and adds its figures to bench-results.json under "churn". Never a test: figures vary with the machine.
 */
import { chromium, type Page } from 'playwright-core';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultRoots, serveStatic } from '../scripts/static-server';
import { CHROMIUM, launchWithGloss } from '../tests/e2e/chromium';
import { clickByRole, dragSelect, paintedHighlights, waitForPaint } from '../tests/e2e/page-tools';

const ROOT = resolve(import.meta.dirname, '..');
const SCROLL_MS = Number(process.env.BENCH_SCROLL_MS ?? 30_000);
const TICKER_MS = 10_000;
const APPEND_EVERY_MS = 500;

const { url: base, server } = await serveStatic({ ...defaultRoots(), '/bench/': resolve(ROOT, 'bench/pages') });

/** Records the page's long tasks (Gloss's content script runs on the same main thread). */
async function watchLongTasks(page: Page): Promise<void> {
  // tsx names the functions it compiles with a helper the page does not have.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
}

/** Scrolls the infinite page for SCROLL_MS; the main thread's task time and the long tasks meanwhile. */
async function scrollFeed(page: Page): Promise<{ cpuMs: number; longestTaskMs: number; longTasks: number; paragraphs: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return metrics.find((m) => m.name === 'TaskDuration')!.value;
  };
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
  const before = await taskSeconds();
  await page.evaluate((ms) => {
    const timer = setInterval(() => scrollBy(0, 120), 50);
    setTimeout(() => clearInterval(timer), ms);
  }, SCROLL_MS);
  await page.waitForTimeout(SCROLL_MS + 1000);
  const after = await taskSeconds();
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const paragraphs = await page.evaluate(() => document.querySelectorAll('#feed p').length);
  await cdp.detach();
  return { cpuMs: (after - before) * 1000, longestTaskMs: Math.max(0, ...longTasks), longTasks: longTasks.length, paragraphs };
}

const plain = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const plainPage = await plain.newPage({ viewport: { width: 1280, height: 900 } });
await watchLongTasks(plainPage);
await plainPage.goto(`${base}/bench/infinite.html`);
const without = await scrollFeed(plainPage);
await plain.close();

const { context } = await launchWithGloss();
const page = await context.newPage();
await watchLongTasks(page);
await page.goto(`${base}/bench/infinite.html`);
await waitForPaint(page);
for (const [selector, from, to] of [
  ['#intro', 'Leaders', 'rail links'],
  ['#context', 'Officials', 'observers'],
]) {
  await dragSelect(page, selector, from, to);
  await clickByRole(page, 'button', 'Highlight');
}
while ((await paintedHighlights(page)).length < 2) await page.waitForTimeout(100);
await page.evaluate(() => scrollTo(0, 0));
const withGloss = await scrollFeed(page);
// The same with Gloss reading, scanning and placing as ever, but its underline taken out of the
// page's highlight registry: what is left of the difference is Gloss's own work.
await page.goto(`${base}/bench/infinite.html`);
await waitForPaint(page);
await page.evaluate(() => CSS.highlights.delete('gloss-mention'));
const unpainted = await scrollFeed(page);

// A clock changing every 50 ms while paragraphs arrive: how long each waits to be painted.
await page.goto(`${base}/bench/ticker.html`);
await waitForPaint(page);
const latencies = await page.evaluate(
  ({ total, every }) =>
    new Promise<number[]>((done) => {
      const out: number[] = [];
      const feed = document.getElementById('feed')!;
      let k = 0;
      const timer = setInterval(() => {
        const p = document.createElement('p');
        p.textContent = `Update ${++k}: ministers from Kenya and Peru met their counterparts from Canada.`;
        feed.append(p);
        const start = performance.now();
        const check = () => {
          for (const r of (CSS.highlights.get('gloss-mention') ?? []) as unknown as Iterable<StaticRange>) {
            if (p.contains(r.startContainer)) return void out.push(performance.now() - start);
          }
          if (performance.now() - start > 5000) return void out.push(Infinity);
          requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }, every);
      setTimeout(() => {
        clearInterval(timer);
        setTimeout(() => done(out), 5500);
      }, total);
    }),
  { total: TICKER_MS, every: APPEND_EVERY_MS },
);
await context.close();
server.close();

const sorted = [...latencies].sort((a, b) => a - b);
const figures = {
  scrollSeconds: SCROLL_MS / 1000,
  paragraphsAppended: withGloss.paragraphs,
  cpuWithoutGlossMs: without.cpuMs,
  cpuWithGlossMs: withGloss.cpuMs,
  cpuRatio: withGloss.cpuMs / without.cpuMs,
  cpuWithGlossUnderlineUnpaintedMs: unpainted.cpuMs,
  cpuRatioUnderlineUnpainted: unpainted.cpuMs / without.cpuMs,
  longestTaskWithoutGlossMs: without.longestTaskMs,
  longestTaskWithGlossMs: withGloss.longestTaskMs,
  longTasksWithGloss: withGloss.longTasks,
  tickerAppends: latencies.length,
  tickerPaintMedianMs: sorted[Math.floor(sorted.length / 2)],
  tickerPaintMaxMs: sorted[sorted.length - 1],
};

const ms = (x: number) => `${x.toFixed(0)} ms`;
const rows: [string, string, string][] = [
  [`Infinite scroll, ${figures.scrollSeconds} s: main-thread CPU without Gloss`, ms(without.cpuMs), `${without.paragraphs} paragraphs`],
  [
    `Infinite scroll, ${figures.scrollSeconds} s: main-thread CPU with Gloss`,
    ms(withGloss.cpuMs),
    `target within 1.5×: ${figures.cpuRatio.toFixed(2)}× (${withGloss.paragraphs} paragraphs, 2 highlights)`,
  ],
  [
    `Infinite scroll, ${figures.scrollSeconds} s: with Gloss, its underline not painted`,
    ms(unpainted.cpuMs),
    `${figures.cpuRatioUnderlineUnpainted.toFixed(2)}× without Gloss: the rest is the browser painting the underline`,
  ],
  [
    'Infinite scroll: longest task with Gloss',
    ms(withGloss.longestTaskMs),
    `target none over 50 ms: ${withGloss.longTasks} over (${ms(without.longestTaskMs)} longest without Gloss)`,
  ],
  [
    'Clock changing every 50 ms: appended content painted, median',
    ms(figures.tickerPaintMedianMs),
    `target ≤ 500 ms: ${(figures.tickerPaintMedianMs / 500).toFixed(2)}× of budget`,
  ],
  [
    'Clock changing every 50 ms: appended content painted, slowest',
    ms(figures.tickerPaintMaxMs),
    `target ≤ 500 ms: ${(figures.tickerPaintMaxMs / 500).toFixed(2)}× of budget (${latencies.length} appends)`,
  ],
];
console.log('\nPages that keep changing:');
for (const [what, value, note] of rows) console.log(`${what.padEnd(66)} ${value.padStart(10)}  ${note}`);

const resultsFile = resolve(ROOT, 'bench-results.json');
const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>) : {};
results.churn = figures;
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
