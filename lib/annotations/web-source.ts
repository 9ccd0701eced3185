/** The address schemes a highlight or page note may be on: pages the reader can open, nothing that runs code. */
export const WEB_SCHEMES: readonly string[] = ['http:', 'https:', 'file:'];

/** Whether `source` is an http, https or file address (never `data:`, `javascript:`, `blob:` …). */
export function isWebSource(source: string): boolean {
  try {
    return WEB_SCHEMES.includes(new URL(source).protocol);
  } catch {
    return false;
  }
}
