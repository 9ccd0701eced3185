import type { Highlight, Note, PageRecord } from '../annotations/types';
import type { EntityEdit, PackRecord, Setting, StoredEntity } from '../db';
import { LOCAL_SETTINGS, STARTER_PACK, type ExportBundle } from './bundle';
import { fileDate, type ExportFile } from './files';
import { FieldError, ImportError, type ImportIssue } from './import-issues';
import { checked } from '../schemas/issues';
import {
  SETTING_SCHEMAS,
  entityEditSchema,
  highlightSchema,
  noteSchema,
  packRecordSchema,
  pageSchema,
  settingSchema,
  storedEntitySchema,
} from '../schemas/records';
import { asObject, describe, isObject, type Obj } from './record-checks';

/** What a full backup's `format` field says, so it is told apart from any other JSON. */
export const BACKUP_FORMAT = 'gloss-backup';

/** The backup format this Gloss writes and the newest it reads. */
export const BACKUP_VERSION = 1;

/** Gloss's own JSON: everything of the reader's, with a format version. */
export interface Backup extends ExportBundle {
  format: typeof BACKUP_FORMAT;
  version: number;
  exported: string;
}

/** The full backup file. */
export function backupFile(bundle: ExportBundle, now: Date): ExportFile {
  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exported: now.toISOString(), ...bundle };
  return { filename: `gloss-backup-${fileDate(now)}.json`, mime: 'application/json', data: JSON.stringify(backup, null, 2) };
}

/** Whether parsed JSON claims to be a Gloss backup (and so is read as one, not as W3C JSON). */
export function isBackup(raw: unknown): raw is Obj {
  return isObject(raw) && raw.format === BACKUP_FORMAT;
}

// Each reader checks the fields Gloss relies on and keeps the record whole, so that a field
// a later version adds survives a backup made by it and restored into it.

function readHighlight(r: Obj): Highlight {
  return checked(highlightSchema, r);
}

function readNote(r: Obj): Note {
  return checked(noteSchema, r);
}

function readPage(r: Obj): PageRecord {
  return checked(pageSchema, r);
}

function readPack(r: Obj): PackRecord {
  if (r.id === STARTER_PACK) throw new FieldError('id', 'the starter pack is never in a backup');
  return checked(packRecordSchema, r);
}

function readEntity(r: Obj, packs: Set<string>): StoredEntity {
  const entity = checked(storedEntitySchema, r);
  if (!packs.has(entity.pack)) throw new FieldError('pack', `names pack "${entity.pack}", which the backup's "packs" does not hold`);
  return entity as StoredEntity;
}

function readEdit(r: Obj): EntityEdit {
  return checked(entityEditSchema, r);
}

function readSetting(r: Obj): Setting {
  const setting = checked(settingSchema, r);
  const schema = SETTING_SCHEMAS[setting.key];
  if (schema) checked(schema, setting.value, 'value');
  return setting as Setting;
}

/** What reading a file's records gives: the good records, and an issue for each bad one. */
export interface ReadRecords {
  records: ExportBundle;
  issues: ImportIssue[];
  /** How many records the file holds, good and bad. */
  total: number;
}

/** Reads one list of a backup, checking each record and that no key is used twice. */
function readList<T>(
  raw: Obj,
  table: keyof ExportBundle,
  keyOf: (r: Obj) => unknown,
  read: (r: Obj) => T,
  issues: ImportIssue[],
): { items: T[]; total: number } {
  const list = raw[table];
  if (list === undefined) return { items: [], total: 0 };
  if (!Array.isArray(list)) throw new ImportError(`The backup's "${table}" must be a list, not ${describe(list)}. Nothing was imported.`);
  const items: T[] = [];
  const seen = new Map<string, number>();
  list.forEach((item: unknown, i) => {
    const record = `${table}[${i}]`;
    const key = isObject(item) && typeof keyOf(item) === 'string' ? (keyOf(item) as string) : undefined;
    try {
      const r = asObject(item, `a ${table} record`);
      const checked = read(r);
      const first = seen.get(key!);
      if (first !== undefined) throw new FieldError('', `has the same key as ${table}[${first}]; each may appear once`);
      seen.set(key!, i);
      items.push(checked);
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      issues.push({ record, id: key, field: e.field, message: e.message });
    }
  });
  return { items, total: list.length };
}

/** Reads a parsed Gloss backup: the file-level checks throw ImportError, record-level ones become issues. */
export function readBackup(raw: Obj): ReadRecords {
  if (typeof raw.version !== 'number' || !Number.isInteger(raw.version) || raw.version < 1)
    throw new ImportError(
      `The backup's "version" must be a whole number from 1, not ${JSON.stringify(raw.version)}. Nothing was imported.`,
    );
  if (raw.version > BACKUP_VERSION)
    throw new ImportError(
      `This backup was made by a newer Gloss (format version ${raw.version}); this Gloss reads up to version ${BACKUP_VERSION}. Update Gloss and import it again. Nothing was imported.`,
    );
  const issues: ImportIssue[] = [];
  const byId = (r: Obj) => r.id;
  const highlights = readList(raw, 'highlights', byId, readHighlight, issues);
  const notes = readList(raw, 'notes', byId, readNote, issues);
  const pages = readList(raw, 'pages', (r) => r.source, readPage, issues);
  const packs = readList(raw, 'packs', byId, readPack, issues);
  const packIds = new Set(packs.items.map((p) => p.id));
  const entities = readList(raw, 'entities', byId, (r) => readEntity(r, packIds), issues);
  const entityEdits = readList(raw, 'entityEdits', byId, readEdit, issues);
  // A backup never carries local-only settings; one that does (edited by hand) has them ignored.
  const settings = readList(raw, 'settings', (r) => r.key, readSetting, issues);
  const lists = [highlights, notes, pages, packs, entities, entityEdits, settings];
  return {
    records: {
      highlights: highlights.items,
      notes: notes.items,
      pages: pages.items,
      packs: packs.items,
      entities: entities.items,
      entityEdits: entityEdits.items,
      settings: settings.items.filter((s) => !LOCAL_SETTINGS.includes(s.key)),
    },
    issues,
    total: lists.reduce((n, l) => n + l.total, 0),
  };
}
