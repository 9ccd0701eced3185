import { useEffect, useRef } from 'preact/hooks';
import type { ExportFormat } from '../lib/export/files';
import { describeIssue } from '../lib/export/import-issues';
import type { ImportPlan } from '../lib/export/plan';

/** Where the import flow is: nothing chosen, reading a file, showing what it would do, writing. */
export type ImportStep =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string; loaded: number; total: number }
  | { step: 'preview'; fileName: string; format: 'backup' | 'w3c'; plan: ImportPlan }
  | { step: 'importing'; fileName: string };

export interface TransferPanelProps {
  importStep: ImportStep;
  /** The export being written, if any. */
  exporting: ExportFormat | null;
  /** What the last export or import did, or why it failed. */
  message: { text: string; error: boolean } | null;
  onExport: (format: ExportFormat) => void;
  onChoose: (file: File) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

const EXPORTS: { format: ExportFormat; label: string; hint: string }[] = [
  { format: 'markdown', label: 'Markdown, one file', hint: 'every page in one .md file' },
  { format: 'markdown-zip', label: 'Markdown, a file per page', hint: 'a .zip with front matter for Obsidian or Logseq' },
  { format: 'w3c', label: 'W3C annotations (JSON-LD)', hint: 'for other annotation tools; Gloss imports it back' },
  { format: 'csv', label: 'Spreadsheet (CSV)', hint: 'one row per highlight' },
  { format: 'backup', label: 'Full backup (JSON)', hint: 'highlights, notes, your packs and edits, settings' },
];

/** How many plan rows the preview lists before it says how many more there are. */
const LIST_LIMIT = 100;

/** Export buttons, and the import flow: choose a file, see what it would change, confirm or cancel. */
export function TransferPanel(props: TransferPanelProps) {
  const { importStep: s } = props;
  const busy = props.exporting !== null || s.step === 'reading' || s.step === 'importing';
  return (
    <section aria-labelledby="transfer-h">
      <h2 id="transfer-h">Export and import your notes</h2>
      <ul class="exports">
        {EXPORTS.map((e) => (
          <li key={e.format}>
            <button type="button" disabled={busy} onClick={() => props.onExport(e.format)} aria-describedby={`export-${e.format}`}>
              {e.label}
            </button>{' '}
            <span class="muted" id={`export-${e.format}`}>
              {e.hint}
            </span>
          </li>
        ))}
      </ul>
      <label>
        Import a backup or W3C annotations (JSON):{' '}
        <input
          type="file"
          accept="application/json,application/ld+json,.json,.jsonld"
          disabled={busy || s.step === 'preview'}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) props.onChoose(file);
            e.currentTarget.value = '';
          }}
        />
      </label>
      {s.step === 'reading' && (
        <p>
          <label>
            Reading {s.fileName}… <progress max={s.total || undefined} value={s.total ? s.loaded : undefined} />
          </label>
        </p>
      )}
      {s.step === 'importing' && (
        <p>
          <label>
            Importing {s.fileName}… <progress />
          </label>
        </p>
      )}
      {s.step === 'preview' && <ImportPreview {...s} onConfirm={props.onConfirm} onCancel={props.onCancel} />}
      <p role="status" class={props.message?.error ? 'error' : ''}>
        {props.exporting ? 'Preparing the export…' : (props.message?.text ?? '')}
      </p>
    </section>
  );
}

interface ImportPreviewProps {
  fileName: string;
  format: 'backup' | 'w3c';
  plan: ImportPlan;
  onConfirm: () => void;
  onCancel: () => void;
}

/** What an import would do, shown before anything is written; text from the file is rendered as text. */
function ImportPreview({ fileName, format, plan, onConfirm, onCancel }: ImportPreviewProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The preview appears after a file dialog closes: move focus to it so keyboard and screen reader users land on it.
  useEffect(() => heading.current?.focus(), [plan]);
  const { counts } = plan;
  const changes = counts.new + counts.updated;
  const listed = plan.items.filter((i) => i.change !== 'unchanged' || i.reason);
  return (
    <div class="import-preview">
      <h3 ref={heading} tabIndex={-1}>
        {fileName} ({format === 'backup' ? 'Gloss backup' : 'W3C annotations'})
      </h3>
      <p data-testid="import-counts">
        {counts.new} new, {counts.updated} updated, {counts.unchanged} unchanged, {counts.invalid} invalid.
      </p>
      {counts.invalid > 0 && (
        <>
          <p class="error">This file has invalid records, so nothing will be imported. Fix them in the file and choose it again:</p>
          <ul class="error" aria-label="Invalid records">
            {plan.invalid.slice(0, LIST_LIMIT).map((issue, i) => (
              <li key={i}>{describeIssue(issue)}</li>
            ))}
          </ul>
          {plan.invalid.length > LIST_LIMIT && <p>…and {plan.invalid.length - LIST_LIMIT} more.</p>}
        </>
      )}
      {listed.length > 0 && (
        <ul aria-label="Changes">
          {listed.slice(0, LIST_LIMIT).map((item) => (
            <li key={`${item.table}:${item.key}`}>
              {item.change === 'new' ? 'New: ' : item.change === 'updated' ? 'Updated: ' : 'Kept yours: '}
              {item.label}
              {item.reason ? <span class="muted"> ({item.reason})</span> : null}
            </li>
          ))}
        </ul>
      )}
      {listed.length > LIST_LIMIT && <p>…and {listed.length - LIST_LIMIT} more.</p>}
      {counts.invalid === 0 && changes === 0 && <p>Everything in this file is already here.</p>}
      <p>
        <button type="button" onClick={onConfirm} disabled={counts.invalid > 0 || changes === 0}>
          Import
        </button>{' '}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </div>
  );
}
