import { describe, expect, it } from 'vitest';
import { TextStreamReader, readTextStream, streamBounds } from '../../page/text-stream';

function body(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html').body;
}

describe('visible text stream', () => {
  it('reads text nodes in document order with their offsets', () => {
    const s = readTextStream(body('<p>Putin met <b>Khurelsukh</b> in <a href="#">Ulaanbaatar</a>.</p>'));
    expect(s.text).toBe('Putin met Khurelsukh in Ulaanbaatar.');
    expect(s.nodes.map((n) => n.data)).toEqual(['Putin met ', 'Khurelsukh', ' in ', 'Ulaanbaatar', '.']);
    expect(s.starts).toEqual([0, 10, 20, 24, 35]);
  });

  it('skips what a reader does not read as the article', () => {
    const html = `
      <p>Mongolia</p>
      <script>var x = "China";</script><style>.China{}</style><noscript>China</noscript>
      <template><p>China</p></template>
      <input value="China"><textarea>China</textarea><select><option>China</option></select>
      <pre>China</pre><code>China</code>
      <div hidden>China</div><div aria-hidden="true">China</div>
      <div contenteditable="true">China</div><div contenteditable="false">Russia</div>`;
    const s = readTextStream(body(html));
    expect(s.text).not.toContain('China');
    expect(s.text).toContain('Mongolia');
    expect(s.text).toContain('Russia');
  });

  it('skips Gloss’s own host element', () => {
    const b = body('<p>Mongolia</p>');
    const host = document.createElement('gloss-card');
    host.textContent = 'China';
    b.append(host);
    expect(readTextStream(b, host).text).toBe('Mongolia');
  });

  it('marks block boundaries where no whitespace separates words', () => {
    const s = readTextStream(body('<div><p>Mongolia</p><p>China</p></div><span>Russia</span><br>Japan'));
    expect(s.text).toBe('MongoliaChinaRussiaJapan');
    expect(s.breaks).toEqual([8, 13, 19]);
  });

  it('maps stream offsets back to ranges over the original nodes', () => {
    const s = readTextStream(body('<p>Vladimir <em>Putin</em> spoke</p>'));
    const start = s.text.indexOf('Vladimir');
    const r = streamBounds(s, start, start + 'Vladimir Putin'.length);
    expect(r.startContainer).toBe(s.nodes[0]);
    expect(r.endContainer).toBe(s.nodes[1]);
    expect(r.endOffset).toBe(5);
  });

  it('reads in slices exactly what it reads in one go', () => {
    const paragraphs = Array.from({ length: 600 }, (_, i) => `<p>Para <b>${i}</b> of <i>Mongolia</i></p><span>x</span>`).join('');
    const root = body(`<div>${paragraphs}</div><script>China</script>Japan`);
    const reader = new TextStreamReader(root);
    let slices = 1;
    // A deadline already past stops the walk at its first look at the clock.
    while (!reader.read(0)) slices++;
    expect(slices).toBeGreaterThan(1);
    expect(reader.result()).toEqual(readTextStream(root));
  });

  it('knows when the page took away the node it was about to read', () => {
    const root = body(Array.from({ length: 600 }, (_, i) => `<p id="p${i}">${i}</p>`).join(''));
    const reader = new TextStreamReader(root);
    expect(reader.read(0)).toBe(false);
    expect(reader.lost).toBe(false);
    root.replaceChildren();
    expect(reader.lost).toBe(true);
  });

  it('reads the text of open shadow roots, nested ones too, after a break', () => {
    const root = body('<p>Leaders met in</p><x-card></x-card><p>on Monday.</p>');
    const outer = root.querySelector('x-card')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<span>Mongolia</span><x-inner></x-inner>';
    outer.querySelector('x-inner')!.attachShadow({ mode: 'open' }).innerHTML = '<b>Kazakhstan</b>';
    const s = readTextStream(root);
    expect(s.text).toBe('Leaders met inon Monday.MongoliaKazakhstan');
    expect(s.nodes.map((n) => n.data)).toEqual(['Leaders met in', 'on Monday.', 'Mongolia', 'Kazakhstan']);
    expect(s.breaks).toEqual(expect.arrayContaining([14, 24, 32]));
  });

  it('reads several subtrees into one stream with a break between each, for one scan request', () => {
    const a = body('<p>Putin met</p><p>Khurelsukh</p>');
    const b = body('<p>in Ulaanbaatar</p>');
    const reader = new TextStreamReader([a, b]);
    expect(reader.read()).toBe(true);
    const joined = reader.result();
    expect(joined.text).toBe('Putin metKhurelsukhin Ulaanbaatar');
    expect(joined.breaks).toEqual([9, 19]);
    expect(joined.starts).toEqual([0, 9, 19]);
    const bounds = streamBounds(joined, 22, 33);
    expect(bounds.startContainer).toBe(b.querySelector('p')!.firstChild);
    expect(bounds.startOffset).toBe(3);
  });
});
