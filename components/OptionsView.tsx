import type { ComponentChildren } from 'preact';
import type { PackRecord } from '../lib/db';
import type { MatcherStats } from '../lib/messaging';
import { PackList } from './PackList';

export interface OptionsViewProps {
  packs: PackRecord[];
  stats: MatcherStats | null;
  sitesOff: string[];
  /** Stored settings Gloss could not read, so their defaults are in use. */
  unreadable: string[];
  /** What the last action did, or why it failed. */
  message: { text: string; error: boolean } | null;
  busy: boolean;
  onImport: (file: File) => void;
  onToggle: (id: string, enabled: boolean) => void;
  onRemove: (id: string) => void;
  onSiteOn: (host: string) => void;
  /** More sections at the end of the page, such as export and import. */
  children?: ComponentChildren;
}

/** The options page: packs, the matcher's figures, and the sites Gloss is off on. */
export function OptionsView(props: OptionsViewProps) {
  const { stats } = props;
  return (
    <main>
      <h1>Gloss</h1>
      <section aria-labelledby="packs-h">
        <h2 id="packs-h">Knowledge packs</h2>
        <PackList packs={props.packs} onToggle={props.onToggle} onRemove={props.onRemove} />
        <label>
          Import a pack (JSON):{' '}
          <input
            type="file"
            accept="application/json,.json"
            disabled={props.busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) props.onImport(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <p role="status" class={props.message?.error ? 'error' : ''}>
          {props.busy ? 'Working…' : (props.message?.text ?? '')}
        </p>
      </section>
      <section aria-labelledby="matcher-h">
        <h2 id="matcher-h">Matcher</h2>
        {stats ? (
          <p data-testid="matcher-stats" data-stats={JSON.stringify(stats)}>
            {stats.aliasCount.toLocaleString('en-US')} names in {stats.nodeCount.toLocaleString('en-US')} trie nodes (
            {(stats.bytes / 1e6).toFixed(1)} MB),{' '}
            {stats.source === 'cache'
              ? `restored from cache in ${stats.restoreMs?.toFixed(1)} ms`
              : `compiled in ${stats.compileMs?.toFixed(1)} ms`}
            .
          </p>
        ) : (
          <p>Preparing the matcher…</p>
        )}
      </section>
      <section aria-labelledby="sites-h">
        <h2 id="sites-h">Sites where Gloss is off</h2>
        {props.unreadable.length > 0 && (
          <p role="alert" class="error" data-testid="unreadable-settings">
            Gloss could not read the stored setting{props.unreadable.length > 1 ? 's' : ''} {props.unreadable.join(', ')} (left by an older
            import or edited by hand) and uses the default instead. Changing the setting here or in the popup saves a good value.
          </p>
        )}
        {props.sitesOff.length === 0 ? (
          <p>None. Switch Gloss off for a site from the toolbar popup.</p>
        ) : (
          <ul>
            {props.sitesOff.map((h) => (
              <li key={h}>
                {h}{' '}
                <button type="button" onClick={() => props.onSiteOn(h)}>
                  Turn back on
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {props.children}
    </main>
  );
}
