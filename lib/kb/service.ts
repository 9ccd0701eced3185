import type { GlossDB } from '../db';
import { aliasText, entityName, findMentions, matcherBytes, type Matcher } from '../matcher';
import { MENTION_STRIDE, type CardData, type MatcherStats, type PageEntity, type ScanRequest, type ScanResponse } from '../messaging';
import { ENTITY_TYPES } from './types';
import { loadMatcher, type MatcherTiming } from './matcher-store';
import { kbRevision } from './packs';
import { pageState } from './site-settings';

/**
 * What the background answers, kept apart from `browser.*`: scans text streams with the
 * matcher of the current knowledge-base revision and serves card data.
 */
export class KnowledgeService {
  private current?: Promise<{ matcher: Matcher; timing: MatcherTiming }>;
  private currentRevision?: string;
  private readonly startedAt = performance.now();

  constructor(private readonly db: GlossDB) {}

  /** The matcher for the current revision, loaded once per revision. */
  async matcher(): Promise<{ matcher: Matcher; timing: MatcherTiming }> {
    const revision = String(await kbRevision(this.db));
    if (!this.current || this.currentRevision !== revision) {
      this.currentRevision = revision;
      this.current = loadMatcher(this.db);
      this.current.catch(() => (this.current = undefined));
    }
    return this.current;
  }

  /** Finds the mentions in a page's text stream, unless Gloss is off there. */
  async scan(req: ScanRequest): Promise<ScanResponse> {
    const empty: ScanResponse = { state: 'on', mentions: [], entities: [], aliases: [], resolutions: [] };
    let host = '';
    try {
      host = new URL(req.url).hostname;
    } catch {
      // A page without a parseable URL can only be switched off by the global pause.
    }
    const state = await pageState(this.db, host);
    if (state !== 'on') return { ...empty, state };
    const { matcher } = await this.matcher();
    const found = findMentions(matcher, req.text, req.breaks);
    const needed = new Set<number>();
    for (const m of found) {
      needed.add(m.entity);
      for (const a of m.resolution?.alternatives ?? []) needed.add(a);
      if (m.resolution?.supportedBy !== undefined) needed.add(m.resolution.supportedBy);
    }
    const pageEntities = [...needed].map((e) => pageEntity(matcher, e));
    const entityRef = new Map<number, number>();
    [...needed].forEach((e, i) => entityRef.set(e, i));
    const aliasRef = new Map<number, number>();
    const aliases: string[] = [];
    const mentions: number[] = new Array(found.length * MENTION_STRIDE);
    const resolutions: ScanResponse['resolutions'] = [];
    found.forEach((m, i) => {
      let a = aliasRef.get(m.alias);
      if (a === undefined) {
        a = aliases.length;
        aliasRef.set(m.alias, a);
        aliases.push(aliasText(matcher, m.alias));
      }
      let r = -1;
      if (m.resolution) {
        r = resolutions.length;
        resolutions.push({
          alternatives: m.resolution.alternatives.map((e) => pageEntities[entityRef.get(e)!]),
          supportedBy: m.resolution.supportedBy === undefined ? undefined : pageEntities[entityRef.get(m.resolution.supportedBy)!],
        });
      }
      const o = i * MENTION_STRIDE;
      mentions[o] = m.start;
      mentions[o + 1] = m.end;
      mentions[o + 2] = entityRef.get(m.entity)!;
      mentions[o + 3] = a;
      mentions[o + 4] = m.flags;
      mentions[o + 5] = r;
    });
    return { state, mentions, entities: pageEntities, aliases, resolutions };
  }

  /** The data of one entity's card, the reader's edits applied; null if it is gone. */
  async card(id: string): Promise<CardData | null> {
    const [row, edit] = await Promise.all([this.db.entities.get(id), this.db.entityEdits.get(id)]);
    if (!row) return null;
    const e = edit ? { ...row, ...edit.changes } : row;
    const relatedRows = await this.db.entities.bulkGet(e.related);
    const related = relatedRows.flatMap((r) => (r ? [{ id: r.id, name: r.name, type: r.type }] : []));
    return {
      id: e.id,
      name: e.name,
      type: e.type,
      summary: e.summary,
      facts: e.facts,
      related,
      links: e.links ?? [],
      source: e.source,
      license: e.license,
      asOf: e.asOf,
      pack: e.pack,
    };
  }

  /** Figures of the matcher in use, for the bench and the options page. */
  async stats(): Promise<MatcherStats> {
    const { matcher, timing } = await this.matcher();
    return { ...timing, bytes: matcherBytes(matcher), workerUptimeMs: performance.now() - this.startedAt };
  }
}

function pageEntity(m: Matcher, e: number): PageEntity {
  return { id: m.entityIds[e], name: entityName(m, e), type: ENTITY_TYPES[m.entityTypes[e]] };
}
