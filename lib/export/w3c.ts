import type { Highlight, Note } from '../annotations/types';
import type { ExportBundle } from './bundle';
import { fileDate, slug, type ExportFile } from './files';

/** The W3C Web Annotation context every exported annotation and collection names. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Gloss's namespace for what the W3C model has no term for (colour, title, orphan). */
export const GLOSS_NAMESPACE = 'https://gloss-reader.org/ns/annotation#';

/** The JSON-LD context: the W3C one, then the `gloss:` prefix for Gloss's own terms. */
export const GLOSS_CONTEXT = [ANNO_CONTEXT, { gloss: GLOSS_NAMESPACE }] as const;

/** Prefix of the IRI an entity note targets; the entity id follows, percent-encoded. */
export const ENTITY_IRI_PREFIX = 'urn:gloss:entity:';

/** The IRI that stands for an entity of the knowledge base as an annotation's target. */
export function entityIri(entityId: string): string {
  return `${ENTITY_IRI_PREFIX}${encodeURIComponent(entityId)}`;
}

/** A W3C annotation as Gloss writes it; other tools' annotations are read as `unknown`. */
export interface W3CAnnotation {
  '@context': typeof GLOSS_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: string | { source: string; selector: [Highlight['quote'], Highlight['position']] };
  'gloss:title': string;
  'gloss:color'?: Highlight['color'];
  'gloss:orphan'?: true;
}

interface TextualBody {
  type: 'TextualBody';
  value: string;
  format: 'text/plain';
  purpose: 'commenting' | 'tagging';
}

function bodies(text: string, tags: string[]): TextualBody[] | undefined {
  const list: TextualBody[] = [
    ...(text ? [{ type: 'TextualBody' as const, value: text, format: 'text/plain' as const, purpose: 'commenting' as const }] : []),
    ...tags.map((value) => ({ type: 'TextualBody' as const, value, format: 'text/plain' as const, purpose: 'tagging' as const })),
  ];
  // An annotation without a body is valid (a bare highlight); an empty body list is not.
  return list.length ? list : undefined;
}

/** A highlight as a W3C annotation: TextQuote and TextPosition selectors, note and tags as bodies. */
export function highlightAnnotation(h: Highlight): W3CAnnotation {
  const { type, exact, prefix, suffix } = h.quote;
  const { start, end } = h.position;
  return {
    '@context': GLOSS_CONTEXT,
    id: h.id,
    type: 'Annotation',
    motivation: h.note ? 'commenting' : 'highlighting',
    created: h.created,
    modified: h.updated,
    ...withBody(bodies(h.note, h.tags)),
    target: {
      source: h.source,
      selector: [
        { type, exact, prefix, suffix },
        { type: h.position.type, start, end },
      ],
    },
    'gloss:title': h.title,
    'gloss:color': h.color,
    ...(h.orphan ? { 'gloss:orphan': true as const } : {}),
  };
}

/** A page or entity note as a W3C annotation targeting the page's URL or the entity's IRI. */
export function noteAnnotation(n: Note): W3CAnnotation {
  return {
    '@context': GLOSS_CONTEXT,
    id: n.id,
    type: 'Annotation',
    motivation: 'commenting',
    created: n.created,
    modified: n.updated,
    ...withBody(bodies(n.text, n.tags)),
    target: n.kind === 'entity' ? entityIri(n.target) : n.target,
    'gloss:title': n.title,
  };
}

function withBody(body: TextualBody[] | undefined): { body?: TextualBody[] } {
  return body ? { body } : {};
}

/**
 * An AnnotationCollection with every annotation embedded in its first page. Each annotation
 * keeps its own @context so that it stands alone when a tool takes it out of the collection.
 */
export function annotationCollection(bundle: Pick<ExportBundle, 'highlights' | 'notes'>, now: Date, label: string) {
  const items = [...bundle.highlights.map(highlightAnnotation), ...bundle.notes.map(noteAnnotation)];
  const id = `urn:gloss:export:${now.toISOString()}`;
  return {
    '@context': GLOSS_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label,
    created: now.toISOString(),
    total: items.length,
    ...(items.length ? { first: { id: `${id}:page-1`, type: 'AnnotationPage', startIndex: 0, items } } : {}),
  };
}

/** The W3C JSON-LD export of every annotation, or of one page's when `page` is given. */
export function w3cFile(bundle: Pick<ExportBundle, 'highlights' | 'notes'>, now: Date, page?: { title: string }): ExportFile {
  const date = fileDate(now);
  const label = page ? `Gloss annotations: ${page.title}` : 'Gloss annotations';
  return {
    filename: page ? `gloss-${date}-${slug(page.title)}.jsonld` : `gloss-${date}.jsonld`,
    mime: 'application/ld+json',
    data: JSON.stringify(annotationCollection(bundle, now, label), null, 2),
  };
}
