import type { Placement } from '@floating-ui/dom';
import { render, type VNode } from 'preact';
import fieldsCss from '../components/fields.css?inline';
import uiCss from '../components/page-ui.css?inline';
import { floatNear } from './float';
import { shadowHost } from './shadow-host';

/**
 * Gloss's second element in the page, for the selection toolbar, the highlight editor and
 * toasts: a closed shadow root the page can neither restyle nor read. Created on first use.
 */
export class ToolsHost {
  readonly element: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly panel: HTMLDivElement;
  private readonly toast: HTMLDivElement;
  private readonly attach: () => void;
  private stopPositioning?: () => void;
  private toastTimer?: ReturnType<typeof setTimeout>;
  private returnFocus?: Element | null;
  /** What the panel shows: the toolbar or an editor. */
  kind?: 'toolbar' | 'editor';

  constructor() {
    ({ element: this.element, root: this.root, attach: this.attach } = shadowHost('gloss-tools', 'width:0;height:0', uiCss + fieldsCss));
    this.panel = document.createElement('div');
    this.panel.style.cssText = 'position:fixed;top:0;left:0;display:none';
    this.toast = document.createElement('div');
    this.toast.style.cssText = 'position:fixed;bottom:16px;left:50%;transform:translateX(-50%);display:none';
    this.root.append(this.panel, this.toast);
  }

  /** Shows `view` in the panel next to `anchor`; an editor takes focus and gives it back on hide. */
  show(kind: 'toolbar' | 'editor', view: VNode, anchor: () => DOMRect, placement: Placement): void {
    this.attach();
    if (kind === 'editor' && this.kind !== 'editor') this.returnFocus = document.activeElement;
    this.kind = kind;
    render(view, this.panel);
    this.panel.style.display = 'block';
    this.stopPositioning?.();
    this.stopPositioning = floatNear(this.panel, anchor, placement);
  }

  /** Hides the panel. */
  hide(): void {
    if (!this.kind) return;
    const hadFocus = this.root.activeElement !== null;
    this.stopPositioning?.();
    this.stopPositioning = undefined;
    render(null, this.panel);
    this.panel.style.display = 'none';
    this.kind = undefined;
    if (hadFocus && this.returnFocus instanceof HTMLElement) this.returnFocus.focus();
    this.returnFocus = undefined;
  }

  /** Shows a toast for `ms` milliseconds (it stays while hovered or focused). */
  notify(view: VNode, ms = 8000): void {
    this.attach();
    render(view, this.toast);
    this.toast.style.display = 'block';
    clearTimeout(this.toastTimer);
    const dismiss = () => {
      if (this.toast.matches(':hover') || (this.root.activeElement && this.toast.contains(this.root.activeElement))) {
        this.toastTimer = setTimeout(dismiss, 1000);
      } else this.dismissToast();
    };
    this.toastTimer = setTimeout(dismiss, ms);
  }

  /** Removes the toast. */
  dismissToast(): void {
    clearTimeout(this.toastTimer);
    render(null, this.toast);
    this.toast.style.display = 'none';
  }

  /** Whether a DOM event's target is inside Gloss's tools (events from a closed root retarget to the host). */
  contains(target: EventTarget | null): boolean {
    return target === this.element;
  }

  /** Removes the host from the page. */
  remove(): void {
    this.hide();
    this.dismissToast();
    this.element.remove();
  }
}
