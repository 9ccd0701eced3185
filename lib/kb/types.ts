/** The kinds of thing Gloss knows about. */
export type EntityType = 'person' | 'country' | 'city' | 'organization' | 'treaty' | 'event';

/** One key fact on a card, such as "Capital: Ulaanbaatar". */
export interface Fact {
  label: string;
  value: string;
  /** When the fact was last known to be true, if it differs from the entity's. */
  asOf?: string;
}

/** A link the card offers, such as the entity's Wikipedia article. */
export interface Link {
  label: string;
  url: string;
}

/**
 * An alias with the way it may match. `demonym` links an adjective or people-noun to its
 * entity; `cased` needs a capital letter (`China`, not "fine china"); `common` marks an
 * alias that is also an ordinary word or a first name, so it needs a capital and, where
 * the sentence does not settle it, context; `stop` is a phrase that is *not* this entity
 * although it contains one of its names ("Latin American"), so it blocks the shorter match.
 */
export interface Alias {
  text: string;
  demonym?: boolean;
  cased?: boolean;
  common?: boolean;
  stop?: boolean;
}

/** An entity of the knowledge base as packs carry it. */
export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  aliases: (string | Alias)[];
  summary: string;
  facts: Fact[];
  related: string[];
  links?: Link[];
  source: string;
  license: string;
  asOf: string;
}

/** A pack: a named, versioned set of entities that the reader can turn on and off. */
export interface Pack {
  id: string;
  name: string;
  version: string;
  description?: string;
  entities: Entity[];
}

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'country', 'city', 'organization', 'treaty', 'event'];
