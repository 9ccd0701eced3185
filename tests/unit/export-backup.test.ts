import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../lib/annotations/types';
import { GlossDB } from '../../lib/db';
import { exportAll } from '../../lib/export';
import { applyImport, previewImport } from '../../lib/export/apply-import';
import { BACKUP_VERSION } from '../../lib/export/backup';
import { parseImport } from '../../lib/export/import-file';
import { kbRevision } from '../../lib/kb/packs';
import { highlight } from './support/annotations';
import { arbContent, dump, ownPack, seed } from './support/export-data';
import { freshDbEach } from './support/db';

const NOW = new Date('2026-11-27T12:00:00Z');
let db: GlossDB;
freshDbEach((d) => (db = d));

/** Every table but the matcher cache and the revision counter, which a backup leaves out. */
async function content(d: GlossDB) {
  const all = await dump(d);
  delete all.matcherCache;
  all.settings = all.settings.filter((s) => (s as { key: string }).key !== 'kbRevision');
  return all;
}

async function wipe(d: GlossDB) {
  await Promise.all(d.tables.map((t) => t.clear()));
}

async function restore(text: string) {
  const parsed = parseImport(text, NOW);
  expect(parsed.issues).toEqual([]);
  return applyImport(db, parsed);
}

describe('full backup', () => {
  it('holds everything of the reader’s, and not the starter pack, the matcher cache or the revision', async () => {
    await seed(db);
    const file = await exportAll(db, 'backup', NOW);
    expect(file).toMatchObject({ filename: 'gloss-backup-2026-11-27.json', mime: 'application/json' });
    const backup = JSON.parse(file.data as string);
    expect(backup).toMatchObject({ format: 'gloss-backup', version: BACKUP_VERSION, exported: NOW.toISOString() });
    expect(backup.highlights).toHaveLength(13);
    expect(backup.notes).toHaveLength(4);
    expect(backup.pages).toHaveLength(1);
    expect(backup.packs.map((p: { id: string }) => p.id)).toEqual(['user']);
    expect(backup.entities.map((e: { id: string }) => e.id)).toEqual(['user:org:a', 'user:person:b']);
    expect(backup.entityEdits).toHaveLength(1);
    expect(backup.settings.map((s: { key: string }) => s.key).sort()).toEqual(['paused', 'sitesOff']);
  });

  it('round-trips the seeded database record for record, and marks the knowledge base changed', async () => {
    await seed(db);
    const before = await content(db);
    const file = await exportAll(db, 'backup', NOW);
    await wipe(db);
    // The starter pack comes back with a new install, before any restore.
    await db.packs.put({ id: 'starter', name: 'Starter', version: '3', enabled: true, entityCount: 1, installedAt: 1 });
    await db.entities.put({ ...ownPack().entities[0], id: 'country:mn', type: 'country', name: 'Mongolia', pack: 'starter', rank: 0 });
    await restore(file.data as string);
    expect(await content(db)).toEqual(before);
    expect(await kbRevision(db)).toBe(1);
  });

  it('exports past values stored before imports were checked, leaving out only those, so the backup imports again', async () => {
    await seed(db);
    await db.settings.bulkPut([
      { key: 'sitesOff', value: 5 },
      { key: 'paused', value: 'yes' },
    ]);
    await db.entityEdits.bulkPut([
      { id: 'country:aus', changes: { aliases: 5 } as never, updated: 1 },
      { id: 'country:mn', changes: { name: {} } as never, updated: 1 },
    ]);
    for (const format of ['backup', 'w3c', 'markdown', 'csv'] as const) expect((await exportAll(db, format, NOW)).data).toBeTruthy();
    const backup = JSON.parse((await exportAll(db, 'backup', NOW)).data as string);
    expect(backup.settings).toEqual([]);
    expect(backup.entityEdits).toEqual([]);
    expect(backup.highlights).toHaveLength(13);
    await wipe(db);
    await restore(JSON.stringify(backup));
    expect(await db.highlights.count()).toBe(13);
  });

  it('round-trips random highlights, notes, tags, entity edits and settings (property)', async () => {
    await fc.assert(
      fc.asyncProperty(arbContent, async ({ highlights, notes, edits, settings }) => {
        await wipe(db);
        const own = ownPack();
        await db.highlights.bulkPut(highlights);
        await db.notes.bulkPut(notes);
        await db.entityEdits.bulkPut(edits);
        await db.settings.bulkPut(settings);
        await db.packs.put(own.pack);
        await db.entities.bulkPut(own.entities);
        await db.pages.bulkPut(
          highlights.map((h) => ({ source: h.source, title: h.title, lastRead: h.updated, entities: ['user:org:a'] })),
        );
        const before = await content(db);
        const file = await exportAll(db, 'backup', NOW);
        await wipe(db);
        await restore(file.data as string);
        expect(await content(db)).toEqual(before);
      }),
      { numRuns: 50 },
    );
  });
});

describe('merging an import', () => {
  const older = highlight({ note: 'old', updated: '2026-11-01T10:00:00.000Z' });
  const newer = highlight({ note: 'new', updated: '2026-11-02T10:00:00.000Z' });

  async function backupOf(h: Highlight[]): Promise<string> {
    const other = new GlossDB(`backup-source-${crypto.randomUUID()}`);
    await other.highlights.bulkPut(h);
    const file = await exportAll(other, 'backup', NOW);
    other.close();
    await other.delete();
    return file.data as string;
  }

  it('counts new, updated and unchanged records and lists them before writing', async () => {
    const untouched = highlight({ id: 'urn:uuid:2', note: 'same' });
    await db.highlights.bulkPut([older, untouched]);
    const before = await dump(db);
    const parsed = parseImport(await backupOf([newer, untouched, highlight({ id: 'urn:uuid:3' })]), NOW);
    const plan = await previewImport(db, parsed);
    expect(plan.counts).toEqual({ new: 1, updated: 1, unchanged: 1, invalid: 0 });
    expect(plan.items.map((i) => [i.key, i.change])).toEqual([
      [older.id, 'updated'],
      ['urn:uuid:2', 'unchanged'],
      ['urn:uuid:3', 'new'],
    ]);
    expect(await dump(db)).toEqual(before);
  });

  it('keeps the reader’s newer copy, takes the file’s newer one, and never duplicates', async () => {
    await db.highlights.put(newer);
    await applyImport(db, parseImport(await backupOf([older]), NOW));
    expect(await db.highlights.toArray()).toEqual([newer]);

    await db.highlights.put(older);
    const text = await backupOf([newer]);
    await applyImport(db, parseImport(text, NOW));
    const second = await applyImport(db, parseImport(text, NOW));
    expect(await db.highlights.toArray()).toEqual([newer]);
    expect(second.counts).toEqual({ new: 0, updated: 0, unchanged: 1, invalid: 0 });
  });

  it('refuses an entity whose id belongs to another of the reader’s packs', async () => {
    const own = ownPack();
    await db.entities.put({ ...own.entities[0], pack: 'other' });
    const before = await dump(db);
    const backup = { format: 'gloss-backup', version: 1, packs: [own.pack], entities: own.entities };
    const parsed = parseImport(JSON.stringify(backup), NOW);
    await expect(applyImport(db, parsed)).rejects.toThrow(/entities \(user:org:a\) field "pack": this id belongs to your pack “other”/);
    expect(await dump(db)).toEqual(before);
  });
});
