import type { Frame, Page } from 'playwright-core';
import { mentionCount, waitForSettledPaint } from './paint';

/** Waits until Gloss has painted the page's mentions. */
export async function waitForPaint(page: Page): Promise<void> {
  await waitForSettledPaint(() => page.evaluate(mentionCount));
}

/** The painted mentions as the page's highlight registry holds them: text and first box. */
export function paintedMentions(page: Page) {
  return page.evaluate(() => {
    const h = CSS.highlights.get('gloss-mention');
    if (!h) return [];
    const out: { text: string; x: number; y: number; inside: string }[] = [];
    for (const r of h as unknown as Iterable<StaticRange>) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const box = range.getClientRects()[0];
      const el = r.startContainer.parentElement;
      out.push({
        text: range.toString(),
        x: box ? box.left + box.width / 2 : -1,
        y: box ? box.top + box.height / 2 : -1,
        inside: el?.closest('textarea, pre, code, input, script, style, noscript') ? el.localName : '',
      });
    }
    return out;
  });
}

/** Scrolls the first painted mention with this text into view and returns its centre. */
export async function locateMention(page: Page, surface: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((surface) => {
    const h = CSS.highlights.get('gloss-mention');
    const ranges: Range[] = [];
    for (const r of (h ?? []) as unknown as Iterable<StaticRange>) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (range.toString().replace(/\s+/g, ' ') === surface) ranges.push(range);
    }
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const first = ranges[0];
    if (!first) return null;
    first.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const box = first.getClientRects()[0];
    return { x: box.left + Math.min(box.width / 2, 20), y: box.top + box.height / 2 };
  }, surface);
  if (!point) throw new Error(`no painted mention "${surface}"`);
  return point;
}

/** Dialogs in the accessibility tree (which reaches into closed shadow roots), by name. */
export async function dialogNames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value: string }; name?: { value: string }; ignored: boolean }[];
    };
    return nodes.filter((n) => !n.ignored && n.role?.value === 'dialog').map((n) => n.name?.value ?? '');
  } finally {
    await cdp.detach();
  }
}

/** Waits for a dialog with this name to appear (or throws with what is there). */
export async function waitForDialog(page: Page, name: string, timeout = 5_000): Promise<void> {
  const until = Date.now() + timeout;
  let seen: string[] = [];
  while (Date.now() < until) {
    seen = await dialogNames(page);
    if (seen.includes(name)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`no dialog named "${name}"; dialogs: ${JSON.stringify(seen)}`);
}

/** Moves the pointer to an empty corner and waits for any card to close. */
export async function pointerAway(page: Page): Promise<void> {
  await page.mouse.move(5, 5);
  const until = Date.now() + 3_000;
  while (Date.now() < until && (await dialogNames(page)).length > 0) await page.waitForTimeout(100);
}

interface AXNode {
  role?: { value: string };
  name?: { value: string };
  ignored: boolean;
  backendDOMNodeId?: number;
}

/**
 * Clicks the control with this role and name as a reader would, with the mouse at its
 * centre. Found through the accessibility tree, which reaches into Gloss's closed shadow roots.
 */
export async function clickByRole(page: Page, role: string, name: string, timeout = 5_000): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const until = Date.now() + timeout;
    let seen: string[] = [];
    while (Date.now() < until) {
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
      const hit = nodes.find((n) => !n.ignored && n.role?.value === role && n.name?.value === name && n.backendDOMNodeId);
      if (hit) {
        // A control below the fold of a scrolling card is scrolled to first, as a reader would.
        await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: hit.backendDOMNodeId });
        const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: hit.backendDOMNodeId })) as { model: { content: number[] } };
        const [x1, y1, , , x3, y3] = model.content;
        await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
        return;
      }
      seen = nodes.filter((n) => !n.ignored && n.role?.value === role).map((n) => n.name?.value ?? '');
      await page.waitForTimeout(100);
    }
    throw new Error(`no ${role} named "${name}"; ${role}s: ${JSON.stringify(seen)}`);
  } finally {
    await cdp.detach();
  }
}

/** The page's painted highlights: colour and text, in page order. */
export function paintedHighlights(page: Page) {
  return page.evaluate(() => {
    const out: { color: string; text: string; start: Range }[] = [];
    for (const color of ['yellow', 'green', 'blue', 'pink', 'purple']) {
      for (const r of (CSS.highlights.get(`gloss-hl-${color}`) ?? []) as unknown as Iterable<StaticRange>) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push({ color, text: range.toString(), start: range });
      }
    }
    out.sort((a, b) => a.start.compareBoundaryPoints(Range.START_TO_START, b.start));
    return out.map(({ color, text }) => ({ color, text }));
  });
}

/** Selects the text from the start of `from` to the end of `to` (both inside `selector`) by dragging the mouse. */
export async function dragSelect(page: Page, selector: string, from: string, to: string): Promise<string> {
  const points = await page.evaluate(
    ({ selector, from, to }) => {
      const root = document.querySelector(selector)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const texts: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
      const at = (needle: string, end: boolean) => {
        for (const t of texts) {
          const i = t.data.indexOf(needle);
          if (i < 0) continue;
          const r = document.createRange();
          const k = end ? i + needle.length - 1 : i;
          r.setStart(t, k);
          r.setEnd(t, k + 1);
          const box = r.getClientRects()[0];
          return { x: end ? box.right - 1 : box.left + 1, y: box.top + box.height / 2 };
        }
        throw new Error(`"${needle}" not found in ${selector}`);
      };
      const first = texts.find((t) => t.data.includes(from));
      first?.parentElement?.scrollIntoView({ block: 'center' });
      return { a: at(from, false), b: at(to, true) };
    },
    { selector, from, to },
  );
  await page.mouse.move(points.a.x, points.a.y);
  await page.mouse.down();
  await page.mouse.move((points.a.x + points.b.x) / 2, (points.a.y + points.b.y) / 2, { steps: 5 });
  await page.mouse.move(points.b.x, points.b.y, { steps: 5 });
  await page.mouse.up();
  return page.evaluate(() => getSelection()?.toString() ?? '');
}

/** Makes the page keep its DOM as parsed (before any extension code ran), for `domChange`. */
export async function keepParsedDom(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { __before: string }).__before = document.documentElement.outerHTML;
    });
  });
}

/** The page's DOM as parsed and as it is now, leaving out Gloss's own host elements. */
export function domChange(page: Page): Promise<{ before: string; after: string }> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('gloss-card, gloss-tools').forEach((el) => el.remove());
    return { before: (window as unknown as { __before: string }).__before, after: clone.outerHTML };
  });
}

/** Every text the accessibility tree holds (it reaches into closed shadow roots), joined by newlines. */
export async function accessibleText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    return nodes
      .filter((n) => !n.ignored && n.role?.value === 'StaticText')
      .map((n) => n.name?.value ?? '')
      .join('\n');
  } finally {
    await cdp.detach();
  }
}

/**
 * The note frame Gloss opened in the page: the highlight editor, or the note of the entity on
 * the open card. Playwright reaches it through `page.frames()`, closed shadow root or not.
 */
export async function noteFrame(page: Page, kind: 'highlight' | 'entity', timeout = 5_000): Promise<Frame> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const frame = page
      .frames()
      .findLast((f) => f.url().includes('/note-frame.html') && new URL(f.url()).searchParams.has(kind) && !f.isDetached());
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error(`no ${kind} note frame; frames: ${JSON.stringify(page.frames().map((f) => f.url()))}`);
}

/** Waits until no highlight editor frame is left in the page. */
export async function editorClosed(page: Page): Promise<void> {
  const until = Date.now() + 5_000;
  while (page.frames().some((f) => f.url().includes('/note-frame.html?highlight'))) {
    if (Date.now() > until) throw new Error('the highlight editor is still open');
    await page.waitForTimeout(100);
  }
}

/** The point a reader clicks to open the editor of the first highlight painted in `color`. */
export function highlightPoint(page: Page, color = 'yellow'): Promise<{ x: number; y: number }> {
  return page.evaluate((color) => {
    const r = [...(CSS.highlights.get(`gloss-hl-${color}`) as unknown as Iterable<StaticRange>)][0];
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const box = range.getClientRects()[0];
    return { x: box.left + 30, y: box.top + box.height / 2 };
  }, color);
}
