import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedAvailable } from '../shared-fixtures';
import { dialogNames, waitForDialog } from './page-tools';
import { openWithGloss, type GlossSession } from './session';

/** The painted mentions' boxes, relative to the viewport: how many, and how far up and down they reach. */
function paintedSpread(page: Page) {
  return page.evaluate(() => {
    const tops: number[] = [];
    for (const r of (CSS.highlights.get('gloss-mention') ?? []) as unknown as Iterable<StaticRange>) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      tops.push(range.getBoundingClientRect().top);
    }
    const inView = tops.filter((t) => t >= 0 && t < innerHeight).length;
    return { painted: tops.length, inView, highest: Math.min(...tops) / innerHeight, lowest: Math.max(...tops) / innerHeight };
  });
}

const run = sharedAvailable('the large-page end-to-end test');

describe.runIf(run)('a page with thousands of mentions (the 1 MB bench page, starter pack)', () => {
  let session: GlossSession;
  let page: Page;

  beforeAll(async () => {
    session = await openWithGloss('/shared/bench/page-1mb.html');
    page = session.page;
  });

  afterAll(() => session?.close());

  it('paints the mentions on screen and a screen either side, not all of them at once', async () => {
    // Settled: what is painted is in view or within a screen or so of it (on load, and after the observer has reported).
    const settled = (s: Awaited<ReturnType<typeof paintedSpread>>) =>
      s.inView > 10 && s.painted < 3000 && s.highest >= -1.5 && s.lowest < 2.5;
    await expect.poll(() => paintedSpread(page).then(settled)).toBe(true);
  });

  it('paints the mentions further down as the reader scrolls to them, and their cards open', async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.8));
    await expect.poll(() => paintedSpread(page).then((s) => s.inView > 10 && s.highest >= -1.5 && s.lowest < 2.5)).toBe(true);
    const point = await page.evaluate(() => {
      for (const r of (CSS.highlights.get('gloss-mention') ?? []) as unknown as Iterable<StaticRange>) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const box = range.getClientRects()[0];
        if (box && box.top > 100 && box.bottom < innerHeight - 100)
          return { x: box.left + Math.min(box.width / 2, 10), y: box.top + box.height / 2 };
      }
      return null;
    });
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x, point!.y, { steps: 3 });
    await expect.poll(() => dialogNames(page).then((names) => names.length)).toBe(1);
    await waitForDialog(page, (await dialogNames(page))[0]);
  });
});
