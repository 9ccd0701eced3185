import type { Page } from 'playwright-core';

/** Waits until Gloss has painted the page's mentions. */
export async function waitForPaint(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('gloss:painted').length > 0, null, { timeout: 20_000 });
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
