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
 * A word-start trie over folded aliases, in typed arrays so that it is compact, quick to
 * walk, and stored in IndexedDB by structured clone. Node 0 is the root; its children are
 * found through `rootChild`, every other node's through a first-child/next-sibling list.
 */
export interface CompiledMatcher {
  format: 1;
  nodeCount: number;
  rootChild: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  label: Uint16Array;
  /** Index of a terminal node's first payload, or -1. */
  payStart: Int32Array;
  /** Number of payloads of a terminal node. */
  payCount: Uint16Array;
  payEntity: Uint32Array;
  payFlags: Uint8Array;
  payAlias: Uint32Array;
  aliases: string[];
  entityIds: string[];
  entityNames: string[];
  /** Index of each entity's type in `ENTITY_TYPES`. */
  entityTypes: Uint8Array;
  /** Related entities as a CSR list: entity i relates to relTargets[relStart[i]..relStart[i+1]). */
  relStart: Uint32Array;
  relTargets: Uint32Array;
}

/** Size in bytes of the typed arrays and strings of a compiled matcher. */
export function matcherBytes(m: CompiledMatcher): number {
  const arrays = [
    m.rootChild,
    m.firstChild,
    m.nextSibling,
    m.label,
    m.payStart,
    m.payCount,
    m.payEntity,
    m.payFlags,
    m.payAlias,
    m.relStart,
    m.relTargets,
    m.entityTypes,
  ];
  let bytes = arrays.reduce((sum, a) => sum + a.byteLength, 0);
  for (const s of m.aliases) bytes += s.length * 2;
  for (const s of m.entityIds) bytes += s.length * 2;
  for (const s of m.entityNames) bytes += s.length * 2;
  return bytes;
}
