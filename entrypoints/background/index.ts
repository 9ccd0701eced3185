import { browser } from 'wxt/browser';
import { EVERY_PAGE } from '../../lib/annotations/protocol';
import * as store from '../../lib/annotations/store';
import { isWebSource } from '../../lib/annotations/web-source';
import { GlossDB } from '../../lib/db';
import { exportPage } from '../../lib/export';
import { installPack } from '../../lib/kb/packs';
import { KnowledgeService } from '../../lib/kb/service';
import type { Pack } from '../../lib/kb/types';
import { onMessage, sendMessage } from '../../lib/messaging';
import { scanEntityIds } from '../../lib/scan-codec';
import { reinjectContentScripts } from './reinject';
import { saveFiles } from './save-files';
import { TabMemory } from './tab-memory';

/** Entities remembered per tab for the popup and the page's export: a real article names far fewer. */
const MAX_TAB_ENTITIES = 2000;

export default defineBackground(() => {
  const db = new GlossDB();
  const service = new KnowledgeService(db);
  const tabs = new TabMemory();

  // Seeding is idempotent (a pack version is installed once), so it also runs on every
  // start: a worker that was stopped mid-install finishes the job next time.
  const seeded = (async () => {
    const res = await fetch(browser.runtime.getURL('/packs/starter.json'));
    await installPack(db, (await res.json()) as Pack);
  })();
  const ready = seeded.catch((e: unknown) => console.error('Gloss: starter pack not installed', e));

  /** Tells every other tab that the highlights or notes of `source` changed. */
  const broadcast = async (source: string, except?: number) => {
    for (const tab of await browser.tabs.query({})) {
      if (tab.id !== undefined && tab.id !== except) sendMessage('annotationsChanged', source, tab.id).catch(() => undefined);
    }
  };

  onMessage('scan', async ({ data, sender }) => {
    await ready;
    const response = await service.scan(data);
    const tabId = sender.tab?.id;
    // Remembered after the answer has gone: the page waits for its mentions, not for this.
    if (tabId !== undefined && response.entityIds)
      setTimeout(() => void tabs.addEntities(tabId, scanEntityIds(response, MAX_TAB_ENTITIES)));
    return response;
  });
  onMessage('card', async ({ data }) => {
    await ready;
    return service.card(data);
  });
  onMessage('entityNote', async ({ data }) => {
    await ready;
    const card = await service.card(data);
    return card && { name: card.name, note: (await store.getNote(db, 'entity', data)) ?? null };
  });
  onMessage('matcherStats', async () => {
    await ready;
    return service.stats();
  });

  onMessage('pageAnnotations', ({ data }) => store.pageAnnotations(db, data));
  onMessage('getHighlight', ({ data }) => store.getHighlight(db, data));
  onMessage('saveHighlight', async ({ data, sender }) => {
    const outcome = await store.saveHighlight(db, data.record, data.base);
    if (outcome.saved) void broadcast(data.record.source, sender.tab?.id);
    return outcome;
  });
  onMessage('deleteHighlight', async ({ data, sender }) => {
    const removed = await store.deleteHighlight(db, data);
    if (removed) void broadcast(removed.source, sender.tab?.id);
    return removed ?? null;
  });
  onMessage('saveNote', async ({ data, sender }) => {
    const outcome = await store.saveNote(db, data.record, data.base);
    if (outcome.saved) void broadcast(data.record.kind === 'page' ? data.record.target : EVERY_PAGE, sender.tab?.id);
    return outcome;
  });
  onMessage('noteFrameUrl', () => browser.runtime.getURL('/note-frame.html'));
  // The note frame is an extension page inside the tab: what it tells goes to that tab's content script only.
  onMessage('noteFrame', ({ data, sender }) => {
    if (sender.tab?.id !== undefined) void sendMessage('noteFrame', data, { tabId: sender.tab.id, frameId: 0 }).catch(() => undefined);
  });
  onMessage('reportAnchoring', async ({ data, sender }) => {
    const entities = sender.tab?.id !== undefined ? await tabs.entities(sender.tab.id) : [];
    await store.recordAnchoring(db, { ...data, entities });
  });
  onMessage('tabEntities', async ({ data }) => service.pageEntities(await tabs.entities(data)));
  onMessage('goTo', async ({ data }) => {
    // Content scripts know which highlights they placed: ask each tab, activate the one that has it.
    for (const tab of await browser.tabs.query({})) {
      if (tab.id === undefined) continue;
      if (await sendMessage('jumpTo', data, tab.id).catch(() => false)) {
        await browser.tabs.update(tab.id, { active: true });
        if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
        return;
      }
    }
    const h = await db.highlights.get(data);
    // A source stored before imports were checked may be data: or javascript:, which would run its own code.
    if (!h || !isWebSource(h.source)) return;
    const tab = await browser.tabs.create({ url: h.source });
    if (tab.id !== undefined) await tabs.setJump(tab.id, data);
  });
  onMessage('savePageExport', async ({ data: source }) => {
    const files = [await exportPage(db, source, 'markdown'), await exportPage(db, source, 'w3c')];
    await saveFiles(files);
    return files.length;
  });
  onMessage('annotationsImported', () => broadcast(EVERY_PAGE));
  onMessage('takeJump', ({ sender }) => (sender.tab?.id !== undefined ? tabs.takeJump(sender.tab.id) : null));

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void tabs.forgetEntities(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId));

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'gloss-highlight', title: 'Highlight with Gloss', contexts: ['selection'] });
    void reinjectContentScripts();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'gloss-highlight' && tab?.id !== undefined) void sendMessage('highlightSelection', null, tab.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (tab?.id === undefined) return;
    if (command === 'next-mention') void sendMessage('nextMention', undefined, tab.id);
    if (command === 'highlight-selection') void sendMessage('highlightSelection', null, tab.id);
    if (command === 'export-page') void sendMessage('exportThisPage', undefined, tab.id);
  });
});
