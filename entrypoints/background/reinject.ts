import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { sendMessage } from '../../lib/messaging';

/**
 * Puts the content script back into the tabs that were open before this install or update.
 * Chrome leaves their old script running without a runtime, so nothing made there could be
 * saved; the new script's start makes the old one stand down. Firefox injects into open tabs itself.
 * Only loaded tabs whose page no live script answers: a tab still loading gets the manifest's
 * script, and a second copy beside a live one would paint and open every card twice.
 */
export async function reinjectContentScripts(): Promise<void> {
  if (import.meta.env.FIREFOX) return;
  const script = browser.runtime.getManifest().content_scripts?.[0];
  if (!script?.js) return;
  const { js, css = [] } = script;
  const tabs = await browser.tabs.query({ url: script.matches });
  await Promise.all(
    tabs.map(async ({ id: tabId, discarded, status }) => {
      if (tabId === undefined || discarded || status !== 'complete') return;
      if (await hasLiveScript(tabId)) return;
      try {
        if (css.length > 0) await browser.scripting.insertCSS({ target: { tabId }, files: css });
        // The manifest names the built file, which is one of the extension's public scripts.
        await browser.scripting.executeScript({ target: { tabId }, files: js as ScriptPublicPath[] });
      } catch {
        // A page the extension may not script (file URLs without file access, the web store):
        // its orphaned script tells the reader to reload it.
      }
    }),
  );
}

/** Whether a content script of this extension's running context answers in tab `tabId`. */
function hasLiveScript(tabId: number): Promise<boolean> {
  return sendMessage('pageInfo', undefined, tabId).then(
    () => true,
    () => false,
  );
}
