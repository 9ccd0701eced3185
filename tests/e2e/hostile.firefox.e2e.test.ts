import type { Browser, Page } from 'puppeteer-core';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/static-server';
import { FIREFOX_UUID, launchFirefoxWithGloss } from './firefox';
import { mentionCount, waitForSettledPaint } from './paint';

/** Gloss's runtime id in Firefox (wxt.config.ts), which names WXT's start-up event there. */
const ADDON_ID = 'gloss@gloss-reader.org';

describe('hostile pages, in Firefox ESR with the built Firefox extension', () => {
  let browser: Browser;
  let server: Server;
  let base: string;

  /** Opens a hostile page once Gloss has painted its mentions. */
  async function open(name: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${base}/hostile/${name}`);
    await waitForSettledPaint(() => page.evaluate(mentionCount), 30_000);
    return page;
  }

  /** Hovers the first word of paragraph `selector` and waits for the card's host to show. */
  async function openCard(page: Page, selector: string): Promise<void> {
    const box = await (await page.$(selector))!.boundingBox();
    await page.mouse.move(box!.x + 20, box!.y + 10, { steps: 3 });
    // The card lives in a closed shadow root; its host shows whether it is open.
    await page.waitForFunction(() => (document.querySelector('gloss-card') as HTMLElement | null)?.style.display === 'block', {
      timeout: 5_000,
    });
  }

  /** Runs `fn(arg)` in an extension page (the popup, opened as a tab), then closes it. */
  async function inExtension<T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T> {
    const popup = await browser.newPage();
    await popup.goto(`moz-extension://${FIREFOX_UUID}/popup.html`, { waitUntil: [] });
    await popup.waitForFunction(() => document.querySelector('[role="tab"]') !== null);
    try {
      return (await popup.evaluate(fn as (arg: unknown) => Promise<T>, arg)) as T;
    } finally {
      await popup.close();
    }
  }

  /** Sends the last page used what a keyboard command's handler sends it: headless Firefox fires no commands. */
  const command = (type: string) =>
    inExtension(async (type) => {
      const tabs = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser.tabs;
      const self = await tabs.getCurrent();
      const [tab] = (await tabs.query({})).filter((t) => t.id !== self?.id).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
      await tabs.sendMessage(tab.id!, { id: 1, type, data: null, timestamp: Date.now() });
    }, type);

  /** The files Gloss has downloaded, as Firefox's downloads API reports them. */
  const downloads = () =>
    inExtension(async () => {
      const api = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser.downloads;
      return (await api.search({})).map((d) => ({ url: d.url.slice(0, 5), state: d.state }));
    }, null);

  beforeAll(async () => {
    ({ url: base, server } = await serveStatic({ '/hostile/': resolve(import.meta.dirname, '../fixtures/hostile') }));
    browser = await launchFirefoxWithGloss();
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('leaves a probing page no timing marks, no messages and no globals', async () => {
    const page = await open('probe.html');
    await openCard(page, '#p1');
    const seen = await page.evaluate(() => (window as unknown as { probe(): Record<string, unknown> }).probe());
    expect(seen.observedMarks).toEqual(['page-own']);
    expect(seen.entries).toEqual(['page-own']);
    expect(seen.messages).toEqual([]);
    // Puppeteer adds its own `__ariaQuerySelector…` helpers; nothing else may appear.
    expect((seen.newGlobals as string[]).filter((name) => !name.startsWith('__aria'))).toEqual([]);
    expect(seen.hosts).toEqual([{ tag: 'gloss-card', openRoot: false, text: '' }]);
    await page.close();
  });

  it('keeps Gloss on when the page replays its start-up event', async () => {
    const page = await open('replay-startup.html');
    expect(await page.evaluate(() => (window as unknown as { hostile: { startupMessages: string[] } }).hostile.startupMessages)).toEqual(
      [],
    );
    const painted = () => page.evaluate(mentionCount);
    const before = await painted();
    await page.evaluate((id) => (window as unknown as { replay(id: string): void }).replay(id), ADDON_ID);
    await page.evaluate(() => (window as unknown as { addLate(): void }).addLate());
    // The late paragraph's mention is painted beside the others, none of which was taken away.
    await expect.poll(painted, { timeout: 10_000 }).toBe(before + 1);
    await openCard(page, '#late');
    await page.close();
  });

  it('paints, opens cards and saves the Alt+Shift+E export from the background under a strict CSP', async () => {
    const page = await open('csp.html');
    await openCard(page, '#p1');
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('p2')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await command('highlightSelection');
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('gloss-hl-yellow')?.size ?? 0)).toBe(1);
    // Firefox's background is an event page: it downloads from a blob: URL of its own.
    await command('exportThisPage');
    await expect.poll(downloads, { timeout: 10_000 }).toEqual([
      { url: 'blob:', state: 'complete' },
      { url: 'blob:', state: 'complete' },
    ]);
    await page.close();
  });
});
