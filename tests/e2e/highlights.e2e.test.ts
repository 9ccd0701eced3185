import type { BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import type { browser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedAvailable } from '../shared-fixtures';
import { openWithGloss, type GlossSession } from './session';
import {
  accessibleText,
  clickByRole,
  dialogNames,
  domChange,
  dragSelect,
  editorClosed,
  locateMention,
  noteFrame,
  paintedHighlights,
  pointerAway,
  waitForDialog,
  waitForPaint,
} from './page-tools';

// From the headline, across an emphasised dek and a figure caption with a span, into the next paragraph.
const PASSAGE_FROM = 'Strategic Shift';
const PASSAGE_TO = 'from which it sought';

const run = sharedAvailable('the highlights end-to-end test on the seed article');

describe.runIf(run)('highlights and notes, in Chromium with the built extension', () => {
  let session: GlossSession;
  let context: BrowserContext;
  let base: string;
  let extensionId: string;
  let page: Page;
  let quote: string;

  /** The popup, opened in a tab: it shows the page the reader was on before it. */
  async function openPopup(): Promise<Page> {
    await page.bringToFront();
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('tab', { name: 'This page' }).waitFor();
    return popup;
  }

  /** Waits until the page paints exactly these highlight texts. */
  async function expectPainted(texts: string[]): Promise<void> {
    await expect
      .poll(async () => (await paintedHighlights(page)).map((h) => h.text.replace(/\s+/g, ' ')), { timeout: 10_000 })
      .toEqual(texts);
  }

  beforeAll(async () => {
    session = await openWithGloss('/shared/seed-article.html');
    ({ context, base, extensionId, page } = session);
  });

  afterAll(() => session?.close());

  it('highlights a passage selected with the mouse across a heading, paragraphs and inline markup, and takes a note on it', async () => {
    quote = (await dragSelect(page, 'article', PASSAGE_FROM, PASSAGE_TO)).replace(/\s+/g, ' ').trim();
    expect(quote).toMatch(
      /^Strategic Shift in a Changing .*leadership has adopted.*Credit: Office of the President.*from which it sought$/,
    );
    await clickByRole(page, 'button', 'Highlight');
    await expectPainted([quote]);

    // Clicking the highlight opens its editor; the note field has the focus.
    const first = await page.evaluate(() => {
      const r = [...(CSS.highlights.get('gloss-hl-yellow') as unknown as Iterable<StaticRange>)][0];
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const box = range.getClientRects()[0];
      return { x: box.left + 30, y: box.top + box.height / 2 };
    });
    await page.mouse.click(first.x, first.y);
    const editor = await noteFrame(page, 'highlight');
    await editor.getByRole('dialog', { name: 'Edit highlight' }).waitFor();
    await expect.poll(() => editor.evaluate(() => document.hasFocus() && document.activeElement?.localName)).toBe('textarea');
    await page.keyboard.type('Why does Ulaanbaatar risk this? Compare the 2023 visit.');
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await editorClosed(page);
    await expect.poll(() => dialogNames(page)).toEqual([]);
  });

  it('paints the highlight again after a reload', async () => {
    await page.reload();
    await waitForPaint(page);
    await expectPainted([quote]);
  });

  it('refuses quietly a selection inside the page’s textarea', async () => {
    await page.locator('textarea').first().scrollIntoViewIfNeeded();
    await page.locator('textarea').first().click();
    await page.keyboard.press('Control+A');
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('textarea');
    await expect(clickByRole(page, 'button', 'Highlight', 500)).rejects.toThrow(/no button named "Highlight"/);
    await page.mouse.click(5, 5);
  });

  it('lists the highlight with its note in the popup, where the note can be edited', async () => {
    const popup = await openPopup();
    const item = popup.getByRole('listitem', { name: /^Highlight: Strategic Shift/ });
    await expect.poll(() => item.innerText()).toContain('Why does Ulaanbaatar risk this?');
    await item.getByRole('button', { name: 'Edit' }).click();
    await item.getByLabel('Note').fill('Edited in the popup: the ICC warrant matters here.');
    await item.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => item.innerText()).toContain('Edited in the popup: the ICC warrant matters here.');
    await popup.close();
  });

  it('finds it by searching the note, and finds nothing for a word that is nowhere', async () => {
    const popup = await openPopup();
    await popup.getByRole('tab', { name: 'All' }).click();
    const search = popup.getByRole('searchbox', { name: 'Search highlights and notes' });
    await search.fill('warrant');
    await expect.poll(() => popup.getByRole('listitem', { name: /^Highlight: Strategic Shift/ }).count()).toBe(1);
    await search.fill('zeppelin');
    await expect.poll(() => popup.getByText('Nothing matches.').count()).toBe(1);
    await popup.close();
  });

  it('deletes it from the popup, unpaints it, and brings it back with Undo', async () => {
    const popup = await openPopup();
    const item = popup.getByRole('listitem', { name: /^Highlight: Strategic Shift/ });
    await item.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => item.count()).toBe(0);
    await expectPainted([]);
    await popup.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => item.innerText()).toContain('Edited in the popup');
    await expectPainted([quote]);
    await popup.close();
  });

  it('"Go to" brings the page to the front and scrolls the passage into view', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const popup = await openPopup();
    await popup
      .getByRole('listitem', { name: /^Highlight: Strategic Shift/ })
      .getByRole('button', { name: 'Go to' })
      .click();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const r = [...(CSS.highlights.get('gloss-hl-yellow') as unknown as Iterable<StaticRange>)][0];
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          const top = range.getBoundingClientRect().top;
          return top >= 0 && top < innerHeight;
        }),
      )
      .toBe(true);
  });

  it('exports this page from the popup as Markdown and as JSON, with both highlights and their notes', async () => {
    await page.bringToFront();
    const second = (await dragSelect(page, 'article', 'Facing criticism', 'international law.')).replace(/\s+/g, ' ').trim();
    await clickByRole(page, 'button', 'Add note');
    const editor = await noteFrame(page, 'highlight');
    await editor.getByRole('dialog', { name: 'Edit highlight' }).waitFor();
    await expect.poll(() => editor.evaluate(() => document.activeElement?.localName)).toBe('textarea');
    await page.keyboard.type('Second note, with "quotes", commas, and ünïcödé 🌏.');
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await editorClosed(page);
    await expectPainted([quote, second]);

    const popup = await openPopup();
    await popup.getByText('Export', { exact: true }).click();
    const save = async (name: string) => {
      const [download] = await Promise.all([
        popup.waitForEvent('download'),
        popup.getByRole('group', { name: 'Export this page' }).getByRole('button', { name }).click(),
      ]);
      return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
    };
    const md = await save('Markdown');
    expect(md.name).toMatch(/^gloss-\d{4}-\d{2}-\d{2}-.*\.md$/);
    for (const phrase of [
      'Strategic Shift in a Changing',
      'from which it sought',
      'Facing criticism, even threats',
      'the ICC warrant matters here',
      'ünïcödé 🌏',
    ]) {
      expect(md.text).toContain(phrase);
    }
    const json = await save('JSON');
    expect(json.name).toMatch(/^gloss-\d{4}-\d{2}-\d{2}-.*\.jsonld$/);
    const collection = JSON.parse(json.text) as { items?: unknown[]; first?: { items: unknown[] } };
    const annotations = JSON.stringify(collection);
    const fold = (x: string) => x.replace(/\s+/g, ' ');
    const exacts = [...annotations.matchAll(/"exact":"((?:[^"\\]|\\.)*)"/g)].map((m) => fold(JSON.parse(`"${m[1]}"`) as string).trim());
    expect(exacts.sort()).toEqual([quote, second].sort());
    expect(annotations).toContain('Edited in the popup: the ICC warrant matters here.');
    expect(annotations).toContain(JSON.stringify('Second note, with "quotes", commas, and ünïcödé 🌏.').slice(1, -1));
    await popup.close();
  });

  it('leaves the page’s DOM outside its own hosts as it was parsed', async () => {
    const { before, after } = await domChange(page);
    expect(before.length).toBeGreaterThan(5_000);
    expect(after).toBe(before);
  });

  it('takes a note on an entity from its hover card and shows it on every page that mentions the entity', async () => {
    await page.bringToFront();
    const nato = 'North Atlantic Treaty Organization';
    const { x, y } = await locateMention(page, 'NATO');
    await page.mouse.move(x, y, { steps: 3 });
    await waitForDialog(page, nato);
    const card = await noteFrame(page, 'entity');
    await card.getByRole('button', { name: 'Add a note' }).click();
    await page.keyboard.type('Mongolia is a NATO partner, not a member.');
    await card.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => card.locator('.note p').innerText()).toBe('Your note Mongolia is a NATO partner, not a member.');
    await pointerAway(page);

    const popup = await openPopup();
    await expect.poll(() => popup.getByRole('tabpanel').innerText()).toContain('Mongolia is a NATO partner, not a member.');
    await popup.close();

    const other = await context.newPage();
    await other.goto(`${base}/europe-energy.html`);
    await waitForPaint(other);
    const at = await locateMention(other, 'NATO');
    await other.mouse.move(at.x, at.y, { steps: 3 });
    await waitForDialog(other, nato);
    await expect
      .poll(async () => (await noteFrame(other, 'entity')).locator('.note p').innerText())
      .toBe('Your note Mongolia is a NATO partner, not a member.');
    await other.close();
  });

  it('keeps a note on the page as a whole, written in the popup', async () => {
    const popup = await openPopup();
    await popup.getByLabel('Page note').fill('Read with the 2024 ICC statement in mind.');
    await popup.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Save note' }).isDisabled()).toBe(true);
    await popup.close();
    const again = await openPopup();
    await expect.poll(() => again.getByLabel('Page note').inputValue()).toBe('Read with the 2024 ICC statement in mind.');
    await again.getByRole('tab', { name: 'All' }).click();
    await expect.poll(() => again.getByRole('tabpanel').innerText()).toContain('Page note: Read with the 2024 ICC statement in mind.');
    await again.close();
  });

  it('makes no network request beyond the pages themselves', () => {
    expect(session.outside).toEqual([]);
  });

  it('keeps a highlight on a single-page app whose story arrives late, through an in-place navigation and back', async () => {
    const app = await context.newPage();
    await app.goto(`${base}/newsroom-app.html?story=mekong`);
    await waitForPaint(app);
    await app.getByText('The Mekong River Commission').waitFor();
    const text = (await dragSelect(app, '#app', 'The Mekong River Commission', 'dry season')).trim();
    await clickByRole(app, 'button', 'Highlight');
    const painted = () => paintedHighlights(app).then((hs) => hs.map((h) => h.text));
    await expect.poll(painted).toEqual([text]);
    // The story arrives after the page has loaded: the highlight is placed once it does.
    await app.reload();
    await expect.poll(painted, { timeout: 10_000 }).toEqual([text]);
    await app.getByRole('link', { name: 'Arctic' }).click();
    await expect.poll(() => app.evaluate(() => location.search)).toBe('?story=arctic');
    await expect.poll(painted).toEqual([]);
    await app.goBack();
    await expect.poll(() => app.evaluate(() => location.search)).toBe('?story=mekong');
    await expect.poll(painted, { timeout: 10_000 }).toEqual([text]);
    await app.close();
  });

  it('highlights the selection and saves the page as Markdown and JSON when the keyboard shortcuts’ messages arrive', async () => {
    // Headless Chromium fires no commands; the background sends the page what a command sends.
    const send = (type: string) =>
      session.worker.evaluate(async (type) => {
        // The worker's own `chrome`, typed here only as far as this call needs.
        const tabs = (globalThis as unknown as { chrome: { tabs: typeof browser.tabs } }).chrome.tabs;
        const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
        await tabs.sendMessage(tab.id!, { id: 1, type, data: null, timestamp: Date.now() });
      }, type);
    const app = await context.newPage();
    await app.goto(`${base}/sahel-water.html`);
    await waitForPaint(app);
    await app.bringToFront();
    const text = (await dragSelect(app, 'article', 'Drought Pushes', 'Shared')).trim();
    await send('highlightSelection');
    await expect
      .poll(() => paintedHighlights(app).then((hs) => hs.map((h) => h.text.replace(/\s+/g, ' '))))
      .toEqual([text.replace(/\s+/g, ' ')]);
    // The background saves the files (the page never holds their URL); read back from where they landed.
    const since = new Date().toISOString();
    const saved = () =>
      session.worker.evaluate(async (since) => {
        const api = (globalThis as unknown as { chrome: { downloads: typeof browser.downloads } }).chrome.downloads;
        return (await api.search({ state: 'complete', startedAfter: since })).map((d) => ({ mime: d.mime, path: d.filename }));
      }, since);
    await send('exportThisPage');
    await expect.poll(async () => (await saved()).map((d) => d.mime).sort()).toEqual(['application/ld+json', 'text/markdown']);
    for (const { path } of await saved()) expect(readFileSync(path, 'utf8').replace(/\s+/g, ' ')).toContain(text.replace(/\s+/g, ' '));
    await expect.poll(() => accessibleText(app)).toContain('Saved 2 files.');
    await app.close();
  });
});
