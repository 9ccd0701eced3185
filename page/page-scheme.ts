/** Whether the page looks dark: its first opaque background, else the reader's preference. */
export function pageScheme(): 'light' | 'dark' {
  for (const el of [document.body, document.documentElement]) {
    if (!el) continue;
    const rgb = parseRgb(getComputedStyle(el).backgroundColor);
    if (rgb && rgb[3] > 0.5) return luminance(rgb) < 0.4 ? 'dark' : 'light';
  }
  const declared = getComputedStyle(document.documentElement).colorScheme;
  if (declared.includes('dark') && !declared.includes('light')) return 'dark';
  return matchMedia('(prefers-color-scheme: dark)').matches && declared.includes('dark') ? 'dark' : 'light';
}

function parseRgb(css: string): [number, number, number, number] | undefined {
  const m = css.match(/rgba?\(([^)]+)\)/);
  if (!m) return undefined;
  const [r, g, b, a = '1'] = m[1].split(/[\s,/]+/).filter(Boolean);
  return [Number(r), Number(g), Number(b), Number(a)];
}

function luminance([r, g, b]: [number, number, number, number]): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
