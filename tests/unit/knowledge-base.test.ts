import { describe, expect, it } from 'vitest';
import { GlossDB } from '../../lib/db';
import { AliasFlag } from '../../lib/matcher';
import { loadMatcher } from '../../lib/kb/matcher-store';
import { PackFileError } from '../../lib/kb/pack-file';
import { enabledEntities, installPack, kbRevision, removePack, setPackEnabled } from '../../lib/kb/packs';
import { KnowledgeService } from '../../lib/kb/service';
import { setPaused, setSiteOff } from '../../lib/kb/site-settings';
import type { Entity, Pack } from '../../lib/kb/types';
import { highlight, note } from './support/annotations';
import { MENTION_STRIDE, decodeScan } from '../../lib/scan-codec';
import { freshDbEach } from './support/db';

function entity(id: string, name: string, extra: Partial<Entity> = {}): Entity {
  return {
    id,
    type: 'country',
    name,
    aliases: [],
    summary: `${name}.`,
    facts: [],
    related: [],
    source: 'test',
    license: 'CC0-1.0',
    asOf: '2025-01-01',
    ...extra,
  };
}

const pack = (version: string, entities: Entity[]): Pack => ({ id: 'starter', name: 'Starter', version, entities });

let db: GlossDB;
freshDbEach((d) => (db = d));

describe('packs', () => {
  it('installs a pack once per version and bumps the revision each time it changes', async () => {
    expect(await installPack(db, pack('1', [entity('country:mng', 'Mongolia')]))).toBe(true);
    const r1 = await kbRevision(db);
    expect(await installPack(db, pack('1', [entity('country:mng', 'Mongolia')]))).toBe(false);
    expect(await kbRevision(db)).toBe(r1);
    await installPack(db, pack('2', [entity('country:chn', 'China')]));
    expect(await kbRevision(db)).toBeGreaterThan(r1);
    expect((await db.entities.toArray()).map((e) => e.id)).toEqual(['country:chn']);
  });

  it('an upgrade keeps the reader’s edits, notes, highlights and pack switch', async () => {
    await installPack(db, pack('1', [entity('country:mng', 'Mongolia')]));
    await db.entityEdits.put({ id: 'country:mng', changes: { summary: 'My own summary.' }, updated: 1 });
    await db.notes.put(note('entity', 'country:mng'));
    await db.highlights.put(highlight({ id: 'h1', source: 'https://example.com/' }));
    await setPackEnabled(db, 'starter', false);
    await installPack(db, pack('2', [entity('country:mng', 'Mongolia', { summary: 'New text.' })]));
    expect(await db.entityEdits.get('country:mng')).toMatchObject({ changes: { summary: 'My own summary.' } });
    expect(await db.notes.count()).toBe(1);
    expect(await db.highlights.count()).toBe(1);
    expect((await db.packs.get('starter'))?.enabled).toBe(false);
  });

  it('lists entities of enabled packs only, the reader’s edits applied', async () => {
    await installPack(db, pack('1', [entity('country:mng', 'Mongolia')]));
    await db.entityEdits.put({ id: 'country:mng', changes: { name: 'Mongol Uls' }, updated: 1 });
    expect((await enabledEntities(db)).map((e) => e.name)).toEqual(['Mongol Uls']);
    await setPackEnabled(db, 'starter', false);
    expect(await enabledEntities(db)).toEqual([]);
  });
});

describe('packs never take over what they do not own', () => {
  const other = (entities: Entity[]): Pack => ({ id: 'mine', name: 'My pack', version: '1', entities });

  it('refuses a pack with another pack’s entity id, naming the entity, and changes nothing', async () => {
    await installPack(db, pack('1', [entity('country:aus', 'Australia'), entity('country:mng', 'Mongolia')]));
    const before = { entities: await db.entities.toArray(), packs: await db.packs.toArray(), revision: await kbRevision(db) };
    const taking = installPack(db, other([entity('country:new', 'Elsewhere'), entity('country:aus', 'Not Australia')]));
    await expect(taking).rejects.toThrow(PackFileError);
    await expect(taking).rejects.toThrow(/country:aus \(“Australia”\) is already in the pack “Starter”/);
    expect({ entities: await db.entities.toArray(), packs: await db.packs.toArray(), revision: await kbRevision(db) }).toEqual(before);
  });

  it('removing a pack keeps every other pack’s entities; notes and edits outlive a pack removed and added again', async () => {
    await installPack(db, pack('1', [entity('country:aus', 'Australia')]));
    await installPack(db, other([entity('mine:x', 'Xanadu')]));
    await db.notes.put(note('entity', 'mine:x'));
    await db.entityEdits.put({ id: 'mine:x', changes: { summary: 'My words.' }, updated: 1 });
    await removePack(db, 'mine');
    expect((await db.entities.toArray()).map((e) => e.id)).toEqual(['country:aus']);
    await installPack(db, other([entity('mine:x', 'Xanadu')]));
    const card = await new KnowledgeService(db).card('mine:x');
    expect(card?.summary).toBe('My words.');
    expect(await db.notes.get(note('entity', 'mine:x').id)).toBeDefined();
  });

  it('installs the built-in pack again when its rows are missing, taking back an id another pack took', async () => {
    await installPack(db, pack('1', [entity('country:aus', 'Australia'), entity('country:mng', 'Mongolia')]));
    // What an older Gloss left: a pack took over country:aus, then was removed with it.
    await db.entities.put({ ...entity('country:aus', 'Not Australia'), pack: 'mine', rank: 0 });
    await db.entities.delete('country:aus');
    expect(await installPack(db, pack('1', [entity('country:aus', 'Australia'), entity('country:mng', 'Mongolia')]))).toBe(true);
    expect(await db.entities.get('country:aus')).toMatchObject({ name: 'Australia', pack: 'starter' });
    expect(await installPack(db, pack('1', [entity('country:aus', 'Australia'), entity('country:mng', 'Mongolia')]))).toBe(false);
  });
});

describe('bad stored values are read around, not trusted', () => {
  it('builds the matcher and serves cards past edits of the wrong kind', async () => {
    await installPack(
      db,
      pack('1', [entity('country:aus', 'Australia'), entity('country:mng', 'Mongolia'), entity('country:fra', 'France')]),
    );
    await db.entityEdits.bulkPut([
      { id: 'country:aus', changes: { aliases: 5 } as never, updated: 1 },
      { id: 'country:mng', changes: { name: {} } as never, updated: 1 },
      { id: 'country:fra', changes: { summary: 'Edited.' }, updated: 1 },
    ]);
    const service = new KnowledgeService(db);
    const res = decodeScan(await service.scan({ text: 'Australia, Mongolia, France', breaks: [], url: 'https://news.example/a' }));
    expect(res.entities.map((e) => e.id)).toEqual(['country:aus', 'country:mng', 'country:fra']);
    expect(await service.card('country:mng')).toMatchObject({ name: 'Mongolia' });
    expect(await service.card('country:fra')).toMatchObject({ summary: 'Edited.' });
  });

  it('reads a setting of the wrong kind as its default, and switching a site off still works', async () => {
    await installPack(db, pack('1', [entity('country:mng', 'Mongolia')]));
    await db.settings.bulkPut([
      { key: 'sitesOff', value: 5 },
      { key: 'paused', value: 'yes' },
    ]);
    const service = new KnowledgeService(db);
    expect(decodeScan(await service.scan({ text: 'Mongolia', breaks: [], url: 'https://news.example/a' })).state).toBe('on');
    await setSiteOff(db, 'news.example', true);
    expect((await service.scan({ text: 'Mongolia', breaks: [], url: 'https://news.example/a' })).state).toBe('site-off');
  });
});

describe('schema', () => {
  it('opens an existing database of the same version without losing records', async () => {
    await installPack(db, pack('1', [entity('country:mng', 'Mongolia')]));
    await db.highlights.put(highlight({ id: 'h1', source: 'https://example.com/' }));
    db.close();
    const again = new GlossDB(db.name);
    expect(await again.entities.count()).toBe(1);
    expect(await again.highlights.get('h1')).toMatchObject({ source: 'https://example.com/' });
    again.close();
  });
});

describe('matcher cache', () => {
  it('compiles once per revision, then restores from IndexedDB', async () => {
    await installPack(db, pack('1', [entity('country:mng', 'Mongolia')]));
    const first = await loadMatcher(db);
    expect(first.timing.source).toBe('compiled');
    const second = await loadMatcher(db);
    expect(second.timing.source).toBe('cache');
    expect(second.matcher.entityIds).toEqual(['country:mng']);
    await installPack(db, pack('2', [entity('country:chn', 'China')]));
    const third = await loadMatcher(db);
    expect(third.timing.source).toBe('compiled');
    expect(await db.matcherCache.count()).toBe(1);
  });
});

describe('knowledge service', () => {
  it('scans a text stream into mentions of entities, and serves cards with names', async () => {
    await installPack(
      db,
      pack('1', [
        entity('country:mng', 'Mongolia', { aliases: [{ text: 'Mongolian', demonym: true }], related: ['country:chn'] }),
        entity('country:chn', 'China'),
      ]),
    );
    const service = new KnowledgeService(db);
    const res = decodeScan(await service.scan({ text: 'Mongolian and China', breaks: [], url: 'https://news.example/a' }));
    expect(res.state).toBe('on');
    expect([...res.mentions]).toEqual([0, 9, 0, AliasFlag.Demonym, 14, 19, 1, 0]);
    expect(res.entities.map((e) => [e.id, e.type])).toEqual([
      ['country:mng', 'country'],
      ['country:chn', 'country'],
    ]);
    const card = await service.card('country:mng');
    expect(card?.related).toEqual([{ id: 'country:chn', name: 'China', type: 'country' }]);
    expect(await service.card('country:nowhere')).toBeNull();
  });

  it('finds nothing on a site the reader switched off, or anywhere while paused', async () => {
    await installPack(db, pack('1', [entity('country:mng', 'Mongolia')]));
    const service = new KnowledgeService(db);
    await setSiteOff(db, 'news.example', true);
    expect((await service.scan({ text: 'Mongolia', breaks: [], url: 'https://news.example/a' })).state).toBe('site-off');
    expect(decodeScan(await service.scan({ text: 'Mongolia', breaks: [], url: 'https://other.example/a' })).mentions.length).toBe(
      MENTION_STRIDE,
    );
    await setPaused(db, true);
    expect((await service.scan({ text: 'Mongolia', breaks: [], url: 'https://other.example/a' })).state).toBe('paused');
  });
});
