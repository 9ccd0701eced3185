import { useState } from 'preact/hooks';
import type { ExportFormat } from '../lib/export/files';

/** What the popup can export: this page in two formats, or everything in any format. */
export type ExportChoice = { scope: 'page'; format: 'markdown' | 'w3c' } | { scope: 'all'; format: ExportFormat };

export interface ExportMenuProps {
  /** Whether there is a page to export (the active tab is one Gloss reads). */
  hasPage: boolean;
  onExport: (choice: ExportChoice) => Promise<string>;
}

const ALL_FORMATS: [ExportFormat, string][] = [
  ['markdown', 'Markdown'],
  ['markdown-zip', 'Markdown, a file per page (zip)'],
  ['w3c', 'Web Annotation JSON'],
  ['csv', 'CSV'],
  ['backup', 'Full backup'],
];

/** The popup's export controls; says what was saved, or why not. */
export function ExportMenu({ hasPage, onExport }: ExportMenuProps) {
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const [busy, setBusy] = useState(false);
  const run = async (choice: ExportChoice) => {
    setBusy(true);
    setMessage(undefined);
    try {
      setMessage({ text: `Saved ${await onExport(choice)}.`, error: false });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="exports">
      <summary>Export</summary>
      {hasPage && (
        <div class="row" role="group" aria-label="Export this page">
          <span>This page:</span>
          <button type="button" disabled={busy} onClick={() => void run({ scope: 'page', format: 'markdown' })}>
            Markdown
          </button>
          <button type="button" disabled={busy} onClick={() => void run({ scope: 'page', format: 'w3c' })}>
            JSON
          </button>
        </div>
      )}
      <div class="row" role="group" aria-label="Export everything">
        <span>Everything:</span>
        {ALL_FORMATS.map(([format, label]) => (
          <button key={format} type="button" disabled={busy} onClick={() => void run({ scope: 'all', format })}>
            {label}
          </button>
        ))}
      </div>
      {message && (
        <p class={message.error ? 'error' : 'status'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </details>
  );
}
