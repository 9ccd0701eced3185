import { liveQuery } from 'dexie';
import { render } from 'preact';
import { OptionsView, type OptionsViewProps } from '../../components/OptionsView';
import { TransferPanel, type TransferPanelProps } from '../../components/TransferPanel';
import { GlossDB, getSetting } from '../../lib/db';
import { exportAll } from '../../lib/export';
import { applyImport, previewImport } from '../../lib/export/apply-import';
import type { ExportFormat } from '../../lib/export/files';
import { checkImportSize, parseImport, type ParsedImport } from '../../lib/export/import-file';
import { ImportError } from '../../lib/export/import-issues';
import { PackFileError, parsePackFile } from '../../lib/kb/pack-file';
import { installPack, removePack, setPackEnabled } from '../../lib/kb/packs';
import { SITES_OFF, setSiteOff, unreadableSettings } from '../../lib/kb/site-settings';
import { sendMessage, type MatcherStats } from '../../lib/messaging';
import { download, readWithProgress } from '../../components/download';

const db = new GlossDB();
const app = document.getElementById('app')!;
let state: Pick<OptionsViewProps, 'packs' | 'stats' | 'sitesOff' | 'unreadable' | 'message' | 'busy'> = {
  packs: [],
  stats: null,
  sitesOff: [],
  unreadable: [],
  message: null,
  busy: false,
};
let transfer: Pick<TransferPanelProps, 'importStep' | 'exporting' | 'message'> = {
  importStep: { step: 'idle' },
  exporting: null,
  message: null,
};
/** The file the preview shows, kept until the reader confirms or cancels. */
let pending: ParsedImport | null = null;

function update(patch: Partial<typeof state>, transferPatch: Partial<typeof transfer> = {}) {
  state = { ...state, ...patch };
  transfer = { ...transfer, ...transferPatch };
  render(
    <OptionsView
      {...state}
      onImport={(file) => void importPack(file)}
      onToggle={(id, on) => void setPackEnabled(db, id, on)}
      onRemove={(id) => void removePack(db, id)}
      onSiteOn={(host) => void setSiteOff(db, host, false)}
    >
      <TransferPanel
        {...transfer}
        onExport={(format) => void exportNotes(format)}
        onChoose={(file) => void chooseImport(file)}
        onConfirm={() => void confirmImport()}
        onCancel={() => {
          pending = null;
          update({}, { importStep: { step: 'idle' }, message: { text: 'Import cancelled. Nothing was changed.', error: false } });
        }}
      />
    </OptionsView>,
    app,
  );
}

async function exportNotes(format: ExportFormat) {
  update({}, { exporting: format, message: null });
  try {
    const file = await exportAll(db, format);
    download(file);
    update({}, { message: { text: `Saved ${file.filename}.`, error: false } });
  } catch (e) {
    update({}, { message: { text: `The export failed: ${(e as Error).message}`, error: true } });
  } finally {
    update({}, { exporting: null });
  }
}

async function chooseImport(file: File) {
  pending = null;
  update({}, { importStep: { step: 'reading', fileName: file.name, loaded: 0, total: file.size }, message: null });
  try {
    checkImportSize(file.size);
    const text = await readWithProgress(file, (loaded, total) =>
      update({}, { importStep: { step: 'reading', fileName: file.name, loaded, total } }),
    );
    const parsed = parseImport(text, new Date());
    const plan = await previewImport(db, parsed);
    pending = parsed;
    update({}, { importStep: { step: 'preview', fileName: file.name, format: parsed.format, plan } });
  } catch (e) {
    const text = e instanceof ImportError ? e.message : `The file could not be read: ${(e as Error).message} Nothing was imported.`;
    update({}, { importStep: { step: 'idle' }, message: { text: `${file.name}: ${text}`, error: true } });
  }
}

async function confirmImport() {
  const parsed = pending;
  const from = transfer.importStep;
  if (!parsed || from.step !== 'preview') return;
  pending = null;
  update({}, { importStep: { step: 'importing', fileName: from.fileName } });
  try {
    const { counts } = await applyImport(db, parsed);
    void sendMessage('annotationsImported').catch(() => undefined);
    const text = `Imported ${from.fileName}: ${counts.new} new, ${counts.updated} updated, ${counts.unchanged} unchanged.`;
    update({}, { importStep: { step: 'idle' }, message: { text, error: false } });
  } catch (e) {
    const text = e instanceof ImportError ? e.message : `The import failed and nothing was changed: ${(e as Error).message}`;
    update({}, { importStep: { step: 'idle' }, message: { text: `${from.fileName}: ${text}`, error: true } });
  }
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
  unreadable: await unreadableSettings(db),
  revision: await getSetting(db, 'kbRevision', 0),
})).subscribe(({ packs, sitesOff, unreadable }) => {
  update({ packs, sitesOff, unreadable, stats: null });
  void sendMessage('matcherStats')
    .then((stats: MatcherStats) => update({ stats }))
    .catch(() => undefined);
});
