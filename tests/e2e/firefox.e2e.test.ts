import type { Browser, Frame, Page } from 'puppeteer-core';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRoots, serveStatic } from '../../scripts/static-server';
import { sharedAvailable } from '../shared-fixtures';
import { FIREFOX_UUID, launchFirefoxWithGloss } from './firefox';
import { mentionCount, waitForSettledPaint } from './paint';

/** The centre of the first painted mention reading `text`, scrolled into view; throws when there is none. */
async function mentionCenter(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((text) => {
    for (const r of (CSS.highlights.get('gloss-mention') ?? []) as unknown as Iterable<StaticRange>) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (range.toString() !== text) continue;
      (r.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
      const box = range.getClientRects()[0];
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    return null;
  }, text);
  if (!point) throw new Error(`no painted mention of ${text}`);
  return point;
}

const run = sharedAvailable('the Firefox end-to-end test');

interface Hostile {
  __seen: string[];
  /** Whether `window.find` found the text, or the name of the error it ran into. */
  __find(text: string): boolean | string;
}

/** Gloss's note frame of this kind in the page (puppeteer's frame URLs can lag, so each frame is asked). */
async function noteFrame(page: Page, kind: 'highlight' | 'entity'): Promise<Frame> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    for (const frame of page.frames()) {
      const href = await frame.evaluate(() => location.href).catch(() => '');
      const ready = await frame.evaluate(() => document.querySelector('button') !== null).catch(() => false);
      if (href.includes(`/note-frame.html?${kind}=`) && ready) return frame;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${kind} note frame`);
}

/** Clicks the frame's button with this text. */
async function clickButton(frame: Frame, text: string): Promise<void> {
  const buttons = await frame.$$('button');
  for (const b of buttons) {
    if ((await b.evaluate((el) => el.textContent)) === text) return b.click();
  }
  throw new Error(`no button "${text}"`);
}

/** Sends the page in the most recent tab a message as the background would (headless Firefox fires no commands). */
async function sendToLastTab(browser: Browser, type: string): Promise<void> {
  const popup = await browser.newPage();
  await popup.goto(`moz-extension://${FIREFOX_UUID}/popup.html`, { waitUntil: [] });
  await popup.waitForFunction(() => document.querySelector('[role="tab"]') !== null);
  await popup.evaluate(async (type) => {
    const tabs = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser.tabs;
    const self = await tabs.getCurrent();
    const [tab] = (await tabs.query({})).filter((t) => t.id !== self?.id).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
    await tabs.sendMessage(tab.id!, { id: 1, type, data: null, timestamp: Date.now() });
  }, type);
  await popup.close();
}

describe.runIf(run)('Firefox ESR with the built Firefox extension', () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    ({ url: base, server } = await serveStatic({ ...defaultRoots(), '/hostile/': resolve(import.meta.dirname, '../fixtures/hostile') }));
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
    const point = await mentionCenter(page, 'Ulaanbaatar');
    await page.mouse.move(point.x, point.y, { steps: 3 });
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
    await sendToLastTab(browser, 'highlightSelection');
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

  describe('on a page that listens to every key and searches its own text', () => {
    let hostile: Page;
    const seen = () => hostile.evaluate(() => (window as unknown as Hostile).__seen.splice(0));
    const finds = (text: string) => hostile.evaluate((text) => (window as unknown as Hostile).__find(text), text);

    beforeAll(async () => {
      hostile = await browser.newPage();
      await hostile.goto(`${base}/hostile/key-listener.html`);
      await waitForSettledPaint(() => hostile.evaluate(mentionCount), 30_000);
    });

    it('hears none of a note typed into a card, and window.find never finds it while the card shows it', async () => {
      const at = await mentionCenter(hostile, 'NATO');
      await hostile.mouse.move(at.x, at.y, { steps: 3 });
      const card = await noteFrame(hostile, 'entity');
      await clickButton(card, 'Add a note');
      await card.waitForSelector('textarea');
      await seen();
      await hostile.keyboard.type('Wombat heron 4419 aside');
      await clickButton(card, 'Save note');
      await card.waitForFunction(() => document.querySelector('.note p')?.textContent === 'Your note Wombat heron 4419 aside');
      expect(await finds('Wombat heron')).not.toBe(true);
      expect(await finds('eastern flank')).toBe(true);
      expect(await seen()).toEqual([]);
      await hostile.mouse.move(5, 5);
    });

    it('hears none of a note typed into the highlight editor, and window.find never finds it while the editor is open', async () => {
      await hostile.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById('passage')!);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      });
      await sendToLastTab(browser, 'highlightSelection');
      const point = await hostile.waitForFunction(() => {
        const r = [...((CSS.highlights.get('gloss-hl-yellow') ?? []) as unknown as Iterable<StaticRange>)][0];
        if (!r) return null;
        getSelection()!.removeAllRanges();
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const box = range.getClientRects()[0];
        return { x: box.left + 30, y: box.top + box.height / 2 };
      });
      const { x, y } = (await point.jsonValue())!;
      await hostile.mouse.click(x, y);
      const editor = await noteFrame(hostile, 'highlight');
      await editor.waitForFunction(() => document.activeElement?.localName === 'textarea');
      await seen();
      await hostile.keyboard.type('Quokka zebra 7731 marginalia');
      expect(await editor.evaluate(() => (document.activeElement as HTMLTextAreaElement).value)).toBe('Quokka zebra 7731 marginalia');
      expect(await finds('Quokka zebra')).not.toBe(true);
      expect(await seen()).toEqual([]);
      // A frame in a closed shadow root is not among the page's frames (docs/privacy.md).
      expect(await hostile.evaluate(() => [window.length, typeof window[0]])).toEqual([0, 'undefined']);
    });
  });
});
