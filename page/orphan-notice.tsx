import { Toast } from '../components/Toast';
import { pageScheme } from './page-scheme';
import { ToolsHost } from './tools-host';

/** Time for the background to put a newer content script into the page after an update. */
const TAKEOVER_MS = 2000;

/**
 * Called once this content script lost its extension (reloaded, updated or turned off): unless
 * a newer Gloss took over the page meanwhile, says so and offers to reload it, since nothing
 * the reader makes here could be saved.
 */
export function offerReload(): void {
  setTimeout(() => {
    // A newer Gloss registers its mention highlight as it starts; this script removed its own.
    if (CSS.highlights.has('gloss-mention')) return;
    const host = new ToolsHost();
    host.notify(
      <Toast
        message="Gloss was updated: reload this page to save highlights on it."
        actionLabel="Reload"
        onAction={() => location.reload()}
        onDismiss={() => host.remove()}
        scheme={pageScheme()}
      />,
      Infinity,
    );
  }, TAKEOVER_MS);
}
