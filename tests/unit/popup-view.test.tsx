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
  const actions = { saveHighlight: vi.fn(), deleteHighlight: vi.fn(), goTo: vi.fn(), savePageNote: vi.fn() };
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
    expect(actions.saveHighlight).toHaveBeenCalledWith(expect.objectContaining({ id: h.id, note: 'New note', tags: ['asia', 'water'] }));
    expect(actions.saveHighlight.mock.calls[0][0].updated > h.updated).toBe(true);
  });
});
