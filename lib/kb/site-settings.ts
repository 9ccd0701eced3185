import { getSetting, setSetting, validSetting, type GlossDB } from '../db';
import type { PageState } from '../messaging';

const PAUSED = 'paused';
/** The setting that lists the hosts Gloss is off on. */
export const SITES_OFF = 'sitesOff';

/** Whether Gloss reads pages on `host`, given the global pause and the per-site switch. */
export async function pageState(db: GlossDB, host: string): Promise<PageState> {
  if (await getSetting(db, PAUSED, false)) return 'paused';
  const off = await getSetting<string[]>(db, SITES_OFF, []);
  return off.includes(host) ? 'site-off' : 'on';
}

/** Turns Gloss off (or back on) for one site. */
export async function setSiteOff(db: GlossDB, host: string, off: boolean): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const sites = new Set(await getSetting<string[]>(db, SITES_OFF, []));
    if (off) sites.add(host);
    else sites.delete(host);
    await setSetting(db, SITES_OFF, [...sites].sort());
  });
}

/** Pauses (or resumes) Gloss on every site. */
export async function setPaused(db: GlossDB, paused: boolean): Promise<void> {
  await setSetting(db, PAUSED, paused);
}

/** Whether Gloss is paused everywhere. */
export function isPaused(db: GlossDB): Promise<boolean> {
  return getSetting(db, PAUSED, false);
}

/** Keys of stored settings of the wrong kind (left by an older import), which are read as their defaults. */
export async function unreadableSettings(db: GlossDB): Promise<string[]> {
  return (await db.settings.toArray()).filter((s) => !validSetting(s.key, s.value)).map((s) => s.key);
}
