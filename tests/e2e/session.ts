import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { Server } from 'node:http';
import { defaultRoots, serveStatic } from '../../scripts/static-server';
import { launchWithGloss } from './chromium';
import { keepParsedDom, waitForPaint } from './page-tools';

/** Chromium with Gloss, the local page server, and one page open on it. */
export interface GlossSession {
  context: BrowserContext;
  base: string;
  extensionId: string;
  /** The extension's service worker. */
  worker: Worker;
  page: Page;
  /** Requests that left for anywhere but the local server, the extension or data: URLs. */
  outside: string[];
  close(): Promise<void>;
}

/**
 * Serves the demo pages and ../shared fixtures (or other `roots`) on 127.0.0.1, launches Chromium with the built
 * extension, and opens `path` (its DOM kept as parsed, for the byte-for-byte check) once
 * Gloss has painted its mentions.
 */
export async function openWithGloss(path: string, roots = defaultRoots()): Promise<GlossSession> {
  const { url: base, server }: { url: string; server: Server } = await serveStatic(roots);
  const { context, extensionId, worker } = await launchWithGloss();
  const outside: string[] = [];
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(base) && !url.startsWith('chrome-extension://') && !url.startsWith('data:') && !url.startsWith('blob:'))
      outside.push(url);
  });
  const page = await context.newPage();
  await keepParsedDom(page);
  await page.goto(`${base}${path}`);
  await waitForPaint(page);
  return {
    context,
    base,
    extensionId,
    worker,
    page,
    outside,
    close: async () => {
      await context.close();
      server.close();
    },
  };
}
