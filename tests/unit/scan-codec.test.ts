import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../lib/kb/types';
import type { Mention } from '../../lib/matcher';
import { MENTION_STRIDE, decodeScan, encodeScan, scanEntityIds } from '../../lib/scan-codec';

const vocab = {
  entityCount: 10,
  entityId: (e: number) => `org:e${e}`,
  entityName: (e: number) => `Entity ${e}`,
  entityType: (e: number) => e % ENTITY_TYPES.length,
};

/** Mentions in text order, without overlaps, some ambiguous. */
const mentions = fc
  .array(
    fc.record({
      gap: fc.nat({ max: 50 }),
      length: fc.integer({ min: 1, max: 30 }),
      entity: fc.nat({ max: 9 }),
      alias: fc.nat({ max: 20 }),
      flags: fc.nat({ max: 31 }),
      alternatives: fc.array(fc.nat({ max: 9 }), { maxLength: 3 }),
      supportedBy: fc.option(fc.nat({ max: 9 }), { nil: undefined }),
    }),
    { maxLength: 60 },
  )
  .map((ms) => {
    let at = 0;
    return ms.map((m): Mention => {
      const start = at + m.gap;
      at = start + m.length;
      const base = { start, end: at, entity: m.entity, alias: m.alias, flags: m.flags };
      return (
        m.alternatives.length ? { ...base, resolution: { alternatives: m.alternatives, supportedBy: m.supportedBy } } : base
      ) as Mention;
    });
  });

describe('the scan answer on the wire', () => {
  it('decodes, through JSON, to the mentions, entities and resolutions that were found', () => {
    fc.assert(
      fc.property(mentions, (found) => {
        const res = decodeScan(JSON.parse(JSON.stringify(encodeScan('on', found, vocab))));
        expect(res.mentions.length).toBe(found.length * MENTION_STRIDE);
        found.forEach((m, i) => {
          const o = i * MENTION_STRIDE;
          expect([res.mentions[o], res.mentions[o + 1], res.mentions[o + 3]]).toEqual([m.start, m.end, m.flags]);
          const entity = res.entities[res.mentions[o + 2]];
          expect(entity.id).toBe(`org:e${m.entity}`);
          expect(entity.type).toBe(ENTITY_TYPES[m.entity % ENTITY_TYPES.length]);
          const r = res.resolutions.get(i);
          if (!m.resolution) {
            expect(r).toBeUndefined();
          } else {
            // The card explains an ambiguous mention before its data arrives: those entities carry names.
            expect(entity.name).toBe(`Entity ${m.entity}`);
            expect(r!.alternatives).toEqual(
              m.resolution.alternatives.map((e) => ({ id: `org:e${e}`, name: `Entity ${e}`, type: ENTITY_TYPES[e % ENTITY_TYPES.length] })),
            );
            expect(r!.supportedBy?.name).toBe(m.resolution.supportedBy === undefined ? undefined : `Entity ${m.resolution.supportedBy}`);
          }
        });
      }),
    );
  });

  it('is several times smaller than the objects it stands for', () => {
    const found = Array.from(
      { length: 1000 },
      (_, i) => ({ start: i * 20, end: i * 20 + 12, entity: i % 300, alias: i % 400, flags: 0 }) as Mention,
    );
    const wire = JSON.stringify(encodeScan('on', found, { ...vocab, entityCount: 300 })).length;
    const naive = JSON.stringify(
      found.map((m) => ({ ...m, entity: { id: vocab.entityId(m.entity), name: vocab.entityName(m.entity) } })),
    ).length;
    expect(wire).toBeLessThan(naive / 4);
  });

  it('lists an answer’s entity ids, up to a limit, without decoding the mentions', () => {
    const found = [0, 1, 2, 1].map((e, i) => ({ start: i * 10, end: i * 10 + 5, entity: e, alias: e, flags: 0 }) as Mention);
    expect(scanEntityIds(encodeScan('on', found, vocab), 2)).toEqual(['org:e0', 'org:e1']);
    expect(decodeScan(encodeScan('site-off', [], vocab))).toMatchObject({ state: 'site-off', entities: [] });
  });
});
