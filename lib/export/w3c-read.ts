import { HIGHLIGHT_COLORS, noteId, type Highlight, type Note } from '../annotations/types';
import type { ReadRecords } from './backup';
import { FieldError, ImportError, type ImportIssue } from './import-issues';
import { bool, count, dateTime, describe, isIri, isObject, oneOf, optionalText, text, type Obj } from './record-checks';
import { checked } from '../schemas/issues';
import { webSource } from '../schemas/records';
import { ENTITY_IRI_PREFIX } from './w3c';

/** Whether parsed JSON looks like the W3C model: a collection, a page, an annotation, or a list of annotations. */
export function isW3C(raw: unknown): boolean {
  if (Array.isArray(raw)) return raw.length > 0 && raw.every((a) => isObject(a) && hasType(a, 'Annotation'));
  return isObject(raw) && (hasType(raw, 'AnnotationCollection') || hasType(raw, 'AnnotationPage') || hasType(raw, 'Annotation'));
}

function hasType(r: Obj, type: string): boolean {
  return r.type === type || (Array.isArray(r.type) && r.type.includes(type));
}

/** The annotations a W3C document holds, following embedded pages (`first`, then each `next`). */
function annotationsOf(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  const doc = raw as Obj;
  if (hasType(doc, 'Annotation')) return [doc];
  const items: unknown[] = [];
  let page: unknown = hasType(doc, 'AnnotationPage') ? doc : doc.first;
  const seen = new Set<unknown>();
  while (isObject(page) && !seen.has(page)) {
    seen.add(page);
    if (page.items !== undefined && !Array.isArray(page.items))
      throw new ImportError(`The annotation page's "items" must be a list, not ${describe(page.items)}. Nothing was imported.`);
    items.push(...((page.items as unknown[] | undefined) ?? []));
    page = page.next;
  }
  if (typeof page === 'string')
    throw new ImportError('The collection’s annotations are on pages elsewhere (linked, not embedded); Gloss imports embedded ones only.');
  return items;
}

function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The note text and tags of an annotation's bodies: `tagging` bodies are tags, other text bodies the note. */
function readBodies(r: Obj): { note: string; tags: string[] } {
  const notes: string[] = [];
  const tags: string[] = [];
  if (r.bodyValue !== undefined) notes.push(text(r, 'bodyValue'));
  list(r.body).forEach((b, i) => {
    const path = Array.isArray(r.body) ? `body[${i}]` : 'body';
    // A body that is only an IRI points at a resource elsewhere; Gloss stores no remote content.
    if (typeof b === 'string') return;
    if (!isObject(b)) throw new FieldError(path, `must be an object or an IRI, not ${describe(b)}`);
    if (b.value === undefined) return;
    const value = text(b, 'value', false, `${path}.value`);
    if (b.purpose === 'tagging' || (Array.isArray(b.purpose) && b.purpose.includes('tagging'))) {
      tags.push(value);
    } else if (value) notes.push(value);
  });
  return { note: notes.join('\n\n'), tags };
}

interface Target {
  source: string;
  path: string;
  /** Where the source is in the record: the target itself, or its `source` or `id`. */
  sourcePath: string;
  selectors: Obj[];
  selectorPath: string;
}

function readTargets(r: Obj): Target[] {
  if (r.target === undefined) throw new FieldError('target', 'is missing');
  const many = Array.isArray(r.target);
  if (many && (r.target as unknown[]).length === 0) throw new FieldError('target', 'must not be an empty list');
  return list(r.target).map((t, i) => {
    const path = many ? `target[${i}]` : 'target';
    if (typeof t === 'string') {
      if (!isIri(t)) throw new FieldError(path, `must be an absolute IRI, not "${t.slice(0, 80)}"`);
      return { source: t, path, sourcePath: path, selectors: [], selectorPath: `${path}.selector` };
    }
    if (!isObject(t)) throw new FieldError(path, `must be an object or an IRI, not ${describe(t)}`);
    const key = t.source !== undefined ? 'source' : 'id';
    const source = text(t, key, true, `${path}.${key}`);
    if (!isIri(source)) throw new FieldError(`${path}.${key}`, `must be an absolute IRI, not "${source.slice(0, 80)}"`);
    const selectors = list(t.selector).filter(isObject);
    return { source, path, sourcePath: `${path}.${key}`, selectors, selectorPath: `${path}.selector` };
  });
}

function created(r: Obj, now: string): { created: string; updated: string } {
  const c = r.created !== undefined ? dateTime(r, 'created') : undefined;
  const m = r.modified !== undefined ? dateTime(r, 'modified') : undefined;
  return { created: c ?? m ?? now, updated: m ?? c ?? now };
}

/** A highlight from an annotation whose target has a TextQuoteSelector; Gloss's own fields where present. */
function readHighlight(r: Obj, id: string, target: Target, quote: Obj, now: string): Highlight {
  checked(webSource, target.source, target.sourcePath);
  const at = target.selectors.indexOf(quote);
  const qPath = `${target.selectorPath}[${at}]`;
  const exact = text(quote, 'exact', true, `${qPath}.exact`);
  const prefix = optionalText(quote, 'prefix', `${qPath}.prefix`) ?? '';
  const suffix = optionalText(quote, 'suffix', `${qPath}.suffix`) ?? '';
  const pos = target.selectors.find((s) => s.type === 'TextPositionSelector');
  // Without a position the highlight is re-anchored by its quote alone (0–0 never matches it).
  let position = { type: 'TextPositionSelector' as const, start: 0, end: 0 };
  if (pos) {
    const pPath = `${target.selectorPath}[${target.selectors.indexOf(pos)}]`;
    const start = count(pos, 'start', `${pPath}.start`);
    const end = count(pos, 'end', `${pPath}.end`);
    if (end < start) throw new FieldError(`${pPath}.end`, 'must not be before start');
    position = { type: 'TextPositionSelector', start, end };
  }
  const { note, tags } = readBodies(r);
  const h: Highlight = {
    id,
    source: target.source,
    title: optionalText(r, 'gloss:title') ?? target.source,
    quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
    position,
    color: r['gloss:color'] === undefined ? 'yellow' : oneOf(r, 'gloss:color', HIGHLIGHT_COLORS),
    note,
    tags,
    ...created(r, now),
  };
  if (r['gloss:orphan'] !== undefined && bool(r, 'gloss:orphan')) h.orphan = true;
  return h;
}

/**
 * A note from an annotation without a usable selector: on an entity when it targets
 * `urn:gloss:entity:…`, else on the page it targets. Its id is always Gloss's note id for
 * that target, so a second annotation on the same page is a duplicate, not a second note.
 */
function readNote(r: Obj, target: Target, now: string): Note {
  const entity = target.source.startsWith(ENTITY_IRI_PREFIX);
  const kind = entity ? 'entity' : 'page';
  let on = target.source;
  if (entity) {
    try {
      on = decodeURIComponent(target.source.slice(ENTITY_IRI_PREFIX.length));
    } catch {
      throw new FieldError(target.path, 'is not a well-formed entity IRI');
    }
  }
  if (!entity) checked(webSource, target.source, target.sourcePath);
  const { note, tags } = readBodies(r);
  return {
    id: noteId(kind, on),
    kind,
    target: on,
    title: optionalText(r, 'gloss:title') ?? on,
    text: note,
    tags,
    ...created(r, now),
  };
}

function readAnnotation(raw: unknown, now: string): Highlight | Note {
  if (!isObject(raw)) throw new FieldError('', `must be an annotation object, not ${describe(raw)}`);
  const id = text(raw, 'id', true);
  if (!isIri(id)) throw new FieldError('id', `must be an absolute IRI, not "${id.slice(0, 80)}"`);
  if (!hasType(raw, 'Annotation')) throw new FieldError('type', `must be "Annotation", not ${JSON.stringify(raw.type)}`);
  const targets = readTargets(raw);
  for (const target of targets) {
    const quote = target.selectors.find((s) => s.type === 'TextQuoteSelector');
    if (quote) return readHighlight(raw, id, target, quote, now);
  }
  return readNote(raw, targets[0]!, now);
}

/**
 * Reads a parsed W3C document, from Gloss or another tool: annotations with a TextQuoteSelector
 * become highlights, the rest page or entity notes. `now` stands in for missing times.
 */
export function readW3C(raw: unknown, now: Date): ReadRecords {
  const annotations = annotationsOf(raw);
  const issues: ImportIssue[] = [];
  const highlights: Highlight[] = [];
  const notes: Note[] = [];
  const seen = new Map<string, number>();
  annotations.forEach((a, i) => {
    const record = `annotations[${i}]`;
    const rawId = isObject(a) && typeof a.id === 'string' ? a.id : undefined;
    try {
      const item = readAnnotation(a, now.toISOString());
      const first = seen.get(item.id);
      if (first !== undefined)
        throw new FieldError(
          'kind' in item ? 'target' : 'id',
          'kind' in item
            ? `is a second note on ${item.target}, which annotations[${first}] already holds; Gloss keeps one note per page or entity`
            : `is the id of annotations[${first}] too; each may appear once`,
        );
      seen.set(item.id, i);
      if ('kind' in item) notes.push(item);
      else highlights.push(item);
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      issues.push({ record, id: rawId, field: e.field, message: e.message });
    }
  });
  return {
    records: { highlights, notes, pages: [], packs: [], entities: [], entityEdits: [], settings: [] },
    issues,
    total: annotations.length,
  };
}
