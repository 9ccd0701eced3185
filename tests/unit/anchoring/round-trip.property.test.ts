import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { Anchorer } from '../../../lib/anchoring/anchor';
import { describe } from '../../../lib/anchoring/describe';

/** Texts over a small alphabet, so quotes repeat and context has to decide. */
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é', '\n'), minLength: 1, maxLength: 400 });

/** A text and a non-empty range in it. */
const textAndRange = text.chain((t) =>
  fc
    .tuple(fc.nat({ max: t.length - 1 }), fc.nat({ max: t.length - 1 }))
    .map(([a, b]) => ({ text: t, start: Math.min(a, b), end: Math.max(a, b) + 1 })),
);

group('describe, then anchor', () => {
  it('finds every range of an unchanged text exactly where it was', () => {
    fc.assert(
      fc.property(textAndRange, ({ text, start, end }) => {
        expect(new Anchorer(text).anchor(describe(text, start, end))).toEqual({ start, end, method: 'position' });
      }),
    );
  });

  it('follows a range when text is inserted before it, to the same passage when its context is unique', () => {
    fc.assert(
      fc.property(
        textAndRange,
        fc.string({ unit: fc.constantFrom('x', 'y', 'z'), minLength: 1, maxLength: 50 }),
        ({ text, start, end }, inserted) => {
          const sel = describe(text, start, end);
          const changed = inserted + text;
          const a = new Anchorer(changed).anchor(sel)!;
          expect(changed.slice(a.start, a.end)).toBe(sel.quote.exact);
          const withContext = sel.quote.prefix + sel.quote.exact + sel.quote.suffix;
          const unique = text.indexOf(withContext) === text.lastIndexOf(withContext) && sel.quote.prefix.length === Math.min(32, start);
          if (unique) expect(a.start).toBe(start + inserted.length);
        },
      ),
    );
  });

  it('places a passage, once it is deleted, only on text within a quarter of its length in edits or equal to it but for whitespace', () => {
    const fold = (s: string) => s.replace(/\s+/g, ' ');
    fc.assert(
      fc.property(textAndRange, ({ text, start, end }) => {
        const sel = describe(text, start, end);
        const rest = text.slice(0, start) + text.slice(end);
        const a = new Anchorer(rest).anchor(sel);
        if (a) {
          const found = rest.slice(a.start, a.end);
          const allowed = Math.max(1, Math.floor(sel.quote.exact.length / 4));
          expect(editDistance(found, sel.quote.exact) <= allowed || fold(found) === fold(sel.quote.exact)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/** Levenshtein distance, the plain way: the property checks the library, not itself. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
