import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { readSources } from './scripts/kb-build';
import { buildStarterPack } from './scripts/kb/build-pack';
import { matcherInput } from './lib/kb/matcher-input';
import { compileMatcher, findMentions } from './lib/matcher';
import { readTextStream } from './page/text-stream';

const ROOT = process.cwd();
const src = readSources();
const withMine = process.env.WITHOUT ? false : true;
for (const f of ['organizations.json', 'treaties-events.json']) {
  if (withMine) src.curated[f] = JSON.parse(readFileSync('/tmp/gloss-kb/out/' + f, 'utf8'));
  else delete src.curated[f];
}
const { pack, warnings } = buildStarterPack(src);
for (const w of warnings) console.log('WARN', w);
const matcher = compileMatcher(matcherInput(pack.entities));
const win = new Window();
const pagePath = (n: string) => (n === 'seed-article.html' ? '/work/shared/fixtures/seed-article.html' : resolve(ROOT, 'demo/pages', n));
let TP = 0,
  P = 0,
  G = 0;
for (const f of readdirSync('tests/gold')) {
  const gold = JSON.parse(readFileSync(resolve('tests/gold', f), 'utf8'));
  if (!existsSync(pagePath(gold.page))) continue;
  const doc = new win.DOMParser().parseFromString(readFileSync(pagePath(gold.page), 'utf8'), 'text/html');
  const stream = readTextStream(doc.body as any);
  let from = 0;
  const exp = gold.mentions.map(([s, id]: [string, string]) => {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'gu');
    re.lastIndex = from;
    const m = re.exec(stream.text)!;
    from = m.index + m[0].length;
    return `${m.index}:${from}:${id}|${s}`;
  });
  const found = findMentions(matcher, stream.text, stream.breaks).map(
    (m) => `${m.start}:${m.end}:${matcher.entityIds[m.entity]}|${stream.text.slice(m.start, m.end)}`,
  );
  const es = new Set(exp),
    fs = new Set(found);
  const tp = found.filter((x) => es.has(x)).length;
  TP += tp;
  P += found.length;
  G += exp.length;
  console.log(`== ${gold.page}: tp ${tp} predicted ${found.length} gold ${exp.length}`);
  for (const x of exp) if (!fs.has(x)) console.log('  MISS', x);
  for (const x of found) if (!es.has(x)) console.log('  EXTRA', x);
}
console.log(`precision ${(TP / P).toFixed(3)} recall ${(TP / G).toFixed(3)}`);
