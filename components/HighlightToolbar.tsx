import { HIGHLIGHT_COLORS, type HighlightColor } from '../lib/annotations/types';
import { COLOR_LABEL } from './colors';

export interface HighlightToolbarProps {
  /** The colour "Highlight" uses: the one the reader picked last. */
  color: HighlightColor;
  scheme: 'light' | 'dark';
  onHighlight: (color: HighlightColor) => void;
  onAddNote: () => void;
}

/** The small toolbar shown next to a selection. Buttons do not take focus, so the selection stays. */
export function HighlightToolbar({ color, scheme, onHighlight, onAddNote }: HighlightToolbarProps) {
  const keep = (e: MouseEvent) => e.preventDefault();
  return (
    <div class={`toolbar theme ${scheme}`} role="toolbar" aria-label="Gloss" onMouseDown={keep}>
      <button type="button" class="primary" onClick={() => onHighlight(color)}>
        <span class={`dot ${color}`} aria-hidden="true" />
        Highlight
      </button>
      {HIGHLIGHT_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          class={`swatch ${c}`}
          aria-label={`Highlight ${COLOR_LABEL[c].toLowerCase()}`}
          title={COLOR_LABEL[c]}
          onClick={() => onHighlight(c)}
        />
      ))}
      <button type="button" onClick={onAddNote}>
        Add note
      </button>
    </div>
  );
}
