/**
 * Whether this is the bench build (`wxt build --mode bench`). Only it leaves `gloss:*`
 * performance marks, which any page can read; in a release build this is `false` at build
 * time and the marks' code is left out of the bundle.
 */
export const BENCH_MARKS = import.meta.env.MODE === 'bench';

/** Leaves the performance mark `gloss:<name>` for `npm run bench`, in the bench build only. */
export function benchMark(name: string, detail?: unknown): void {
  if (BENCH_MARKS) performance.mark(`gloss:${name}`, { detail });
}
