import type { PageState } from '../lib/messaging';

export interface PopupViewProps {
  /** The active tab as its content script reports it; null where Gloss cannot run. */
  page: { host: string; mentionCount: number; state: PageState } | null;
  paused: boolean;
  siteOff: boolean;
  onSiteOff: (off: boolean) => void;
  onPaused: (paused: boolean) => void;
  onOpenOptions: () => void;
}

/** The popup's first view: what Gloss found here, and the switches for this site and everywhere. */
export function PopupView({ page, paused, siteOff, onSiteOff, onPaused, onOpenOptions }: PopupViewProps) {
  return (
    <main class="popup">
      <h1>Gloss</h1>
      {page ? (
        <section aria-label="This page">
          <p class="status">
            {paused
              ? 'Paused everywhere.'
              : siteOff
                ? `Off on ${page.host}.`
                : page.mentionCount === 0
                  ? 'No known people, places or organisations on this page yet.'
                  : `${page.mentionCount} mention${page.mentionCount === 1 ? '' : 's'} on this page. Hover one for its card, or press Alt+Shift+N to step through them.`}
          </p>
          <label>
            <input type="checkbox" checked={!siteOff} onChange={(e) => onSiteOff(!e.currentTarget.checked)} /> Gloss on{' '}
            {page.host || 'this site'}
          </label>
        </section>
      ) : (
        <p class="status">Gloss reads web pages (http, https and files); it cannot read this tab.</p>
      )}
      <label>
        <input type="checkbox" checked={paused} onChange={(e) => onPaused(e.currentTarget.checked)} /> Pause everywhere
      </label>
      <button type="button" class="link" onClick={onOpenOptions}>
        Knowledge base and settings
      </button>
    </main>
  );
}
