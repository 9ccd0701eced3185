import { charTables, foldString } from './fold';
import type { CompiledMatcher, MatcherInput } from './compiled';

/** Compiles every alias into one trie; scan time then does not grow with the pack's size. */
export function compileMatcher(input: MatcherInput): CompiledMatcher {
  const { fold } = charTables();
  const keys: string[] = new Array(input.aliases.length);
  let totalChars = 0;
  for (let i = 0; i < input.aliases.length; i++) {
    const key = foldString(input.aliases[i].text, fold);
    keys[i] = key;
    totalChars += key.length;
  }

  const capacity = totalChars + 1;
  const rootChild = new Int32Array(0x10000).fill(-1);
  const firstChild = new Int32Array(capacity).fill(-1);
  const nextSibling = new Int32Array(capacity).fill(-1);
  const label = new Uint16Array(capacity);
  // Payloads are gathered per terminal node, then laid out contiguously.
  const terminalOf = new Int32Array(input.aliases.length);
  let nodeCount = 1;

  for (let a = 0; a < keys.length; a++) {
    const key = keys[a];
    if (key.length === 0) {
      terminalOf[a] = -1;
      continue;
    }
    let node = 0;
    for (let k = 0; k < key.length; k++) {
      const c = key.charCodeAt(k);
      let child: number;
      if (node === 0) {
        child = rootChild[c];
        if (child < 0) {
          child = nodeCount++;
          label[child] = c;
          rootChild[c] = child;
        }
      } else {
        let prev = -1;
        child = firstChild[node];
        while (child >= 0 && label[child] !== c) {
          prev = child;
          child = nextSibling[child];
        }
        if (child < 0) {
          child = nodeCount++;
          label[child] = c;
          if (prev < 0) firstChild[node] = child;
          else nextSibling[prev] = child;
        }
      }
      node = child;
    }
    terminalOf[a] = node;
  }

  const payCount = new Uint16Array(nodeCount);
  for (const t of terminalOf) if (t > 0) payCount[t]++;
  const payStart = new Int32Array(nodeCount).fill(-1);
  let total = 0;
  for (let n = 0; n < nodeCount; n++) {
    if (payCount[n] > 0) {
      payStart[n] = total;
      total += payCount[n];
    }
  }
  const fill = new Uint16Array(nodeCount);
  const payEntity = new Uint32Array(total);
  const payFlags = new Uint8Array(total);
  const payAlias = new Uint32Array(total);
  const aliases: string[] = new Array(input.aliases.length);
  for (let a = 0; a < input.aliases.length; a++) {
    aliases[a] = input.aliases[a].text;
    const t = terminalOf[a];
    if (t <= 0) continue;
    const slot = payStart[t] + fill[t]++;
    payEntity[slot] = input.aliases[a].entity;
    payFlags[slot] = input.aliases[a].flags;
    payAlias[slot] = a;
  }

  const { relStart, relTargets } = relatedIndex(input.entities);
  return {
    format: 1,
    nodeCount,
    rootChild,
    firstChild: firstChild.slice(0, nodeCount),
    nextSibling: nextSibling.slice(0, nodeCount),
    label: label.slice(0, nodeCount),
    payStart,
    payCount,
    payEntity,
    payFlags,
    payAlias,
    aliases,
    entityIds: input.entities.map((e) => e.id),
    entityNames: input.entities.map((e) => e.name),
    entityTypes: Uint8Array.from(input.entities, (e) => e.type),
    relStart,
    relTargets,
  };
}

/** Relations in both directions, as entity indices, so context can be checked either way. */
function relatedIndex(entities: MatcherInput['entities']) {
  const indexOf = new Map<string, number>();
  entities.forEach((e, i) => indexOf.set(e.id, i));
  const lists: number[][] = entities.map(() => []);
  entities.forEach((e, i) => {
    for (const id of e.related ?? []) {
      const j = indexOf.get(id);
      if (j === undefined || j === i) continue;
      lists[i].push(j);
      lists[j].push(i);
    }
  });
  const relStart = new Uint32Array(entities.length + 1);
  let total = 0;
  lists.forEach((l, i) => {
    relStart[i] = total;
    total += l.length;
  });
  relStart[entities.length] = total;
  const relTargets = new Uint32Array(total);
  lists.forEach((l, i) => relTargets.set(l, relStart[i]));
  return { relStart, relTargets };
}
