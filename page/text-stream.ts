/** Elements whose text a reader does not read as the article, or may be typing into. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'input',
  'textarea',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
]);

/** Elements whose start and end separate words even without whitespace between them. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'button',
  'label',
]);

/** The selector form of the skip rules, for checking a late subtree's ancestors. */
export const SKIP_SELECTOR = [...SKIP_TAGS, '[hidden]', '[aria-hidden="true"]', '[contenteditable]:not([contenteditable="false"])'].join(
  ',',
);

/**
 * The visible text of a subtree as one string, with the text node each stretch came from.
 * `starts[i]` is the offset of `nodes[i]` in `text`; `breaks` are the offsets of block
 * boundaries, where words end even if no whitespace says so.
 */
export interface TextStream {
  text: string;
  nodes: Text[];
  starts: number[];
  breaks: number[];
}

/** Whether an element's subtree is left out of the stream. */
export function isSkipped(el: Element, ownHost?: Element): boolean {
  if (el === ownHost) return true;
  if (SKIP_TAGS.has(el.localName)) return true;
  // Most elements carry no attributes: one call settles them (this walk visits every element).
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/**
 * Reads `root`'s visible text depth first (a hand-written walk: about three times quicker
 * than a TreeWalker on a large page, and it can skip whole subtrees).
 */
export function readTextStream(root: Node, ownHost?: Element): TextStream {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  const breaks: number[] = [];
  let length = 0;
  let pendingBreak = false;

  const addText = (t: Text) => {
    const data = t.data;
    if (data.length === 0) return;
    if (pendingBreak && length > 0) breaks.push(length);
    pendingBreak = false;
    nodes.push(t);
    starts.push(length);
    parts.push(data);
    length += data.length;
  };

  if (root.nodeType === Node.TEXT_NODE) {
    addText(root as Text);
    return { text: parts.join(''), nodes, starts, breaks };
  }

  let n: Node | null = root.firstChild;
  while (n) {
    let descend = false;
    if (n.nodeType === Node.TEXT_NODE) {
      addText(n as Text);
    } else if (n.nodeType === Node.ELEMENT_NODE) {
      const el = n as Element;
      if (!isSkipped(el, ownHost)) {
        if (BLOCK_TAGS.has(el.localName)) pendingBreak = true;
        descend = el.firstChild !== null;
      } else {
        pendingBreak = true;
      }
    }
    if (descend) {
      n = n.firstChild;
      continue;
    }
    while (n && n !== root && !n.nextSibling) {
      n = n.parentNode;
      if (n && n !== root && n.nodeType === Node.ELEMENT_NODE && BLOCK_TAGS.has((n as Element).localName)) {
        pendingBreak = true;
      }
    }
    if (!n || n === root) break;
    if (n.nodeType === Node.ELEMENT_NODE && BLOCK_TAGS.has((n as Element).localName)) pendingBreak = true;
    n = n.nextSibling;
  }
  return { text: parts.join(''), nodes, starts, breaks };
}

/** Index of the node holding stream offset `offset` (the last node starting at or before it). */
export function nodeIndexAt(stream: TextStream, offset: number): number {
  const { starts } = stream;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The node boundaries of stream offsets [start, end), for a StaticRange or a Range. */
export function streamBounds(stream: TextStream, start: number, end: number): StaticRangeInit {
  const a = nodeIndexAt(stream, start);
  const b = nodeIndexAt(stream, end - 1);
  return {
    startContainer: stream.nodes[a],
    startOffset: start - stream.starts[a],
    endContainer: stream.nodes[b],
    endOffset: end - stream.starts[b],
  };
}
