import { AliasFlag, relatedOf, type CompiledMatcher } from './compiled';
import { charTables } from './fold';
import type { RawMatch } from './scan';

/** Why an ambiguous alias went to the entity it did. */
export interface Resolution {
  /** The other entities the alias could have meant. */
  alternatives: number[];
  /** An entity mentioned elsewhere on the page that tipped the choice, if any. */
  supportedBy?: number;
}

/** A mention: a span of the text stream and the entity it names. */
export interface Mention {
  start: number;
  end: number;
  entity: number;
  flags: number;
  resolution?: Resolution;
}

/**
 * Turns raw matches into mentions: picks one entity for an ambiguous alias by the page's
 * other, unambiguous mentions of related entities, and keeps a common-word alias
 * (`Turkey`) only where a capital mid-sentence or that context says it is a name.
 */
export function resolveMentions(m: CompiledMatcher, text: string, raw: RawMatch[], breaks?: ArrayLike<number>): Mention[] {
  const onPage = new Set<number>();
  for (const r of raw) {
    if (r.payloads.length === 0 || !singleEntity(m, r.payloads)) continue;
    if (r.payloads.some((p) => m.payFlags[p] & (AliasFlag.Common | AliasFlag.Stop))) continue;
    onPage.add(m.payEntity[r.payloads[0]]);
  }
  const support = (entity: number): number | undefined => {
    for (const other of relatedOf(m, entity)) if (onPage.has(other)) return other;
    return undefined;
  };
  const breakSet = breaks ? new Set(Array.from(breaks)) : undefined;

  const out: Mention[] = [];
  for (const r of raw) {
    if (r.payloads.length === 0) continue;
    let chosen = r.payloads[0];
    let supportedBy: number | undefined;
    const single = singleEntity(m, r.payloads);
    if (!single || m.payFlags[chosen] & AliasFlag.Common) {
      let bestScore = -1;
      for (const p of r.payloads) {
        const s = support(m.payEntity[p]);
        const score = s === undefined ? 0 : 1;
        if (score > bestScore) {
          bestScore = score;
          chosen = p;
          supportedBy = s;
        }
      }
    }
    const flags = m.payFlags[chosen];
    if (flags & AliasFlag.Stop) continue;
    if (flags & AliasFlag.Common && supportedBy === undefined) {
      if (sentenceInitial(text, r.start, breakSet) || followedByCapital(text, r.end)) continue;
    }
    const entity = m.payEntity[chosen];
    const mention: Mention = { start: r.start, end: r.end, entity, flags };
    if (!single) {
      const alternatives = [...new Set(r.payloads.map((p) => m.payEntity[p]))].filter((e) => e !== entity);
      mention.resolution = { alternatives, supportedBy };
    }
    out.push(mention);
  }
  return out;
}

/** Whether all payloads of a match name the same entity (the usual case: no allocation). */
function singleEntity(m: CompiledMatcher, payloads: number[]): boolean {
  for (let k = 1; k < payloads.length; k++) if (m.payEntity[payloads[k]] !== m.payEntity[payloads[0]]) return false;
  return true;
}

function sentenceInitial(text: string, start: number, breaks?: Set<number>): boolean {
  let k = start - 1;
  while (k >= 0 && !breaks?.has(k + 1) && /[\s"“‘'(]/.test(text[k])) k--;
  return k < 0 || breaks?.has(k + 1) === true || /[.!?:]/.test(text[k]);
}

function followedByCapital(text: string, end: number): boolean {
  const { fold, foldCased } = charTables();
  if (text[end] !== ' ') return false;
  const c = text.charCodeAt(end + 1);
  return !Number.isNaN(c) && foldCased[c] !== fold[c];
}
