/**
 * `npm run demo`: serves the demo pages on localhost and opens one in Chromium with the
 * built Gloss loaded. With a display, a real window stays open until you close it;
 * without one, it runs headless, prints the mentions found and writes a screenshot of an
 * open hover card to artifacts/demo-card.png.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithGloss } from '../tests/e2e/chromium';
import { locateMention, paintedMentions, waitForDialog, waitForPaint } from '../tests/e2e/page-tools';
import { serveStatic } from './static-server';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const { url, server } = await serveStatic();
const { context } = await launchWithGloss({ headless: !headed });
const page = context.pages()[0] ?? (await context.newPage());
const address = `${url}/pacific-trade.html`;
await page.goto(address);
await waitForPaint(page);
const mentions = await paintedMentions(page);
const counts = new Map<string, number>();
for (const m of mentions) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
console.log(`Gloss found ${mentions.length} mentions on ${address}:`);
for (const [text, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${text}${n > 1 ? ` ×${n}` : ''}`);

if (headed) {
  console.log(`\nOther demo pages: ${url}/ — close the browser window to stop.`);
  await new Promise<void>((done) => context.on('close', () => done()));
} else {
  const { x, y } = await locateMention(page, 'Canberra');
  await page.mouse.move(x, y, { steps: 3 });
  await waitForDialog(page, 'Canberra');
  await page.waitForTimeout(200);
  const out = resolve(import.meta.dirname, '../artifacts');
  mkdirSync(out, { recursive: true });
  await page.screenshot({ path: resolve(out, 'demo-card.png') });
  console.log(`\nNo display: ran headless. Screenshot of an open hover card: ${resolve(out, 'demo-card.png')}`);
  await context.close();
}
server.close();
