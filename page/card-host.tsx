import { render } from 'preact';
import { HoverCard, type HoverCardProps } from '../components/HoverCard';
import cardCss from '../components/hover-card.css?inline';
import { floatNear } from './float';
import { shadowHost } from './shadow-host';

/**
 * Owns Gloss's one element in the page: a host with a closed shadow root, so page CSS
 * cannot restyle the card and page scripts cannot read it. Created on first use.
 */
export class CardHost {
  readonly element: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly mount: HTMLDivElement;
  private readonly attach: () => void;
  private stopPositioning?: () => void;
  private returnFocus?: Element | null;

  constructor(onPointerEnter: () => void, onPointerLeave: () => void) {
    ({ element: this.element, root: this.root, attach: this.attach } = shadowHost('gloss-card', 'display:none', cardCss));
    this.mount = document.createElement('div');
    this.root.append(this.mount);
    this.element.addEventListener('pointerenter', (e) => e.isTrusted && onPointerEnter());
    this.element.addEventListener('pointerleave', (e) => e.isTrusted && onPointerLeave());
  }

  get isOpen(): boolean {
    return this.element.style.display !== 'none';
  }

  /** Whether the pointer is over the card, its note frame included (which the page gets no pointer events from). */
  get isHovered(): boolean {
    return this.element.matches(':hover');
  }

  /** Shows (or updates) the card next to `anchor`; with `focus`, moves keyboard focus into it. */
  show(props: HoverCardProps, anchor: () => DOMRect, focus: boolean): void {
    this.attach();
    render(<HoverCard {...props} />, this.mount);
    const wasOpen = this.isOpen;
    this.element.style.display = 'block';
    this.stopPositioning?.();
    this.stopPositioning = floatNear(this.element, anchor, 'bottom-start');
    if (focus) {
      if (!wasOpen) this.returnFocus = document.activeElement;
      this.root.querySelector<HTMLElement>('[role="dialog"]')?.focus();
    }
  }

  /** Hides the card and gives focus back to where it was, if the card had taken it. */
  hide(): void {
    if (!this.isOpen) return;
    this.stopPositioning?.();
    this.stopPositioning = undefined;
    const hadFocus = this.root.activeElement !== null;
    render(null, this.mount);
    this.element.style.display = 'none';
    if (hadFocus && this.returnFocus instanceof HTMLElement) this.returnFocus.focus();
    this.returnFocus = undefined;
  }

  /** Removes the host from the page. */
  remove(): void {
    this.hide();
    this.element.remove();
  }
}
