/** A radix trie laid out for scanning and storing: see `CompiledMatcher` for the layout. */
export interface PackedTrie {
  nodeCount: number;
  childStart: Uint32Array;
  label: Uint16Array;
  tailStart: Uint32Array;
  tail: Uint16Array;
  /** Node n's payloads are payStart[n] to payStart[n + 1] - 1. */
  payStart: Uint32Array;
  /** The key index of each payload, in key order within a node. */
  payKey: Uint32Array;
}

/** Ranges at most this long are sorted by insertion; longer ones by a native typed-array sort. */
const SMALL_RANGE = 16;
/** Bits for a key's position within a range in a packed 32-bit sort value (values take 17). */
const POSITION_BITS = 15;
const POSITION_SPAN = 1 << POSITION_BITS;

/**
 * Builds the radix trie of keys given back to back in `chars` (key k ends at `keyEnd[k]`),
 * breadth first, by partitioning the keys by their next character (an MSD radix sort):
 * each node is a range of keys sharing its path, a key's characters are read only until it
 * stands alone, and a run of characters that all of a range's keys share becomes one edge.
 * Quicker than inserting character by character through a hash table, and no plain trie of
 * every character is ever built.
 */
export function buildTrie(chars: Uint16Array, keyEnd: Uint32Array): PackedTrie {
  const keyCount = keyEnd.length;
  const keyStart = new Uint32Array(keyCount);
  for (let k = 1; k < keyCount; k++) keyStart[k] = keyEnd[k - 1];
  // A radix trie has at most one node per key besides the nodes where keys branch.
  const maxNodes = 2 * keyCount + 1;
  const rangeLo = new Uint32Array(maxNodes);
  const rangeHi = new Uint32Array(maxNodes);
  const depth = new Uint32Array(maxNodes);
  const childStart = new Uint32Array(maxNodes + 1);
  const label = new Uint16Array(maxNodes);
  const tailStart = new Uint32Array(maxNodes + 1);
  const tail = new Uint16Array(chars.length);
  const payStart = new Uint32Array(maxNodes + 1);
  const payKey = new Uint32Array(keyCount);
  const sorter = new RangeSorter(keyCount);
  const next = sorter.next;

  // Keys are ordered by id, and every partition is stable: within a node they stay by id.
  const order = new Uint32Array(keyCount);
  let keys = 0;
  for (let k = 0; k < keyCount; k++) if (keyEnd[k] > keyStart[k]) order[keys++] = k;
  rangeHi[0] = keys;

  let queued = 1;
  let tails = 0;
  let pays = 0;
  let q = 0;
  for (; q < queued; q++) {
    const lo = rangeLo[q];
    const hi = rangeHi[q];
    let d = depth[q];
    tailStart[q] = tails;
    if (q > 0 && hi - lo === 1) {
      // A key alone: the rest of it is this node's edge, and it ends here.
      const k = order[lo];
      for (let at = keyStart[k] + d; at < keyEnd[k]; at++) tail[tails++] = chars[at];
      payStart[q] = pays;
      payKey[pays++] = k;
      childStart[q] = queued;
      continue;
    }
    if (q > 0) d = sharedRun(chars, keyStart, keyEnd, order, lo, hi, d);
    for (let at = keyStart[order[lo]] + depth[q]; tails < tailStart[q] + d - depth[q]; at++) tail[tails++] = chars[at];
    // Next characters, shifted by one so that 0 marks a key that ends here.
    for (let i = lo; i < hi; i++) {
      const k = order[i];
      const at = keyStart[k] + d;
      next[i - lo] = at < keyEnd[k] ? chars[at] + 1 : 0;
    }
    sorter.sort(order, lo, hi);
    payStart[q] = pays;
    let i = lo;
    while (i < hi && next[i - lo] === 0) payKey[pays++] = order[i++];
    childStart[q] = queued;
    while (i < hi) {
      const c = next[i - lo];
      const from = i;
      while (i < hi && next[i - lo] === c) i++;
      rangeLo[queued] = from;
      rangeHi[queued] = i;
      depth[queued] = d + 1;
      label[queued] = c - 1;
      queued++;
    }
  }
  childStart[q] = queued;
  tailStart[q] = tails;
  payStart[q] = pays;

  return {
    nodeCount: q,
    childStart: childStart.slice(0, q + 1),
    label: label.slice(0, q),
    tailStart: tailStart.slice(0, q + 1),
    tail: tail.slice(0, tails),
    payStart: payStart.slice(0, q + 1),
    payKey: payKey.slice(0, pays),
  };
}

/** The depth to which every key of order[lo, hi) goes on with the same characters, none ending. */
function sharedRun(
  chars: Uint16Array,
  keyStart: Uint32Array,
  keyEnd: Uint32Array,
  order: Uint32Array,
  lo: number,
  hi: number,
  d: number,
): number {
  const first = order[lo];
  for (;;) {
    const at = keyStart[first] + d;
    if (at >= keyEnd[first]) return d;
    const c = chars[at];
    for (let i = lo + 1; i < hi; i++) {
      const k = order[i];
      const bt = keyStart[k] + d;
      if (bt >= keyEnd[k] || chars[bt] !== c) return d;
    }
    d++;
  }
}

/** Stably sorts ranges of key ids by the values the caller puts in `next` (0 to 65536). */
class RangeSorter {
  readonly next: Int32Array;
  private readonly packed: Uint32Array;
  private readonly moved: Uint32Array;
  private readonly counts = new Uint32Array(0x10002);

  constructor(size: number) {
    this.next = new Int32Array(size);
    this.packed = new Uint32Array(size);
    this.moved = new Uint32Array(size);
  }

  /** Sorts order[lo, hi) by next[0, hi - lo), and `next` along with it. */
  sort(order: Uint32Array, lo: number, hi: number): void {
    const n = hi - lo;
    if (n <= SMALL_RANGE) this.insertionSort(order, lo, n);
    else if (n < POSITION_SPAN) this.packedSort(order, lo, n);
    else this.countingSort(order, lo, n);
  }

  private insertionSort(order: Uint32Array, lo: number, n: number): void {
    const { next } = this;
    for (let i = 1; i < n; i++) {
      const k = order[lo + i];
      const v = next[i];
      let j = i - 1;
      while (j >= 0 && next[j] > v) {
        order[lo + j + 1] = order[lo + j];
        next[j + 1] = next[j];
        j--;
      }
      order[lo + j + 1] = k;
      next[j + 1] = v;
    }
  }

  /** Value and position packed in one 32-bit number: a native sort, stable by construction. */
  private packedSort(order: Uint32Array, lo: number, n: number): void {
    const { next, moved } = this;
    const packed = this.packed.subarray(0, n);
    for (let i = 0; i < n; i++) packed[i] = ((next[i] << POSITION_BITS) | i) >>> 0;
    packed.sort();
    for (let i = 0; i < n; i++) {
      const p = packed[i];
      moved[i] = order[lo + (p & (POSITION_SPAN - 1))];
      next[i] = p >>> POSITION_BITS;
    }
    order.set(moved.subarray(0, n), lo);
  }

  /** For ranges too long to pack (the root's, in a large pack). */
  private countingSort(order: Uint32Array, lo: number, n: number): void {
    const { next, moved, counts, packed } = this;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[next[i] + 1]++;
    for (let v = 0; v <= 0x10000; v++) counts[v + 1] += counts[v];
    for (let i = 0; i < n; i++) {
      const at = counts[next[i]]++;
      moved[at] = order[lo + i];
      packed[at] = next[i];
    }
    order.set(moved.subarray(0, n), lo);
    for (let i = 0; i < n; i++) next[i] = packed[i];
  }
}
