import { getSetting, setSetting, type EntityEdit, type GlossDB, type PackRecord, type StoredEntity } from '../db';
import * as v from 'valibot';
import { entityChangesSchema } from '../schemas/records';
import { STARTER_PACK } from '../export/bundle';
import { PackFileError } from './pack-file';
import type { Pack } from './types';

const REVISION = 'kbRevision';

/** The knowledge base's revision: changes whenever the set of matchable aliases may have. */
export function kbRevision(db: GlossDB): Promise<number> {
  return getSetting(db, REVISION, 0);
}

/** Marks the knowledge base changed, so the matcher is compiled again. */
export async function bumpRevision(db: GlossDB): Promise<number> {
  return db.transaction('rw', db.settings, async () => {
    const next = (await kbRevision(db)) + 1;
    await setSetting(db, REVISION, next);
    return next;
  });
}

/**
 * Installs or upgrades a pack in one transaction: its entities are replaced, its on/off
 * state is kept, and nothing of the reader's own (edits, notes, highlights) is touched.
 * Returns false when that version is already installed, which is told by the pack's rows in
 * the database (not by its record alone), so a pack that lost entities is installed again.
 * An entity id another pack holds is refused (PackFileError naming it), except by the
 * built-in pack, whose ids are its own.
 */
export async function installPack(db: GlossDB, pack: Pack): Promise<boolean> {
  return db.transaction('rw', [db.entities, db.packs, db.settings], async () => {
    const existing = await db.packs.get(pack.id);
    const installed = await db.entities.where('pack').equals(pack.id).count();
    if (existing && existing.version === pack.version && installed === pack.entities.length) {
      return false;
    }
    if (pack.id !== STARTER_PACK) await refuseTakeover(db, pack);
    await db.entities.where('pack').equals(pack.id).delete();
    const rows: StoredEntity[] = pack.entities.map((e, rank) => ({ ...e, pack: pack.id, rank }));
    await db.entities.bulkPut(rows);
    const record: PackRecord = {
      id: pack.id,
      name: pack.name,
      version: pack.version,
      enabled: existing?.enabled ?? true,
      entityCount: pack.entities.length,
      installedAt: Date.now(),
    };
    await db.packs.put(record);
    await bumpRevision(db);
    return true;
  });
}

/**
 * Throws when the pack has an entity whose id another pack holds. Ids are global (notes,
 * edits and highlights name entities by id), so a second pack with `country:aus` would
 * otherwise replace that entity's card, and removing it would delete the entity.
 */
async function refuseTakeover(db: GlossDB, pack: Pack): Promise<void> {
  const rows = await db.entities.bulkGet(pack.entities.map((e) => e.id));
  const taken = rows.filter((row): row is StoredEntity => row !== undefined && row.pack !== pack.id);
  if (taken.length === 0) return;
  const first = taken[0]!;
  const owner = (await db.packs.get(first.pack))?.name ?? first.pack;
  const more = taken.length > 1 ? ` (and ${taken.length - 1} more of its entities)` : '';
  throw new PackFileError(
    `Entity ${first.id} (“${first.name}”)${more} is already in the pack “${owner}”; a pack cannot replace another pack’s entities. Give the pack’s entities ids of their own, such as "${pack.id}:${first.id.split(':').pop()}".`,
  );
}

/** Turns a pack on or off. */
export async function setPackEnabled(db: GlossDB, id: string, enabled: boolean): Promise<void> {
  await db.transaction('rw', [db.packs, db.settings], async () => {
    await db.packs.update(id, { enabled });
    await bumpRevision(db);
  });
}

/** Removes a pack and its entities; the reader's edits stay, in case it comes back. */
export async function removePack(db: GlossDB, id: string): Promise<void> {
  await db.transaction('rw', [db.entities, db.packs, db.settings], async () => {
    await db.entities.where('pack').equals(id).delete();
    await db.packs.delete(id);
    await bumpRevision(db);
  });
}

/** Every entity of the enabled packs, with the reader's edits applied, in priority order. */
export async function enabledEntities(db: GlossDB): Promise<StoredEntity[]> {
  const packs = (await db.packs.toArray()).filter((p) => p.enabled);
  // The reader's own pack first, then packs in the order they were installed.
  packs.sort((a, b) => (a.id === 'user' ? -1 : b.id === 'user' ? 1 : a.installedAt - b.installedAt));
  const edits = new Map((await db.entityEdits.toArray()).map((e) => [e.id, e.changes]));
  const out: StoredEntity[] = [];
  for (const p of packs) {
    const rows = await db.entities.where('pack').equals(p.id).toArray();
    rows.sort((a, b) => a.rank - b.rank);
    for (const row of rows) out.push(withEdit(row, edits.get(row.id)));
  }
  return out;
}

/**
 * An entity as the reader sees it: the pack's record with the reader's changes over it. Changes
 * of the wrong kind (`aliases: 5`, stored by an older import) are left out, so that one bad
 * edit cannot stop the matcher from building or a card from showing.
 */
export function withEdit(row: StoredEntity, changes: EntityEdit['changes'] | undefined): StoredEntity {
  return changes && v.is(entityChangesSchema, changes) ? { ...row, ...changes } : row;
}
