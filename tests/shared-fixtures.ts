import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Third-party fixtures are read from ../shared, never copied into the repository. */
export const SHARED = resolve(import.meta.dirname, '../../shared');

/** Whether ../shared is here; in CI it must be, elsewhere tests that need it skip and say so. */
export function sharedAvailable(what: string): boolean {
  if (existsSync(SHARED)) return true;
  if (process.env.CI) throw new Error(`../shared is missing in CI; ${what} cannot run`);
  console.warn(`skipped: ${what} needs ../shared (${SHARED}), which is absent here`);
  return false;
}

/** Reads a file below ../shared. */
export function readShared(path: string): string {
  return readFileSync(resolve(SHARED, path), 'utf8');
}
