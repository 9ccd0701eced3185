import { charTables, foldKeys } from './fold';
import { joinIds, matcherInUse, type Matcher, type MatcherInput } from './compiled';
import { buildTrie } from './trie-build';

/** Compiles every alias into one trie; scan time then does not grow with the pack's size. */
export function compileMatcher(input: MatcherInput): Matcher {
  const { fold } = charTables();
  const texts = input.aliases.map((a) => a.text);
  const { chars, keyEnd } = foldKeys(texts, fold);
  const trie = buildTrie(chars, keyEnd);
  const payEntity = new Uint32Array(trie.payKey.length);
  const payFlags = new Uint8Array(trie.payKey.length);
  for (let p = 0; p < trie.payKey.length; p++) {
    const a = input.aliases[trie.payKey[p]];
    payEntity[p] = a.entity;
    payFlags[p] = a.flags;
  }
  const { strings, stringEnd, entityName } = stringTable(input, texts);
  const { relStart, relTargets } = relatedIndex(input.entities);
  return matcherInUse({
    format: 3,
    nodeCount: trie.nodeCount,
    rootChild: trie.rootChild,
    childStart: trie.childStart,
    label: trie.label,
    tailStart: trie.tailStart,
    tail: trie.tail,
    payStart: trie.payStart,
    payEntity,
    payFlags,
    payAlias: trie.payKey,
    aliasCount: texts.length,
    strings,
    stringEnd,
    entityName,
    entityIdText: joinIds(input.entities.map((e) => e.id)),
    entityTypes: Uint8Array.from(input.entities, (e) => e.type),
    relStart,
    relTargets,
  });
}

/** Alias texts, then the entity names that are not their entity's first alias (usually none). */
function stringTable(input: MatcherInput, texts: string[]) {
  const firstAlias = new Int32Array(input.entities.length).fill(-1);
  input.aliases.forEach((a, k) => {
    if (firstAlias[a.entity] < 0) firstAlias[a.entity] = k;
  });
  const all = [...texts];
  const entityName = new Uint32Array(input.entities.length);
  input.entities.forEach((e, i) => {
    const k = firstAlias[i];
    if (k >= 0 && texts[k] === e.name) entityName[i] = k;
    else entityName[i] = all.push(e.name) - 1;
  });
  const stringEnd = new Uint32Array(all.length);
  let end = 0;
  all.forEach((s, k) => (stringEnd[k] = end += s.length));
  return { strings: all.join(''), stringEnd, entityName };
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
  const relStart = new Uint32Array(entities.length + 1);
  for (const i of from) relStart[i + 1]++;
  for (let i = 0; i < entities.length; i++) relStart[i + 1] += relStart[i];
  const fill = relStart.slice(0, entities.length);
  const relTargets = new Uint32Array(from.length);
  from.forEach((i, k) => (relTargets[fill[i]++] = to[k]));
  return { relStart, relTargets };
}
