import { FieldError } from '../export/import-issues';
import { checked } from '../schemas/issues';
import { packEntitySchema, packFileSchema } from '../schemas/records';
import type { Pack } from './types';

/** A pack file that cannot be installed, with the record and field at fault. */
export class PackFileError extends Error {}

const MAX_BYTES = 200 * 1024 * 1024;

/** Runs a check, turning its FieldError into a PackFileError that says where: `Entity 3 (org:x): "name" …`. */
function at<T>(where: string, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (!(e instanceof FieldError)) throw e;
    throw new PackFileError(`${where}: ${e.field ? `"${e.field}" ` : ''}${e.message}.`);
  }
}

/**
 * Parses and checks a pack file before anything is written: every value of every entity is
 * of the kind Gloss reads (an id, a known type, a name; aliases, facts, links and the rest,
 * when given, of the right shape); ids are unique. Text stays text (cards never render it as
 * HTML), so markup in a summary is allowed but harmless.
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
  const p = at('The pack', () => checked(packFileSchema, raw));
  const seen = new Set<string>();
  const entities = p.entities.map((item, i) => {
    const id = (item as { id?: unknown } | null)?.id;
    const e = at(`Entity ${i + 1}${typeof id === 'string' ? ` (${id})` : ''}`, () => checked(packEntitySchema, item));
    if (seen.has(e.id)) throw new PackFileError(`Entity ${i + 1} (${e.id}): the id is used twice.`);
    seen.add(e.id);
    return {
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases ?? [],
      summary: e.summary ?? '',
      facts: e.facts ?? [],
      related: e.related ?? [],
      links: e.links ?? [],
      source: e.source ?? p.name,
      license: e.license ?? 'unknown',
      asOf: e.asOf ?? '',
    };
  });
  return { id: p.id, name: p.name, version: p.version, entities };
}
