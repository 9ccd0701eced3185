import { describe, expect, it } from 'vitest';
import { Anchorer, type AnchorTarget } from '../../../lib/anchoring/anchor';
import { readTextStream } from '../../../page/text-stream';
import { readShared, sharedAvailable } from '../../shared-fixtures';

interface Baseline {
  rows: { id: string; target: { selector: ({ type: string } & Record<string, unknown>)[] }[] }[];
}

const DIR = 'conformance/hypothesis-anchoring/html-baselines';
const PAGES = ['minimal', 'wikipedia-regression-testing'];

/** The page as Hypothesis's own test loads it: resources disabled, text unchanged. */
function load(name: string): Document {
  const html = readShared(`${DIR}/${name}.html`).replace(/src=/g, 'sr_=').replace(/href=/g, 'hre_=');
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = html;
  return doc;
}

function targets(name: string): { id: string; target: AnchorTarget }[] {
  const json = JSON.parse(readShared(`${DIR}/${name}.json`)) as Baseline;
  return json.rows.map((row) => {
    const sel = row.target[0].selector;
    const quote = sel.find((s) => s.type === 'TextQuoteSelector') as unknown as AnchorTarget['quote'];
    const position = sel.find((s) => s.type === 'TextPositionSelector') as unknown as AnchorTarget['position'];
    return { id: row.id, target: { quote, position } };
  });
}

describe.runIf(sharedAvailable('the Hypothesis anchoring baselines'))('Hypothesis anchoring baselines', () => {
  for (const name of PAGES) {
    // Hypothesis's offsets count body.textContent with scripting on (noscript as raw text);
    // Gloss's stream leaves out script, style, noscript, code and hidden text, so its offsets
    // differ from the stored positions and every passage must be found again by its quote.
    it(`${name}: every annotation re-anchors to its exact quote in Gloss's text stream`, () => {
      const doc = load(name);
      const text = readTextStream(doc.body).text;
      const anchorer = new Anchorer(text);
      for (const { id, target } of targets(name)) {
        const a = anchorer.anchor(target);
        expect(a, `${name} ${id}`).not.toBeNull();
        expect(text.slice(a!.start, a!.end), `${name} ${id}`).toBe(target.quote.exact);
      }
    });

    it(`${name}: the quote with its context picks the annotated occurrence, not another`, () => {
      const doc = load(name);
      const text = readTextStream(doc.body).text;
      const anchorer = new Anchorer(text);
      for (const { id, target } of targets(name)) {
        const a = anchorer.anchor({ quote: target.quote })!;
        const { prefix, suffix } = target.quote;
        const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
        expect(fold(text.slice(Math.max(0, a.start - prefix.length), a.start)), `${name} ${id} prefix`).toContain(fold(prefix).slice(-12));
        expect(fold(text.slice(a.end, a.end + suffix.length + 8)), `${name} ${id} suffix`).toContain(fold(suffix).slice(0, 12));
      }
    });
  }

  it('with Hypothesis’s own text (body.textContent), every stored position holds its quote', () => {
    for (const name of PAGES) {
      const text = load(name).body.textContent!;
      const anchorer = new Anchorer(text);
      const methods = targets(name).map(({ target }) => anchorer.anchor(target));
      for (const [i, { target }] of targets(name).entries())
        expect(text.slice(methods[i]!.start, methods[i]!.end)).toBe(target.quote.exact);
    }
  });
});
