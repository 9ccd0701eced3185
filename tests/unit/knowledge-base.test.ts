import { describe, expect, it } from 'vitest';
import { GlossDB } from '../../lib/db';
import { AliasFlag } from '../../lib/matcher';
import { loadMatcher } from '../../lib/kb/matcher-store';
import { enabledEntities, installPack, kbRevision, setPackEnabled } from '../../lib/kb/packs';
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
