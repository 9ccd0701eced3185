import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions } from '../../lib/matcher';
import { buildTrie } from '../../lib/matcher/trie-build';

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words over a three-letter alphabet, so that aliases share long prefixes and branch often. */
function word(next: () => number): string {
  const length = 1 + Math.floor(next() * 4);
  let w = '';
  for (let i = 0; i < length; i++) w += 'abc'[Math.floor(next() * 3)];
  return w;
}

/** Leftmost-longest whole-word matching by brute force, as the reference. */
function reference(aliases: string[], text: string): [number, number, number][] {
  const out: [number, number, number][] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ' || (i > 0 && text[i - 1] !== ' ')) {
      i++;
      continue;
    }
    let best: [number, number, number] | undefined;
    aliases.forEach((a, k) => {
      const end = i + a.length;
      if (text.startsWith(a, i) && (end === text.length || text[end] === ' ') && (!best || end > best[1])) best = [i, end, k];
    });
    if (!best) {
      i++;
      continue;
    }
    out.push(best);
    i = best[1];
  }
  return out;
}

describe('radix trie', () => {
  it('finds exactly what brute force finds, over many random packs and texts', () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const aliases = [
        ...new Set(Array.from({ length: 1 + Math.floor(next() * 30) }, () => word(next) + (next() < 0.3 ? ` ${word(next)}` : ''))),
      ];
      const matcher = compileMatcher({
        entities: aliases.map((a, k) => ({ id: `e${k}`, name: a, type: 0 })),
        aliases: aliases.map((text, entity) => ({ text, entity, flags: 0 })),
      });
      const text = Array.from({ length: 40 }, () => word(next)).join(' ');
      const found = findMentions(matcher, text).map((m) => [m.start, m.end, m.entity]);
      expect(found, `round ${round}: ${aliases.join('|')} in "${text}"`).toEqual(reference(aliases, text));
    }
  });

  it('keeps a key that is a prefix of another as its own node, and chains as one edge', () => {
    const keys = ['abc', 'abcdef', 'abx'];
    const chars = Uint16Array.from(keys.join(''), (c) => c.charCodeAt(0));
    const trie = buildTrie(chars, Uint32Array.from([3, 9, 12]));
    // root → "ab" → { "c" (key 0) → "def" (key 1), "x" (key 2) }
    expect(trie.nodeCount).toBe(5);
    expect(trie.payKey.length).toBe(3);
    expect(String.fromCharCode(trie.label[1], ...trie.tail.subarray(trie.tailStart[1], trie.tailStart[2]))).toBe('ab');
  });

  it('lists the payloads of a node in key order, and skips empty keys', () => {
    const chars = Uint16Array.from('abab', (c) => c.charCodeAt(0));
    const trie = buildTrie(chars, Uint32Array.from([2, 2, 4]));
    expect(trie.nodeCount).toBe(2);
    expect([...trie.payKey]).toEqual([0, 2]);
  });
});
