import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataUrl } from '../../lib/export/files';

/** What a browser downloading the URL would save: its media type and its bytes. */
async function fetched(url: string): Promise<{ type: string; bytes: Uint8Array }> {
  const res = await fetch(url);
  return { type: res.headers.get('content-type') ?? '', bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('dataUrl, how the background hands an export to the downloads API', () => {
  it('keeps any text, in any script, byte for byte as UTF-8', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), async (text) => {
        const { bytes } = await fetched(dataUrl({ filename: 'a.md', mime: 'text/markdown;charset=utf-8', data: text }));
        expect(new TextDecoder().decode(bytes)).toBe(text);
      }),
    );
  });

  it('keeps a binary file (a zip) larger than one conversion chunk, and its media type', async () => {
    const data = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256);
    const { type, bytes } = await fetched(dataUrl({ filename: 'a.zip', mime: 'application/zip', data }));
    expect(type).toBe('application/zip');
    expect(bytes).toEqual(data);
  });
});
