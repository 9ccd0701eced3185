import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Library } from '../lib/annotations/library';
import type { Highlight } from '../lib/annotations/types';
import type { PageEntity, PageInfo } from '../lib/messaging';
import { AllNotes } from './AllNotes';
import { ThisPage, type AnnotationActions } from './ThisPage';
import { Toast } from './Toast';

export interface PopupViewProps {
  /** The active tab as its content script reports it; null where Gloss cannot run. */
  page: PageInfo | null;
  /** Everything saved; undefined while it loads. */
  library?: Library;
  entities: PageEntity[];
  paused: boolean;
  siteOff: boolean;
  actions: AnnotationActions;
  /** Export controls, shown under both tabs. */
  exports?: ComponentChildren;
  onSiteOff: (off: boolean) => void;
  onPaused: (paused: boolean) => void;
  onOpenOptions: () => void;
}

type Tab = 'page' | 'all';

/** The popup: this page's highlights and notes, everything saved, and Gloss's switches. */
export function PopupView(props: PopupViewProps) {
  const { page, library, paused, siteOff } = props;
  const [tab, setTab] = useState<Tab>(page ? 'page' : 'all');
  const [deleted, setDeleted] = useState<Highlight>();
  const actions: AnnotationActions = {
    ...props.actions,
    deleteHighlight: (h) => {
      setDeleted(h);
      props.actions.deleteHighlight(h);
    },
  };
  const tabButton = (id: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={tab === id}
      aria-controls={`panel-${id}`}
      tabIndex={tab === id ? 0 : -1}
      onClick={() => setTab(id)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          const next = tab === 'page' ? 'all' : 'page';
          setTab(next);
          (e.currentTarget.parentElement?.querySelector(`#tab-${next}`) as HTMLElement | null)?.focus();
        }
      }}
    >
      {label}
    </button>
  );
  return (
    <main class="popup">
      <header>
        <h1>Gloss</h1>
        <div role="tablist" aria-label="Notes and highlights">
          {tabButton('page', 'This page')}
          {tabButton('all', 'All')}
        </div>
      </header>
      <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="panel">
        {tab === 'page' ? (
          page ? (
            <>
              <p class="status">{statusLine(page, paused, siteOff)}</p>
              {library ? (
                <ThisPage
                  page={page}
                  highlights={library.highlights
                    .filter((h) => h.source === page.source)
                    .sort((a, b) => a.position.start - b.position.start)}
                  pageNote={library.notes.find((n) => n.kind === 'page' && n.target === page.source)}
                  entities={props.entities}
                  entityNotes={new Map(library.notes.filter((n) => n.kind === 'entity').map((n) => [n.target, n]))}
                  actions={actions}
                />
              ) : (
                <p class="empty">Loading…</p>
              )}
            </>
          ) : (
            <p class="status">
              Gloss reads web pages (http, https and files); it cannot read this tab. Your highlights from every page are under “All”.
            </p>
          )
        ) : library ? (
          <AllNotes library={library} actions={actions} />
        ) : (
          <p class="empty">Loading…</p>
        )}
      </section>
      {props.exports}
      <footer>
        {page && (
          <label>
            <input type="checkbox" checked={!siteOff} onChange={(e) => props.onSiteOff(!e.currentTarget.checked)} /> Gloss on{' '}
            {page.host || 'this site'}
          </label>
        )}
        <label>
          <input type="checkbox" checked={paused} onChange={(e) => props.onPaused(e.currentTarget.checked)} /> Pause everywhere
        </label>
        <button type="button" class="link" onClick={props.onOpenOptions}>
          Knowledge base and settings
        </button>
      </footer>
      {deleted && (
        <Toast
          message="Highlight deleted"
          actionLabel="Undo"
          onAction={() => {
            void props.actions.saveHighlight(deleted);
            setDeleted(undefined);
          }}
          onDismiss={() => setDeleted(undefined)}
        />
      )}
    </main>
  );
}

function statusLine(page: PageInfo, paused: boolean, siteOff: boolean): string {
  if (paused) return 'Paused everywhere.';
  if (siteOff) return `Off on ${page.host}.`;
  const mentions =
    page.mentionCount === 0
      ? 'No known people, places or organisations on this page yet.'
      : `${page.mentionCount} mention${page.mentionCount === 1 ? '' : 's'} on this page. Hover one for its card, or press Alt+Shift+N to step through them.`;
  return page.orphans > 0 ? `${mentions} ${page.orphans} highlight${page.orphans === 1 ? '' : 's'} could not be placed.` : mentions;
}
