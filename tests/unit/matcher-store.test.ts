import { describe, expect, it } from 'vitest';
import { GlossDB } from '../../lib/db';
import { loadMatcher } from '../../lib/kb/matcher-store';
import { installPack, kbRevision } from '../../lib/kb/packs';
import type { CompiledMatcher } from '../../lib/matcher';
import { freshDbEach } from './support/db';

let db: GlossDB;
freshDbEach((d) => (db = d));

const mongolia = {
  id: 'country:mng',
  type: 'country' as const,
  name: 'Mongolia',
  aliases: [],
  summary: 'Mongolia.',
  facts: [],
  related: [],
  source: 'test',
  license: 'CC0-1.0',
  asOf: '2025-01-01',
};

describe('matcher cache layout', () => {
  it('compiles again over a matcher cached in an older layout, and caches the new one', async () => {
    await installPack(db, { id: 'starter', name: 'Starter', version: '1', entities: [mongolia] });
    const revision = String(await kbRevision(db));
    const old = { format: 1, nodeCount: 1, aliases: ['Mongolia'] } as unknown as CompiledMatcher;
    await db.matcherCache.put({ revision, matcher: old, compiledAt: 0 });
    const first = await loadMatcher(db);
    expect(first.timing.source).toBe('compiled');
    expect(first.matcher.format).toBe(5);
    const second = await loadMatcher(db);
    expect(second.timing.source).toBe('cache');
    expect(second.matcher.aliasCount).toBe(1);
  });
});
