import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../lib/kb/types';
import { sharedAvailable } from '../shared-fixtures';
import { openWithGloss, type GlossSession } from './session';
import { dialogNames, domChange, locateMention, paintedMentions, pointerAway, waitForDialog } from './page-tools';

const pack = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/packs/starter.json'), 'utf8')) as Pack;
const nameOf = (id: string) => pack.entities.find((e) => e.id === id)?.name ?? `(missing ${id})`;

// The first mention of each of these, hovered, must open the card of this entity.
const EXPECTED: [string, string][] = [
  ['Vladimir Putin', 'person:vladimir-putin'],
  ['Khurelsukh Ukhnaa', 'person:khurelsukh-ukhnaa'],
  ['Ulaanbaatar', 'city:ulaanbaatar-mn'],
  ['Rome Statute', 'treaty:rome-statute'],
  ['International Criminal Court', 'org:international-criminal-court'],
  ['Shanghai Cooperation Organization', 'org:shanghai-cooperation-organisation'],
  ['SCO', 'org:shanghai-cooperation-organisation'],
  ['NATO', 'org:nato'],
  ['North Korea', 'country:prk'],
  ['Antony Blinken', 'person:antony-blinken'],
  ['Battsetseg Batmunkh', 'person:battsetseg-batmunkh'],
  ['Khaan Quest', 'event:khaan-quest'],
  ['Peace Corps', 'org:peace-corps'],
  ['Moscow', 'city:moscow-ru'],
  ['Beijing', 'city:beijing-cn'],
  ['Mongolian', 'country:mng'],
];

const run = sharedAvailable('the seed-article end-to-end test');

describe.runIf(run)('hover cards on the seed article, in Chromium with the built extension', () => {
  let session: GlossSession;
  let page: Page;

  beforeAll(async () => {
    session = await openWithGloss('/shared/seed-article.html');
    page = session.page;
  });

  afterAll(() => session?.close());

  for (const [surface, id] of EXPECTED) {
    it(`hovering the first "${surface}" opens the card of ${id}`, async () => {
      const { x, y } = await locateMention(page, surface);
      await page.mouse.move(x, y, { steps: 3 });
      await waitForDialog(page, nameOf(id));
      await pointerAway(page);
    });
  }

  it('finds nothing in the search box, the textarea or the code block', async () => {
    const painted = await paintedMentions(page);
    expect(painted.length).toBeGreaterThan(100);
    expect(painted.filter((m) => m.inside)).toEqual([]);
    const box = await page.locator('textarea').boundingBox();
    await page.mouse.move(box!.x + 30, box!.y + 10);
    await page.waitForTimeout(900);
    expect(await dialogNames(page)).toEqual([]);
  });

  it('Esc closes an open card', async () => {
    const { x, y } = await locateMention(page, 'Moscow');
    await page.mouse.move(x, y, { steps: 3 });
    await waitForDialog(page, nameOf('city:moscow-ru'));
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
    expect(await dialogNames(page)).toEqual([]);
    await pointerAway(page);
  });

  it('a page script can neither open a card with synthetic events nor read an open one', async () => {
    const { x, y } = await locateMention(page, 'Beijing');
    await page.evaluate(
      ({ x, y }) => {
        const target = document.elementFromPoint(x, y)!;
        for (const type of ['pointerover', 'pointermove', 'mouseover', 'mousemove']) {
          target.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, bubbles: true, composed: true }));
        }
      },
      { x, y },
    );
    await page.waitForTimeout(1_000);
    expect(await dialogNames(page)).toEqual([]);

    await page.mouse.move(x, y, { steps: 3 });
    await waitForDialog(page, nameOf('city:beijing-cn'));
    const seen = await page.evaluate(() => {
      const host = document.querySelector('gloss-card') as HTMLElement | null;
      return { exists: !!host, shadow: host?.shadowRoot ?? null, text: host?.innerText ?? '', html: host?.innerHTML ?? '' };
    });
    expect(seen).toEqual({ exists: true, shadow: null, text: '', html: '' });
    await pointerAway(page);
  });

  it('leaves the page’s DOM outside its own host byte for byte as it was', async () => {
    const { before, after } = await domChange(page);
    expect(before.length).toBeGreaterThan(5_000);
    expect(after).toBe(before);
  });

  it('makes no network request beyond the page itself', () => {
    expect(session.outside).toEqual([]);
  });
});
