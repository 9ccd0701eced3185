import { SLICE_MS, yieldToPage } from './time-slice';

/** Elements whose box stands for the mentions inside them: the nearest of these holds a mention. */
const BLOCKS = 'p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, blockquote, figcaption, caption, summary, label, div, section, article';

/** How far beyond the viewport, above and below, mentions are painted ahead of scrolling. */
const MARGIN = '100% 0px';

/** How many blocks start being watched per frame. */
const OBSERVE_PER_FRAME = 400;

/** At most this many mentions are painted before the observer has reported. */
const FIRST_PAINT = 1200;

/**
 * Paints a great many ranges into one CSS highlight, only those whose block is within a
 * screen of the viewport, as the page scrolls. The browser revisits every range a highlight
 * holds on each paint, so 25,000 of them make one frame take 150 ms; a screenful makes it
 * take a few. Blocks are watched with an IntersectionObserver, which reads the page's layout
 * and never changes its DOM.
 */
export class NearViewportPainter {
  private readonly groups = new Map<Element, Set<StaticRange>>();
  private readonly blockOf = new WeakMap<Node, Element>();
  private readonly shown = new Set<Element>();
  private readonly observer = new IntersectionObserver((entries) => this.onEntries(entries), { rootMargin: MARGIN });

  constructor(private readonly highlight: Highlight) {}

  /**
   * Takes `count` mentions (in document order; `rangeAt` makes their ranges) to paint when
   * near the viewport. Those around the viewport now are painted at once; the blocks of all
   * are then watched, in slices, and the observer settles what is shown from there on.
   */
  add(count: number, rangeAt: (i: number) => StaticRange, live: (i: number) => boolean, stale: () => boolean): void {
    // A screen above the viewport to a screen below it, as far as document order tells.
    const from = firstBelow(-innerHeight, 0, count, rangeAt);
    const to = firstBelow(2 * innerHeight, from, Math.min(count, from + FIRST_PAINT), rangeAt);
    for (let i = from; i < to; i++) this.highlight.add(rangeAt(i));
    // After the next frame, so that the mentions in view are on screen before the rest is sorted out.
    requestAnimationFrame(() => setTimeout(() => void this.watch(count, rangeAt, live, (i) => i >= from && i < to, stale)));
  }

  private async watch(
    count: number,
    rangeAt: (i: number) => StaticRange,
    live: (i: number) => boolean,
    painted: (i: number) => boolean,
    stale: () => boolean,
  ): Promise<void> {
    let deadline = performance.now() + SLICE_MS;
    let observed = 0;
    for (let i = 0; i < count; i++) {
      if (((i & 127) === 127 && performance.now() > deadline) || observed >= OBSERVE_PER_FRAME) {
        // A frame between batches: the browser measures newly watched blocks on its next
        // frame, and thousands at once make that frame a long task.
        if (observed >= OBSERVE_PER_FRAME) await nextFrame();
        else await yieldToPage();
        if (stale()) return;
        deadline = performance.now() + SLICE_MS;
        observed = 0;
      }
      if (!live(i)) continue;
      const r = rangeAt(i);
      const block = this.block(r.startContainer);
      let group = this.groups.get(block);
      if (!group) {
        group = new Set();
        this.groups.set(block, group);
        this.observer.observe(block);
        observed++;
      }
      group.add(r);
      // Painted ahead of the observer: its first report on the block keeps or removes it.
      if (painted(i)) this.shown.add(block);
      else if (this.shown.has(block)) this.highlight.add(r);
    }
  }

  /** Stops painting one range. */
  delete(r: StaticRange): void {
    this.highlight.delete(r);
    const block = this.blockOf.get(r.startContainer);
    const group = block && this.groups.get(block);
    if (!group) return;
    group.delete(r);
    if (group.size === 0) {
      this.groups.delete(block);
      this.shown.delete(block);
      this.observer.unobserve(block);
    }
  }

  /** Forgets every range. */
  clear(): void {
    this.observer.disconnect();
    this.groups.clear();
    this.shown.clear();
  }

  private block(node: Node): Element {
    let b = this.blockOf.get(node);
    if (!b) {
      const parent = node.parentElement ?? document.documentElement;
      b = this.blockOf.get(parent) ?? parent.closest(BLOCKS) ?? parent;
      this.blockOf.set(parent, b);
      this.blockOf.set(node, b);
    }
    return b;
  }

  private onEntries(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const group = this.groups.get(e.target);
      if (!group) continue;
      if (e.isIntersecting && !this.shown.has(e.target)) {
        this.shown.add(e.target);
        for (const r of group) this.highlight.add(r);
      } else if (!e.isIntersecting && this.shown.has(e.target)) {
        this.shown.delete(e.target);
        for (const r of group) this.highlight.delete(r);
      }
    }
  }
}

/**
 * The first range in [lo, hi) whose box does not end above `y` (viewport coordinates), by
 * bisection: a page's text mostly runs down the screen in document order, and the observer
 * corrects what does not.
 */
function firstBelow(y: number, lo: number, hi: number, rangeAt: (i: number) => StaticRange): number {
  const probe = document.createRange();
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = rangeAt(mid);
    probe.setStart(r.startContainer, r.startOffset);
    probe.setEnd(r.endContainer, r.endOffset);
    if (probe.getBoundingClientRect().bottom < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Resolves after the browser's next frame. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}
