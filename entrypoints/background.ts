import { browser } from 'wxt/browser';
import { GlossDB } from '../lib/db';
import { installPack } from '../lib/kb/packs';
import { KnowledgeService } from '../lib/kb/service';
import type { Pack } from '../lib/kb/types';
import { onMessage, sendMessage } from '../lib/messaging';

export default defineBackground(() => {
  const db = new GlossDB();
  const service = new KnowledgeService(db);

  // Seeding is idempotent (a pack version is installed once), so it also runs on every
  // start: a worker that was stopped mid-install finishes the job next time.
  const seeded = (async () => {
    const res = await fetch(browser.runtime.getURL('/packs/starter.json'));
    await installPack(db, (await res.json()) as Pack);
  })();
  const ready = seeded.catch((e: unknown) => console.error('Gloss: starter pack not installed', e));

  onMessage('scan', async ({ data }) => {
    await ready;
    return service.scan(data);
  });
  onMessage('card', async ({ data }) => {
    await ready;
    return service.card(data);
  });
  onMessage('matcherStats', async () => {
    await ready;
    return service.stats();
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'next-mention' && tab?.id !== undefined) void sendMessage('nextMention', undefined, tab.id);
  });
});
