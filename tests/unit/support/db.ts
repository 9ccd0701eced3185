import { afterEach, beforeEach } from 'vitest';
import { GlossDB } from '../../../lib/db';

/** Gives each test of the file its own empty database (`use` receives it) and deletes it after. */
export function freshDbEach(use: (db: GlossDB) => void): void {
  let db: GlossDB;
  beforeEach(() => {
    db = new GlossDB(`test-${crypto.randomUUID()}`);
    use(db);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });
}
