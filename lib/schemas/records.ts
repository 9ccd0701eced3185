import * as v from 'valibot';
import { HIGHLIGHT_COLORS, noteId } from '../annotations/types';
import { isWebSource } from '../annotations/web-source';
import { STARTER_PACK } from '../export/bundle';
import { DATE_TIME, IRI } from '../export/record-checks';
import { ENTITY_TYPES } from '../kb/types';

// One schema per record Gloss stores, shared by imports and by the defensive reads of
// stored values. Valibot validates without `eval`, as the extension pages' CSP requires, and
// its schemas convert to JSON Schema (`@valibot/to-json-schema`) for the files of issue #9.

const nonEmpty = v.pipe(v.string(), v.minLength(1, 'must not be empty'));
const iri = v.pipe(nonEmpty, v.regex(IRI, 'must be an absolute IRI such as https://… or urn:…'));
const dateTime = v.pipe(
  nonEmpty,
  v.regex(DATE_TIME, 'must be an ISO 8601 date-time such as 2026-11-27T10:00:00Z'),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'must be a real date and time'),
);
const notWhole = (issue: v.BaseIssue<unknown>) => `must be a whole number ≥ 0, not ${JSON.stringify(issue.input)}`;
const wholeNumber = v.pipe(v.number(), v.integer(notWhole), v.minValue(0, notWhole));
const textList = v.array(v.string());

/** A page a highlight or page note is on: an http, https or file address, never `data:` or `javascript:`. */
export const webSource = v.pipe(
  iri,
  v.check(isWebSource, 'must be an http, https or file address; Gloss never opens other kinds (data:, javascript:, …)'),
);

/** A highlight as stored and as a backup carries it. */
export const highlightSchema = v.pipe(
  v.looseObject({
    id: iri,
    source: webSource,
    title: v.string(),
    quote: v.looseObject({ type: v.literal('TextQuoteSelector'), exact: nonEmpty, prefix: v.string(), suffix: v.string() }),
    position: v.looseObject({ type: v.literal('TextPositionSelector'), start: wholeNumber, end: wholeNumber }),
    color: v.picklist(HIGHLIGHT_COLORS),
    note: v.string(),
    tags: textList,
    created: dateTime,
    updated: dateTime,
    orphan: v.optional(v.boolean()),
  }),
  v.forward(
    v.check((h) => h.position.end >= h.position.start, 'must not be before position.start'),
    ['position', 'end'],
  ),
);

const noteFields = { id: nonEmpty, title: v.string(), text: v.string(), tags: textList, created: dateTime, updated: dateTime };

/** A page or entity note as stored and as a backup carries it. */
export const noteSchema = v.pipe(
  v.variant('kind', [
    v.looseObject({ kind: v.literal('page'), target: webSource, ...noteFields }),
    v.looseObject({ kind: v.literal('entity'), target: nonEmpty, ...noteFields }),
  ]),
  v.forward(
    v.check((n) => n.id === noteId(n.kind, n.target), 'must be the note id of this kind and target'),
    ['id'],
  ),
);

/** A page the reader has annotated. */
export const pageSchema = v.looseObject({ source: webSource, title: v.string(), lastRead: dateTime, entities: textList });

const alias = v.union([
  v.string(),
  v.looseObject({
    text: v.string(),
    demonym: v.optional(v.boolean()),
    cased: v.optional(v.boolean()),
    common: v.optional(v.boolean()),
    stop: v.optional(v.boolean()),
  }),
]);

const webLink = v.pipe(
  v.string(),
  v.check((url) => /^https?:\/\//i.test(url), 'must be an http or https address'),
);

/** Every field of an entity but its id, as Gloss stores it. */
const entityFields = {
  type: v.picklist(ENTITY_TYPES),
  name: v.pipe(
    v.string(),
    v.check((name) => name.trim().length > 0, 'must not be empty'),
  ),
  aliases: v.array(alias),
  summary: v.string(),
  facts: v.array(v.looseObject({ label: v.string(), value: v.string(), asOf: v.optional(v.string()) })),
  related: textList,
  links: v.optional(v.array(v.looseObject({ label: v.string(), url: webLink }))),
  source: v.string(),
  license: v.string(),
  asOf: v.string(),
};

/** A pack the reader installed, as a backup carries it. */
export const packRecordSchema = v.looseObject({
  id: nonEmpty,
  name: nonEmpty,
  version: nonEmpty,
  enabled: v.boolean(),
  entityCount: wholeNumber,
  installedAt: v.pipe(v.number(), v.finite()),
});

/** An entity of a reader's own pack, as a backup carries it. */
export const storedEntitySchema = v.looseObject({ id: nonEmpty, ...entityFields, pack: nonEmpty, rank: wholeNumber });

/** An entity of a pack file: id, type and name, the rest optional (Gloss fills it in). */
export const packEntitySchema = v.looseObject({
  id: nonEmpty,
  ...v.partial(v.object(entityFields)).entries,
  type: entityFields.type,
  name: entityFields.name,
});

/**
 * The reader's changes to an entity: any field of an entity but its id, each of the right
 * kind. Strict, since the changes are laid over the pack's record as they are.
 */
export const entityChangesSchema = v.partial(v.strictObject(entityFields));

/** An entity edit record of a backup. */
export const entityEditSchema = v.looseObject({
  id: nonEmpty,
  changes: entityChangesSchema,
  updated: v.pipe(v.number(), v.finite()),
});

/**
 * The value each setting Gloss reads must have. Keys not listed are kept as they are (a
 * later Gloss may add some) but never read.
 */
export const SETTING_SCHEMAS: Record<string, v.GenericSchema> = {
  paused: v.boolean(),
  sitesOff: v.array(v.pipe(v.string(), v.maxLength(253, 'must be a host name'))),
  kbRevision: v.pipe(v.number(), v.integer()),
};

/** A setting record; its value is checked against `SETTING_SCHEMAS` by its key. */
export const settingSchema = v.looseObject({ key: nonEmpty, value: v.unknown() });

/** A pack file's own fields; its entities are checked one by one with `packEntitySchema`. */
export const packFileSchema = v.looseObject({
  id: v.pipe(
    entityFields.name,
    v.check((id) => id !== STARTER_PACK, 'is the built-in pack’s id; give your pack another'),
  ),
  name: entityFields.name,
  version: entityFields.name,
  description: v.optional(v.string()),
  entities: v.array(v.unknown()),
});
