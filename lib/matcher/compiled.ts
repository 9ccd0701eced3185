/** How an alias may match; combined as bits in `CompiledMatcher.payFlags`. */
export const AliasFlag = {
  /** Only the exact letter case matches (acronyms such as `SCO`, `US`). */
  CaseSensitive: 1,
  /** The alias is a demonym (`Mongolian`) of its entity. */
  Demonym: 2,
  /** The alias is also a common word or first name: needs a capital and context. */
  Common: 4,
  /** Needs a capital first letter (`China`, not "fine china"). */
  Cased: 8,
  /** A phrase that is not the entity ("Latin American"): it wins as the longer match, then is dropped. */
  Stop: 16,
} as const;

/** One alias as the compiler takes it. */
export interface AliasInput {
  text: string;
  /** Index into `MatcherInput.entities`. */
  entity: number;
  flags: number;
}

/** What the matcher is compiled from: entities in priority order and all their aliases. */
export interface MatcherInput {
  entities: { id: string; name: string; type: number; related?: readonly string[] }[];
  aliases: AliasInput[];
}

/**
 * A word-start radix trie over folded aliases, in typed arrays so that it is compact, quick
 * to walk, and read back from IndexedDB by structured clone. Node 0 is the root. Nodes are
 * laid out breadth first: the children of node n are nodes childStart[n] to
 * childStart[n + 1] - 1, sorted by label, so a child is found by binary search (the root's
 * through `rootChild`). The edge into node n spells label[n], then
 * tail[tailStart[n]] to tail[tailStart[n + 1] - 1].
 */
export interface CompiledMatcher {
  format: 3;
  nodeCount: number;
  /** The root's child for each folded code unit, or -1. */
  rootChild: Int32Array;
  childStart: Uint32Array;
  label: Uint16Array;
  tailStart: Uint32Array;
  tail: Uint16Array;
  /** Node n's payloads are payStart[n] to payStart[n + 1] - 1. */
  payStart: Uint32Array;
  payEntity: Uint32Array;
  payFlags: Uint8Array;
  payAlias: Uint32Array;
  aliasCount: number;
  /**
   * The alias texts in input order, then every entity name that is not an alias of its own
   * entity, back to back: string k ends at stringEnd[k]. One string clones far quicker than
   * a hundred thousand.
   */
  strings: string;
  stringEnd: Uint32Array;
  /** Each entity's name, as an index into the strings. */
  entityName: Uint32Array;
  /** The entities' ids joined by ID_SEPARATOR: one string clones quicker than many. */
  entityIdText: string;
  /** Index of each entity's type in `ENTITY_TYPES`. */
  entityTypes: Uint8Array;
  /** Related entities as a CSR list: entity i relates to relTargets[relStart[i]..relStart[i+1]). */
  relStart: Uint32Array;
  relTargets: Uint32Array;
}

/** A compiled matcher in use: as stored, with its entity ids split out once. */
export interface Matcher extends CompiledMatcher {
  entityIds: string[];
}

const ID_SEPARATOR = '\u0000';

/** The stored form of a matcher in use, as the cache keeps it. */
export function storedMatcher(m: Matcher): CompiledMatcher {
  const stored: Partial<Matcher> = { ...m };
  delete stored.entityIds;
  return stored as CompiledMatcher;
}

/** A matcher in use from its stored form. */
export function matcherInUse(c: CompiledMatcher): Matcher {
  return { ...c, entityIds: c.entityName.length > 0 ? c.entityIdText.split(ID_SEPARATOR) : [] };
}

/** Entity ids as the stored form keeps them. */
export function joinIds(ids: string[]): string {
  return ids.join(ID_SEPARATOR);
}

/** String k of the matcher's string table. */
function stringAt(m: CompiledMatcher, k: number): string {
  return m.strings.slice(k > 0 ? m.stringEnd[k - 1] : 0, m.stringEnd[k]);
}

/** The text of alias `a` as the pack spells it. */
export function aliasText(m: CompiledMatcher, a: number): string {
  return stringAt(m, a);
}

/** The name of entity `e`. */
export function entityName(m: CompiledMatcher, e: number): string {
  return stringAt(m, m.entityName[e]);
}

/** Size in bytes of the typed arrays and strings of a compiled matcher. */
export function matcherBytes(m: CompiledMatcher): number {
  const arrays = [
    m.rootChild,
    m.childStart,
    m.label,
    m.tailStart,
    m.tail,
    m.payStart,
    m.payEntity,
    m.payFlags,
    m.payAlias,
    m.stringEnd,
    m.entityName,
    m.entityTypes,
    m.relStart,
    m.relTargets,
  ];
  let bytes = arrays.reduce((sum, a) => sum + a.byteLength, 0);
  bytes += (m.strings.length + m.entityIdText.length) * 2;
  return bytes;
}
