import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from '../annotations/types';
import { foldWhitespace, normalizeWhitespace, type NormalizedText } from './normalized';

/** How a passage was found: where it was, its exact quote elsewhere, or an approximate match. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

/** Where a passage is in the text now. */
export interface Anchor {
  start: number;
  end: number;
  method: AnchorMethod;
}

/** What is stored of a passage: its quote with context and its last position. */
export interface AnchorTarget {
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
}

/** Share of a quote's length that may differ and still count as the same passage. */
const MAX_ERROR_RATE = 0.25;
/** Characters either side of the old position searched approximately before the whole text. */
const NEAR_WINDOW = 4096;
/** More exact occurrences than this are not worth scoring one by one (a one-word quote on a huge page). */
const MAX_CANDIDATES = 2000;

/**
 * Finds passages again in one text, much as Hypothesis does: the stored position if the
 * quote and its context are still there, else the quote (exact, then with whitespace folded) scored by its
 * context and nearness, else an approximate match near the old place, then anywhere.
 * Returns null for a passage that is gone: the caller keeps it as an orphan.
 */
export class Anchorer {
  private normalized?: NormalizedText;

  constructor(private readonly text: string) {}

  /** Anchors one passage, or null if it cannot be placed. */
  anchor(target: AnchorTarget): Anchor | null {
    const { quote, position } = target;
    const { exact } = quote;
    if (exact.length === 0) return null;
    const hint = position ? position.start : -1;
    if (position && this.holdsWithContext(position.start, position.end, quote)) {
      return { start: position.start, end: position.end, method: 'position' };
    }
    const exactHit = this.bestExact(this.text, exact, quote, hint);
    if (exactHit >= 0) return { start: exactHit, end: exactHit + exact.length, method: 'quote' };
    const folded = this.foldedMatch(quote);
    if (folded) return folded;
    return this.fuzzy(quote, hint);
  }

  /** Whether the passage and its stored context are all still at `[start, end)`. */
  private holdsWithContext(start: number, end: number, quote: TextQuoteSelector): boolean {
    const t = this.text;
    return (
      start >= quote.prefix.length &&
      t.slice(start, end) === quote.exact &&
      t.slice(start - quote.prefix.length, start) === quote.prefix &&
      t.slice(end, end + quote.suffix.length) === quote.suffix
    );
  }

  private bestExact(text: string, exact: string, quote: TextQuoteSelector, hint: number): number {
    let best = -1;
    let bestScore = -Infinity;
    let seen = 0;
    for (let i = text.indexOf(exact); i >= 0 && seen < MAX_CANDIDATES; i = text.indexOf(exact, i + 1), seen++) {
      const score = contextScore(text, i, i + exact.length, quote.prefix, quote.suffix) + nearness(i, hint, text.length);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    return best;
  }

  /** The quote with whitespace folded on both sides: survives re-wrapped text and changed markup. */
  private foldedMatch(quote: TextQuoteSelector): Anchor | null {
    const exact = foldWhitespace(quote.exact);
    if (exact.trim().length === 0) return null;
    this.normalized ??= normalizeWhitespace(this.text);
    const { text, toOriginal } = this.normalized;
    const i = this.bestExact(text, exact, { ...quote, prefix: foldWhitespace(quote.prefix), suffix: foldWhitespace(quote.suffix) }, -1);
    if (i < 0) return null;
    return { start: toOriginal[i], end: toOriginal[i + exact.length - 1] + 1, method: 'quote' };
  }

  private fuzzy(quote: TextQuoteSelector, hint: number): Anchor | null {
    const { exact } = quote;
    const maxErrors = Math.max(1, Math.floor(exact.length * MAX_ERROR_RATE));
    if (exact.length < 4) return null;
    if (hint >= 0) {
      const from = Math.max(0, hint - NEAR_WINDOW);
      const near = this.bestFuzzy(this.text.slice(from, hint + exact.length + NEAR_WINDOW), from, quote, maxErrors, hint);
      if (near) return near;
    }
    return this.bestFuzzy(this.text, 0, quote, maxErrors, hint);
  }

  private bestFuzzy(region: string, offset: number, quote: TextQuoteSelector, maxErrors: number, hint: number): Anchor | null {
    let best: Anchor | null = null;
    let bestScore = -Infinity;
    for (const m of search(region, quote.exact, maxErrors)) {
      const start = m.start + offset;
      const end = m.end + offset;
      const score =
        2 * (1 - m.errors / quote.exact.length) +
        contextScore(this.text, start, end, quote.prefix, quote.suffix) +
        nearness(start, hint, this.text.length);
      if (score > bestScore) {
        bestScore = score;
        best = { start, end, method: 'fuzzy' };
      }
    }
    return best;
  }
}

/** How well the text around `[start, end)` agrees with the stored prefix and suffix: 0 to 2. */
function contextScore(text: string, start: number, end: number, prefix: string, suffix: string): number {
  let score = 0;
  if (prefix.length > 0) {
    let k = 0;
    while (k < prefix.length && start - 1 - k >= 0 && text[start - 1 - k] === prefix[prefix.length - 1 - k]) k++;
    score += k / prefix.length;
  }
  if (suffix.length > 0) {
    let k = 0;
    while (k < suffix.length && end + k < text.length && text[end + k] === suffix[k]) k++;
    score += k / suffix.length;
  }
  return score;
}

/** A small preference for the occurrence nearest the old position, to settle ties. */
function nearness(start: number, hint: number, length: number): number {
  if (hint < 0 || length === 0) return 0;
  return 0.5 * (1 - Math.min(1, Math.abs(start - hint) / length));
}
