import { describe, expect, it } from 'vitest';
import { readTextStream, streamBounds } from '../../page/text-stream';

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
});
