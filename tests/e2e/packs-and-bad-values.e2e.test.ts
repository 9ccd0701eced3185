import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteWithText } from '../../lib/annotations/types';
import { highlight } from '../unit/support/annotations';
import { openWithGloss, type GlossSession } from './session';
import { locateMention, paintedMentions, pointerAway, waitForDialog, waitForPaint } from './page-tools';

const NOTE = 'Check the lithium offtake figures against the 2024 budget.';
/** A highlight on a data: source, as an import made before sources were checked could store it. */
const DATA_RECORD = highlight({
  id: 'urn:uuid:00000000-0000-4000-8000-0000000000da',
  source: 'data:text/html,<script>document.title="ran"</script>',
  title: 'Stored before sources were checked',
  quote: { type: 'TextQuoteSelector', exact: 'a passage', prefix: '', suffix: '' },
});

describe('packs that collide and values stored bad, in Chromium with the built extension', () => {
  let session: GlossSession;
  let context: BrowserContext;
  let extensionId: string;
  let page: Page;

  /** An extension page of Gloss, opened in a tab. */
  async function open(path: string): Promise<Page> {
    await page.bringToFront();
    const tab = await context.newPage();
    await tab.goto(`chrome-extension://${extensionId}/${path}`);
    return tab;
  }

  /** Sends the background a message as Gloss's own pages do. */
  function send(from: Page, type: string, data: unknown): Promise<unknown> {
    return from.evaluate(
      ({ type, data }) =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
          id: Date.now(),
          type,
          data,
          timestamp: Date.now(),
        }),
      { type, data },
    );
  }

  /** Writes records straight into Gloss's database, as an older import or a hand edit would have left them. */
  function writeRaw(from: Page, records: Record<string, unknown[]>): Promise<void> {
    return from.evaluate(
      (records) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('gloss');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const idb = req.result;
            const tx = idb.transaction([...Object.keys(records), 'settings'], 'readwrite');
            for (const [table, rows] of Object.entries(records)) for (const row of rows) tx.objectStore(table).put(row);
            // A new knowledge-base revision, so the matcher is built again over the bad edits.
            const settings = tx.objectStore('settings');
            const rev = settings.get('kbRevision');
            rev.onsuccess = () => settings.put({ key: 'kbRevision', value: ((rev.result?.value as number) ?? 0) + 1 });
            tx.oncomplete = () => (idb.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      records,
    );
  }

  /** The card of the first "Australia" on the page opens, under that name. */
  async function australiaCard(): Promise<void> {
    await page.bringToFront();
    const { x, y } = await locateMention(page, 'Australia');
    await page.mouse.move(x, y, { steps: 3 });
    await waitForDialog(page, 'Australia');
    await pointerAway(page);
  }

  /** Whether the popup's "All" tab shows the reader's note on Australia. */
  async function noteInPopup(): Promise<string> {
    const popup = await open('popup.html');
    await popup.getByRole('tab', { name: 'All' }).click();
    const text = await popup.getByRole('tabpanel').innerText();
    await popup.close();
    return text;
  }

  beforeAll(async () => {
    session = await openWithGloss('/pacific-trade.html');
    ({ context, extensionId, page } = session);
  });

  afterAll(() => session?.close());

  it('refuses a pack that would take over the starter’s Australia; removing a pack leaves the card and the reader’s note', async () => {
    await australiaCard();
    const options = await open('options.html');
    await send(options, 'saveNote', { record: noteWithText('entity', 'country:aus', 'Australia', NOTE) });
    await expect.poll(noteInPopup).toContain(NOTE);

    const taking = {
      id: 'minerals',
      name: 'Critical minerals',
      version: '1',
      entities: [
        { id: 'minerals:lithium', type: 'organization', name: 'Lithium Council', aliases: [] },
        { id: 'country:aus', type: 'country', name: 'Australia (minerals)', aliases: ['Australia'], summary: 'Not the starter’s.' },
      ],
    };
    const input = options.getByLabel(/Import a pack/);
    await input.setInputFiles({ name: 'minerals.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(taking)) });
    await expect
      .poll(() => options.getByRole('status').first().innerText())
      .toMatch(
        /country:aus \(“Australia”\) is already in the pack “.+”; a pack cannot replace another pack’s entities.*Nothing was changed/,
      );
    expect(await options.getByRole('button', { name: 'Remove Critical minerals' }).count()).toBe(0);

    // The same pack with ids of its own installs, and is then removed.
    const own = { ...taking, entities: [taking.entities[0], { ...taking.entities[1], id: 'minerals:aus' }] };
    await input.setInputFiles({ name: 'minerals.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(own)) });
    await options.getByRole('button', { name: 'Remove Critical minerals' }).click();
    await expect.poll(() => options.getByRole('button', { name: 'Remove Critical minerals' }).count()).toBe(0);
    await options.close();

    await page.reload();
    await waitForPaint(page);
    await australiaCard();
    await expect.poll(noteInPopup).toContain(NOTE);
  });

  it('opens the popup and the options page, exports, and still paints mentions with bad values stored', async () => {
    const options = await open('options.html');
    await writeRaw(options, {
      settings: [
        { key: 'sitesOff', value: 5 },
        { key: 'paused', value: 'yes' },
      ],
      entityEdits: [
        { id: 'country:aus', changes: { aliases: 5 }, updated: 1 },
        { id: 'country:jpn', changes: { name: {} }, updated: 1 },
      ],
      highlights: [DATA_RECORD],
    });
    await options.reload();
    await expect.poll(() => options.getByTestId('unreadable-settings').innerText()).toMatch(/sitesOff, paused|paused, sitesOff/);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Full backup (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^gloss-backup-.*\.json$/);
    await options.close();

    await page.reload();
    await waitForPaint(page);
    const painted = (await paintedMentions(page)).map((m) => m.text);
    expect(painted).toContain('Australia');
    expect(painted).toContain('Japan');

    const popup = await open('popup.html');
    await popup.getByRole('tab', { name: 'This page' }).waitFor();
    await popup.getByText('Export', { exact: true }).click();
    const [fromPopup] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('group', { name: 'Export everything' }).getByRole('button').first().click(),
    ]);
    expect(fromPopup.suggestedFilename()).toMatch(/^gloss-/);
    await popup.close();
  });

  it('"Go to" on a highlight stored on a data: source opens nothing, while one on a web page opens it', async () => {
    const popup = await open('popup.html');
    const web = { ...DATA_RECORD, id: 'urn:uuid:00000000-0000-4000-8000-0000000000eb', source: `${session.base}/sahel-water.html` };
    await writeRaw(popup, { highlights: [DATA_RECORD, web] });
    await popup.reload();
    await popup.getByRole('tab', { name: 'All' }).click();
    const before = context.pages().map((p) => p.url());
    // The data: one first: tabs open in the order asked, so once the web page's tab is
    // there, a data: tab would be too.
    await send(popup, 'goTo', DATA_RECORD.id);
    await send(popup, 'goTo', web.id);
    await expect.poll(() => context.pages().map((p) => p.url())).toContain(web.source);
    expect(context.pages().map((p) => p.url())).toEqual([...before, web.source]);
    const item = popup.getByRole('listitem', { name: 'Highlight: a passage' });
    expect(await item.getByRole('button', { name: 'Go to' }).evaluateAll((bs) => bs.map((b) => (b as HTMLButtonElement).disabled))).toEqual(
      [true, false],
    );
    await popup.close();
  });
});
