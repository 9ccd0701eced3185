import './mentions.css';
import './highlights.css';
import { download } from '../../components/download';
import { EVERY_PAGE } from '../../lib/annotations/protocol';
import { noteWithText } from '../../lib/annotations/types';
import { canonicalUrl } from '../../lib/annotations/url';
import { onMessage, sendMessage as sendOnce } from '../../lib/messaging';
import { withRetry } from '../../lib/retry';
import { Highlighter } from '../../page/highlighter';
import { PageReader } from '../../page/page-reader';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*', 'file:///*'],
  runAt: 'document_idle',
  main(ctx) {
    performance.mark('gloss:content-start');
    const controller = new AbortController();
    ctx.onInvalidated(() => {
      controller.abort();
      // Unless a newer Gloss, put in by the background after an update, took over the page: it
      // registers its own mention highlight as it starts, and this script removed its own.
      setTimeout(() => CSS.highlights.has('gloss-mention') || highlighter.offerReload(), 2000);
    });
    /** Sends a message again if the background's worker was stopped; a failure checks whether the extension is gone. */
    const sendMessage = ((...args: Parameters<typeof sendOnce>) =>
      withRetry(() => sendOnce(...args)).catch((e: unknown) => {
        void ctx.isInvalid;
        throw e;
      })) as typeof sendOnce;
    // The reader's next touch finds out whether the extension went away under the page.
    document.addEventListener('pointerdown', () => ctx.isInvalid, { capture: true, passive: true, signal: controller.signal });
    const reader = new PageReader(
      {
        scan: (req) => sendMessage('scan', req),
        card: (id) => sendMessage('card', id),
        saveEntityNote: async (card, text) => {
          await sendMessage('saveNote', noteWithText('entity', card.id, card.name, text, card.note));
        },
      },
      controller.signal,
    );
    const highlighter = new Highlighter(
      {
        load: (source) => sendMessage('pageAnnotations', source),
        save: (h) => sendMessage('saveHighlight', h),
        remove: (id) => sendMessage('deleteHighlight', id),
        report: (r) => sendMessage('reportAnchoring', r),
        takeJump: () => sendMessage('takeJump', undefined),
      },
      controller.signal,
      () => [...document.querySelectorAll('gloss-card')],
    );
    const off = [
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
          const source = canonicalUrl(location.href);
          const files = [
            await sendMessage('exportPage', { source, format: 'markdown' }),
            await sendMessage('exportPage', { source, format: 'w3c' }),
          ];
          files.forEach(download);
          highlighter.notify(`Saved ${files.map((f) => f.filename).join(' and ')}.`);
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
