import { autoUpdate, computePosition, flip, offset, shift, size, type Placement } from '@floating-ui/dom';

/**
 * Keeps a fixed-position `element` next to `anchor` and inside the viewport as the page
 * scrolls and resizes. Returns the function that stops following.
 */
export function floatNear(element: HTMLElement, anchor: () => DOMRect, placement: Placement): () => void {
  const reference = { getBoundingClientRect: anchor };
  return autoUpdate(reference, element, () => {
    void computePosition(reference, element, {
      strategy: 'fixed',
      placement,
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply: ({ availableHeight }) => {
            element.style.maxHeight = `${Math.max(120, availableHeight)}px`;
          },
        }),
      ],
    }).then(({ x, y }) => {
      element.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    });
  });
}
