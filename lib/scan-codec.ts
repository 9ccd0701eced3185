import { ENTITY_TYPES } from './kb/types';
import type { Mention } from './matcher';
import type { PageEntity, PageState } from './messaging';

/**
 * The scan's answer as it crosses from the background to the page: compact, because
 * extension messaging serialises to JSON and a 1 MB page can have 25,000 mentions. Numbers
 * are small (gaps, not offsets); entity ids are one joined string; the text that matched is
 * on the page already, so it is not sent back; names go only where the card needs them
 * before its data arrives (the entities an ambiguous mention could have been).
 */
export interface ScanResponse {
  state: PageState;
  /** Per mention, `WIRE_STRIDE` numbers: gap from the previous mention's end, length, entity, flags. */
  mentions: number[];
  /** Per ambiguous mention: its index, the entity that settled it (or -1), how many alternatives, then theirs. */
  resolutions: number[];
  /** Entity ids joined by newlines; types one digit each (into `ENTITY_TYPES`). */
  entityIds: string;
  entityTypes: string;
  /** Names by entity ref, for the entities `resolutions` names. */
  names: Record<number, string>;
}

const WIRE_STRIDE = 4;

/** Values per mention in `ScanResult.mentions`: start, end, entity, flags. */
export const MENTION_STRIDE = 4;

/** How an ambiguous mention was read: the other entities it could be, and what tipped it. */
export interface ResolutionView {
  alternatives: PageEntity[];
  supportedBy?: PageEntity;
}

/** The scan's answer as the page side uses it. */
export interface ScanResult {
  state: PageState;
  /** `MENTION_STRIDE` numbers per mention, offsets into the stream that was scanned. */
  mentions: Int32Array;
  /** The entities mentioned; `name` is empty where the answer left it out (the card fetches it). */
  entities: PageEntity[];
  /** By mention index, for the mentions that were ambiguous. */
  resolutions: Map<number, ResolutionView>;
}

/** What encoding needs to know of the matcher's entities. */
export interface ScanVocabulary {
  entityCount: number;
  entityId(e: number): string;
  entityName(e: number): string;
  entityType(e: number): number;
}

/** An answer with nothing found (Gloss is off here, or paused). */
export function emptyScan(state: PageState): ScanResponse {
  return { state, mentions: [], resolutions: [], entityIds: '', entityTypes: '', names: {} };
}

/** Encodes the matcher's mentions (in text order) for the page. */
export function encodeScan(state: PageState, found: Mention[], vocab: ScanVocabulary): ScanResponse {
  // A typed array, not a map, for the refs: 25,000 mentions are encoded in a few milliseconds.
  const entityRef = new Int32Array(vocab.entityCount).fill(-1);
  const ids: string[] = [];
  const types: number[] = [];
  const ref = (e: number) => {
    let r = entityRef[e];
    if (r < 0) {
      r = entityRef[e] = ids.length;
      ids.push(vocab.entityId(e));
      types.push(vocab.entityType(e));
    }
    return r;
  };
  const names: Record<number, string> = {};
  const named = (e: number) => {
    const r = ref(e);
    names[r] ??= vocab.entityName(e);
    return r;
  };
  const mentions: number[] = new Array(found.length * WIRE_STRIDE);
  const resolutions: number[] = [];
  let last = 0;
  for (let i = 0, o = 0; i < found.length; i++, o += WIRE_STRIDE) {
    const m = found[i];
    mentions[o] = m.start - last;
    mentions[o + 1] = m.end - m.start;
    mentions[o + 3] = m.flags;
    last = m.end;
    if (m.resolution) {
      const { alternatives, supportedBy } = m.resolution;
      mentions[o + 2] = named(m.entity);
      resolutions.push(i, supportedBy === undefined ? -1 : named(supportedBy), alternatives.length);
      for (const e of alternatives) resolutions.push(named(e));
    } else {
      mentions[o + 2] = ref(m.entity);
    }
  }
  return { state, mentions, resolutions, entityIds: ids.join('\n'), entityTypes: types.join(''), names };
}

/** Decodes an answer for the page side. */
export function decodeScan(res: ScanResponse): ScanResult {
  const entities: PageEntity[] = (res.entityIds ? res.entityIds.split('\n') : []).map((id, i) => ({
    id,
    name: res.names[i] ?? '',
    type: ENTITY_TYPES[Number(res.entityTypes[i])],
  }));
  const count = res.mentions.length / WIRE_STRIDE;
  const mentions = new Int32Array(count * MENTION_STRIDE);
  let last = 0;
  for (let o = 0; o < res.mentions.length; o += WIRE_STRIDE) {
    const start = last + res.mentions[o];
    last = start + res.mentions[o + 1];
    mentions[o] = start;
    mentions[o + 1] = last;
    mentions[o + 2] = res.mentions[o + 2];
    mentions[o + 3] = res.mentions[o + 3];
  }
  const resolutions = new Map<number, ResolutionView>();
  const r = res.resolutions;
  for (let k = 0; k < r.length; k += 3 + r[k + 2]) {
    resolutions.set(r[k], {
      alternatives: r.slice(k + 3, k + 3 + r[k + 2]).map((e) => entities[e]),
      supportedBy: r[k + 1] >= 0 ? entities[r[k + 1]] : undefined,
    });
  }
  return { state: res.state, mentions, entities, resolutions };
}

/** The ids of an answer's entities, up to `max`, without decoding its mentions (for the background's own records). */
export function scanEntityIds(res: ScanResponse, max: number): string[] {
  return res.entityIds ? res.entityIds.split('\n', max) : [];
}
