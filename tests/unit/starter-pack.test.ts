import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Pack } from '../../lib/kb/types';
import { buildStarterPack } from '../../scripts/kb/build-pack';
import { readSources } from '../../scripts/kb-build';

const ROOT = resolve(import.meta.dirname, '../..');
const shipped = JSON.parse(readFileSync(resolve(ROOT, 'public/packs/starter.json'), 'utf8')) as Pack;
const count = (pred: (e: Pack['entities'][number]) => boolean) => shipped.entities.filter(pred).length;

describe('starter pack', () => {
  it('is what npm run kb:build makes from the pinned inputs, byte for byte', () => {
    const { pack } = buildStarterPack(readSources(ROOT));
    expect(JSON.stringify(pack)).toBe(JSON.stringify(shipped));
  });

  it('holds every state, capitals and major cities, 150+ organisations, treaties and events, 300+ people', () => {
    expect(count((e) => e.type === 'country')).toBeGreaterThanOrEqual(195);
    expect(count((e) => e.type === 'city')).toBeGreaterThanOrEqual(400);
    expect(count((e) => ['organization', 'treaty', 'event'].includes(e.type))).toBeGreaterThanOrEqual(150);
    expect(count((e) => e.type === 'person')).toBeGreaterThanOrEqual(300);
  });

  it('names every entity of the seed article', () => {
    const gold = JSON.parse(readFileSync(resolve(ROOT, 'tests/gold/seed-article.json'), 'utf8')) as { mentions: [string, string][] };
    const ids = new Set(shipped.entities.map((e) => e.id));
    expect([...new Set(gold.mentions.map(([, id]) => id))].filter((id) => !ids.has(id))).toEqual([]);
  });

  it('gives every entity a summary, a source, a licence and an "as of" date, and only known related ids', () => {
    const ids = new Set(shipped.entities.map((e) => e.id));
    for (const e of shipped.entities) {
      expect(e.summary.length, e.id).toBeGreaterThan(20);
      expect(e.source && e.license, e.id).toBeTruthy();
      expect(e.asOf, e.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(
        e.related.filter((r) => !ids.has(r)),
        e.id,
      ).toEqual([]);
    }
  });

  it('has unique ids', () => {
    expect(new Set(shipped.entities.map((e) => e.id)).size).toBe(shipped.entities.length);
  });
});
