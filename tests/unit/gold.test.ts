import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matcherInput } from '../../lib/kb/matcher-input';
import type { Pack } from '../../lib/kb/types';
import { compileMatcher, findMentions } from '../../lib/matcher';
import { readTextStream } from '../../page/text-stream';
import { SHARED } from '../shared-fixtures';

interface Gold {
  page: string;
  mentions: [string, string][];
}

const ROOT = resolve(import.meta.dirname, '../..');
const pack = JSON.parse(readFileSync(resolve(ROOT, 'public/packs/starter.json'), 'utf8')) as Pack;
const matcher = compileMatcher(matcherInput(pack.entities));

function pagePath(name: string): string {
  return name === 'seed-article.html' ? resolve(SHARED, 'fixtures', name) : resolve(ROOT, 'demo/pages', name);
}

const golds = readdirSync(resolve(ROOT, 'tests/gold'))
  // news/ holds the entity lists of published articles, which kb-coverage reads.
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(resolve(ROOT, 'tests/gold', f), 'utf8')) as Gold)
  .filter((g) => {
    if (existsSync(pagePath(g.page))) return true;
    if (process.env.CI) throw new Error(`${g.page} is missing in CI`);
    console.warn(`skipped: gold list for ${g.page} needs ../shared, which is absent here`);
    return false;
  });

/** The page's text stream, read the way the content script reads it. */
function streamOf(page: string) {
  const doc = new DOMParser().parseFromString(readFileSync(pagePath(page), 'utf8'), 'text/html');
  return readTextStream(doc.body);
}

/** Places each gold surface, in order, as a whole word of the stream. */
function goldSpans(text: string, gold: Gold): { key: string; surface: string }[] {
  let from = 0;
  return gold.mentions.map(([surface, id]) => {
    const pattern = surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'gu');
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) throw new Error(`${gold.page}: gold surface "${surface}" not found after offset ${from}`);
    from = m.index + m[0].length;
    return { key: `${m.index}:${from}:${id}`, surface };
  });
}

describe('precision and recall against the team’s gold lists', () => {
  const rows: { page: string; tp: number; predicted: number; gold: number; misses: string[]; extras: string[] }[] = [];

  for (const gold of golds) {
    it(`finds the mentions of ${gold.page}`, () => {
      const stream = streamOf(gold.page);
      const expected = goldSpans(stream.text, gold);
      const found = findMentions(matcher, stream.text, stream.breaks).map((m) => ({
        key: `${m.start}:${m.end}:${matcher.entityIds[m.entity]}`,
        surface: stream.text.slice(m.start, m.end),
      }));
      const goldKeys = new Set(expected.map((g) => g.key));
      const foundKeys = new Set(found.map((f) => f.key));
      const tp = found.filter((f) => goldKeys.has(f.key)).length;
      rows.push({
        page: gold.page,
        tp,
        predicted: found.length,
        gold: expected.length,
        misses: expected.filter((g) => !foundKeys.has(g.key)).map((g) => `${g.surface} (${g.key})`),
        extras: found.filter((f) => !goldKeys.has(f.key)).map((f) => `${f.surface} (${f.key})`),
      });
      expect(expected.length).toBeGreaterThan(0);
    });
  }

  it('has precision and recall of at least 0.95 over all pages', () => {
    expect(rows.length).toBe(golds.length);
    const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
    for (const r of rows) {
      console.log(
        `${r.page}: precision ${(r.tp / r.predicted).toFixed(3)}, recall ${(r.tp / r.gold).toFixed(3)} (${r.tp} of ${r.gold} gold, ${r.predicted} found)` +
          (r.misses.length ? `\n  missed: ${r.misses.join(', ')}` : '') +
          (r.extras.length ? `\n  extra: ${r.extras.join(', ')}` : ''),
      );
    }
    const precision = sum((r) => r.tp) / sum((r) => r.predicted);
    const recall = sum((r) => r.tp) / sum((r) => r.gold);
    console.log(`all pages: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
