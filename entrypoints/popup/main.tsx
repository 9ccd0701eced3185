import { liveQuery } from 'dexie';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupView } from '../../components/PopupView';
import { GlossDB } from '../../lib/db';
import { isPaused, pageState, setPaused, setSiteOff } from '../../lib/kb/site-settings';
import { sendMessage } from '../../lib/messaging';

const db = new GlossDB();
const app = document.getElementById('app')!;

async function main() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const page = tab?.id === undefined ? null : await sendMessage('pageInfo', undefined, tab.id).catch(() => null);
  const refreshTab = () => tab?.id !== undefined && void sendMessage('refresh', undefined, tab.id).catch(() => undefined);
  liveQuery(async () => ({ paused: await isPaused(db), state: await pageState(db, page?.host ?? '') })).subscribe(({ paused, state }) => {
    render(
      <PopupView
        page={page ?? null}
        paused={paused}
        siteOff={state === 'site-off'}
        onSiteOff={(off) => void setSiteOff(db, page?.host ?? '', off).then(refreshTab)}
        onPaused={(p) => void setPaused(db, p).then(refreshTab)}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
      />,
      app,
    );
  });
}

void main();
