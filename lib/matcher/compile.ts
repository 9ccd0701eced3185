import { charTables, foldKeys } from './fold';
import { AliasFlag, MATCHER_FORMAT, joinIds, matcherInUse, type Matcher, type MatcherInput } from './compiled';
import { buildTrie } from './trie-build';

/** Compiles every alias into one trie; scan time then does not grow with the pack's size. */
export function compileMatcher(input: MatcherInput): Matcher {
  const { fold } = charTables();
  const texts = input.aliases.map((a) => a.text);
  const { chars, keyEnd } = foldKeys(texts, fold);
  const { payKey, ...trie } = buildTrie(chars, keyEnd);
  const payCount = payKey.length;
  const payEntity = new Uint32Array(payCount);
  const payFlags = new Uint8Array(payCount);
  const caseStart = new Uint32Array(payCount + 1);
  const cased: string[] = [];
  for (let p = 0; p < payCount; p++) {
    const a = input.aliases[payKey[p]];
    payEntity[p] = a.entity;
    payFlags[p] = a.flags;
    if (a.flags & AliasFlag.CaseSensitive) cased.push(a.text);
    caseStart[p + 1] = caseStart[p] + (a.flags & AliasFlag.CaseSensitive ? a.text.length : 0);
  }
  const { relStart, relTargets } = relatedIndex(input.entities);
  return matcherInUse({
    ...trie,
    format: MATCHER_FORMAT,
    payEntity,
    payFlags,
    caseText: cased.join(''),
    caseStart,
    aliasCount: texts.length,
    entityIdText: joinIds(input.entities.map((e) => e.id)),
    entityTypes: Uint8Array.from(input.entities, (e) => e.type),
    relStart,
    relTargets,
  });
}

/** Relations in both directions, as entity indices, so context can be checked either way. */
function relatedIndex(entities: MatcherInput['entities']) {
  // Edges in the order they are found, each both ways, then grouped by source (stably).
  const from: number[] = [];
  const to: number[] = [];
  if (entities.some((e) => e.related?.length)) {
    const indexOf = new Map<string, number>();
    entities.forEach((e, i) => indexOf.set(e.id, i));
    entities.forEach((e, i) => {
      for (const id of e.related ?? []) {
        const j = indexOf.get(id);
        if (j === undefined || j === i) continue;
        from.push(i, j);
        to.push(j, i);
      }
    });
  }
  // No relations (a synthetic or imported pack): no index at all, rather than a column of zeros.
  if (from.length === 0) return { relStart: new Uint32Array(0), relTargets: new Uint32Array(0) };
  const relStart = new Uint32Array(entities.length + 1);
  for (const i of from) relStart[i + 1]++;
  for (let i = 0; i < entities.length; i++) relStart[i + 1] += relStart[i];
  const fill = relStart.slice(0, entities.length);
  const relTargets = new Uint32Array(from.length);
  from.forEach((i, k) => (relTargets[fill[i]++] = to[k]));
  return { relStart, relTargets };
}
