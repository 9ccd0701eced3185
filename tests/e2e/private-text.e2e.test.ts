import type { Frame, Page } from 'playwright-core';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRoots } from '../../scripts/static-server';
import { openWithGloss, type GlossSession } from './session';
import {
  clickByRole,
  dialogNames,
  dragSelect,
  editorClosed,
  highlightPoint,
  locateMention,
  noteFrame,
  paintedHighlights,
  pointerAway,
  waitForDialog,
  waitForPaint,
} from './page-tools';

const HOSTILE = resolve(import.meta.dirname, '../fixtures/hostile');
const PAGE = '/hostile/key-listener.html';
const HIGHLIGHT_NOTE = 'Quokka zebra 7731 marginalia';
const ENTITY_NOTE = 'Wombat heron 4419 aside';

interface Hostile {
  __seen: string[];
  __find(text: string): boolean;
}

/** Whether the page heard nothing but the release of keys that closed the frame (the release then lands on the page). */
const onlyReleasesOf = (keys: string[], seen: string[]) => seen.every((s) => keys.some((k) => s === `keyup:${k}::`));

/** What the page's listeners recorded since the last call, which clears it. */
function takeSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as Hostile).__seen.splice(0));
}

function pageFinds(page: Page, text: string): Promise<boolean> {
  return page.evaluate((text) => (window as unknown as Hostile).__find(text), text);
}

/** The `src` of every iframe in the page, closed shadow roots included (read over CDP, as the page cannot). */
async function frameSources(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    interface DomNode {
      localName?: string;
      attributes?: string[];
      children?: DomNode[];
      shadowRoots?: DomNode[];
    }
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const out: string[] = [];
    const walk = (n: DomNode) => {
      if (n.localName === 'iframe') out.push(n.attributes?.[n.attributes.indexOf('src') + 1] ?? '');
      [...(n.children ?? []), ...(n.shadowRoots ?? [])].forEach(walk);
    };
    walk(root);
    return out;
  } finally {
    await cdp.detach();
  }
}

/** Clicks the page's first highlight and waits for its editor, with the note field focused. */
async function openEditor(page: Page): Promise<Frame> {
  await page.bringToFront();
  const { x, y } = await highlightPoint(page);
  await page.mouse.click(x, y);
  const editor = await noteFrame(page, 'highlight');
  await expect.poll(() => editor.evaluate(() => document.activeElement?.localName)).toBe('textarea');
  return editor;
}

describe('the reader’s own text on a page that listens to every key, in Chromium with the built extension', () => {
  let session: GlossSession;
  let page: Page;

  beforeAll(async () => {
    session = await openWithGloss(PAGE, { ...defaultRoots(), '/hostile/': HOSTILE });
    page = session.page;
  });

  afterAll(() => session?.close());

  it('hears none of a note typed into the highlight editor, nor finds it while the editor is open', async () => {
    await dragSelect(page, '#passage', 'Ministers', 'Tuesday');
    await clickByRole(page, 'button', 'Add note');
    const editor = await noteFrame(page, 'highlight');
    await editor.getByRole('dialog', { name: 'Edit highlight' }).waitFor();
    // Loaded through the session's dynamic id; the extension's own id is no way in for a page probing for Gloss.
    expect(await frameSources(page)).toEqual([expect.stringMatching(/^chrome-extension:\/\/[0-9a-f-]{36}\/note-frame\.html\?highlight=/)]);
    expect(
      await page.evaluate(
        (id) =>
          fetch(`chrome-extension://${id}/note-frame.html`).then(
            () => 'loaded',
            () => 'refused',
          ),
        session.extensionId,
      ),
    ).toBe('refused');
    // A frame in a closed shadow root is not among the page's frames either (docs/privacy.md).
    expect(await page.evaluate(() => [window.length, typeof window[0]])).toEqual([0, 'undefined']);
    await expect.poll(() => editor.evaluate(() => document.activeElement?.localName)).toBe('textarea');
    await takeSeen(page);
    await page.keyboard.type(HIGHLIGHT_NOTE);
    await page.keyboard.insertText(' (pasted)');
    expect(await editor.getByLabel('Note').inputValue()).toBe(`${HIGHLIGHT_NOTE} (pasted)`);
    expect(await pageFinds(page, 'Quokka zebra')).toBe(false);
    // The same search finds the page's own text: the probe works.
    expect(await pageFinds(page, 'eastern flank')).toBe(true);
    expect(await takeSeen(page)).toEqual([]);
    await page.keyboard.press('Control+Enter');
    // Headless Chromium never acknowledges the release of a key that closed its frame.
    await page.keyboard.up('Control');
    await editorClosed(page);
    expect(onlyReleasesOf(['Control', 'Enter'], await takeSeen(page))).toBe(true);
    expect((await paintedHighlights(page)).map((h) => h.text)).toEqual(['Ministers of NATO met in Brussels on Tuesday']);

    // Esc closes the editor, and focus goes back where it was.
    const again = await openEditor(page);
    expect(await again.getByLabel('Note').inputValue()).toBe(`${HIGHLIGHT_NOTE} (pasted)`);
    expect(await pageFinds(page, 'Quokka zebra')).toBe(false);
    await page.keyboard.press('Escape');
    await editorClosed(page);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('body');
    expect(onlyReleasesOf(['Escape'], await takeSeen(page))).toBe(true);
  });

  it('hears none of a note typed into a card, nor finds it while the card shows it', async () => {
    const { x, y } = await locateMention(page, 'NATO');
    await page.mouse.move(x, y, { steps: 3 });
    await waitForDialog(page, 'North Atlantic Treaty Organization');
    const card = await noteFrame(page, 'entity');
    await card.getByRole('button', { name: 'Add a note' }).click();
    await takeSeen(page);
    await page.keyboard.type(ENTITY_NOTE);
    await card.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => card.locator('.note p').innerText()).toBe(`Your note ${ENTITY_NOTE}`);
    expect(await pageFinds(page, 'Wombat heron')).toBe(false);
    expect(await takeSeen(page)).toEqual([]);
    // Esc in the note frame closes the card.
    await card.getByRole('button', { name: 'Edit note' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogNames(page)).toEqual([]);
    expect(onlyReleasesOf(['Escape'], await takeSeen(page))).toBe(true);
    await pointerAway(page);
  });

  it('refuses the stale save of a highlight edited in two tabs, shows the newer note, and loses nothing', async () => {
    const other = await session.context.newPage();
    await other.goto(`${session.base}${PAGE}`);
    await waitForPaint(other);
    await expect.poll(async () => (await paintedHighlights(other)).length).toBe(1);

    const mine = await openEditor(page);
    const theirs = await openEditor(other);
    await theirs.getByLabel('Note').fill('Written in the second tab.');
    await theirs.getByRole('button', { name: 'Save', exact: true }).click();
    await editorClosed(other);

    await page.bringToFront();
    await mine.getByLabel('Note').fill('Written in the first tab.');
    await mine.getByRole('button', { name: 'Save', exact: true }).click();
    const alert = mine.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('Changed elsewhere');
    expect(await alert.innerText()).toContain('Written in the second tab.');
    expect(await mine.getByLabel('Note').inputValue()).toBe('Written in the first tab.');

    // The reader takes the newer note, adds theirs to it, and saves: both are kept.
    await mine.getByRole('button', { name: 'Take the newer' }).click();
    await expect.poll(() => mine.getByLabel('Note').inputValue()).toBe('Written in the second tab.');
    await mine.getByLabel('Note').press('End');
    await mine.getByLabel('Note').pressSequentially(' And in the first.');
    await mine.getByRole('button', { name: 'Save', exact: true }).click();
    await editorClosed(page);

    const reopened = await openEditor(other);
    expect(await reopened.getByLabel('Note').inputValue()).toBe('Written in the second tab. And in the first.');
    await other.close();
  });
});
