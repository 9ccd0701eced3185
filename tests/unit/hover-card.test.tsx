import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HoverCard, type HoverCardProps } from '../../components/HoverCard';
import { EntityNote } from '../../components/EntityNote';
import type { SendVersioned } from '../../components/use-versioned-save';
import type { Note } from '../../lib/annotations/types';
import type { CardData } from '../../lib/messaging';

const data: CardData = {
  id: 'country:mng',
  name: 'Mongolia',
  type: 'country',
  summary: 'A state in Eastern Asia.',
  facts: [
    { label: 'Capital', value: 'Ulaanbaatar' },
    { label: 'Head of state', value: 'Khurelsukh Ukhnaa', asOf: '2025-06-01' },
  ],
  related: [{ id: 'country:chn', name: 'China', type: 'country' }],
  links: [{ label: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Mongolia' }],
  source: 'world-countries 5.1.0 (npm)',
  license: 'ODbL-1.0',
  asOf: '2025-06-03',
  pack: 'starter',
};

function mount(props: Partial<HoverCardProps> = {}) {
  const el = document.createElement('div');
  document.body.append(el);
  const all: HoverCardProps = {
    data,
    name: 'Mongolia',
    match: { alias: 'Mongolian', demonym: true, alternatives: [] },
    scheme: 'light',
    onClose: vi.fn(),
    onSelectRelated: vi.fn(),
    ...props,
  };
  render(<HoverCard {...all} />, el);
  return { el, props: all };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('hover card', () => {
  it('is a dialog named by the entity, with summary, facts, source, licence and date', () => {
    const { el } = mount();
    const dialog = el.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toBe('Mongolia');
    const text = el.textContent!;
    for (const s of [
      'Country',
      'A state in Eastern Asia.',
      'Capital',
      'Ulaanbaatar',
      'as of 2025-06-01',
      'world-countries',
      'ODbL-1.0',
      'As of 2025-06-03',
      'Matched “Mongolian” (demonym).',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('shows markup from the knowledge base as text, never as HTML', () => {
    const evil = '<img src=x onerror="alert(1)"><b>bold</b>';
    const { el } = mount({ data: { ...data, summary: evil, facts: [{ label: '<i>x</i>', value: evil }] } });
    expect(el.querySelector('img, b, i')).toBeNull();
    expect(el.textContent).toContain(evil);
  });

  it('drops links that are not http(s)', () => {
    const { el } = mount({ data: { ...data, links: [{ label: 'bad', url: 'javascript:alert(1)' }] } });
    expect(el.querySelector('a')?.hasAttribute('href')).toBe(false);
  });

  it('says why an ambiguous alias was read as it was', () => {
    const { el } = mount({
      match: {
        alias: 'Washington',
        demonym: false,
        alternatives: [{ id: 'person:george-washington', name: 'George Washington', type: 'person' }],
        supportedBy: { id: 'country:usa', name: 'United States', type: 'country' },
      },
    });
    expect(el.textContent).toContain('Could also mean George Washington; chosen because this page mentions United States.');
  });

  it('has a named close button and related entities as buttons', () => {
    const { el, props } = mount();
    (el.querySelector('button[aria-label="Close"]') as HTMLButtonElement).click();
    expect(props.onClose).toHaveBeenCalled();
    const related = [...el.querySelectorAll('.related button')].find((b) => b.textContent === 'China') as HTMLButtonElement;
    related.click();
    expect(props.onSelectRelated).toHaveBeenCalledWith(data.related[0]);
  });

  it('shows a loading state and a gone state', () => {
    expect(mount({ data: undefined }).el.textContent).toContain('Loading…');
    document.body.innerHTML = '';
    expect(mount({ data: null }).el.textContent).toContain('no longer in your knowledge base');
  });

  it('shows the reader’s note only through Gloss’s frame, once the entity is known', () => {
    const noteFrame = { src: 'about:blank', height: 40, title: 'Your note on Mongolia' };
    const { el } = mount({ noteFrame });
    expect(el.querySelector<HTMLIFrameElement>('iframe[title="Your note on Mongolia"]')?.getAttribute('src')).toBe(noteFrame.src);
    expect(el.querySelector('textarea')).toBeNull();
    document.body.innerHTML = '';
    expect(mount({ data: undefined, noteFrame }).el.querySelector('iframe')).toBeNull();
  });
});

describe('the reader’s note on an entity, in the note frame', () => {
  const saved: Note = {
    id: 'urn:gloss:entity-note:country%3Amng',
    kind: 'entity',
    target: 'country:mng',
    title: 'Mongolia',
    text: '<b>third</b> neighbour',
    tags: [],
    created: '2026-11-01T00:00:00.000Z',
    updated: '2026-11-01T00:00:00.000Z',
  };
  const tick = () => new Promise((r) => setTimeout(r));
  const button = (el: Element, label: string) => [...el.querySelectorAll('button')].find((b) => b.textContent === label)!;

  function mountNote(note: Note | null, send: SendVersioned<Note>) {
    const el = document.createElement('div');
    document.body.append(el);
    render(<EntityNote entity="country:mng" name="Mongolia" note={note} send={send} />, el);
    return el;
  }

  async function write(el: Element, text: string) {
    const area = el.querySelector('textarea[aria-label="Your note on Mongolia"]') as HTMLTextAreaElement;
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    button(el, 'Save note').click();
    await tick();
  }

  it('shows the note as text and saves an edit with the version it was loaded at', async () => {
    const send = vi.fn<SendVersioned<Note>>().mockResolvedValue({ saved: true });
    const el = mountNote(saved, send);
    expect(el.querySelector('.note p')?.textContent).toBe('Your note <b>third</b> neighbour');
    expect(el.querySelector('.note b')).toBeNull();
    button(el, 'Edit note').click();
    await tick();
    expect((el.querySelector('textarea') as HTMLTextAreaElement).value).toBe('<b>third</b> neighbour');
    await write(el, 'Landlocked between two powers.');
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ text: 'Landlocked between two powers.' }), saved.updated);
    expect(el.querySelector('.note p')?.textContent).toBe('Your note Landlocked between two powers.');
  });

  it('offers to add a note when there is none, expecting none to exist', async () => {
    const send = vi.fn<SendVersioned<Note>>().mockResolvedValue({ saved: true });
    const el = mountNote(null, send);
    expect([...el.querySelectorAll('.note button')].map((b) => b.textContent)).toEqual(['Add a note']);
    button(el, 'Add a note').click();
    await tick();
    await write(el, 'First words.');
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ text: 'First words.' }), null);
  });

  it('when another tab saved first, shows the newer note and lets the reader keep theirs or take the newer', async () => {
    const newer = { ...saved, text: 'Written in the other tab.', updated: '2026-11-02T00:00:00.000Z' };
    const send = vi.fn<SendVersioned<Note>>().mockResolvedValueOnce({ saved: false, current: newer }).mockResolvedValue({ saved: true });
    const el = mountNote(saved, send);
    button(el, 'Edit note').click();
    await tick();
    await write(el, 'Mine.');
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Changed elsewhere');
    expect(el.querySelector('.conflict .newer')?.textContent).toBe('Written in the other tab.');
    expect((el.querySelector('textarea') as HTMLTextAreaElement).value).toBe('Mine.');
    button(el, 'Keep mine').click();
    await tick();
    expect(send).toHaveBeenLastCalledWith(expect.objectContaining({ text: 'Mine.' }), newer.updated);
    expect(el.querySelector('.note p')?.textContent).toBe('Your note Mine.');

    document.body.innerHTML = '';
    const taking = mountNote(saved, vi.fn<SendVersioned<Note>>().mockResolvedValue({ saved: false, current: newer }));
    button(taking, 'Edit note').click();
    await tick();
    await write(taking, 'Mine.');
    button(taking, 'Take the newer').click();
    await tick();
    expect(taking.querySelector('.note p')?.textContent).toBe('Your note Written in the other tab.');
    expect(taking.querySelector('[role="alert"]')).toBeNull();
  });
});
