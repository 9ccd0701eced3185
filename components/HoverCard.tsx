import type { CardData, PageEntity } from '../lib/messaging';
import type { EntityType } from '../lib/kb/types';
import { NoteFrame, type NoteFrameProps } from './NoteFrame';

/** How the mention under the card matched: the alias, and why, if it was ambiguous. */
export interface MatchInfo {
  alias: string;
  demonym: boolean;
  alternatives: PageEntity[];
  supportedBy?: PageEntity;
}

export interface HoverCardProps {
  /** The card's data; undefined while it loads, null when the entity is gone. */
  data: CardData | null | undefined;
  /** The entity's name as the page knows it, shown while the data loads. */
  name: string;
  match: MatchInfo;
  scheme: 'light' | 'dark';
  onClose: () => void;
  onSelectRelated: (entity: PageEntity) => void;
  /** The frame that shows and takes the reader's note on the entity; absent until the entity is known. */
  noteFrame?: NoteFrameProps;
}

const TYPE_LABEL: Record<EntityType, string> = {
  person: 'Person',
  country: 'Country',
  city: 'City',
  organization: 'Organisation',
  treaty: 'Treaty',
  event: 'Event',
};

/** The hover card: a dialog named by the entity, showing only text (never markup). */
export function HoverCard({ data, name, match, scheme, onClose, onSelectRelated, noteFrame }: HoverCardProps) {
  const title = data?.name ?? name;
  return (
    <div class={`card theme ${scheme}`} role="dialog" aria-label={title} tabIndex={-1}>
      <header>
        <h2>{title}</h2>
        {data && <span class="type">{TYPE_LABEL[data.type]}</span>}
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {data === undefined && <p class="muted">Loading…</p>}
      {data === null && <p class="muted">This entity is no longer in your knowledge base.</p>}
      {data && <CardBody data={data} onSelectRelated={onSelectRelated} />}
      {data && noteFrame && <NoteFrame {...noteFrame} />}
      <MatchLine match={match} />
      {data && (
        <footer>
          <span>Source: {data.source}</span>
          <span>Licence: {data.license}</span>
          <span>As of {data.asOf}</span>
          {data.links.map((l) => (
            <a key={l.url} href={safeUrl(l.url)} target="_blank" rel="noopener noreferrer">
              {l.label}
            </a>
          ))}
        </footer>
      )}
    </div>
  );
}

function CardBody({ data, onSelectRelated }: { data: CardData; onSelectRelated: (e: PageEntity) => void }) {
  return (
    <>
      <p class="summary">{data.summary}</p>
      {data.facts.length > 0 && (
        <dl class="facts">
          {data.facts.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>
                {f.value}
                {f.asOf && <span class="asof"> (as of {f.asOf})</span>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {data.related.length > 0 && (
        <div class="related">
          <span class="label">Related</span>
          <ul>
            {data.related.map((r) => (
              <li key={r.id}>
                <button type="button" onClick={() => onSelectRelated(r)}>
                  {r.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function MatchLine({ match }: { match: MatchInfo }) {
  return (
    <p class="match">
      Matched “{match.alias}”{match.demonym ? ' (demonym)' : ''}.
      {match.alternatives.length > 0 && (
        <>
          {' '}
          Could also mean {match.alternatives.map((a) => a.name).join(', ')};{' '}
          {match.supportedBy ? `chosen because this page mentions ${match.supportedBy.name}.` : 'chosen as the more prominent.'}
        </>
      )}
    </p>
  );
}

/** Only http(s) links leave the card; anything else (javascript:, data:) is dropped. */
function safeUrl(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}
