import type { Matcher } from './compiled';
import { resolveMentions, type Mention } from './resolve';
import { scanText } from './scan';

export {
  AliasFlag,
  MATCHER_FORMAT,
  matcherBytes,
  matcherInUse,
  storedMatcher,
  type CompiledMatcher,
  type Matcher,
  type MatcherInput,
} from './compiled';
export { compileMatcher } from './compile';
export type { Mention, Resolution } from './resolve';

/** Finds the mentions in a text stream: scan, then settle ambiguous and common-word aliases. */
export function findMentions(m: Matcher, text: string, breaks?: ArrayLike<number>): Mention[] {
  return resolveMentions(m, text, scanText(m, text, breaks), breaks);
}
