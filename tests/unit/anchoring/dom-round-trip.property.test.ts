import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { Anchorer } from '../../../lib/anchoring/anchor';
import { describe } from '../../../lib/anchoring/describe';
import { nodeIndex, rangeToOffsets } from '../../../page/selection';
import { readTextStream, streamBounds } from '../../../page/text-stream';

// A page with the markup a highlight crosses: links, emphasis, a line break, a list, and
// text the stream leaves out (a script, a code sample, a hidden aside).
const HTML = `<article>
  <h1>Rivers <em>and</em> borders</h1>
  <p>The <a href="/commission">Mekong River Commission</a> met in <strong>Vientiane</strong>;<br>its <em>members <b>disagreed</b></em> on data.</p>
  <script>var ignored = "not text";</script>
  <p>Upstream, <code>release_schedule()</code> stays secret, <a href="/dams">eleven dams</a> later.</p>
  <aside hidden>Hidden aside text.</aside>
  <ul><li>Cambodia</li><li>Laos, <i>Thailand</i>, Vietnam</li></ul>
</article>`;

function setup() {
  document.body.innerHTML = HTML;
  const stream = readTextStream(document.body);
  return { stream, index: nodeIndex(stream) };
}

/** Stream offset of the point just before `el`, counted the slow, obvious way. */
function naiveOffsetBefore(stream: ReturnType<typeof readTextStream>, el: Node): number {
  let n = 0;
  for (const t of stream.nodes) {
    if (el.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_PRECEDING) n += t.data.length;
  }
  return n;
}

group('selections as stream offsets, and back', () => {
  const { stream } = setup();
  const points = stream.nodes.flatMap((_, i) => Array.from({ length: stream.nodes[i].data.length + 1 }, (_, k) => [i, k] as const));

  it('maps a selection between two text points to the offsets of those points', () => {
    const { stream, index } = setup();
    fc.assert(
      fc.property(fc.constantFrom(...points), fc.constantFrom(...points), ([i, k], [j, l]) => {
        const a = stream.starts[i] + k;
        const b = stream.starts[j] + l;
        fc.pre(a < b);
        const range = document.createRange();
        range.setStart(stream.nodes[i], k);
        range.setEnd(stream.nodes[j], l);
        expect(rangeToOffsets(stream, index, range)).toEqual([a, b]);
      }),
    );
  });

  it('maps a selection that starts or ends beside an element (a triple click, a drag past a link) to the text around it', () => {
    const { stream, index } = setup();
    const elements = [...document.body.querySelectorAll('*')];
    fc.assert(
      fc.property(fc.constantFrom(...elements), fc.constantFrom(...elements), (x, y) => {
        const range = document.createRange();
        range.setStartBefore(x);
        range.setEndBefore(y);
        fc.pre(!range.collapsed);
        const a = naiveOffsetBefore(stream, x);
        const b = naiveOffsetBefore(stream, y);
        expect(rangeToOffsets(stream, index, range)).toEqual(b > a ? [a, b] : null);
      }),
    );
  });

  it('describes a random selection and anchors it back to the same text points', () => {
    const { stream, index } = setup();
    const anchorer = new Anchorer(stream.text);
    fc.assert(
      fc.property(fc.nat({ max: stream.text.length - 1 }), fc.nat({ max: stream.text.length - 1 }), (x, y) => {
        const [start, end] = [Math.min(x, y), Math.max(x, y) + 1];
        const a = anchorer.anchor(describe(stream.text, start, end))!;
        const bounds = streamBounds(stream, a.start, a.end);
        const range = document.createRange();
        range.setStart(bounds.startContainer, bounds.startOffset);
        range.setEnd(bounds.endContainer, bounds.endOffset);
        expect(rangeToOffsets(stream, index, range)).toEqual([start, end]);
      }),
    );
  });
});
