import type { PackedTrie } from './trie-build';

/** The layout version of `CompiledMatcher`: a cached matcher of another version is compiled again. */
export const MATCHER_FORMAT = 5;

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
 * through `rootChild`, rebuilt on loading rather than stored). The edge into node n spells
 * label[n], then tail[tailStart[n]] to tail[tailStart[n + 1] - 1]. Only what matching needs
 * is kept: names and alias spellings live in the database.
 */
export interface CompiledMatcher extends Omit<PackedTrie, 'payKey'> {
  format: typeof MATCHER_FORMAT;
  payEntity: Uint32Array;
  payFlags: Uint8Array;
  /**
   * The exact spelling of case-sensitive payloads (acronyms), back to back: payload p's is
   * caseText[caseStart[p]] to caseText[caseStart[p + 1]] - 1, empty for the others.
   */
  caseText: string;
  caseStart: Uint32Array;
  aliasCount: number;
  /** The entities' ids joined by ID_SEPARATOR: one string clones quicker than many. */
  entityIdText: string;
  /** Index of each entity's type in `ENTITY_TYPES`. */
  entityTypes: Uint8Array;
  /** Related entities as a CSR list: entity i relates to relTargets[relStart[i]..relStart[i+1]); empty when none relate. */
  relStart: Uint32Array;
  relTargets: Uint32Array;
}

/** A compiled matcher in use: as stored, with its entity ids split out and the root's index built. */
export interface Matcher extends CompiledMatcher {
  entityIds: string[];
  /** The root's child for each folded code unit, or -1. */
  rootChild: Int32Array;
}

const ID_SEPARATOR = '\u0000';

/** The stored form of a matcher in use, as the cache keeps it. */
export function storedMatcher(m: Matcher): CompiledMatcher {
  const stored: Partial<Matcher> = { ...m };
  delete stored.entityIds;
  delete stored.rootChild;
  return stored as CompiledMatcher;
}

/** A matcher in use from its stored form. */
export function matcherInUse(c: CompiledMatcher): Matcher {
  const rootChild = new Int32Array(0x10000).fill(-1);
  for (let k = c.childStart[0]; k < c.childStart[1]; k++) rootChild[c.label[k]] = k;
  return { ...c, rootChild, entityIds: c.entityTypes.length > 0 ? c.entityIdText.split(ID_SEPARATOR) : [] };
}

/** Entity ids as the stored form keeps them. */
export function joinIds(ids: string[]): string {
  return ids.join(ID_SEPARATOR);
}

/** Entities related to entity `e` (indices). */
export function relatedOf(m: CompiledMatcher, e: number): Uint32Array {
  return m.relStart.length === 0 ? m.relTargets : m.relTargets.subarray(m.relStart[e], m.relStart[e + 1]);
}

/** Size in bytes of the typed arrays and strings of a compiled matcher. */
export function matcherBytes(m: CompiledMatcher): number {
  const arrays = [
    m.childStart,
    m.label,
    m.tailStart,
    m.tail,
    m.payStart,
    m.payEntity,
    m.payFlags,
    m.caseStart,
    m.entityTypes,
    m.relStart,
    m.relTargets,
  ];
  let bytes = arrays.reduce((sum, a) => sum + a.byteLength, 0);
  bytes += (m.caseText.length + m.entityIdText.length) * 2;
  return bytes;
}
