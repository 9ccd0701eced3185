import type { Page } from 'playwright-core';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRoots } from '../../scripts/static-server';
import {
  accessibleText,
  clickByRole,
  dialogNames,
  dragSelect,
  paintedHighlights,
  paintedMentions,
  pointerAway,
  waitForDialog,
  waitForPaint,
} from './page-tools';
import { openWithGloss, type GlossSession } from './session';

/** The team's hostile pages, one attack each, served next to the demo pages. */
const HOSTILE_ROOTS = { ...defaultRoots(), '/hostile/': resolve(import.meta.dirname, '../fixtures/hostile') };

/** What each hostile page records of its attack, read back by the test. */
interface Hostile {
  seen: string[];
  fetched: string[];
  startupMessages: string[];
  removed: string[];
  errors: string[];
}
const hostile = (page: Page) => page.evaluate(() => (window as unknown as { hostile: Hostile }).hostile);

/**
 * Hovers the first word of the paragraph `selector` ("ULAANBAATAR" on every hostile page).
 * Placed by Playwright's own world, so it works where the page broke its built-ins.
 */
async function hoverFirstWord(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not shown`);
  await page.mouse.move(box.x + 20, box.y + 10, { steps: 3 });
}

describe('hostile pages, in Chromium with the built extension', () => {
  let session: GlossSession;

  /** Opens a hostile page in a new tab once Gloss has painted its mentions. */
  async function open(name: string): Promise<Page> {
    const page = await session.context.newPage();
    await page.goto(`${session.base}/hostile/${name}`);
    await waitForPaint(page);
    return page;
  }

  /** Sends the page in the front tab what a keyboard command's handler sends it. */
  const command = (type: string) =>
    session.worker.evaluate(async (type) => {
      const tabs = (globalThis as unknown as { chrome: { tabs: typeof browser.tabs } }).chrome.tabs;
      const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
      await tabs.sendMessage(tab.id!, { id: 1, type, data: null, timestamp: Date.now() });
    }, type);

  /** The files the extension has downloaded, as the downloads API reports them. */
  const downloads = () =>
    session.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { downloads: typeof browser.downloads } }).chrome.downloads;
      return (await api.search({})).map((d) => ({ url: d.url.slice(0, 5), state: d.state }));
    });

  beforeAll(async () => {
    session = await openWithGloss('/hostile/probe.html', HOSTILE_ROOTS);
  });

  afterAll(() => session?.close());

  it('leaves a probing page no timing marks, no messages, no globals and no attributes on its elements', async () => {
    const { page } = session;
    await hoverFirstWord(page, '#p1');
    await waitForDialog(page, 'Ulaanbaatar');
    await pointerAway(page);
    const seen = await page.evaluate(() => (window as unknown as { probe(): Record<string, unknown> }).probe());
    // The page's own mark proves the probe works; nothing of Gloss's is beside it.
    expect(seen.observedMarks).toEqual(['page-own']);
    expect(seen.entries).toEqual(['page-own']);
    expect(seen.messages).toEqual([]);
    // `__before` is the test's own (keepParsedDom), not Gloss's.
    expect(seen.newGlobals).toEqual(['__before']);
    expect(seen.attributes).toEqual([]);
  });

  it('shows a probing page what docs/privacy.md says it can see: the underlined words and Gloss’s empty-looking hosts', async () => {
    const seen = await session.page.evaluate(() => (window as unknown as { probe(): Record<string, unknown> }).probe());
    expect(seen.registry).toEqual(expect.arrayContaining(['gloss-mention']));
    expect(seen.underlined).toEqual(expect.arrayContaining(['ULAANBAATAR', 'Mongolia', 'Canberra', 'Nairobi']));
    // The card's host is there, but its closed shadow root shows the page neither a root nor text.
    expect(seen.hosts).toEqual([{ tag: 'gloss-card', openRoot: false, text: '' }]);
  });

  it('saves the Alt+Shift+E export without the page seeing or fetching its URL', async () => {
    const page = await open('navigate-export.html');
    await page.bringToFront();
    const quote = (await dragSelect(page, 'article', 'Canberra sent', 'the border.')).trim();
    await clickByRole(page, 'button', 'Highlight');
    await expect.poll(() => paintedHighlights(page).then((hs) => hs.map((h) => h.text))).toEqual([quote]);
    await command('exportThisPage');
    await expect.poll(downloads, { timeout: 10_000 }).toEqual([
      { url: 'data:', state: 'complete' },
      { url: 'data:', state: 'complete' },
    ]);
    await expect.poll(() => accessibleText(page)).toContain('Saved 2 files.');
    const { seen, fetched } = await hostile(page);
    expect(seen.filter((url) => /^(blob|data):/.test(url))).toEqual([]);
    expect(fetched).toEqual([]);
    await page.close();
  });

  it('keeps Gloss on when the page replays its start-up event, and tells the page nothing to replay', async () => {
    const page = await open('replay-startup.html');
    expect((await hostile(page)).startupMessages).toEqual([]);
    await page.evaluate((id) => (window as unknown as { replay(id: string): void }).replay(id), session.extensionId);
    await page.evaluate(() => (window as unknown as { addLate(): void }).addLate());
    await expect.poll(() => paintedMentions(page).then((ms) => ms.map((m) => m.text)), { timeout: 10_000 }).toContain('Wellington');
    await hoverFirstWord(page, '#late');
    await waitForDialog(page, 'Wellington');
    await page.close();
  });

  it('paints and opens cards on a page that overrode about 30 built-ins', async () => {
    const page = await open('builtins.html');
    expect(Number(await page.locator('html').getAttribute('data-overridden'))).toBeGreaterThanOrEqual(30);
    await hoverFirstWord(page, '#p1');
    await waitForDialog(page, 'Ulaanbaatar');
    await page.close();
  });

  it('paints, opens cards and highlights under a default-src ’none’ Content Security Policy', async () => {
    const page = await open('csp.html');
    await hoverFirstWord(page, '#p1');
    await waitForDialog(page, 'Ulaanbaatar');
    await pointerAway(page);
    const quote = (await dragSelect(page, 'article', 'Kenya, whose', 'next one.')).trim();
    await clickByRole(page, 'button', 'Highlight');
    await expect.poll(() => paintedHighlights(page).then((hs) => hs.map((h) => h.text))).toEqual([quote]);
    await page.close();
  });

  it('keeps working, without errors, while the page removes its hosts every 100 ms; the hosts come back', async () => {
    const page = await open('remove-hosts.html');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const cardsRemoved = async () => (await hostile(page)).removed.filter((tag) => tag === 'gloss-card').length;
    // Each card opened after the page had removed the last one puts its host back, to be removed again.
    for (const [i, selector] of ['#p1', '#p2', '#p3'].entries()) {
      await hoverFirstWord(page, selector);
      await expect.poll(cardsRemoved, { timeout: 5_000 }).toBe(i + 1);
      await pointerAway(page);
    }
    await page.evaluate(() => (window as unknown as { stopRemoving(): void }).stopRemoving());
    await hoverFirstWord(page, '#p1');
    await waitForDialog(page, 'Ulaanbaatar');
    expect(errors).toEqual([]);
    expect((await hostile(page)).errors).toEqual([]);
    await page.close();
  });

  it('opens no Gloss UI for untrusted pointer, mouse, key and click events', async () => {
    const page = await open('synthetic-events.html');
    await page.evaluate(() => (window as unknown as { attack(): void }).attack());
    // The attack hovers a mention for a second, twice Gloss's dwell; a card would be open by then.
    await page.waitForTimeout(1_500);
    expect(await dialogNames(page)).toEqual([]);
    await expect(clickByRole(page, 'button', 'Highlight', 500)).rejects.toThrow(/no button named "Highlight"/);
    expect(await paintedHighlights(page)).toEqual([]);
    // The same page with a real pointer: a card opens, so the attack failed for a reason.
    await hoverFirstWord(page, '#p1');
    await waitForDialog(page, 'Ulaanbaatar');
    await page.close();
  });
});
