import type { GlossDB } from '../db';
import { backupFile } from './backup';
import { entityNotesWithoutPage, groupByPage } from './bundle';
import { csvFile } from './csv';
import type { ExportFile, ExportFormat } from './files';
import { markdownFile } from './markdown';
import { readBundle, readPageBundle } from './read-bundle';
import { w3cFile } from './w3c';

export type { ExportFile, ExportFormat } from './files';

/** Exports everything of the reader's in one format (`markdown` is one file, `markdown-zip` one file per page). */
export async function exportAll(db: GlossDB, format: ExportFormat, now = new Date()): Promise<ExportFile> {
  const bundle = await readBundle(db);
  switch (format) {
    case 'markdown':
      return markdownFile(groupByPage(bundle), now, 'one-file', entityNotesWithoutPage(bundle));
    case 'markdown-zip':
      return markdownFile(groupByPage(bundle), now, 'zip', entityNotesWithoutPage(bundle));
    case 'w3c':
      return w3cFile(bundle, now);
    case 'csv':
      return csvFile(groupByPage(bundle), now);
    case 'backup':
      return backupFile(bundle, now);
  }
}

/**
 * Exports one page (its highlights, page note and the notes on the entities it mentions) as
 * Markdown with front matter, W3C JSON or CSV; throws when the page has nothing to export.
 */
export async function exportPage(db: GlossDB, source: string, format: 'markdown' | 'w3c' | 'csv', now = new Date()): Promise<ExportFile> {
  const bundle = await readPageBundle(db, source);
  const groups = groupByPage(bundle);
  const group = groups[0];
  if (!group) throw new Error('There is nothing on this page to export yet.');
  if (format === 'markdown') return markdownFile(groups, now, 'page');
  if (format === 'csv') return csvFile(groups, now);
  return w3cFile({ highlights: group.highlights, notes: [...(group.pageNote ? [group.pageNote] : []), ...group.entityNotes] }, now, group);
}
