import type { TextPositionSelector, TextQuoteSelector } from '../annotations/types';

/** Characters of context kept either side of a quote, as Hypothesis keeps. */
export const CONTEXT_LENGTH = 32;

/** The two selectors that find `text[start, end)` again. */
export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Describes `text[start, end)` by its quote with context and by its position. */
export function describe(text: string, start: number, end: number): Selectors {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** Narrows `[start, end)` so that it neither starts nor ends with whitespace; null if nothing is left. */
export function trimToText(text: string, start: number, end: number): [number, number] | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return start < end ? [start, end] : null;
}
