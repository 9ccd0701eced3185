/**
 * Whether a failed message to the background is worth sending again: the service worker was
 * stopped while answering, or is starting and not yet listening.
 */
export function isTransient(e: unknown): boolean {
  return /(port|channel) closed|end does not exist|No response/.test(String(e));
}

/** Calls `fn`, and on a transient failure calls it again after 100, 200, 400… ms, `tries` times in all. */
export async function withRetry<T>(fn: () => Promise<T>, tries = 5, delayMs = 100): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= tries || !isTransient(e)) throw e;
      await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** (attempt - 1)));
    }
  }
}
