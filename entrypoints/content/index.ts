import './mentions.css';
import './highlights.css';
import { EVERY_PAGE } from '../../lib/annotations/protocol';
import { canonicalUrl } from '../../lib/annotations/url';
import { onMessage, sendMessage as sendOnce } from '../../lib/messaging';
import { withRetry } from '../../lib/retry';
import { benchMark } from '../../page/bench-marks';
import { Highlighter } from '../../page/highlighter';
import { onOrphaned } from '../../page/orphaned';
import { NoteFrames } from '../../page/note-frames';
import { PageReader } from '../../page/page-reader';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*', 'file:///*'],
  runAt: 'document_idle',
  // WXT's start-up postMessage names the extension to the page; its CustomEvent is enough.
  noScriptStartedPostMessage: true,
  main(ctx) {
    benchMark('content-start');
    const controller = new AbortController();
    const checkOrphaned = onOrphaned(ctx, () => {
      controller.abort();
      // Unless a newer Gloss, put in by the background after an update, took over the page: it
      // registers its own mention highlight as it starts, and this script removed its own.
      setTimeout(() => CSS.highlights.has('gloss-mention') || highlighter.offerReload(), 2000);
    });
    /** Sends a message again if the background's worker was stopped; a failure checks whether the extension is gone. */
    const sendMessage = ((...args: Parameters<typeof sendOnce>) =>
      withRetry(() => sendOnce(...args)).catch((e: unknown) => {
        checkOrphaned();
        throw e;
      })) as typeof sendOnce;
    // The reader's next touch finds out whether the extension went away under the page.
    document.addEventListener('pointerdown', checkOrphaned, { capture: true, passive: true, signal: controller.signal });
    const frames = new NoteFrames(sendMessage('noteFrameUrl', undefined));
    const reader = new PageReader(
      {
        scan: (req) => sendMessage('scan', req),
        card: (id) => sendMessage('card', id),
      },
      frames,
      controller.signal,
    );
    const highlighter = new Highlighter(
      {
        load: (source) => sendMessage('pageAnnotations', source),
        save: (h) => sendMessage('saveHighlight', { record: h }),
        remove: (id) => sendMessage('deleteHighlight', id),
        report: (r) => sendMessage('reportAnchoring', r),
        takeJump: () => sendMessage('takeJump', undefined),
      },
      frames,
      controller.signal,
      () => [...document.querySelectorAll('gloss-card')],
    );
    const off = [
      onMessage('noteFrame', ({ data }) => frames.dispatch(data)),
      onMessage('nextMention', () => reader.next()),
      onMessage('pageInfo', () => ({ ...reader.info(), ...highlighter.info() })),
      onMessage('refresh', () => reader.refresh()),
      onMessage('annotationsChanged', async ({ data: source }) => {
        // Entity notes show on every page; a page's own highlights only matter on that page.
        if (source === EVERY_PAGE) reader.forgetCards();
        if (source === EVERY_PAGE || source === highlighter.info().source) await highlighter.reload();
      }),
      onMessage('highlightSelection', ({ data }) => highlighter.highlightSelection(data)),
      onMessage('jumpTo', ({ data }) => highlighter.jumpTo(data)),
      onMessage('exportThisPage', async () => {
        try {
          // The background saves the files: a URL made in the page would be the page's to read.
          const saved = await sendMessage('savePageExport', canonicalUrl(location.href));
          highlighter.notify(`Saved ${saved} files.`);
        } catch (e) {
          highlighter.notify((e as Error).message);
        }
      }),
    ];
    controller.signal.addEventListener('abort', () => off.forEach((f) => f()));
    void reader.start();
    void highlighter.start();
  },
});
