import { browser } from 'wxt/browser';

/**
 * What the background remembers per tab: the entities its page mentions (for the popup and
 * for the notes that go with a page's export) and a highlight to scroll to once it loads.
 * Kept in session storage, because the service worker may stop between two messages.
 */
export class TabMemory {
  /** Adds the ids of entities found in a tab's page (late content adds more). */
  async addEntities(tabId: number, ids: string[]): Promise<void> {
    const key = entitiesKey(tabId);
    const known = await this.entities(tabId);
    const seen = new Set(known);
    const added = ids.filter((id) => !seen.has(id) && seen.add(id));
    if (added.length > 0) await browser.storage.session.set({ [key]: [...known, ...added] });
  }

  /** The ids of the entities a tab's page mentions, in the order they were found. */
  async entities(tabId: number): Promise<string[]> {
    const key = entitiesKey(tabId);
    return ((await browser.storage.session.get(key))[key] as string[] | undefined) ?? [];
  }

  /** Forgets a tab's entities (it is loading another page). */
  async forgetEntities(tabId: number): Promise<void> {
    await browser.storage.session.remove(entitiesKey(tabId));
  }

  /** Remembers to scroll tab `tabId` to highlight `id` once its page has loaded. */
  async setJump(tabId: number, id: string): Promise<void> {
    await browser.storage.session.set({ [jumpKey(tabId)]: id });
  }

  /** The highlight a tab should scroll to, once. */
  async takeJump(tabId: number): Promise<string | null> {
    const key = jumpKey(tabId);
    const id = (await browser.storage.session.get(key))[key] as string | undefined;
    if (id) await browser.storage.session.remove(key);
    return id ?? null;
  }

  /** Forgets everything about a closed tab. */
  async forget(tabId: number): Promise<void> {
    await browser.storage.session.remove([entitiesKey(tabId), jumpKey(tabId)]);
  }
}

function entitiesKey(tabId: number): string {
  return `tab:${tabId}:entities`;
}

function jumpKey(tabId: number): string {
  return `tab:${tabId}:jump`;
}
