import { liveQuery } from 'dexie';
import { render } from 'preact';
import { OptionsView, type OptionsViewProps } from '../../components/OptionsView';
import { GlossDB, getSetting } from '../../lib/db';
import { PackFileError, parsePackFile } from '../../lib/kb/pack-file';
import { installPack, removePack, setPackEnabled } from '../../lib/kb/packs';
import { SITES_OFF, setSiteOff } from '../../lib/kb/site-settings';
import { sendMessage, type MatcherStats } from '../../lib/messaging';

const db = new GlossDB();
const app = document.getElementById('app')!;
let state: Pick<OptionsViewProps, 'packs' | 'stats' | 'sitesOff' | 'message' | 'busy'> = {
  packs: [],
  stats: null,
  sitesOff: [],
  message: null,
  busy: false,
};

function update(patch: Partial<typeof state>) {
  state = { ...state, ...patch };
  render(
    <OptionsView
      {...state}
      onImport={(file) => void importPack(file)}
      onToggle={(id, on) => void setPackEnabled(db, id, on)}
      onRemove={(id) => void removePack(db, id)}
      onSiteOn={(host) => void setSiteOff(db, host, false)}
    />,
    app,
  );
}

async function importPack(file: File) {
  update({ busy: true, message: null });
  try {
    const pack = parsePackFile(await file.text());
    const changed = await installPack(db, pack);
    update({
      message: {
        text: changed
          ? `Installed “${pack.name}”: ${pack.entities.length.toLocaleString('en-US')} entities.`
          : `“${pack.name}” version ${pack.version} is already installed.`,
        error: false,
      },
    });
  } catch (e) {
    const text = e instanceof PackFileError ? e.message : `The pack could not be installed: ${(e as Error).message}`;
    update({ message: { text: `${file.name}: ${text} Nothing was changed.`, error: true } });
  } finally {
    update({ busy: false });
  }
}

liveQuery(async () => ({
  packs: await db.packs.toArray(),
  sitesOff: await getSetting<string[]>(db, SITES_OFF, []),
  revision: await getSetting(db, 'kbRevision', 0),
})).subscribe(({ packs, sitesOff }) => {
  update({ packs, sitesOff, stats: null });
  void sendMessage('matcherStats')
    .then((stats: MatcherStats) => update({ stats }))
    .catch(() => undefined);
});
