import { AliasFlag, type AliasInput, type MatcherInput } from '../matcher/compiled';
import { ENTITY_TYPES, type Alias, type Entity } from './types';

/**
 * An alias written in capitals only (letters, with digits or dots allowed) is an acronym
 * and matches case-sensitively, so `US` never matches "us" and `SCO` never "sco".
 */
export function isAcronym(text: string): boolean {
  // The cheap tests first: most aliases of a large pack fail on length alone.
  if (text.length > 12 || text !== text.toUpperCase()) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 1 && /^[\p{Lu}\p{N}.&\- ]+$/u.test(text) && letters === letters.toUpperCase();
}

/** Normalises an alias given as a plain string or an object. */
export function aliasOf(a: string | Alias): Alias {
  return typeof a === 'string' ? { text: a } : a;
}

/** Builds the matcher's input from entities listed in priority order (earlier wins ties). */
export function matcherInput(entities: Pick<Entity, 'id' | 'name' | 'type' | 'aliases' | 'related'>[]): MatcherInput {
  const aliases: AliasInput[] = [];
  entities.forEach((e, entity) => {
    if (e.aliases.length === 0) {
      // The usual entity of a large pack: its name is its only alias.
      const text = e.name.trim();
      if (text) aliases.push({ text, entity, flags: isAcronym(text) ? AliasFlag.CaseSensitive : 0 });
      return;
    }
    // The name and an alias object with the same text are one alias with the object's rules.
    const byText = new Map<string, Alias>();
    for (const a of [{ text: e.name } as Alias, ...e.aliases.map(aliasOf)]) {
      const text = a.text.trim();
      if (text) byText.set(text, { ...byText.get(text), ...a, text });
    }
    for (const a of byText.values()) {
      let flags = 0;
      if (isAcronym(a.text)) flags |= AliasFlag.CaseSensitive;
      if (a.demonym) flags |= AliasFlag.Demonym;
      if (a.common) flags |= AliasFlag.Common;
      if (a.cased) flags |= AliasFlag.Cased;
      if (a.stop) flags |= AliasFlag.Stop;
      aliases.push({ text: a.text, entity, flags });
    }
  });
  return {
    entities: entities.map((e) => ({ id: e.id, name: e.name, type: Math.max(0, ENTITY_TYPES.indexOf(e.type)), related: e.related })),
    aliases,
  };
}
