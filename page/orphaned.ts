import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/** The name of WXT's start-up event on `document` (private in WXT 0.21's types, public at run time). */
const STARTED_EVENT = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;

/**
 * Calls `stop` once this content script is really orphaned: the extension was reloaded,
 * updated or removed, so its runtime is gone. WXT also invalidates a script whenever its
 * start-up event reaches `document`, and any page can dispatch that event, so the event
 * alone is not believed. WXT's context fires only once, so every later start-up event (a
 * newer copy of the script injected after a replay) checks again. Returns the check, for
 * moments that may find the runtime gone (a failed message, the reader's next touch).
 */
export function onOrphaned(ctx: ContentScriptContext, stop: () => void): () => void {
  let stopped = false;
  const check = () => {
    if (stopped || browser.runtime?.id != null) return;
    stopped = true;
    stop();
  };
  ctx.onInvalidated(check);
  document.addEventListener(STARTED_EVENT, check);
  return check;
}
