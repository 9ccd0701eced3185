import type { GlossDB } from '../db';
import { bumpRevision } from '../kb/packs';
import type { ExportBundle } from './bundle';
import type { ParsedImport } from './import-file';
import { ImportError, describeIssue } from './import-issues';
import { planImport, type ImportPlan } from './plan';

function tables(db: GlossDB) {
  return [db.highlights, db.notes, db.pages, db.packs, db.entities, db.entityEdits, db.settings];
}

/** The reader's records that share a key with the file's, which is all a plan compares against. */
async function existingFor(db: GlossDB, parsed: ParsedImport): Promise<ExportBundle> {
  const r = parsed.records;
  const got = async <T>(rows: Promise<(T | undefined)[]>) => (await rows).filter((x): x is T => x !== undefined);
  return {
    highlights: await got(db.highlights.bulkGet(r.highlights.map((x) => x.id))),
    notes: await got(db.notes.bulkGet(r.notes.map((x) => x.id))),
    pages: await got(db.pages.bulkGet(r.pages.map((x) => x.source))),
    packs: await got(db.packs.bulkGet(r.packs.map((x) => x.id))),
    entities: await got(db.entities.bulkGet(r.entities.map((x) => x.id))),
    entityEdits: await got(db.entityEdits.bulkGet(r.entityEdits.map((x) => x.id))),
    settings: await got(db.settings.bulkGet(r.settings.map((x) => x.key))),
  };
}

/** What importing the file would do, read without writing anything: for the reader to confirm. */
export function previewImport(db: GlossDB, parsed: ParsedImport): Promise<ImportPlan> {
  return db.transaction('r', tables(db), async () => planImport(parsed, await existingFor(db, parsed)));
}

/**
 * Imports a parsed file in one transaction. The plan is worked out again inside it, so a
 * change made since the preview is merged too, not overwritten. A file with any invalid
 * record is refused whole: the reader fixes the file, and nothing half-imports.
 */
export async function applyImport(db: GlossDB, parsed: ParsedImport): Promise<ImportPlan> {
  return db.transaction('rw', tables(db), async () => {
    const plan = planImport(parsed, await existingFor(db, parsed));
    if (plan.invalid.length) {
      const first = plan.invalid.slice(0, 3).map(describeIssue).join('; ');
      throw new ImportError(`${plan.invalid.length} record(s) of the file are invalid (${first}). Nothing was imported.`);
    }
    const w = plan.writes;
    await db.highlights.bulkPut(w.highlights);
    await db.notes.bulkPut(w.notes);
    await db.pages.bulkPut(w.pages);
    await db.packs.bulkPut(w.packs);
    await db.entities.bulkPut(w.entities);
    await db.entityEdits.bulkPut(w.entityEdits);
    await db.settings.bulkPut(w.settings);
    if (plan.knowledgeChanged) await bumpRevision(db);
    return plan;
  });
}
