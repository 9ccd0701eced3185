import { browser } from 'wxt/browser';
import type { NoteFrameEvent } from '../lib/annotations/protocol';

/** One note frame opened by this page's content script. */
export interface OpenNoteFrame {
  src: string;
  /** Its content height as it last reported it (a first guess until then). */
  height: number;
  /** Stops listening to it. */
  close(): void;
}

/**
 * The note frames this content script opened, each known by a random token in its URL, and
 * what each does with the events the background relays from it.
 */
export class NoteFrames {
  private readonly handlers = new Map<string, (e: NoteFrameEvent) => void>();
  private page = browser.runtime.getURL('/note-frame.html');

  /** `pageUrl`: the frame page's URL as the background knows it (Chrome's dynamic id, which pages cannot probe for). */
  constructor(pageUrl: Promise<string>) {
    void pageUrl.then(
      (url) => (this.page = url),
      () => undefined,
    );
  }

  /** A frame showing the editor of a highlight or the note on an entity, in the page's colour scheme. */
  open(what: { highlight: string } | { entity: string }, scheme: 'light' | 'dark', onEvent: (e: NoteFrameEvent) => void): OpenNoteFrame {
    const token = crypto.randomUUID();
    const query = new URLSearchParams({ ...what, scheme, frame: token });
    const frame: OpenNoteFrame = {
      src: `${this.page}?${query}`,
      height: 'highlight' in what ? 320 : 40,
      close: () => this.handlers.delete(token),
    };
    this.handlers.set(token, (e) => {
      if (e.type === 'height') frame.height = e.height;
      onEvent(e);
    });
    return frame;
  }

  /** Hands an event to the frame it came from, if this script still listens to it. */
  dispatch(e: NoteFrameEvent): void {
    this.handlers.get(e.frame)?.(e);
  }
}
