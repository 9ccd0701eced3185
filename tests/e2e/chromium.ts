import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROME_BUILD = resolve(import.meta.dirname, '../../.output/chrome-mv3');
/** The bench build (`npm run build:bench`): the release build plus the `gloss:*` timing marks. */
export const BENCH_BUILD = resolve(import.meta.dirname, '../../.output/chrome-mv3-bench');

/** Chromium with the built extension (the release build unless told) loaded, headless, and its extension id. */
export async function launchWithGloss(opts: { headless?: boolean; build?: string } = {}): Promise<{
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
}> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  const build = opts.build ?? CHROME_BUILD;
  if (!existsSync(join(build, 'manifest.json'))) throw new Error(`No extension build in ${build}: run npm run build`);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'gloss-profile-')), {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker };
}
