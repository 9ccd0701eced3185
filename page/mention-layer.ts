import type { PageEntity } from '../lib/messaging';
import { MENTION_STRIDE, type ResolutionView, type ScanResult } from '../lib/scan-codec';
import { nodeIndexAt, streamBounds, type TextStream } from './text-stream';
import { NearViewportPainter } from './near-viewport';
import { SLICE_MS, yieldToPage } from './time-slice';

const HIGHLIGHT_NAME = 'gloss-mention';

/** Above this many mentions on a page, only those near the viewport are painted (see `NearViewportPainter`). */
const PAINT_ALL_UP_TO = 2000;

interface Chunk {
  stream: TextStream;
  response: ScanResult;
  /** The range of mention i, made when first needed. */
  range(i: number): StaticRange;
  /** The ranges made so far. */
  ranges: (StaticRange | undefined)[];
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
  private readonly nearViewport = new NearViewportPainter(this.highlight);
  private viewportOnly = false;

  constructor() {
    CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
  }

  /**
   * Adds a scanned stream's mentions and paints them. Ranges are made in slices and handed to
   * the highlight at the end, since each change to it makes the browser revisit every range
   * it holds; on a page with thousands, those around the viewport are made and painted first
   * and the rest are painted only when scrolled near. Resolves once the mentions in view are
   * painted; false if `stale` said to give up.
   */
  async add(stream: TextStream, response: ScanResult, stale: () => boolean = () => false): Promise<boolean> {
    const count = response.mentions.length / MENTION_STRIDE;
    const ranges: (StaticRange | undefined)[] = new Array(count);
    const chunk: Chunk = {
      stream,
      response,
      ranges,
      live: new Array(count).fill(true),
      range: (i) =>
        (ranges[i] ??= new StaticRange(
          streamBounds(stream, response.mentions[i * MENTION_STRIDE], response.mentions[i * MENTION_STRIDE + 1]),
        )),
    };
    this.viewportOnly ||= this.count + count > PAINT_ALL_UP_TO;
    if (this.viewportOnly) {
      this.register(chunk);
      this.nearViewport.add(count, chunk.range, (i) => chunk.live[i], stale);
      return true;
    }
    let deadline = performance.now() + SLICE_MS;
    for (let i = 0; i < count; i++) {
      if ((i & 255) === 255 && performance.now() > deadline) {
        await yieldToPage();
        if (stale()) return false;
        deadline = performance.now() + SLICE_MS;
      }
      chunk.range(i);
    }
    this.register(chunk);
    for (let i = 0; i < count; i++) this.highlight.add(chunk.range(i));
    return true;
  }

  private register(chunk: Chunk): void {
    this.chunks.push(chunk);
    chunk.stream.nodes.forEach((node, index) => this.byNode.set(node, { chunk, index }));
  }

  /** Unpaints and forgets every mention that starts inside `root`. */
  removeWithin(root: Node): void {
    for (const chunk of this.chunks) {
      const { stream, response } = chunk;
      for (let i = 0; i < chunk.live.length; i++) {
        if (!chunk.live[i]) continue;
        const node = stream.nodes[nodeIndexAt(stream, response.mentions[i * MENTION_STRIDE])];
        if (root === node || root.contains(node)) {
          chunk.live[i] = false;
          const r = chunk.ranges[i];
          if (r) this.nearViewport.delete(r);
        }
      }
    }
    this.chunks = this.chunks.filter((c) => c.live.some(Boolean));
  }

  /** Unpaints everything. */
  clear(): void {
    this.highlight.clear();
    this.nearViewport.clear();
    this.viewportOnly = false;
    this.chunks = [];
    this.byNode = new WeakMap();
  }

  /** Stops painting for good (the content script is going away). */
  dispose(): void {
    this.clear();
    if (CSS.highlights.get(HIGHLIGHT_NAME) === this.highlight) CSS.highlights.delete(HIGHLIGHT_NAME);
  }

  /** Number of mentions on the page (painted, or painted once scrolled near). */
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
      range: ref.chunk.range(ref.index),
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

/**
 * The text position under a point, by whichever API the browser has; inside `shadowRoots`
 * too, which the position would otherwise stop at the host of.
 */
export function caretAt(x: number, y: number, shadowRoots: ShadowRoot[] = []): { node: Node; offset: number } | undefined {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number, o: { shadowRoots: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
  };
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y, { shadowRoots });
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
}
