import { AliasFlag, type CompiledMatcher, type Matcher } from './compiled';
import { FOLDED_SPACE, charTables } from './fold';

/** A place where at least one alias matched: the longest match starting at a word start. */
export interface RawMatch {
  start: number;
  end: number;
  /** Payload indices (into `payEntity`, `payFlags`) whose rules hold here. */
  payloads: number[];
}

/**
 * Finds every whole-word, leftmost-longest, non-overlapping alias match in `text`.
 * `breaks` lists offsets where a block boundary lies between two text nodes: a match
 * starts and ends there as at a space, and never crosses one.
 */
export function scanText(m: Matcher, text: string, breaks?: ArrayLike<number>): RawMatch[] {
  const { fold, foldCased, word } = charTables();
  const n = text.length;
  let mask: Uint8Array | undefined;
  if (breaks && breaks.length > 0) {
    mask = new Uint8Array(n + 1);
    for (let b = 0; b < breaks.length; b++) mask[breaks[b]] = 1;
  }
  const isEnd = (j: number) => j === n || word[text.charCodeAt(j)] === 0 || (mask !== undefined && mask[j] === 1);

  const valid = (p: number, start: number, end: number): boolean => {
    const flags = m.payFlags[p];
    if (flags & (AliasFlag.Common | AliasFlag.Cased)) {
      const c = text.charCodeAt(start);
      if (foldCased[c] === fold[c]) return false;
    }
    if (flags & AliasFlag.CaseSensitive) return sameCased(text, start, end, m.caseText, m.caseStart[p], m.caseStart[p + 1], foldCased);
    return true;
  };
  const anyValid = (node: number, start: number, end: number): boolean => {
    for (let p = m.payStart[node]; p < m.payStart[node + 1]; p++) if (valid(p, start, end)) return true;
    return false;
  };

  const out: RawMatch[] = [];
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    if (word[c0] === 0 || (i > 0 && word[text.charCodeAt(i - 1)] === 1 && !(mask && mask[i]))) {
      i++;
      continue;
    }
    let node = m.rootChild[fold[c0]];
    // Position in the tail of the edge into `node`; at `tailEnd` the walk stands on `node`.
    let t = node >= 0 ? m.tailStart[node] : 0;
    let tailEnd = node >= 0 ? m.tailStart[node + 1] : 0;
    let bestEnd = -1;
    let bestNode = -1;
    let j = i + 1;
    while (node >= 0) {
      if (t === tailEnd && m.payStart[node] < m.payStart[node + 1] && isEnd(j) && anyValid(node, i, j)) {
        bestEnd = j;
        bestNode = node;
      }
      if (j >= n || (mask && mask[j])) break;
      const c = fold[text.charCodeAt(j)];
      if (c === FOLDED_SPACE && fold[text.charCodeAt(j - 1)] === FOLDED_SPACE) {
        j++;
        continue;
      }
      if (t < tailEnd) {
        if (m.tail[t] !== c) break;
        t++;
      } else {
        node = childOf(m, node, c);
        if (node >= 0) {
          t = m.tailStart[node];
          tailEnd = m.tailStart[node + 1];
        }
      }
      j++;
    }
    if (bestEnd < 0) {
      i++;
      continue;
    }
    const payloads: number[] = [];
    for (let p = m.payStart[bestNode]; p < m.payStart[bestNode + 1]; p++) if (valid(p, i, bestEnd)) payloads.push(p);
    out.push({ start: i, end: bestEnd, payloads });
    i = bestEnd;
  }
  return out;
}

/** The child of `node` whose edge starts with `c`, or -1: a binary search of its sorted children. */
function childOf(m: CompiledMatcher, node: number, c: number): number {
  let lo = m.childStart[node];
  let hi = m.childStart[node + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const l = m.label[mid];
    if (l === c) return mid;
    if (l < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Whether text[start, end) spells alias[aliasStart, aliasEnd) letter for letter, case included. */
function sameCased(
  text: string,
  start: number,
  end: number,
  alias: string,
  aliasStart: number,
  aliasEnd: number,
  foldCased: Uint16Array,
): boolean {
  let a = aliasStart;
  for (let t = start; t < end; t++) {
    const c = foldCased[text.charCodeAt(t)];
    if (c === FOLDED_SPACE && t > start && foldCased[text.charCodeAt(t - 1)] === FOLDED_SPACE) continue;
    if (a >= aliasEnd || foldCased[alias.charCodeAt(a)] !== c) return false;
    a++;
  }
  return a === aliasEnd;
}
