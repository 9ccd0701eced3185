/** A text with every run of whitespace folded to one space, and the way back to the original. */
export interface NormalizedText {
  text: string;
  /** `toOriginal[i]` is the original offset of normalized offset `i` (one past the end included). */
  toOriginal: Uint32Array;
}

/** Folds whitespace runs to one space, keeping a map to the original offsets. */
export function normalizeWhitespace(text: string): NormalizedText {
  const out: string[] = [];
  const toOriginal = new Uint32Array(text.length + 1);
  let n = 0;
  let inSpace = false;
  let chunkStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
    if (space) {
      if (inSpace) {
        if (chunkStart < i) out.push(text.slice(chunkStart, i));
        chunkStart = i + 1;
        continue;
      }
      inSpace = true;
      if (c !== 32) {
        out.push(text.slice(chunkStart, i), ' ');
        chunkStart = i + 1;
      }
    } else {
      inSpace = false;
    }
    toOriginal[n++] = i;
  }
  out.push(text.slice(chunkStart));
  toOriginal[n] = text.length;
  return { text: out.join(''), toOriginal: toOriginal.subarray(0, n + 1) };
}

/** Folds whitespace runs to one space in a short string (a quote or its context). */
export function foldWhitespace(s: string): string {
  return s.replace(/[ \n\t\r\f\u00a0]+/g, ' ');
}
