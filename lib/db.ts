import Dexie, { type EntityTable } from 'dexie';
import * as v from 'valibot';
import type { CompiledMatcher } from './matcher/compiled';
import type { Entity } from './kb/types';
import type { Highlight, Note, PageRecord } from './annotations/types';
import { SETTING_SCHEMAS } from './schemas/records';

/** An entity as stored: the pack it came from and its place in that pack. */
export interface StoredEntity extends Entity {
  pack: string;
  rank: number;
}

/** A pack the reader has installed; its entities live in `entities`. */
export interface PackRecord {
  id: string;
  name: string;
  version: string;
  enabled: boolean;
  entityCount: number;
  installedAt: number;
}

/** A reader's change to an entity of a pack, kept apart so that a pack upgrade keeps it. */
export interface EntityEdit {
  id: string;
  changes: Partial<Omit<Entity, 'id'>>;
  updated: number;
}

/** One setting, such as the global pause or the sites Gloss is off on. */
export interface Setting {
  key: string;
  value: unknown;
}

/** The compiled matcher for one knowledge-base revision. */
export interface MatcherCacheRecord {
  revision: string;
  matcher: CompiledMatcher;
  compiledAt: number;
}

/** Gloss's one database, in the extension's origin. Versions are append-only. */
export class GlossDB extends Dexie {
  entities!: EntityTable<StoredEntity, 'id'>;
  packs!: EntityTable<PackRecord, 'id'>;
  entityEdits!: EntityTable<EntityEdit, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  matcherCache!: EntityTable<MatcherCacheRecord, 'revision'>;
  highlights!: EntityTable<Highlight, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  pages!: EntityTable<PageRecord, 'source'>;

  constructor(name = 'gloss') {
    super(name);
    this.version(1).stores({
      entities: 'id, pack, type',
      packs: 'id',
      entityEdits: 'id',
      settings: 'key',
      matcherCache: 'revision',
      highlights: 'id, source, updated',
      notes: 'id, kind, target, updated',
    });
    this.version(2).stores({ pages: 'source, lastRead' });
  }
}

/**
 * Reads a setting, or its default when unset or of the wrong kind: a value an older import
 * or a hand edit left (`sitesOff: 5`) must not stop the pages that read it.
 */
export async function getSetting<T>(db: GlossDB, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined || !validSetting(key, row.value) ? fallback : (row.value as T);
}

/** Whether a stored setting's value is of the kind Gloss reads it as (any value for a key Gloss does not read). */
export function validSetting(key: string, value: unknown): boolean {
  const schema = SETTING_SCHEMAS[key];
  return !schema || v.is(schema, value);
}

/** Writes a setting. */
export async function setSetting(db: GlossDB, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
