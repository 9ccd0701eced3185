/**
 * Character tables shared by compiling and scanning. Folding maps one UTF-16 code unit to
 * one code unit, so offsets in folded text are offsets in the page's text.
 */

const SPACE = 0x20;
const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;

// Letters that carry no combining mark in Unicode, so NFD cannot strip them.
const EXTRA_BASES: Record<string, string> = {
  ł: 'l',
  Ł: 'l',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ħ: 'h',
  Ħ: 'h',
  ı: 'i',
  ß: 'ß',
};

const APOSTROPHES = '\u2019\u2018\u02bc\u2032\u0060\u00b4';
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212';

interface Tables {
  /** Lower case, no diacritics, one apostrophe, one hyphen, one space. */
  fold: Uint16Array;
  /** As `fold`, but keeping case: used to check case-sensitive aliases. */
  foldCased: Uint16Array;
  /** 1 where the code unit is part of a word (letter, digit, mark, surrogate). */
  word: Uint8Array;
}

let tables: Tables | undefined;

const MARKS_ONLY = /^\p{M}+$/u;

/**
 * The letter without its diacritics. Only combining marks are stripped: a Hangul syllable
 * also decomposes, into letters (its jamo), and must stay whole, or every Korean name would
 * fold to its first consonant.
 */
function baseOf(ch: string): string {
  if (EXTRA_BASES[ch]) return EXTRA_BASES[ch];
  const decomposed = ch.normalize('NFD');
  if (decomposed.length < 2 || decomposed.charCodeAt(0) >= 0xd800) return ch;
  return MARKS_ONLY.test(decomposed.slice(1)) ? decomposed[0] : ch;
}

function build(): Tables {
  const fold = new Uint16Array(0x10000);
  const foldCased = new Uint16Array(0x10000);
  const word = new Uint8Array(0x10000);
  const wordRe = /[\p{L}\p{N}\p{M}]/u;
  const spaceRe = /\s/;
  for (let c = 0; c < 0x10000; c++) {
    fold[c] = c;
    foldCased[c] = c;
    if (c >= 0xd800 && c <= 0xdfff) {
      word[c] = 1;
      continue;
    }
    // Ideographs and Hangul syllables (a third of the table) are letters with no case and
    // no diacritics: settled without a regex or a normalisation each.
    if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3)) {
      word[c] = 1;
      continue;
    }
    const ch = String.fromCharCode(c);
    if (c < 0x80) {
      word[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
      fold[c] = c >= 65 && c <= 90 ? c + 32 : c;
      if (c === 9 || c === 10 || c === 13 || c === 12) fold[c] = foldCased[c] = SPACE;
      continue;
    }
    if (spaceRe.test(ch)) {
      fold[c] = foldCased[c] = SPACE;
      continue;
    }
    if (APOSTROPHES.includes(ch)) {
      fold[c] = foldCased[c] = APOSTROPHE;
      continue;
    }
    if (DASHES.includes(ch)) {
      fold[c] = foldCased[c] = HYPHEN;
      continue;
    }
    if (!wordRe.test(ch)) continue;
    word[c] = 1;
    const base = baseOf(ch);
    if (base.length === 1) foldCased[c] = base.charCodeAt(0);
    const lower = base.toLowerCase();
    if (lower.length === 1) fold[c] = lower.charCodeAt(0);
  }
  return { fold, foldCased, word };
}

/** The folding and word tables, built once per realm on first use. */
export function charTables(): Tables {
  tables ??= build();
  return tables;
}

/**
 * Folds strings with a table into one buffer, back to back (string k ends at `keyEnd[k]`),
 * collapsing runs of spaces and trimming them at both ends: the alias keys of the trie.
 */
export function foldKeys(strings: readonly string[], table: Uint16Array): { chars: Uint16Array; keyEnd: Uint32Array } {
  let total = 0;
  for (const s of strings) total += s.length;
  const chars = new Uint16Array(total);
  const keyEnd = new Uint32Array(strings.length);
  let length = 0;
  for (let k = 0; k < strings.length; k++) {
    const s = strings[k];
    let lastSpace = true;
    for (let i = 0; i < s.length; i++) {
      const c = table[s.charCodeAt(i)];
      if (c !== SPACE) chars[length++] = c;
      else if (!lastSpace) chars[length++] = c;
      lastSpace = c === SPACE;
    }
    if (lastSpace && length > (k > 0 ? keyEnd[k - 1] : 0)) length--;
    keyEnd[k] = length;
  }
  return { chars: chars.subarray(0, length), keyEnd };
}

export const FOLDED_SPACE = SPACE;
