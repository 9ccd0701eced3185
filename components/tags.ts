/** Tags as the reader types them ("climate, Asia  , climate") → a clean, unique list. */
export function parseTags(input: string): string[] {
  return [
    ...new Set(
      input
        .split(',')
        .map((t) => t.trim().replace(/\s+/g, ' '))
        .filter((t) => t.length > 0),
    ),
  ];
}
