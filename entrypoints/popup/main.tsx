import '../../components/fields.css';
import { liveQuery } from 'dexie';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { download } from '../../components/download';
import { ExportMenu, type ExportChoice } from '../../components/ExportMenu';
import { PopupView } from '../../components/PopupView';
import type { AnnotationActions } from '../../components/ThisPage';
import { Library } from '../../lib/annotations/library';
import { GlossDB } from '../../lib/db';
import { exportAll, exportPage } from '../../lib/export';
import { isPaused, pageState, setPaused, setSiteOff } from '../../lib/kb/site-settings';
import { sendMessage, type PageEntity } from '../../lib/messaging';

const db = new GlossDB();
const app = document.getElementById('app')!;

/**
 * The tab the popup is about: the active one, or, when the popup itself was opened in a tab,
 * the page the reader was on before it.
 */
async function pageTab() {
  const self = await browser.tabs.getCurrent();
  if (!self) return (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  // Opened in a tab of its own: the page last looked at, in whichever window.
  const others = (await browser.tabs.query({})).filter((t) => t.id !== self.id);
  return others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

async function main() {
  const tab = await pageTab();
  const page = tab?.id === undefined ? null : await sendMessage('pageInfo', undefined, tab.id).catch(() => null);
  const entities: PageEntity[] = tab?.id === undefined ? [] : await sendMessage('tabEntities', tab.id).catch(() => []);
  const refreshTab = () => tab?.id !== undefined && void sendMessage('refresh', undefined, tab.id).catch(() => undefined);
  const actions: AnnotationActions = {
    saveHighlight: (h, base) => sendMessage('saveHighlight', { record: h, base }),
    deleteHighlight: (h) => void sendMessage('deleteHighlight', h.id),
    goTo: (h) => void sendMessage('goTo', h.id).then(() => window.close()),
    // Sent at once, without reading first: the popup may close the moment Save is pressed.
    savePageNote: (record, base) => sendMessage('saveNote', { record, base }),
  };
  const onExport = async (choice: ExportChoice) => {
    const file = choice.scope === 'page' ? await exportPage(db, page!.source, choice.format) : await exportAll(db, choice.format);
    download(file);
    return file.filename;
  };
  const exports = <ExportMenu hasPage={page !== null} onExport={onExport} />;
  liveQuery(async () => {
    const [paused, state, highlights, notes, pages] = await Promise.all([
      isPaused(db),
      pageState(db, page?.host ?? ''),
      db.highlights.toArray(),
      db.notes.toArray(),
      db.pages.toArray(),
    ]);
    return { paused, state, library: new Library(highlights, notes, pages) };
  }).subscribe(({ paused, state, library }) => {
    render(
      <PopupView
        page={page ?? null}
        library={library}
        entities={entities}
        paused={paused}
        siteOff={state === 'site-off'}
        actions={actions}
        exports={exports}
        onSiteOff={(off) => void setSiteOff(db, page?.host ?? '', off).then(refreshTab)}
        onPaused={(p) => void setPaused(db, p).then(refreshTab)}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
      />,
      app,
    );
  });
}

void main();
