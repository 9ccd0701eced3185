import './mentions.css';
import { onMessage, sendMessage } from '../../lib/messaging';
import { PageReader } from '../../page/page-reader';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*', 'file:///*'],
  runAt: 'document_idle',
  main(ctx) {
    performance.mark('gloss:content-start');
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const reader = new PageReader({ scan: (req) => sendMessage('scan', req), card: (id) => sendMessage('card', id) }, controller.signal);
    const off = [
      onMessage('nextMention', () => reader.next()),
      onMessage('pageInfo', () => reader.info()),
      onMessage('refresh', () => reader.refresh()),
    ];
    controller.signal.addEventListener('abort', () => off.forEach((f) => f()));
    void reader.start();
  },
});
