import { noteId, type Highlight, type Note, type NoteKind } from '../../../lib/annotations/types';

const T0 = '2026-11-01T10:00:00.000Z';

/** A complete highlight for tests, with `fields` overriding the defaults. */
export function highlight(fields: Partial<Highlight> = {}): Highlight {
  return {
    id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    source: 'https://example.com/news/story',
    title: 'A story',
    quote: { type: 'TextQuoteSelector', exact: 'the passage', prefix: 'before ', suffix: ' after' },
    position: { type: 'TextPositionSelector', start: 7, end: 18 },
    color: 'yellow',
    note: '',
    tags: [],
    created: T0,
    updated: T0,
    ...fields,
  };
}

/** A complete note for tests on `target`, with `fields` overriding the defaults. */
export function note(kind: NoteKind, target: string, fields: Partial<Note> = {}): Note {
  return { id: noteId(kind, target), kind, target, title: target, text: 'A note.', tags: [], created: T0, updated: T0, ...fields };
}
