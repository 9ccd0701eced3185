/**
 * `npm run kb:coverage [-- PACK [GOLD_DIR]]`: the share of the named entities of published
 * articles (tests/gold/news, written blind) that a pack knows, per article and overall, and
 * the unknown ones by kind. A report, not a test: it never fails on the figure.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  articleCoverage,
  distinctEntities,
  onlyOtherKinds,
  packNameIndex,
  unknownByKind,
  type GoldArticle,
  type PackEntityNames,
} from '../lib/kb/coverage';

const [packPath = 'public/packs/starter.json', goldDir = 'tests/gold/news'] = process.argv.slice(2);

const pack = JSON.parse(readFileSync(packPath, 'utf8')) as { entities: PackEntityNames[] };
const index = packNameIndex(pack.entities);
const files = readdirSync(goldDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const articles = files.map((f) => articleCoverage(JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as GoldArticle, index));

const percent = (known: number, total: number) => (total ? `${((100 * known) / total).toFixed(1)}%` : '–');
const row = (cells: string[]) => `${cells[0].padEnd(40)} ${cells[1].padStart(6)} ${cells[2].padStart(6)} ${cells[3].padStart(7)}`;

console.log(`Pack: ${packPath} (${pack.entities.length} entities). Lists: ${goldDir} (${files.length} articles).\n`);
console.log(row(['article', 'known', 'total', 'share']));
console.log('-'.repeat(62));
files.forEach((f, i) => {
  const a = articles[i];
  console.log(row([f.replace(/\.json$/, ''), `${a.known}`, `${a.total}`, percent(a.known, a.total)]));
});
console.log('-'.repeat(62));
const known = articles.reduce((n, a) => n + a.known, 0);
const total = articles.reduce((n, a) => n + a.total, 0);
console.log(row(['all articles (sum of per-article lists)', `${known}`, `${total}`, percent(known, total)]));
const distinct = distinctEntities(articles);
const distinctKnown = distinct.filter((e) => e.hits.length > 0).length;
console.log(
  row(['distinct entities (once across articles)', `${distinctKnown}`, `${distinct.length}`, percent(distinctKnown, distinct.length)]),
);

console.log('\nUnknown distinct entities by kind:');
for (const [kind, names] of unknownByKind(distinct)) console.log(`  ${kind} (${names.length}): ${names.join('; ')}`);

const misfits = distinct.filter(onlyOtherKinds);
if (misfits.length) {
  console.log('\nKnown only through a pack entity of another kind (its card may open the wrong thing):');
  for (const e of misfits) console.log(`  ${e.entity.name} (${e.entity.kind}) -> ${e.hits.map((h) => `${h.id} (${h.type})`).join(', ')}`);
}
