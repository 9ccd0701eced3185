/**
 * Gloss's work in a page runs in slices of about this many milliseconds, so that no task it
 * runs holds up the page's input and rendering for long (a long task is one over 50 ms).
 */
export const SLICE_MS = 8;

/** Lets the page run its input, rendering and scripts before Gloss goes on. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  // scheduler.yield resumes ahead of other queued work; a message is the unthrottled fallback.
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
