import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupViewProps } from '../../components/PopupView';
import { Library } from '../../lib/annotations/library';
import { GlossDB } from '../../lib/db';
import { isPaused, pageState } from '../../lib/kb/site-settings';
import type { PageInfo } from '../../lib/messaging';
import { highlight, note } from './support/annotations';

const page: PageInfo = {
  host: 'news.example',
  mentionCount: 3,
  state: 'on',
  source: 'https://news.example/a',
  title: 'A',
  painted: 1,
  orphans: 1,
};

function mount(props: Partial<PopupViewProps>) {
  const el = document.createElement('div');
  document.body.append(el);
  const actions = {
    saveHighlight: vi.fn().mockResolvedValue({ saved: true }),
    deleteHighlight: vi.fn(),
    goTo: vi.fn(),
    savePageNote: vi.fn().mockResolvedValue({ saved: true }),
  };
  render(
    <PopupView
      page={page}
      library={new Library([], [], [])}
      entities={[]}
      paused={false}
      siteOff={false}
      actions={actions}
      onSiteOff={vi.fn()}
      onPaused={vi.fn()}
      onOpenOptions={vi.fn()}
      {...props}
    />,
    el,
  );
  return { el, actions };
}

const tick = () => new Promise((r) => setTimeout(r));
/** Waits past the next frame, where Preact runs effects: a reader never types before them. */
const afterEffects = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('popup', () => {
  it('teaches what to do when nothing is saved, on both tabs', async () => {
    const { el } = mount({});
    expect(el.textContent).toContain('No highlights on this page yet. Select a passage and press “Highlight”');
    (el.querySelector('#tab-all') as HTMLButtonElement).click();
    await tick();
    expect(el.textContent).toContain('Nothing saved yet.');
  });

  it('lists this page’s highlights in page order, flags orphans, and shows notes as text', () => {
    const a = highlight({
      id: 'urn:uuid:a',
      source: page.source,
      note: '<img src=x onerror=alert(1)>',
      position: { type: 'TextPositionSelector', start: 50, end: 60 },
    });
    const b = highlight({
      id: 'urn:uuid:b',
      source: page.source,
      orphan: true,
      quote: { type: 'TextQuoteSelector', exact: 'first passage', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 5, end: 9 },
    });
    const { el } = mount({ library: new Library([a, b], [note('page', page.source, { text: 'Page thoughts' })], []) });
    const items = [...el.querySelectorAll('li.item')];
    expect(items.map((li) => li.querySelector('blockquote')?.textContent)).toEqual(['first passage', 'the passage']);
    expect(items[0].textContent).toContain('Not found on the page at the last visit');
    expect(items[1].textContent).not.toContain('Not found');
    expect(items[1].querySelector('.note')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(el.querySelector('img')).toBeNull();
    expect((el.querySelector('textarea') as HTMLTextAreaElement).value).toBe('Page thoughts');
    expect(el.textContent).toContain('1 highlight could not be placed.');
  });

  it('offers no "Go to" for a highlight stored on a data: or javascript: source', async () => {
    const web = highlight({ id: 'urn:uuid:w', source: 'https://news.example/b' });
    const data = highlight({ id: 'urn:uuid:d', source: 'data:text/html,<script>alert(1)</script>' });
    const js = highlight({ id: 'urn:uuid:j', source: 'javascript:alert(1)' });
    const { el, actions } = mount({ library: new Library([web, data, js], [], []) });
    (el.querySelector('#tab-all') as HTMLButtonElement).click();
    await tick();
    const buttons = [...el.querySelectorAll('li.item button')].filter((b) => b.textContent === 'Go to') as HTMLButtonElement[];
    expect(buttons).toHaveLength(3);
    buttons.forEach((b) => b.click());
    expect(actions.goTo.mock.calls.map(([h]) => h.id)).toEqual(['urn:uuid:w']);
    expect(buttons.filter((b) => b.disabled)).toHaveLength(2);
  });

  it('opens with settings of the wrong kind stored, reading them as their defaults', async () => {
    const db = new GlossDB(`popup-${crypto.randomUUID()}`);
    await db.settings.bulkPut([
      { key: 'paused', value: 'yes' },
      { key: 'sitesOff', value: 5 },
    ]);
    const { el } = mount({ paused: await isPaused(db), siteOff: (await pageState(db, page.host)) === 'site-off' });
    expect(el.textContent).not.toContain('Paused everywhere.');
    const switches = [...el.querySelectorAll('footer label')].map((l) => [l.textContent?.trim(), l.querySelector('input')?.checked]);
    expect(switches).toEqual([
      ['Gloss on news.example', true],
      ['Pause everywhere', false],
    ]);
    db.close();
    await db.delete();
  });

  it('deletes with an Undo that saves the highlight back as it was', async () => {
    const h = highlight({ source: page.source, note: 'keep me' });
    const { el, actions } = mount({ library: new Library([h], [], []) });
    [...el.querySelectorAll('button')].find((b) => b.textContent === 'Delete')!.click();
    await tick();
    expect(actions.deleteHighlight).toHaveBeenCalledWith(h);
    const undo = el.querySelector('[role="status"] button') as HTMLButtonElement;
    expect(undo.textContent).toBe('Undo');
    undo.click();
    expect(actions.saveHighlight).toHaveBeenCalledWith(h);
  });

  it('edits a note and tags in place', async () => {
    const h = highlight({ source: page.source });
    const { el, actions } = mount({ library: new Library([h], [], []) });
    [...el.querySelectorAll('button')].find((b) => b.textContent === 'Edit')!.click();
    await tick();
    const area = el.querySelector('li.item textarea') as HTMLTextAreaElement;
    area.value = 'New note';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    const tags = el.querySelector('li.item input[type="text"]') as HTMLInputElement;
    tags.value = 'asia, water , asia';
    tags.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    [...el.querySelectorAll<HTMLButtonElement>('li.item button')].find((b) => b.textContent === 'Save')!.click();
    expect(actions.saveHighlight).toHaveBeenCalledWith(
      expect.objectContaining({ id: h.id, note: 'New note', tags: ['asia', 'water'] }),
      h.updated,
    );
    expect(actions.saveHighlight.mock.calls[0][0].updated > h.updated).toBe(true);
  });

  it('when the highlight was saved elsewhere meanwhile, shows the newer note and saves nothing until the reader chooses', async () => {
    const h = highlight({ source: page.source, note: 'as loaded' });
    const newer = { ...h, note: 'from the other tab', tags: ['later'], updated: '2026-11-05T00:00:00.000Z' };
    const { el, actions } = mount({ library: new Library([h], [], []) });
    actions.saveHighlight.mockResolvedValueOnce({ saved: false, current: newer });
    const button = (label: string) => [...el.querySelectorAll<HTMLButtonElement>('li.item button')].find((b) => b.textContent === label)!;
    button('Edit').click();
    await tick();
    const area = el.querySelector('li.item textarea') as HTMLTextAreaElement;
    area.value = 'mine';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    button('Save').click();
    await tick();
    expect(el.querySelector('li.item [role="alert"]')?.textContent).toContain('Changed elsewhere');
    expect(el.querySelector('li.item .newer')?.textContent).toBe('from the other tab #later');
    expect((el.querySelector('li.item textarea') as HTMLTextAreaElement).value).toBe('mine');
    button('Take the newer').click();
    await tick();
    expect((el.querySelector('li.item textarea') as HTMLTextAreaElement).value).toBe('from the other tab');
    expect((el.querySelector('li.item input[type="text"]') as HTMLInputElement).value).toBe('later');
    button('Save').click();
    await tick();
    expect(actions.saveHighlight).toHaveBeenLastCalledWith(expect.objectContaining({ note: 'from the other tab' }), newer.updated);
    expect(el.querySelector('li.item textarea')).toBeNull();
  });

  it('saves the page note with the version it loaded, and shows a newer one saved elsewhere instead of overwriting it', async () => {
    const loaded = note('page', page.source, { text: 'First thoughts.' });
    const newer = { ...loaded, text: 'Written in another window.', updated: '2026-11-05T00:00:00.000Z' };
    const { el, actions } = mount({ library: new Library([], [loaded], []) });
    actions.savePageNote.mockResolvedValueOnce({ saved: false, current: newer });
    await afterEffects();
    const area = el.querySelector('.note-editor textarea') as HTMLTextAreaElement;
    expect(area.value).toBe('First thoughts.');
    area.value = 'Second thoughts.';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    const button = (label: string) =>
      [...el.querySelectorAll<HTMLButtonElement>('.note-editor button')].find((b) => b.textContent === label)!;
    button('Save note').click();
    await tick();
    expect(actions.savePageNote).toHaveBeenCalledWith(
      expect.objectContaining({ text: 'Second thoughts.', target: page.source }),
      loaded.updated,
    );
    expect(el.querySelector('.note-editor .newer')?.textContent).toBe('Written in another window.');
    expect(area.value).toBe('Second thoughts.');
    button('Keep mine').click();
    await tick();
    expect(actions.savePageNote).toHaveBeenLastCalledWith(expect.objectContaining({ text: 'Second thoughts.' }), newer.updated);
    expect(el.querySelector('.note-editor [role="alert"]')).toBeNull();
    expect(button('Save note').disabled).toBe(true);
  });
});
