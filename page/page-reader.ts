import type { HoverCardProps } from '../components/HoverCard';
import { AliasFlag } from '../lib/matcher/compiled';
import { Settler } from '../lib/settle';
import type { CardData, PageEntity, PageState, ScanRequest } from '../lib/messaging';
import { MENTION_STRIDE, decodeScan, type ScanResponse, type ScanResult } from '../lib/scan-codec';
import { BENCH_MARKS, benchMark } from './bench-marks';
import { CardHost } from './card-host';
import { MentionLayer, caretAt, liveRange, rangeContainsPoint, type MentionRef } from './mention-layer';
import type { NoteFrames, OpenNoteFrame } from './note-frames';
import { pageScheme } from './page-scheme';
import { SKIP_SELECTOR, TextStreamReader, type TextStream } from './text-stream';
import { SLICE_MS, yieldToPage } from './time-slice';

/** What the page side needs from the background. */
export interface ReaderDeps {
  scan(req: ScanRequest): Promise<ScanResponse>;
  card(id: string): Promise<CardData | null>;
}

/** Dwell before a card opens, like Wikipedia's page previews. */
const DWELL_MS = 500;
/** Grace to move the pointer from a mention onto its card. */
const GRACE_MS = 300;
/** Quiet time after the page changes before late content is read… */
const SETTLE_MS = 150;
/** …and the longest late content waits while the page never stops changing. */
const MAX_WAIT_MS = 300;

/**
 * Gloss in one page: reads the text, paints mentions, opens cards on dwell or from the
 * keyboard, and reads late content as it arrives. Reacts only to trusted input.
 */
export class PageReader {
  private readonly layer = new MentionLayer();
  private readonly host: CardHost;
  private state: PageState = 'on';
  private hovered?: MentionRef;
  private openRef?: MentionRef;
  private dwellTimer?: ReturnType<typeof setTimeout>;
  private closeTimer?: ReturnType<typeof setTimeout>;
  private readonly settler = new Settler(() => void this.readLate(), SETTLE_MS, MAX_WAIT_MS);
  private pendingRoots = new Set<Node>();
  /** Open shadow roots whose text is read: followed like the body, and searched for the caret. */
  private readonly shadowRoots = new Set<ShadowRoot>();
  /** Whether the last read of the whole page failed, so the next change reads it all again. */
  private dark = false;
  private pointer?: { x: number; y: number };
  private frame = 0;
  private readonly cards = new Map<string, Promise<CardData | null>>();
  private observer?: MutationObserver;
  private generation = 0;
  private note?: { entity: string; frame: OpenNoteFrame };

  constructor(
    private readonly deps: ReaderDeps,
    /** Where the card shows the reader's note on the entity: an extension page the page cannot read. */
    private readonly frames: NoteFrames,
    private readonly signal: AbortSignal,
  ) {
    this.host = new CardHost(
      () => this.cancelClose(),
      () => this.scheduleClose(),
    );
    signal.addEventListener('abort', () => this.stop());
  }

  /** Reads the whole page and starts following it. */
  async start(): Promise<void> {
    const opts = { capture: true, passive: true, signal: this.signal };
    window.addEventListener('pointermove', (e) => this.onPointerMove(e), opts);
    window.addEventListener('keydown', (e) => this.onKeyDown(e), { capture: true, signal: this.signal });
    window.addEventListener('scroll', () => this.onPointerStill(), opts);
    this.observer = new MutationObserver((records) => this.onMutations(records));
    await this.readAll();
  }

  /** Forgets the cards fetched so far: the reader's notes on entities changed elsewhere. */
  forgetCards(): void {
    this.cards.clear();
  }

  /** Forgets everything painted and reads the page again (settings or knowledge base changed). */
  async refresh(): Promise<void> {
    this.host.hide();
    this.layer.clear();
    await this.readAll();
  }

  /** Host name, mention count and state, for the popup. */
  info(): { host: string; mentionCount: number; state: PageState } {
    return { host: location.hostname, mentionCount: this.layer.count, state: this.state };
  }

  /** Opens the card of the mention after the open one (or the first one in view) and focuses it. */
  next(): void {
    const all = this.layer.all();
    if (all.length === 0) return;
    let k = this.openRef ? all.findIndex((r) => sameRef(r, this.openRef)) + 1 : -1;
    if (k < 0) {
      k = all.findIndex((r) => liveRange(this.layer.view(r).range).getBoundingClientRect().top >= 0);
      if (k < 0) k = 0;
    }
    const ref = all[k % all.length];
    const rect = liveRange(this.layer.view(ref).range).getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > innerHeight) window.scrollBy({ top: rect.top - innerHeight / 3 });
    void this.open(ref, true);
  }

  private async readAll(): Promise<void> {
    const generation = ++this.generation;
    this.dark = false;
    this.observer?.disconnect();
    if (!document.body) return;
    const stale = () => generation !== this.generation || this.signal.aborted;
    benchMark('read-start');
    const stream = await this.read(document.body, stale);
    if (!stream) return;
    benchMark('read-end');
    let response: ScanResult;
    try {
      response = await this.scan(stream);
    } catch {
      // The background could not answer even after retries: keep following the page, and
      // read all of it again at its next change rather than staying dark until a reload.
      this.dark = !stale();
      if (this.dark) this.follow();
      return;
    }
    if (stale()) return;
    benchMark('scanned', { mentions: response.mentions.length / MENTION_STRIDE });
    this.state = response.state;
    if (response.state !== 'on') return;
    if (!(await this.layer.add(stream, response, stale))) return;
    if (BENCH_MARKS) requestAnimationFrame(() => benchMark('painted'));
    this.follow();
  }

  /** Watches the body and every open shadow root read so far for changes. */
  private follow(): void {
    const opts = { childList: true, subtree: true, characterData: true };
    this.observer?.observe(document.body, opts);
    for (const root of this.shadowRoots) this.observer?.observe(root, opts);
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'characterData') {
        // Its mentions' offsets no longer fit the new text: unpaint them now, read them again on settling.
        this.layer.removeWithin(r.target);
        if (r.target.parentElement) this.pendingRoots.add(r.target.parentElement);
        continue;
      }
      for (const n of r.addedNodes) {
        const root = n.nodeType === Node.TEXT_NODE ? n.parentElement : n;
        if (root) this.pendingRoots.add(root);
      }
      if (r.removedNodes.length > 0) this.pendingRoots.add(r.target);
    }
    this.settler.poke();
  }

  /**
   * Reads only the subtrees that changed, all of them in one stream and one scan request:
   * late content is never a reason to re-read the page, nor to ask the background once per paragraph.
   */
  private async readLate(): Promise<void> {
    if (this.dark) return this.readAll();
    const generation = this.generation;
    const stale = () => generation !== this.generation || this.signal.aborted;
    const roots = [...this.pendingRoots].filter((n) => n.isConnected);
    this.pendingRoots.clear();
    const outer = roots.filter((root) => {
      const el = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : root.parentElement;
      return el && !el.closest(SKIP_SELECTOR) && !roots.some((o) => o !== root && o.contains(root));
    });
    const stream = await this.read(outer, stale);
    if (!stream) return;
    for (const root of outer) this.layer.removeWithin(root);
    if (!/\S/.test(stream.text)) return;
    let response: ScanResult;
    try {
      response = await this.scan(stream);
    } catch {
      // Kept for the next change to read, with whatever arrives meanwhile.
      if (!stale()) outer.forEach((root) => this.pendingRoots.add(root));
      return;
    }
    if (stale() || response.state !== 'on') return;
    if (await this.layer.add(stream, response, stale)) this.follow();
  }

  /** Reads subtrees' text in slices; undefined if a newer read made this one moot. */
  private async read(root: Node | Node[], stale: () => boolean): Promise<TextStream | undefined> {
    let reader = new TextStreamReader(root, this.host.element);
    while (!reader.read(performance.now() + SLICE_MS)) {
      await yieldToPage();
      if (stale()) return undefined;
      // The page moved the node the walk stood on: read the subtree again from the start.
      if (reader.lost) reader = new TextStreamReader(root, this.host.element);
    }
    // Their text is painted by the content script's own style sheet, which Chromium applies
    // inside shadow trees too, so nothing is added to the page's.
    for (const shadow of reader.shadowRoots) this.shadowRoots.add(shadow);
    return reader.result();
  }

  private async scan(stream: TextStream): Promise<ScanResult> {
    return decodeScan(await this.deps.scan({ text: stream.text, breaks: stream.breaks, url: location.href }));
  }

  private onPointerMove(e: PointerEvent): void {
    if (!e.isTrusted) return;
    this.pointer = { x: e.clientX, y: e.clientY };
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.onPointerStill();
    });
  }

  private onPointerStill(): void {
    if (!this.pointer) return;
    const { x, y } = this.pointer;
    if (this.host.isOpen && this.host.element.getBoundingClientRect().width > 0 && overElement(this.host.element, x, y)) return;
    const caret = caretAt(x, y, [...this.shadowRoots]);
    let ref = caret ? this.layer.at(caret.node, caret.offset) : undefined;
    if (ref && !rangeContainsPoint(this.layer.view(ref).range, x, y)) ref = undefined;
    if (sameRef(ref, this.hovered)) return;
    this.hovered = ref;
    clearTimeout(this.dwellTimer);
    if (ref) this.dwellTimer = setTimeout(() => void this.open(ref, false), DWELL_MS);
    if (this.host.isOpen) {
      if (sameRef(ref, this.openRef)) this.cancelClose();
      else this.scheduleClose();
    }
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.isTrusted && e.key === 'Escape' && this.host.isOpen) {
      this.close();
    }
  }

  private async open(ref: MentionRef, focus: boolean): Promise<void> {
    this.cancelClose();
    this.openRef = ref;
    const view = this.layer.view(ref);
    let last: HoverCardProps | undefined;
    const paint = (p: HoverCardProps, takeFocus: boolean) => {
      last = p;
      this.host.show(p, anchor, takeFocus);
    };
    // The frame reports its height as the reader opens or saves the note: the card follows, keeping focus where it is.
    const noteFrame = (data: CardData): HoverCardProps['noteFrame'] => {
      const frame = this.entityFrame(data.id, () => this.openRef === ref && last && paint({ ...last, noteFrame: noteFrame(data) }, false));
      return { src: frame.src, height: frame.height, title: `Your note on ${data.name}` };
    };
    const props = (data: CardData | null | undefined, entity: PageEntity): HoverCardProps => ({
      data,
      name: entity.name || view.alias,
      match: {
        alias: view.alias,
        demonym: (view.flags & AliasFlag.Demonym) !== 0,
        alternatives: view.resolution?.alternatives ?? [],
        supportedBy: view.resolution?.supportedBy,
      },
      scheme: pageScheme(),
      onClose: () => this.close(),
      onSelectRelated: (related) => void show(related),
      noteFrame: data ? noteFrame(data) : undefined,
    });
    const anchor = () => liveRange(view.range).getBoundingClientRect();
    const show = async (entity: PageEntity) => {
      paint(props(undefined, entity), focus);
      const data = await this.cardData(entity.id);
      if (this.openRef === ref) paint(props(data, entity), focus);
    };
    await show(view.entity);
  }

  /** The note frame of the open card's entity: opened once per entity the card shows. */
  private entityFrame(entity: string, onHeight: () => void): OpenNoteFrame {
    if (this.note?.entity !== entity) {
      this.closeNote();
      const frame = this.frames.open({ entity }, pageScheme(), (e) => {
        if (e.type === 'height') onHeight();
        else if (e.type === 'closed') this.close();
      });
      this.note = { entity, frame };
    }
    return this.note.frame;
  }

  private closeNote(): void {
    this.note?.frame.close();
    this.note = undefined;
  }

  private cardData(id: string): Promise<CardData | null> {
    let p = this.cards.get(id);
    if (!p) {
      p = this.deps.card(id).catch(() => null);
      this.cards.set(id, p);
    }
    return p;
  }

  private scheduleClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => !this.host.isHovered && this.close(), GRACE_MS);
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
  }

  private close(): void {
    this.cancelClose();
    this.openRef = undefined;
    this.closeNote();
    this.host.hide();
  }

  private stop(): void {
    this.generation++;
    this.observer?.disconnect();
    clearTimeout(this.dwellTimer);
    clearTimeout(this.closeTimer);
    this.settler.cancel();
    this.closeNote();
    this.host.remove();
    this.layer.dispose();
  }
}

function sameRef(a?: MentionRef, b?: MentionRef): boolean {
  return a === b || (a !== undefined && b !== undefined && a.chunk === b.chunk && a.index === b.index);
}

function overElement(el: Element, x: number, y: number): boolean {
  const r = el.getBoundingClientRect();
  return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
}
