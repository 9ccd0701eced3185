/**
 * How much of a set of hand-written entity lists (tests/gold/news) a pack knows. An entity
 * of a list is known when its name or one of the forms an article used for it folds to a
 * name or alias of a pack entity, the way Gloss folds alias keys.
 */
import { charTables, foldKeys } from '../matcher/fold';
import type { Alias } from './types';

/** One surface form an article used for an entity, with how often it occurs. */
export interface GoldForm {
  form: string;
  count: number;
}

/** An entity named in an article, as the gold list records it. */
export interface GoldEntity {
  name: string;
  kind: string;
  forms: GoldForm[];
  wikidata?: string;
}

/** The gold list of one published article. */
export interface GoldArticle {
  url: string | null;
  publisher: string;
  date: string;
  headline: string;
  entities: GoldEntity[];
}

/** The part of a pack entity that coverage reads; aliases may be strings or alias objects. */
export interface PackEntityNames {
  id: string;
  type: string;
  name: string;
  aliases: readonly (string | Alias)[];
}

/** A pack entity that one of the list's names matched. */
export interface PackHit {
  id: string;
  type: string;
}

/** Whether the pack knows one listed entity, and through which names. */
export interface EntityCoverage {
  entity: GoldEntity;
  /** Pack entities whose name or alias matched the listed name or a form, in pack order. */
  hits: PackHit[];
}

/** Coverage of one article's list. */
export interface ArticleCoverage {
  article: GoldArticle;
  entities: EntityCoverage[];
  known: number;
  total: number;
}

/** Case, diacritics, apostrophes, dashes and runs of spaces folded as the matcher folds alias keys. */
export function foldName(text: string): string {
  const { chars } = foldKeys([text.normalize('NFC')], charTables().fold);
  let out = '';
  for (const c of chars) out += String.fromCharCode(c);
  return out;
}

/**
 * Every folded name and alias of the pack, each with the entities that carry it. A `stop`
 * alias names something the entity is *not*, so it is left out.
 */
export function packNameIndex(entities: readonly PackEntityNames[]): Map<string, PackHit[]> {
  const index = new Map<string, PackHit[]>();
  for (const e of entities) {
    const names = [e.name];
    for (const a of e.aliases) {
      if (typeof a === 'string') names.push(a);
      else if (!a.stop) names.push(a.text);
    }
    const hit = { id: e.id, type: e.type };
    for (const key of new Set(names.map(foldName))) {
      if (!key) continue;
      const hits = index.get(key);
      if (hits) hits.push(hit);
      else index.set(key, [hit]);
    }
  }
  return index;
}

/** Which of an article's listed entities the pack knows. */
export function articleCoverage(article: GoldArticle, index: ReadonlyMap<string, PackHit[]>): ArticleCoverage {
  const entities = article.entities.map((entity) => {
    const hits = new Map<string, PackHit>();
    for (const text of [entity.name, ...entity.forms.map((f) => f.form)]) {
      for (const hit of index.get(foldName(text)) ?? []) hits.set(hit.id, hit);
    }
    return { entity, hits: [...hits.values()] };
  });
  const known = entities.filter((e) => e.hits.length > 0).length;
  return { article, entities, known, total: entities.length };
}

// Kinds of the lists that a pack may hold under its own, broader organisation type.
const ORGANISATION_KINDS = new Set(['organisation', 'organization', 'company', 'party', 'armed-group', 'media', 'government-body']);

/**
 * Whether a known entity was matched only by pack entities of another kind, as when the US
 * state "Georgia" matches the country: known by the count, but a card would open the wrong thing.
 */
export function onlyOtherKinds(coverage: EntityCoverage): boolean {
  const kind = coverage.entity.kind;
  const same = (type: string) => type === kind || (ORGANISATION_KINDS.has(type) && ORGANISATION_KINDS.has(kind));
  return coverage.hits.length > 0 && !coverage.hits.some((h) => same(h.type));
}

/**
 * The distinct entities of several articles, one per listed name (an entity named in two
 * articles counts once), with whether the pack knows it in any of them.
 */
export function distinctEntities(articles: readonly ArticleCoverage[]): EntityCoverage[] {
  const byName = new Map<string, EntityCoverage>();
  for (const a of articles) {
    for (const e of a.entities) {
      const seen = byName.get(e.entity.name);
      if (!seen || (seen.hits.length === 0 && e.hits.length > 0)) byName.set(e.entity.name, e);
    }
  }
  return [...byName.values()];
}

/** The names of unknown entities grouped by kind, kinds and names sorted. */
export function unknownByKind(entities: readonly EntityCoverage[]): [kind: string, names: string[]][] {
  const groups = new Map<string, string[]>();
  for (const e of entities) {
    if (e.hits.length > 0) continue;
    const names = groups.get(e.entity.kind) ?? [];
    names.push(e.entity.name);
    groups.set(e.entity.kind, names);
  }
  return [...groups.entries()]
    .map(([kind, names]): [string, string[]] => [kind, names.sort((a, b) => a.localeCompare(b))])
    .sort(([a], [b]) => a.localeCompare(b));
}
