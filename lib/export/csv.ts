import Papa from 'papaparse';
import type { PageGroup } from './bundle';
import { fileDate, type ExportFile } from './files';

/** The CSV's columns, in order. */
export const CSV_COLUMNS = ['page title', 'URL', 'quote', 'note', 'tags', 'colour', 'created', 'updated'] as const;

/** How tags share one cell. */
export const TAG_SEPARATOR = '; ';

/**
 * Cells a spreadsheet would run as a formula. papaparse's own `escapeFormulae: true` uses
 * `/^[=+\-@\t\r].*$/`, which misses a cell whose first line starts with `=` but goes on to
 * a second line, so the test is on the first character alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Excel reads a CSV as UTF-8 (not the system code page) only when it starts with a byte order mark. */
const BOM = '\uFEFF';

/**
 * One row per highlight, pages in export order and highlights in page order. Text cells that
 * start like a formula get a leading `'` (the OWASP advice), so opening the file never runs
 * anything; the file starts with a BOM and uses CRLF line ends (RFC 4180).
 */
export function highlightsCsv(groups: PageGroup[]): string {
  const rows = groups.flatMap((g) =>
    g.highlights.map((h) => [g.title, h.source, h.quote.exact, h.note, h.tags.join(TAG_SEPARATOR), h.color, h.created, h.updated]),
  );
  return BOM + Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { escapeFormulae: FORMULA_START, newline: '\r\n' });
}

/** The CSV export. */
export function csvFile(groups: PageGroup[], now: Date): ExportFile {
  return { filename: `gloss-${fileDate(now)}.csv`, mime: 'text/csv;charset=utf-8', data: highlightsCsv(groups) };
}
