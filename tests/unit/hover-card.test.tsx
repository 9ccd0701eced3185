import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HoverCard, type HoverCardProps } from '../../components/HoverCard';
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

  it('shows the reader’s note on the entity as text, and writes a new one', async () => {
    const onSaveNote = vi.fn();
    const note = {
      id: 'urn:gloss:entity-note:country%3Amng',
      kind: 'entity' as const,
      target: 'country:mng',
      title: 'Mongolia',
      text: '<b>third</b> neighbour',
      tags: [],
      created: '',
      updated: '',
    };
    const { el } = mount({ data: { ...data, note }, onSaveNote });
    expect(el.querySelector('.note p')?.textContent).toBe('Your note <b>third</b> neighbour');
    expect(el.querySelector('.note b')).toBeNull();
    (el.querySelector('.note button') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r));
    const area = el.querySelector('textarea[aria-label="Your note on Mongolia"]') as HTMLTextAreaElement;
    expect(area.value).toBe('<b>third</b> neighbour');
    area.value = 'Landlocked between two powers.';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r));
    [...el.querySelectorAll('button')].find((b) => b.textContent === 'Save note')!.click();
    expect(onSaveNote).toHaveBeenCalledWith('Landlocked between two powers.');
  });

  it('offers to add a note when there is none, and shows no note section where notes cannot be saved', async () => {
    const { el } = mount({ onSaveNote: vi.fn() });
    expect([...el.querySelectorAll('.note button')].map((b) => b.textContent)).toEqual(['Add a note']);
    document.body.innerHTML = '';
    const again = mount();
    expect(again.el.querySelector('.note')).toBeNull();
  });
});
