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

function baseOf(ch: string): string {
  if (EXTRA_BASES[ch]) return EXTRA_BASES[ch];
  const decomposed = ch.normalize('NFD');
  return decomposed.length > 0 && decomposed.charCodeAt(0) < 0xd800 ? decomposed[0] : ch;
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

/** Folds a string with a table and collapses runs of spaces, for alias keys. */
export function foldString(s: string, table: Uint16Array): string {
  let out = '';
  let lastSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = table[s.charCodeAt(i)];
    if (c === SPACE) {
      if (!lastSpace) out += ' ';
      lastSpace = true;
    } else {
      out += String.fromCharCode(c);
      lastSpace = false;
    }
  }
  return out.endsWith(' ') ? out.slice(0, -1) : out;
}

export const FOLDED_SPACE = SPACE;
