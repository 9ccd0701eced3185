import type { PageEntity } from '../lib/messaging';
import { MENTION_STRIDE, type ResolutionView, type ScanResult } from '../lib/scan-codec';
import { streamBounds, type TextStream } from './text-stream';
import { SLICE_MS, yieldToPage } from './time-slice';

const HIGHLIGHT_NAME = 'gloss-mention';

interface Chunk {
  stream: TextStream;
  response: ScanResult;
  ranges: StaticRange[];
  /** False once a later read of the page replaced this chunk's text. */
  live: boolean[];
}

/** One mention on the page, as the card and the keyboard stepping see it. */
export interface MentionRef {
  chunk: Chunk;
  index: number;
}

/** The parts of a mention the card shows. */
export interface MentionView {
  entity: PageEntity;
  alias: string;
  flags: number;
  resolution?: ResolutionView;
  range: StaticRange;
}

/**
 * The page's mentions: painted with the CSS Custom Highlight API (the DOM is never
 * touched), indexed by text node for hit-testing, and replaceable subtree by subtree as
 * the page changes.
 */
export class MentionLayer {
  private chunks: Chunk[] = [];
  private byNode = new WeakMap<Text, { chunk: Chunk; index: number }>();
  private readonly highlight = new Highlight();

  constructor() {
    CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
  }

  /**
   * Adds a scanned stream's mentions and paints them. Ranges are made in slices; they are all
   * handed to the highlight at the end, since each change to it makes the browser revisit
   * every range it holds. False if `stale` said to give up.
   */
  async add(stream: TextStream, response: ScanResult, stale: () => boolean = () => false): Promise<boolean> {
    const count = response.mentions.length / MENTION_STRIDE;
    const ranges: StaticRange[] = new Array(count);
    let deadline = performance.now() + SLICE_MS;
    for (let i = 0; i < count; i++) {
      if ((i & 255) === 255 && performance.now() > deadline) {
        await yieldToPage();
        if (stale()) return false;
        deadline = performance.now() + SLICE_MS;
      }
      const o = i * MENTION_STRIDE;
      ranges[i] = new StaticRange(streamBounds(stream, response.mentions[o], response.mentions[o + 1]));
    }
    const chunk: Chunk = { stream, response, ranges, live: new Array(count).fill(true) };
    this.chunks.push(chunk);
    stream.nodes.forEach((node, index) => this.byNode.set(node, { chunk, index }));
    for (const r of ranges) this.highlight.add(r);
    return true;
  }

  /** Unpaints and forgets every mention that starts inside `root`. */
  removeWithin(root: Node): void {
    for (const chunk of this.chunks) {
      chunk.ranges.forEach((r, i) => {
        if (chunk.live[i] && (root === r.startContainer || root.contains(r.startContainer))) {
          chunk.live[i] = false;
          this.highlight.delete(r);
        }
      });
    }
    this.chunks = this.chunks.filter((c) => c.live.some(Boolean));
  }

  /** Unpaints everything. */
  clear(): void {
    this.highlight.clear();
    this.chunks = [];
    this.byNode = new WeakMap();
  }

  /** Stops painting for good (the content script is going away). */
  dispose(): void {
    this.clear();
    if (CSS.highlights.get(HIGHLIGHT_NAME) === this.highlight) CSS.highlights.delete(HIGHLIGHT_NAME);
  }

  /** Number of mentions painted. */
  get count(): number {
    return this.chunks.reduce((n, c) => n + c.live.filter(Boolean).length, 0);
  }

  /** The mention whose text holds the caret position (`node`, `offset`), if any. */
  at(node: Node, offset: number): MentionRef | undefined {
    if (node.nodeType !== Node.TEXT_NODE) return undefined;
    const hit = this.byNode.get(node as Text);
    if (!hit) return undefined;
    const { chunk } = hit;
    const pos = chunk.stream.starts[hit.index] + offset;
    const m = chunk.response.mentions;
    let lo = 0;
    let hi = chunk.ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = m[mid * MENTION_STRIDE];
      const end = m[mid * MENTION_STRIDE + 1];
      if (pos < start) hi = mid - 1;
      else if (pos > end) lo = mid + 1;
      else return chunk.live[mid] ? { chunk, index: mid } : undefined;
    }
    return undefined;
  }

  /** Every live mention in reading order of the chunks. */
  all(): MentionRef[] {
    const out: MentionRef[] = [];
    for (const chunk of this.chunks) {
      chunk.live.forEach((alive, index) => {
        if (alive) out.push({ chunk, index });
      });
    }
    return out;
  }

  /** What the card needs of a mention. */
  view(ref: MentionRef): MentionView {
    const { response } = ref.chunk;
    const o = ref.index * MENTION_STRIDE;
    return {
      entity: response.entities[response.mentions[o + 2]],
      alias: ref.chunk.stream.text.slice(response.mentions[o], response.mentions[o + 1]),
      flags: response.mentions[o + 3],
      resolution: response.resolutions.get(ref.index),
      range: ref.chunk.ranges[ref.index],
    };
  }
}

/** A live Range for a static one, for measuring where it is on screen. */
export function liveRange(r: StaticRange): Range {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range;
}

/** Whether the point lies on one of the range's line boxes. */
export function rangeContainsPoint(r: StaticRange, x: number, y: number): boolean {
  for (const rect of liveRange(r).getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

/** The text position under a point, by whichever API the browser has. */
export function caretAt(x: number, y: number): { node: Node; offset: number } | undefined {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
}
