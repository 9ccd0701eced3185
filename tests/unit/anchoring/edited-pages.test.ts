import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe as group, expect, it } from 'vitest';
import { Anchorer } from '../../../lib/anchoring/anchor';
import { describe } from '../../../lib/anchoring/describe';
import { readTextStream } from '../../../page/text-stream';

const PAGE = readFileSync(resolve(import.meta.dirname, '../../../demo/pages/europe-energy.html'), 'utf8');

/** A fresh copy of the team's Europe energy article. */
function page(): Document {
  return new DOMParser().parseFromString(PAGE, 'text/html');
}

/** The n-th paragraph of the article body. */
function para(doc: Document, n: number): HTMLParagraphElement {
  return doc.querySelectorAll('article p')[n] as HTMLParagraphElement;
}

/** Selectors for a passage of paragraph `n`: `words` words from word `from`, as a reader would select them. */
function passage(doc: Document, n: number, from: number, words: number) {
  const stream = readTextStream(doc.body);
  const p = para(doc, n).textContent!;
  const w = p.split(' ');
  const exact = w.slice(from, from + words).join(' ');
  const start = stream.text.indexOf(p) + w.slice(0, from).join(' ').length + (from > 0 ? 1 : 0);
  expect(stream.text.slice(start, start + exact.length)).toBe(exact);
  return describe(stream.text, start, start + exact.length);
}

/** The text now at the place the passage anchors to, or null for an orphan. */
function anchoredText(doc: Document, selectors: ReturnType<typeof describe>) {
  const text = readTextStream(doc.body).text;
  const a = new Anchorer(text).anchor(selectors);
  return a ? { text: text.slice(a.start, a.end), method: a.method } : null;
}

group('re-anchoring on an edited page', () => {
  it('finds an unchanged passage at its position', () => {
    const doc = page();
    const sel = passage(doc, 2, 3, 9);
    expect(anchoredText(doc, sel)).toEqual({ text: sel.quote.exact, method: 'position' });
  });

  it('follows the passage when text is inserted before it', () => {
    const doc = page();
    const sel = passage(doc, 4, 2, 8);
    const extra = doc.createElement('p');
    extra.textContent = 'Update: this story was corrected on Tuesday to fix the date of the summit. '.repeat(3);
    para(doc, 0).before(extra);
    expect(anchoredText(doc, sel)).toEqual({ text: sel.quote.exact, method: 'quote' });
  });

  it('finds the passage when a word inside it changed, and covers the new word', () => {
    const doc = page();
    const sel = passage(doc, 3, 1, 12);
    const words = sel.quote.exact.split(' ');
    const changed = words[5];
    const p = para(doc, 3);
    p.innerHTML = p.innerHTML.replace(` ${changed} `, ' substantially ');
    const expected = [...words.slice(0, 5), 'substantially', ...words.slice(6)].join(' ');
    expect(anchoredText(doc, sel)).toEqual({ text: expected, method: 'fuzzy' });
  });

  it('finds the passage when its whitespace and markup changed', () => {
    const doc = page();
    const sel = passage(doc, 5, 0, 10);
    const p = para(doc, 5);
    const words = p.textContent!.split(' ');
    p.innerHTML = words.map((w, i) => (i % 3 === 1 ? `<em>${w}</em>` : w)).join('\n      ');
    const found = anchoredText(doc, sel)!;
    expect(found.text.replace(/\s+/g, ' ')).toBe(sel.quote.exact);
  });

  it('finds the passage when its paragraph moved to the end', () => {
    const doc = page();
    const sel = passage(doc, 1, 4, 7);
    const p = para(doc, 1);
    p.parentElement!.append(p);
    expect(anchoredText(doc, sel)).toEqual({ text: sel.quote.exact, method: 'quote' });
  });

  it('picks the occurrence whose context agrees when the quote appears twice', () => {
    const doc = page();
    const sel = passage(doc, 2, 0, 3);
    const copy = doc.createElement('p');
    copy.textContent = `Elsewhere: ${sel.quote.exact} appears again.`;
    para(doc, 0).before(copy);
    const text = readTextStream(doc.body).text;
    const a = new Anchorer(text).anchor(sel)!;
    expect(text.slice(a.start - sel.quote.prefix.length, a.end + sel.quote.suffix.length)).toBe(
      sel.quote.prefix + sel.quote.exact + sel.quote.suffix,
    );
  });

  it('orphans the passage when its paragraph is deleted', () => {
    const doc = page();
    const sel = passage(doc, 6, 0, 14);
    para(doc, 6).remove();
    expect(anchoredText(doc, sel)).toBeNull();
  });

  it('orphans a passage rewritten beyond recognition', () => {
    const doc = page();
    const sel = passage(doc, 7, 2, 10);
    para(doc, 7).textContent = 'This paragraph was replaced by an unrelated correction notice about photographs.';
    expect(anchoredText(doc, sel)).toBeNull();
  });
});
