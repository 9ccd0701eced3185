import { HighlightToolbar } from '../components/HighlightToolbar';
import { NoteFrame } from '../components/NoteFrame';
import { Toast } from '../components/Toast';
import { Anchorer } from '../lib/anchoring/anchor';
import { describe, trimToText } from '../lib/anchoring/describe';
import type { AnchoringReport, PageAnnotations } from '../lib/annotations/store';
import { newHighlightId, type Highlight, type HighlightColor } from '../lib/annotations/types';
import { canonicalUrl } from '../lib/annotations/url';
import { Settler } from '../lib/settle';
import { HighlightLayer, type Placement } from './highlight-layer';
import { caretAt, liveRange, rangeContainsPoint } from './mention-layer';
import { pageScheme } from './page-scheme';
import type { NoteFrames, OpenNoteFrame } from './note-frames';
import { nodeIndex, offsetOfPoint, rangeToOffsets, refusal } from './selection';
import { readTextStream, type TextStream } from './text-stream';
import { ToolsHost } from './tools-host';

/** What highlighting needs from the background. */
export interface HighlighterDeps {
  load(source: string): Promise<PageAnnotations>;
  /** Saves a new highlight, or puts back a deleted one. */
  save(h: Highlight): Promise<unknown>;
  remove(id: string): Promise<Highlight | null>;
  report(r: Omit<AnchoringReport, 'entities'>): Promise<void>;
  takeJump(): Promise<string | null>;
}

/** Quiet time after the page changes before highlights are placed again… */
const SETTLE_MS = 300;
/** …and the longest they wait while the page never stops changing. */
const MAX_WAIT_MS = 1000;

/**
 * The reader's highlights in one page: the selection toolbar, painting, the editor, and
 * placing every highlight again whenever the page's text changes or it navigates in place.
 */
export class Highlighter {
  private readonly layer = new HighlightLayer();
  private readonly host = new ToolsHost();
  private highlights: Highlight[] = [];
  private source = '';
  private stream?: TextStream;
  private index?: Map<Text, number>;
  private color: HighlightColor = 'yellow';
  private observer?: MutationObserver;
  private readonly settler = new Settler(() => this.settled(), SETTLE_MS, MAX_WAIT_MS);
  /** Highlights painted but not yet confirmed saved by the background. */
  private readonly pending = new Set<string>();
  private lastReport = '';
  private generation = 0;
  private editor?: OpenNoteFrame;

  constructor(
    private readonly deps: HighlighterDeps,
    /** Where the editor lives: an extension page, so the page never sees the reader's note. */
    private readonly frames: NoteFrames,
    private readonly signal: AbortSignal,
    /** Gloss's other UI in the page, where a selection is never a passage. */
    private readonly otherHosts: () => Element[],
  ) {
    signal.addEventListener('abort', () => this.stop());
  }

  /** Loads and paints the page's highlights and starts following the reader and the page. */
  async start(): Promise<void> {
    const opts = { capture: true, signal: this.signal };
    document.addEventListener(
      'mouseup',
      (e) => e.isTrusted && !this.host.contains(e.target) && setTimeout(() => this.offerToolbar()),
      opts,
    );
    document.addEventListener('keyup', (e) => e.isTrusted && e.shiftKey && setTimeout(() => this.offerToolbar()), opts);
    document.addEventListener(
      'selectionchange',
      () => this.host.kind === 'toolbar' && getSelection()?.isCollapsed && this.host.hide(),
      opts,
    );
    document.addEventListener('click', (e) => this.onClick(e), opts);
    document.addEventListener(
      'keydown',
      (e) => e.isTrusted && e.key === 'Escape' && this.host.kind === 'toolbar' && this.host.hide(),
      opts,
    );
    window.addEventListener('popstate', () => this.settler.poke(), opts);
    this.observer = new MutationObserver(() => this.settler.poke());
    if (document.body) this.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    await this.reload();
    const jump = await this.deps.takeJump().catch(() => null);
    if (jump) this.jumpTo(jump);
  }

  /** Loads the page's highlights again (they changed elsewhere, or the page navigated) and places them. */
  async reload(): Promise<void> {
    const generation = ++this.generation;
    const source = canonicalUrl(location.href);
    const { highlights } = await this.deps.load(source);
    if (generation !== this.generation || this.signal.aborted) return;
    if (source !== this.source) this.lastReport = '';
    this.source = source;
    this.highlights = highlights;
    this.place();
  }

  /** Highlights the current selection, if it may be highlighted; with `withNote`, opens its editor. */
  async highlightSelection(color: HighlightColor | null, withNote = false): Promise<void> {
    const selection = getSelection();
    if (refusal(selection, this.ownHosts())) return;
    const range = selection!.getRangeAt(0);
    const { stream, index } = this.read();
    const offsets = rangeToOffsets(stream, index, range);
    const trimmed = offsets && trimToText(stream.text, offsets[0], offsets[1]);
    if (!trimmed) return;
    if (color) this.color = color;
    const now = new Date().toISOString();
    const h: Highlight = {
      id: newHighlightId(),
      source: canonicalUrl(location.href),
      title: document.title,
      ...describe(stream.text, trimmed[0], trimmed[1]),
      color: this.color,
      note: '',
      tags: [],
      created: now,
      updated: now,
    };
    selection!.removeAllRanges();
    this.host.hide();
    const saved = await this.commit(
      h,
      () => this.highlights.push(h),
      () => (this.highlights = this.highlights.filter((x) => x.id !== h.id)),
      stream,
    );
    if (saved && withNote) this.openEditor(h.id);
  }

  /** Scrolls highlight `id` into view and selects its text; false when it is not on this page. */
  jumpTo(id: string): boolean {
    const range = this.layer.rangeOf(id);
    if (!range) return false;
    const live = liveRange(range);
    const rect = live.getBoundingClientRect();
    window.scrollBy({ top: rect.top - innerHeight / 3, behavior: 'instant' });
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(live);
    return true;
  }

  /** Shows a short message in the page (closed shadow root, dismissible). */
  notify(message: string, actionLabel?: string, onAction?: () => void, ms?: number): void {
    this.host.notify(
      <Toast
        message={message}
        actionLabel={actionLabel}
        onAction={onAction}
        onDismiss={() => this.host.dismissToast()}
        scheme={pageScheme()}
      />,
      ms,
    );
  }

  /** Says that Gloss lost its extension under this page (updated, turned off) and offers to reload the page. */
  offerReload(): void {
    // Shown until the reader acts: nothing made on this page can be saved any more.
    this.notify('Gloss was updated: reload this page to save highlights on it.', 'Reload', () => location.reload(), 2 ** 31 - 1);
  }

  /** The page's canonical URL and title, how many highlights are painted and how many are orphans. */
  info(): { source: string; title: string; painted: number; orphans: number } {
    return {
      source: this.source || canonicalUrl(location.href),
      title: document.title,
      painted: this.layer.count,
      orphans: this.highlights.length - this.layer.count,
    };
  }

  private ownHosts(): Element[] {
    return [this.host.element, ...this.otherHosts()];
  }

  private read(): { stream: TextStream; index: Map<Text, number> } {
    const stream = readTextStream(document.body, this.host.element);
    const index = nodeIndex(stream);
    this.stream = stream;
    this.index = index;
    return { stream, index };
  }

  /**
   * The page settled after changes: highlights are placed again only if it navigated, if the
   * text under one changed, or if one not yet placed may now find its text. Content appended
   * elsewhere (infinite scroll) costs no read of the page.
   */
  private settled(): void {
    if (canonicalUrl(location.href) !== this.source) void this.reload();
    else if (this.layer.count < this.highlights.length || !this.layer.intact()) this.place();
  }

  /**
   * Applies a change to highlight `h` and paints it pending until the background saves it; if
   * the save fails, reverts the change and says why, offering to try again. True once saved.
   */
  private async commit(h: Highlight, apply: () => void, revert: () => void, stream?: TextStream): Promise<boolean> {
    apply();
    this.pending.add(h.id);
    this.place(stream);
    try {
      await this.deps.save(h);
      this.pending.delete(h.id);
      // Over the text last read: if the page changed since, settling places the highlights again.
      this.place(this.stream);
      return true;
    } catch (e) {
      this.pending.delete(h.id);
      revert();
      this.place();
      this.notify(`Highlight not saved: ${(e as Error).message}`, 'Retry', () => {
        this.host.dismissToast();
        void this.commit(h, apply, revert);
      });
      return false;
    }
  }

  /**
   * Places every highlight over the page's current text (`stream`, when it was just read);
   * those that cannot be placed are orphans.
   */
  private place(stream?: TextStream): void {
    if (!document.body) return;
    // Most pages have no highlights: they cost no second read of the page.
    if (this.highlights.length === 0) {
      this.layer.clear();
      return;
    }
    stream ??= this.read().stream;
    const anchorer = new Anchorer(stream.text);
    const placements: Placement[] = [];
    const orphans: string[] = [];
    for (const h of this.highlights) {
      const a = anchorer.anchor(h);
      if (a) placements.push({ id: h.id, color: h.color, start: a.start, end: a.end, pending: this.pending.has(h.id) });
      else orphans.push(h.id);
    }
    this.layer.paint(stream, placements);
    const anchored = placements.map((p) => p.id);
    const key = JSON.stringify([this.source, orphans, anchored]);
    if (key !== this.lastReport) {
      this.lastReport = key;
      void this.deps.report({ source: this.source, title: document.title, orphans, anchored }).catch(() => undefined);
    }
  }

  private offerToolbar(): void {
    const selection = getSelection();
    if (refusal(selection, this.ownHosts())) return;
    const range = selection!.getRangeAt(0);
    if (!/\S/.test(range.toString())) return;
    const rect = range.getBoundingClientRect();
    this.host.show(
      'toolbar',
      <HighlightToolbar
        color={this.color}
        scheme={pageScheme()}
        onHighlight={(c) => void this.highlightSelection(c)}
        onAddNote={() => void this.highlightSelection(null, true)}
      />,
      () => (range.getClientRects().length > 0 ? range.getBoundingClientRect() : rect),
      'top',
    );
  }

  private onClick(e: MouseEvent): void {
    if (!e.isTrusted || e.button !== 0 || this.host.contains(e.target) || this.otherHosts().includes(e.target as Element)) return;
    if (this.host.kind === 'editor') {
      this.closeEditor();
      return;
    }
    if (!getSelection()?.isCollapsed || this.layer.count === 0 || !this.stream || !this.index) return;
    if (e.target instanceof Element && e.target.closest('a[href], button, input, textarea, select, label')) return;
    const caret = caretAt(e.clientX, e.clientY);
    if (!caret) return;
    const offset = offsetOfPoint(this.stream, this.index, caret.node, caret.offset);
    const hit = this.layer.at(offset).find((p) => rangeContainsPoint(this.layer.rangeOf(p.id)!, e.clientX, e.clientY));
    if (hit) this.openEditor(hit.id);
  }

  private openEditor(id: string): void {
    const range = this.layer.rangeOf(id);
    if (!this.highlights.some((x) => x.id === id) || !range) return;
    this.editor?.close();
    const frame = this.frames.open({ highlight: id }, pageScheme(), (e) => {
      if (e.type === 'height') show();
      else if (e.type === 'saved') {
        this.closeEditor();
        void this.reload().then(() => {
          this.color = this.highlights.find((x) => x.id === id)?.color ?? this.color;
        });
      } else if (e.type === 'delete') {
        const h = this.highlights.find((x) => x.id === id);
        if (h) void this.delete(h);
      } else this.closeEditor();
    });
    this.editor = frame;
    const show = () =>
      this.host.show(
        'editor',
        <NoteFrame src={frame.src} height={frame.height} title="Edit highlight" focus />,
        () => liveRange(range).getBoundingClientRect(),
        'bottom-start',
      );
    show();
  }

  private closeEditor(): void {
    this.editor?.close();
    this.editor = undefined;
    if (this.host.kind === 'editor') this.host.hide();
  }

  private async delete(h: Highlight): Promise<void> {
    this.highlights = this.highlights.filter((x) => x.id !== h.id);
    this.closeEditor();
    this.place();
    const removed = (await this.deps.remove(h.id)) ?? h;
    const undo = async () => {
      this.host.dismissToast();
      await this.commit(
        removed,
        () => this.highlights.push(removed),
        () => (this.highlights = this.highlights.filter((x) => x !== removed)),
      );
    };
    this.notify('Highlight deleted', 'Undo', () => void undo());
  }

  private stop(): void {
    this.generation++;
    this.observer?.disconnect();
    this.settler.cancel();
    this.editor?.close();
    this.host.remove();
    this.layer.dispose();
  }
}
