/** A file an export produces, ready to download or to hand to the popup. */
export interface ExportFile {
  filename: string;
  mime: string;
  data: string | Uint8Array;
}

/** The formats Gloss exports to. `markdown-zip` is one Markdown file per page in a zip. */
export type ExportFormat = 'markdown' | 'markdown-zip' | 'w3c' | 'csv' | 'backup';

/** The local calendar date of `now` as YYYY-MM-DD, the date every export's file name carries. */
export function fileDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A file-name-safe slug of a page title: letters and digits of any script kept, everything
 * else folded to single hyphens, cut to 60 characters so paths stay short in every OS.
 */
export function slug(text: string): string {
  const s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return [...s].slice(0, 60).join('').replace(/-+$/, '') || 'page';
}
