import type { TextStream } from './text-stream';

/** Elements a reader types into: a selection there is theirs, not a passage to highlight. */
const EDITABLE_SELECTOR = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

/** Index of each text node of a stream, for mapping DOM points to stream offsets. */
export function nodeIndex(stream: TextStream): Map<Text, number> {
  const map = new Map<Text, number>();
  stream.nodes.forEach((n, i) => map.set(n, i));
  return map;
}

/** The stream offset of a DOM boundary point: how much of the stream's text lies before it. */
export function offsetOfPoint(stream: TextStream, index: Map<Text, number>, container: Node, offset: number): number {
  const own = container.nodeType === Node.TEXT_NODE ? index.get(container as Text) : undefined;
  if (own !== undefined) return stream.starts[own] + Math.min(offset, (container as Text).data.length);
  const point = document.createRange();
  point.setStart(container, offset);
  // Stream nodes are in document order: count those wholly before the point by bisection.
  let lo = 0;
  let hi = stream.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (point.comparePoint(stream.nodes[mid], 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return 0;
  return lo < stream.nodes.length ? stream.starts[lo] : stream.text.length;
}

/** A DOM range as stream offsets `[start, end)`; null when it holds no stream text. */
export function rangeToOffsets(stream: TextStream, index: Map<Text, number>, range: AbstractRange): [number, number] | null {
  const start = offsetOfPoint(stream, index, range.startContainer, range.startOffset);
  const end = offsetOfPoint(stream, index, range.endContainer, range.endOffset);
  return end > start ? [start, end] : null;
}

/**
 * Why a selection cannot become a highlight, or null if it can: nothing selected, or a
 * selection inside a field, an editable area or Gloss's own UI (refused quietly).
 */
export function refusal(selection: Selection | null, ownHosts: Element[]): string | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return 'empty';
  const range = selection.getRangeAt(0);
  const active = document.activeElement;
  if (active && active.matches(EDITABLE_SELECTOR)) return 'editable';
  for (const node of [range.startContainer, range.endContainer, range.commonAncestorContainer]) {
    const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    if (!el) return 'detached';
    if (el.closest(EDITABLE_SELECTOR)) return 'editable';
    if (ownHosts.some((h) => h.contains(el))) return 'own-ui';
  }
  return null;
}
