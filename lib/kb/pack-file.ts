import { ENTITY_TYPES, type Pack } from './types';

/** A pack file that cannot be installed, with the record and field at fault. */
export class PackFileError extends Error {}

const MAX_BYTES = 200 * 1024 * 1024;

/**
 * Parses and checks a pack file before anything is written: every entity needs an id, a
 * known type, a name and an alias list; ids are unique. Text stays text (cards never
 * render it as HTML), so markup in a summary is allowed but harmless.
 */
export function parsePackFile(text: string): Pack {
  if (text.length > MAX_BYTES) throw new PackFileError(`The file is larger than ${MAX_BYTES / 1024 / 1024} MB.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new PackFileError(`The file is not valid JSON (${(e as Error).message}).`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new PackFileError('The file is not a pack: expected an object with id, name, version and entities.');
  const p = raw as Record<string, unknown>;
  for (const field of ['id', 'name', 'version'] as const) {
    if (typeof p[field] !== 'string' || !(p[field] as string).trim())
      throw new PackFileError(`The pack has no "${field}" (a non-empty string).`);
  }
  if (p.id === 'starter') throw new PackFileError('"starter" is the built-in pack’s id; give your pack another.');
  if (!Array.isArray(p.entities)) throw new PackFileError('The pack has no "entities" list.');
  const seen = new Set<string>();
  p.entities.forEach((e: unknown, i: number) => {
    const where = `Entity ${i + 1}`;
    if (!e || typeof e !== 'object') throw new PackFileError(`${where} is not an object.`);
    const r = e as Record<string, unknown>;
    if (typeof r.id !== 'string' || !r.id) throw new PackFileError(`${where}: "id" must be a non-empty string.`);
    if (seen.has(r.id)) throw new PackFileError(`${where} (${r.id}): the id is used twice.`);
    seen.add(r.id);
    if (!ENTITY_TYPES.includes(r.type as never))
      throw new PackFileError(`${where} (${r.id}): "type" must be one of ${ENTITY_TYPES.join(', ')}.`);
    if (typeof r.name !== 'string' || !r.name.trim()) throw new PackFileError(`${where} (${r.id}): "name" must be a non-empty string.`);
    if (r.aliases !== undefined && !Array.isArray(r.aliases)) throw new PackFileError(`${where} (${r.id}): "aliases" must be a list.`);
  });
  const entities = (p.entities as Record<string, unknown>[]).map((r) => ({
    id: r.id as string,
    type: r.type as Pack['entities'][number]['type'],
    name: r.name as string,
    aliases: ((r.aliases as unknown[]) ?? []).filter((a): a is string => typeof a === 'string'),
    summary: typeof r.summary === 'string' ? r.summary : '',
    facts: Array.isArray(r.facts)
      ? (r.facts as Pack['entities'][number]['facts']).filter((f) => typeof f?.label === 'string' && typeof f?.value === 'string')
      : [],
    related: Array.isArray(r.related) ? (r.related as unknown[]).filter((x): x is string => typeof x === 'string') : [],
    links: Array.isArray(r.links)
      ? (r.links as Pack['entities'][number]['links'])!.filter((l) => typeof l?.url === 'string' && typeof l?.label === 'string')
      : [],
    source: typeof r.source === 'string' ? r.source : (p.name as string),
    license: typeof r.license === 'string' ? r.license : 'unknown',
    asOf: typeof r.asOf === 'string' ? r.asOf : '',
  }));
  return { id: p.id as string, name: p.name as string, version: p.version as string, entities };
}
