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

/** The file as a base64 `data:` URL: a service worker cannot make `blob:` URLs to download from. */
export function dataUrl(file: ExportFile): string {
  const bytes = typeof file.data === 'string' ? new TextEncoder().encode(file.data) : file.data;
  let binary = '';
  // In chunks: String.fromCharCode takes its bytes as arguments, and the stack limits how many.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${file.mime};base64,${btoa(binary)}`;
}
