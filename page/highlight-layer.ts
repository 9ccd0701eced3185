import { HIGHLIGHT_COLORS, type HighlightColor } from '../lib/annotations/types';
import { streamBounds, type TextStream } from './text-stream';

/** A highlight placed on the page: its id, colour and stream offsets. */
export interface Placement {
  id: string;
  color: HighlightColor;
  start: number;
  end: number;
}

interface Painted extends Placement {
  range: StaticRange;
}

/** The CSS highlight name of a colour (styled in the content script's CSS). */
export function highlightName(color: HighlightColor): string {
  return `gloss-hl-${color}`;
}

/**
 * The reader's highlights on the page: one CSS highlight per colour, painted under the
 * mention underline, never touching the DOM. Hit-testing goes by stream offsets.
 */
export class HighlightLayer {
  private readonly byColor = new Map<HighlightColor, Highlight>();
  private painted: Painted[] = [];

  constructor() {
    for (const color of HIGHLIGHT_COLORS) {
      const h = new Highlight();
      h.priority = -1;
      this.byColor.set(color, h);
      CSS.highlights.set(highlightName(color), h);
    }
  }

  /** Replaces what is painted with `placements` over `stream`. */
  paint(stream: TextStream, placements: Placement[]): void {
    this.clear();
    this.painted = placements.map((p) => ({ ...p, range: new StaticRange(streamBounds(stream, p.start, p.end)) }));
    for (const p of this.painted) this.byColor.get(p.color)!.add(p.range);
  }

  /** The highlights covering stream offset `offset`, innermost (shortest) first. */
  at(offset: number): Placement[] {
    return this.painted.filter((p) => p.start <= offset && offset < p.end).sort((a, b) => a.end - a.start - (b.end - b.start));
  }

  /** The painted range of highlight `id`, if it is placed. */
  rangeOf(id: string): StaticRange | undefined {
    return this.painted.find((p) => p.id === id)?.range;
  }

  /** How many highlights are painted. */
  get count(): number {
    return this.painted.length;
  }

  /** Unpaints everything. */
  clear(): void {
    for (const h of this.byColor.values()) h.clear();
    this.painted = [];
  }

  /** Unpaints and unregisters the highlights. */
  dispose(): void {
    this.clear();
    for (const color of HIGHLIGHT_COLORS) CSS.highlights.delete(highlightName(color));
  }
}
