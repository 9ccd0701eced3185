import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TransferPanel, type TransferPanelProps } from '../../components/TransferPanel';
import { GlossDB } from '../../lib/db';
import { previewImport } from '../../lib/export/apply-import';
import { parseImport } from '../../lib/export/import-file';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const NOW = new Date('2026-11-27T12:00:00Z');
const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/bad-imports', name), 'utf8');

function mount(props: Partial<TransferPanelProps> = {}) {
  const el = document.createElement('div');
  document.body.append(el);
  const all: TransferPanelProps = {
    importStep: { step: 'idle' },
    exporting: null,
    message: null,
    onExport: vi.fn(),
    onChoose: vi.fn(),
    onConfirm: vi.fn(),
    onCancel: vi.fn(),
    ...props,
  };
  render(<TransferPanel {...all} />, el);
  return { el, props: all };
}

async function planOf(name: string) {
  const db = new GlossDB(`panel-${name}`);
  const parsed = parseImport(fixture(name), NOW);
  const plan = await previewImport(db, parsed);
  db.close();
  await db.delete();
  return { parsed, plan };
}

const button = (el: HTMLElement, name: string) => [...el.querySelectorAll('button')].find((b) => b.textContent === name)!;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('TransferPanel', () => {
  it('offers each export as a button and emits its format', () => {
    const { el, props } = mount();
    const labels = [...el.querySelectorAll('.exports button')].map((b) => b.textContent);
    expect(labels).toEqual([
      'Markdown, one file',
      'Markdown, a file per page',
      'W3C annotations (JSON-LD)',
      'Spreadsheet (CSV)',
      'Full backup (JSON)',
    ]);
    button(el, 'Full backup (JSON)').click();
    expect(props.onExport).toHaveBeenCalledWith('backup');
  });

  it('shows progress while reading a file and disables the controls', () => {
    const { el } = mount({ importStep: { step: 'reading', fileName: 'big.json', loaded: 5, total: 10 } });
    const progress = el.querySelector('progress')!;
    expect(progress.getAttribute('value')).toBe('5');
    expect(progress.getAttribute('max')).toBe('10');
    expect(el.querySelector<HTMLInputElement>('input[type=file]')!.disabled).toBe(true);
    expect([...el.querySelectorAll('button')].every((b) => b.disabled)).toBe(true);
  });

  it('previews counts and changes, focuses the preview, and emits confirm and cancel', async () => {
    const { parsed, plan } = await planOf('html-in-text.json');
    const { el, props } = mount({ importStep: { step: 'preview', fileName: 'html-in-text.json', format: parsed.format, plan } });
    expect(el.querySelector('[data-testid=import-counts]')!.textContent).toBe('1 new, 0 updated, 0 unchanged, 0 invalid.');
    await vi.waitFor(() => expect(document.activeElement).toBe(el.querySelector('h3')));
    button(el, 'Import').click();
    button(el, 'Cancel').click();
    expect(props.onConfirm).toHaveBeenCalledOnce();
    expect(props.onCancel).toHaveBeenCalledOnce();
  });

  it('renders markup from the file as text, never as HTML', async () => {
    const { parsed, plan } = await planOf('html-in-text.json');
    const { el } = mount({ importStep: { step: 'preview', fileName: '<b>x</b>.json', format: parsed.format, plan } });
    expect(el.querySelector('script, img, b')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(el.textContent).toContain('<b>x</b>.json');
  });

  it('lists invalid records by record, id and field and does not offer the import', async () => {
    const { parsed, plan } = await planOf('wrong-types.json');
    const { el } = mount({ importStep: { step: 'preview', fileName: 'wrong-types.json', format: parsed.format, plan } });
    const invalid = [...el.querySelectorAll('[aria-label="Invalid records"] li')].map((li) => li.textContent);
    expect(invalid).toHaveLength(5);
    expect(invalid[0]).toBe(
      'highlights[0] (urn:uuid:00000000-0000-4000-8000-00000000aaa1) field "color": must be one of yellow, green, blue, pink, purple, not 7',
    );
    expect(button(el, 'Import').disabled).toBe(true);
    expect(button(el, 'Cancel').disabled).toBe(false);
  });

  it('announces the last result in a status region, errors marked as such', () => {
    const { el } = mount({ message: { text: 'x.json: The file is not valid JSON. Nothing was imported.', error: true } });
    const status = el.querySelector('[role=status]')!;
    expect(status.textContent).toMatch(/not valid JSON/);
    expect(status.className).toBe('error');
  });
});
