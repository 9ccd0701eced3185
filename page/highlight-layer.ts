import { HIGHLIGHT_COLORS, type HighlightColor } from '../lib/annotations/types';
import { liveRange } from './mention-layer';
import { streamBounds, type TextStream } from './text-stream';

/** A highlight placed on the page: its id, colour and stream offsets; pending until the background saved it. */
export interface Placement {
  id: string;
  color: HighlightColor;
  start: number;
  end: number;
  pending?: boolean;
}

interface Painted extends Placement {
  range: StaticRange;
  /** The text painted over, to tell when the page changed it. */
  text: string;
}

/** How a highlight is painted: in its colour, or in the pending style while its save is unconfirmed. */
type Paint = HighlightColor | 'pending';

const PAINTS: Paint[] = [...HIGHLIGHT_COLORS, 'pending'];

/** The CSS highlight name of a paint (styled in the content script's CSS). */
export function highlightName(paint: Paint): string {
  return `gloss-hl-${paint}`;
}

/**
 * The reader's highlights on the page: one CSS highlight per colour, painted under the
 * mention underline, never touching the DOM. Hit-testing goes by stream offsets.
 */
export class HighlightLayer {
  private readonly byColor = new Map<Paint, Highlight>();
  private painted: Painted[] = [];

  constructor() {
    for (const paint of PAINTS) {
      const h = new Highlight();
      h.priority = -1;
      this.byColor.set(paint, h);
      CSS.highlights.set(highlightName(paint), h);
    }
  }

  /** Replaces what is painted with `placements` over `stream`. */
  paint(stream: TextStream, placements: Placement[]): void {
    this.clear();
    this.painted = placements.map((p) => ({
      ...p,
      range: new StaticRange(streamBounds(stream, p.start, p.end)),
      text: stream.text.slice(p.start, p.end),
    }));
    for (const p of this.painted) this.byColor.get(p.pending ? 'pending' : p.color)!.add(p.range);
  }

  /** Whether every painted highlight still sits on the text it was painted over. */
  intact(): boolean {
    return this.painted.every((p) => {
      try {
        return p.range.startContainer.isConnected && liveRange(p.range).toString() === p.text;
      } catch {
        // The page shortened a text node under the range's ends.
        return false;
      }
    });
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
    // A newer Gloss (injected after an update) may have registered these names already.
    for (const [paint, h] of this.byColor) if (CSS.highlights.get(highlightName(paint)) === h) CSS.highlights.delete(highlightName(paint));
  }
}
