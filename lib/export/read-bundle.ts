import * as v from 'valibot';
import { validSetting, type GlossDB } from '../db';
import { entityChangesSchema } from '../schemas/records';
import { LOCAL_SETTINGS, STARTER_PACK, type ExportBundle } from './bundle';

/** Everything an export can hold, read in one read-only transaction so the parts agree. */
export function readBundle(db: GlossDB): Promise<ExportBundle> {
  return db.transaction('r', [db.highlights, db.notes, db.pages, db.packs, db.entities, db.entityEdits, db.settings], async () => {
    const packs = (await db.packs.toArray()).filter((p) => p.id !== STARTER_PACK);
    const entities = (
      await db.entities
        .where('pack')
        .anyOf(packs.map((p) => p.id))
        .toArray()
    ).sort((a, b) => a.pack.localeCompare(b.pack) || a.rank - b.rank);
    return {
      highlights: await db.highlights.toArray(),
      notes: await db.notes.toArray(),
      pages: await db.pages.toArray(),
      packs,
      entities,
      // Values Gloss reads around (stored before imports were checked) are left out, so that
      // the backup holds what is in effect and imports again.
      entityEdits: (await db.entityEdits.toArray()).filter((e) => v.is(entityChangesSchema, e.changes)),
      settings: (await db.settings.toArray()).filter((s) => !LOCAL_SETTINGS.includes(s.key) && validSetting(s.key, s.value)),
    };
  });
}

/** One page's highlights, page note, page record and the notes on the entities it mentions. */
export function readPageBundle(db: GlossDB, source: string): Promise<ExportBundle> {
  return db.transaction('r', [db.highlights, db.notes, db.pages], async () => {
    const page = await db.pages.get(source);
    const entityNotes = page ? await db.notes.where('target').anyOf(page.entities).toArray() : [];
    const pageNotes = await db.notes.where('target').equals(source).toArray();
    return {
      highlights: await db.highlights.where('source').equals(source).toArray(),
      notes: [...pageNotes.filter((n) => n.kind === 'page'), ...entityNotes.filter((n) => n.kind === 'entity')],
      pages: page ? [page] : [],
      packs: [],
      entities: [],
      entityEdits: [],
      settings: [],
    };
  });
}
