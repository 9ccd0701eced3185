import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { browser } from 'wxt/browser';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRoots, serveStatic } from '../../scripts/static-server';
import { launchWithGloss } from './chromium';
import {
  accessibleText,
  clickByRole,
  dragSelect,
  locateMention,
  paintedHighlights,
  paintedMentions,
  waitForDialog,
  waitForPaint,
} from './page-tools';

/** The extension's API as its pages and worker see it. */
type Chrome = typeof browser & {
  management: {
    getPermissionWarningsByManifest(manifest: string): Promise<string[]>;
    setEnabled(id: string, enabled: boolean): Promise<void>;
  };
  developerPrivate: { updateProfileConfiguration(c: { inDeveloperMode: boolean }, done: () => void): void };
};

/** The team's own pages for faults and changing pages, served next to the demo pages. */
const PAGES = resolve(import.meta.dirname, 'pages');

describe('faults and pages that keep changing, in Chromium with the built extension', () => {
  let context: BrowserContext;
  let extensionId: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    ({ url: base, server } = await serveStatic({ ...defaultRoots(), '/churn/': PAGES }));
    ({ context, extensionId } = await launchWithGloss());
  });

  afterAll(async () => {
    await context?.close();
    server?.close();
  });

  /** An extension page, from which the background can be woken and DevTools can reach its worker. */
  async function extensionPage(): Promise<Page> {
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${extensionId}/popup.html`);
    return ext;
  }

  /** Stops the extension's service worker, as Chrome does when it idles. */
  async function stopWorker(): Promise<void> {
    const ext = await extensionPage();
    const cdp = await context.newCDPSession(ext);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await ext.close();
  }

  /** The running service worker, woken by a message if it was stopped. */
  async function runningWorker(): Promise<Worker> {
    const ext = await extensionPage();
    await ext.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ id: 0, type: 'matcherStats', timestamp: Date.now() }),
    );
    await ext.close();
    const running = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    return running ?? context.waitForEvent('serviceworker');
  }

  /**
   * Keeps the service worker busy for `ms`, so that messages sent meanwhile wait in it
   * unanswered: stopping it then stops it in the middle of handling them.
   */
  async function holdWorker(ms: number): Promise<void> {
    const sw = await runningWorker();
    void sw
      .evaluate((ms) => {
        const end = Date.now() + ms;
        while (Date.now() < end);
      }, ms)
      .catch(() => undefined);
  }

  /** The quotes of the highlights stored for a page, read from the extension's database. */
  async function storedQuotes(source: string): Promise<string[]> {
    const sw = await runningWorker();
    return sw.evaluate(async (source) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('gloss');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const all = await new Promise<{ source: string; quote: { exact: string } }[]>((ok) => {
        const req = db.transaction('highlights').objectStore('highlights').getAll();
        req.onsuccess = () => ok(req.result);
      });
      db.close();
      return all.filter((h) => h.source === source).map((h) => h.quote.exact);
    }, source);
  }

  it('paints and opens the card of a mention inside an open shadow root', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/churn/shadow.html`);
    await waitForPaint(page);
    await expect.poll(async () => (await paintedMentions(page)).map((m) => m.text)).toContain('Mongolia');
    const { x, y } = await locateMention(page, 'Mongolia');
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, { x, y })).toBe('steppe-report');
    // Painted, not only registered: the word looks different once its range leaves the highlight.
    const clip = { x: x - 40, y: y - 15, width: 120, height: 30 };
    const painted = await page.screenshot({ clip });
    await page.evaluate(
      () =>
        ((window as unknown as { held: StaticRange[] }).held = [...(CSS.highlights.get('gloss-mention') as unknown as Set<StaticRange>)]),
    );
    await page.evaluate(() => CSS.highlights.get('gloss-mention')!.clear());
    const unpainted = await page.screenshot({ clip });
    await page.evaluate(() =>
      (window as unknown as { held: StaticRange[] }).held.forEach((r) => CSS.highlights.get('gloss-mention')!.add(r)),
    );
    expect(painted.equals(unpainted)).toBe(false);
    await page.mouse.move(x, y, { steps: 3 });
    await waitForDialog(page, 'Mongolia');
    await page.close();
  });

  it('recovers when the service worker is stopped in the middle of the page’s scan: mentions appear, late content is read', async () => {
    const page = await context.newPage();
    await holdWorker(3000);
    await page.goto(`${base}/churn/churn.html`);
    // Release builds leave no mark to wait on: on this small page Gloss has read the text and
    // sent its scan to the held worker well within half a second of the load event.
    await page.waitForLoadState('load');
    await page.waitForTimeout(400);
    expect(await paintedMentions(page)).toEqual([]);
    await page.waitForTimeout(100);
    await stopWorker();
    await waitForPaint(page);
    await expect
      .poll(async () => (await paintedMentions(page)).map((m) => m.text))
      .toEqual(expect.arrayContaining(['Mongolia', 'Kazakhstan', 'China', 'Russia']));
    // Content arriving while the worker is held, and then stopped, is read all the same.
    await holdWorker(3000);
    await page.evaluate(() =>
      document.querySelector('#feed')!.insertAdjacentHTML('beforeend', '<p>Later, Japan offered to fund the line.</p>'),
    );
    await page.waitForTimeout(500);
    await stopWorker();
    await expect.poll(async () => (await paintedMentions(page)).map((m) => m.text), { timeout: 10_000 }).toContain('Japan');
    await page.close();
  });

  it('paints a highlight pending while the worker is stopped mid-save, stores it, and paints it as saved only once stored', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/churn/churn.html?case=save`);
    await waitForPaint(page);
    const quote = await dragSelect(page, '#second', 'Officials', 'second day');
    await holdWorker(3000);
    await clickByRole(page, 'button', 'Highlight');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => CSS.highlights.get('gloss-hl-pending')?.size)).toBe(1);
    expect(await paintedHighlights(page)).toEqual([]);
    await stopWorker();
    await expect.poll(() => paintedHighlights(page), { timeout: 10_000 }).toEqual([{ color: 'yellow', text: quote }]);
    expect(await page.evaluate(() => CSS.highlights.get('gloss-hl-pending')?.size)).toBe(0);
    expect(await storedQuotes(`${base}/churn/churn.html?case=save`)).toEqual([quote]);
    await page.reload();
    await waitForPaint(page);
    await expect.poll(() => paintedHighlights(page)).toEqual([{ color: 'yellow', text: quote }]);
    await page.close();
  });

  it('drops a mention whose text changed, and reads content appended while a ticker changes every 50 ms', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/churn/churn.html`);
    await waitForPaint(page);
    await page.evaluate(() => {
      let n = 0;
      setInterval(() => ((document.querySelector('#ticker')!.firstChild as Text).data = `Updated ${++n} seconds ago`), 50);
    });
    // The page rewrites the words under a mention: no underline may stay on the new words.
    await page.evaluate(
      () =>
        ((document.querySelector('#lead')!.firstChild as Text).data =
          'Leaders of several countries met on Monday to discuss rail links to Beijing.'),
    );
    await expect.poll(async () => (await paintedMentions(page)).map((m) => m.text)).not.toContain('Mongolia');
    const texts = async () => (await paintedMentions(page)).map((m) => m.text);
    expect((await texts()).filter((t) => !['Ulaanbaatar', 'Russia', 'Beijing'].includes(t))).toEqual([]);
    await expect.poll(texts).toContain('Beijing');
    await page.evaluate(() =>
      document.querySelector('#feed')!.insertAdjacentHTML('beforeend', '<p>Delegates from Japan are expected on Tuesday.</p>'),
    );
    await expect.poll(texts, { timeout: 5_000 }).toContain('Japan');
    await page.close();
  });

  it('re-injects Gloss into an open page after the extension is reloaded: the old script stands down, a new highlight is saved', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/churn/churn.html?case=reload`);
    await waitForPaint(page);
    // Chromium disables an unpacked extension that reloads itself unless developer mode is on.
    const extensions = await context.newPage();
    await extensions.goto('chrome://extensions/');
    await extensions.evaluate(
      () =>
        new Promise<void>((done) =>
          (globalThis as unknown as { chrome: Chrome }).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, done),
        ),
    );
    await extensions.close();
    // The page's handle on Gloss's mention highlight, to tell the re-injected script's own from it.
    await page.evaluate(() => ((window as unknown as { before: unknown }).before = CSS.highlights.get('gloss-mention')));
    const sw = await runningWorker();
    const reloaded = context.waitForEvent('serviceworker');
    await sw.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.reload()).catch(() => undefined);
    await reloaded;
    // The re-injected script reads and paints the page again.
    await page.waitForFunction(
      () => {
        const mentions = CSS.highlights.get('gloss-mention');
        return mentions !== (window as unknown as { before: unknown }).before && (mentions?.size ?? 0) > 0;
      },
      null,
      { timeout: 20_000 },
    );
    const quote = await dragSelect(page, '#second', 'Officials', 'second day');
    await clickByRole(page, 'button', 'Highlight');
    await expect.poll(() => paintedHighlights(page), { timeout: 10_000 }).toEqual([{ color: 'yellow', text: quote }]);
    // One toolbar host only: the orphaned script removed its own.
    expect(await page.evaluate(() => document.querySelectorAll('gloss-tools').length)).toBe(1);
    await page.reload();
    await waitForPaint(page);
    await expect.poll(() => paintedHighlights(page)).toEqual([{ color: 'yellow', text: quote }]);
    await page.close();
  });

  it('asks for no permission with an install warning beyond what the content script’s matches already ask', async () => {
    const sw = await runningWorker();
    const warnings = await sw.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
      const manifest = chrome.runtime.getManifest();
      const without = { ...manifest, permissions: manifest.permissions?.filter((p: string) => p !== 'scripting'), host_permissions: [] };
      return Promise.all([manifest, without].map((m) => chrome.management.getPermissionWarningsByManifest(JSON.stringify(m))));
    });
    expect(warnings[0]).toEqual(warnings[1]);
  });

  // Last: it leaves the extension turned off.
  it('tells the reader to reload a page whose Gloss lost its extension and could not be replaced, and paints nothing more', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/churn/churn.html?case=off`);
    await waitForPaint(page);
    const extensions = await context.newPage();
    await extensions.goto('chrome://extensions/');
    await extensions.evaluate((id) => (globalThis as unknown as { chrome: Chrome }).chrome.management.setEnabled(id, false), extensionId);
    await extensions.close();
    await page.bringToFront();
    // The reader's next touch of the page finds the extension gone.
    await page.mouse.click(5, 5);
    await expect
      .poll(() => accessibleText(page), { timeout: 10_000 })
      .toContain('Gloss was updated: reload this page to save highlights on it.');
    await dragSelect(page, '#second', 'Officials', 'second day');
    await page.waitForTimeout(500);
    expect(await accessibleText(page)).not.toContain('Highlight');
    expect(await paintedMentions(page)).toEqual([]);
    await page.close();
  });
});
