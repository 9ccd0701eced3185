import type { Browser, Page } from 'puppeteer-core';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/static-server';
import { sharedAvailable } from '../shared-fixtures';
import { FIREFOX_UUID, launchFirefoxWithGloss } from './firefox';
import { mentionCount, waitForSettledPaint } from './paint';

const run = sharedAvailable('the Firefox end-to-end test');

describe.runIf(run)('Firefox ESR with the built Firefox extension', () => {
  let browser: Browser;
  let server: Server;
  let page: Page;

  beforeAll(async () => {
    let base: string;
    ({ url: base, server } = await serveStatic());
    browser = await launchFirefoxWithGloss();
    page = await browser.newPage();
    await page.goto(`${base}/shared/seed-article.html`);
    await waitForSettledPaint(() => page.evaluate(mentionCount), 30_000);
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('paints the seed article’s mentions', async () => {
    const texts = await page.evaluate(() =>
      [...((CSS.highlights.get('gloss-mention') ?? []) as unknown as Iterable<StaticRange>)].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      }),
    );
    expect(texts.length).toBeGreaterThan(100);
    expect(texts).toContain('Ulaanbaatar');
    expect(texts).toContain('Rome Statute');
  });

  it('opens a hover card on a mention after the dwell', async () => {
    const point = await page.evaluate(() => {
      for (const r of (CSS.highlights.get('gloss-mention') ?? []) as unknown as Iterable<StaticRange>) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() !== 'Ulaanbaatar') continue;
        (r.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
        const box = range.getClientRects()[0];
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    });
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x, point!.y, { steps: 3 });
    // The card lives in a closed shadow root; its host shows whether it is open.
    await page.waitForFunction(() => (document.querySelector('gloss-card') as HTMLElement | null)?.style.display === 'block', {
      timeout: 5_000,
    });
  });

  it('opens the popup, which reports the page it was opened over', async () => {
    const popup = await browser.newPage();
    await popup.goto(`moz-extension://${FIREFOX_UUID}/popup.html`, { waitUntil: [] });
    await popup.waitForFunction(() => /\d+ mentions on this page/.test(document.body.innerText), { timeout: 10_000 });
    expect(await popup.evaluate(() => [...document.querySelectorAll('[role="tab"]')].map((t) => t.textContent))).toEqual([
      'This page',
      'All',
    ]);
    await popup.close();
  });

  it('highlights the selection when the shortcut’s message arrives, and paints it again after a reload', async () => {
    const quote = await page.evaluate(() => {
      const p = document.querySelector('article p:nth-of-type(3)')!;
      p.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return range.toString().trim();
    });
    // Headless Firefox fires no commands: an extension page sends what the command handler sends.
    const popup = await browser.newPage();
    await popup.goto(`moz-extension://${FIREFOX_UUID}/popup.html`, { waitUntil: [] });
    await popup.waitForFunction(() => document.querySelector('[role="tab"]') !== null);
    await popup.evaluate(async () => {
      const tabs = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser.tabs;
      const self = await tabs.getCurrent();
      const [tab] = (await tabs.query({})).filter((t) => t.id !== self?.id).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
      await tabs.sendMessage(tab.id!, { id: 1, type: 'highlightSelection', data: null, timestamp: Date.now() });
    });
    await popup.close();
    const painted = () =>
      page.evaluate(() =>
        [...((CSS.highlights.get('gloss-hl-yellow') ?? []) as unknown as Iterable<StaticRange>)].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        }),
      );
    await expect.poll(painted).toEqual([quote]);
    await page.reload();
    await waitForSettledPaint(() => page.evaluate(mentionCount), 30_000);
    await expect.poll(painted, { timeout: 10_000 }).toEqual([quote]);
  });
});
