import type { HighlightColor } from '../lib/annotations/types';

/** How each highlight colour is named to the reader (buttons, lists, exports). */
export const COLOR_LABEL: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};
