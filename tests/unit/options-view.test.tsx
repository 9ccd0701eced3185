import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsView } from '../../components/OptionsView';
import { getSetting } from '../../lib/db';
import { SITES_OFF, unreadableSettings } from '../../lib/kb/site-settings';
import { freshDbEach } from './support/db';
import type { GlossDB } from '../../lib/db';

let db: GlossDB;
freshDbEach((d) => (db = d));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('options page with settings of the wrong kind stored', () => {
  it('opens, lists no site as off, and says which setting it could not read', async () => {
    await db.settings.bulkPut([
      { key: SITES_OFF, value: 5 },
      { key: 'paused', value: false },
    ]);
    const el = document.createElement('div');
    document.body.append(el);
    const props = {
      packs: [],
      stats: null,
      message: null,
      busy: false,
      onImport: vi.fn(),
      onToggle: vi.fn(),
      onRemove: vi.fn(),
      onSiteOn: vi.fn(),
    };
    render(
      <OptionsView {...props} sitesOff={await getSetting<string[]>(db, SITES_OFF, [])} unreadable={await unreadableSettings(db)} />,
      el,
    );
    expect(el.querySelector('[data-testid="unreadable-settings"]')?.textContent).toMatch(/could not read the stored setting sitesOff \(/);
    expect(el.textContent).toContain('None. Switch Gloss off for a site from the toolbar popup.');
  });
});
