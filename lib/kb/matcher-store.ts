import type { GlossDB } from '../db';
import { MATCHER_FORMAT, compileMatcher, matcherInUse, storedMatcher, type Matcher } from '../matcher';
import { matcherInput } from './matcher-input';
import { enabledEntities, kbRevision } from './packs';

/** How the matcher in use was obtained, for the bench and the options page. */
export interface MatcherTiming {
  revision: string;
  source: 'cache' | 'compiled';
  /** Reading the entities from the database (compiled only). */
  readMs?: number;
  /** Compiling the trie (compiled only). */
  compileMs?: number;
  /** Reading the compiled form back from IndexedDB (cache only). */
  restoreMs?: number;
  aliasCount: number;
  nodeCount: number;
}

/**
 * The matcher for the knowledge base's current revision: from the cache when one was
 * compiled for it, else compiled now and cached (older revisions are dropped).
 */
export async function loadMatcher(db: GlossDB): Promise<{ matcher: Matcher; timing: MatcherTiming }> {
  const revision = String(await kbRevision(db));
  const t0 = performance.now();
  const cached = await db.matcherCache.get(revision);
  // A matcher cached in an older layout (or folded by older tables) is compiled again.
  if (cached?.matcher.format === MATCHER_FORMAT) {
    const matcher = matcherInUse(cached.matcher);
    const timing: MatcherTiming = {
      revision,
      source: 'cache',
      restoreMs: performance.now() - t0,
      aliasCount: matcher.aliasCount,
      nodeCount: matcher.nodeCount,
    };
    return { matcher, timing };
  }
  const t1 = performance.now();
  const entities = await enabledEntities(db);
  const t2 = performance.now();
  const matcher = compileMatcher(matcherInput(entities));
  const t3 = performance.now();
  await db.transaction('rw', db.matcherCache, async () => {
    await db.matcherCache.clear();
    await db.matcherCache.put({ revision, matcher: storedMatcher(matcher), compiledAt: Date.now() });
  });
  const timing: MatcherTiming = {
    revision,
    source: 'compiled',
    readMs: t2 - t1,
    compileMs: t3 - t2,
    aliasCount: matcher.aliasCount,
    nodeCount: matcher.nodeCount,
  };
  return { matcher, timing };
}
