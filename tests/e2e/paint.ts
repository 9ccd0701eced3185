/** How often, and how many times in a row, the count of painted mentions must hold still. */
const POLL_MS = 150;
const STILL_POLLS = 3;

/**
 * Waits until Gloss has painted mentions and their count has held still for a few polls
 * (painting goes in slices). Read from the page's highlight registry, as a page could:
 * release builds leave no performance marks to wait on.
 */
export async function waitForSettledPaint(count: () => Promise<number>, timeout = 20_000): Promise<number> {
  const until = Date.now() + timeout;
  let last = -1;
  let still = 0;
  while (Date.now() < until) {
    const n = await count();
    still = n > 0 && n === last ? still + 1 : 0;
    if (still >= STILL_POLLS) return n;
    last = n;
    await new Promise((ok) => setTimeout(ok, POLL_MS));
  }
  throw new Error(`Gloss painted no mentions within ${timeout} ms (last count ${last})`);
}

/** In the page: how many mentions Gloss has painted. */
export const mentionCount = () => CSS.highlights.get('gloss-mention')?.size ?? 0;
