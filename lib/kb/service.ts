import type { GlossDB } from '../db';
import { findMentions, matcherBytes, type Matcher, type Mention } from '../matcher';
import type { CardData, MatcherStats, PageEntity, ScanRequest } from '../messaging';
import { emptyScan, encodeScan, type ScanResponse } from '../scan-codec';
import { loadMatcher, type MatcherTiming } from './matcher-store';
import { kbRevision, withEdit } from './packs';
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
    let host = '';
    try {
      host = new URL(req.url).hostname;
    } catch {
      // A page without a parseable URL can only be switched off by the global pause.
    }
    const state = await pageState(this.db, host);
    if (state !== 'on') return emptyScan(state);
    const { matcher } = await this.matcher();
    const found = findMentions(matcher, req.text, req.breaks);
    const names = await this.namesFor(matcher, found);
    return encodeScan(state, found, {
      entityCount: matcher.entityIds.length,
      entityId: (e) => matcher.entityIds[e],
      entityName: (e) => names.get(e) ?? matcher.entityIds[e],
      entityType: (e) => matcher.entityTypes[e],
    });
  }

  /** Names of the entities ambiguous mentions could be: the card explains those before its data arrives. */
  private async namesFor(matcher: Matcher, found: Mention[]): Promise<Map<number, string>> {
    const wanted = new Set<number>();
    for (const m of found) {
      if (!m.resolution) continue;
      wanted.add(m.entity);
      for (const e of m.resolution.alternatives) wanted.add(e);
      if (m.resolution.supportedBy !== undefined) wanted.add(m.resolution.supportedBy);
    }
    // Most pages have no ambiguous mention: no database read on the scan's path then.
    if (wanted.size === 0) return new Map();
    const index = new Map([...wanted].map((e) => [matcher.entityIds[e], e]));
    const entities = await this.pageEntities([...index.keys()]);
    return new Map(entities.map((e) => [index.get(e.id)!, e.name]));
  }

  /** Id, name and type of each entity still in the knowledge base, in order, the reader's edits applied. */
  async pageEntities(ids: string[]): Promise<PageEntity[]> {
    if (ids.length === 0) return [];
    const [rows, edits] = await Promise.all([this.db.entities.bulkGet(ids), this.db.entityEdits.bulkGet(ids)]);
    return rows.flatMap((row, i) => {
      if (!row) return [];
      const e = withEdit(row, edits[i]?.changes);
      return [{ id: e.id, name: e.name, type: e.type }];
    });
  }

  /** The data of one entity's card, the reader's edits applied; null if it is gone. */
  async card(id: string): Promise<CardData | null> {
    const [row, edit] = await Promise.all([this.db.entities.get(id), this.db.entityEdits.get(id)]);
    if (!row) return null;
    const e = withEdit(row, edit?.changes);
    const related = await this.pageEntities(e.related);
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
