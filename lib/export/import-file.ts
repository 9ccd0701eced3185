import { isBackup, readBackup, type ReadRecords } from './backup';
import { ImportError } from './import-issues';
import { isW3C, readW3C } from './w3c-read';

/**
 * The largest file Gloss imports. A reader's notes and own packs come to a few megabytes;
 * 32 MB leaves room for big own packs while keeping the parse (several times the file in
 * memory) well inside an extension page's budget.
 */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/** A parsed import file: which format it was, its good records and an issue for each bad one. */
export interface ParsedImport extends ReadRecords {
  format: 'backup' | 'w3c';
}

/** Rejects a file by its size alone, before it is read; call it with `File.size`. */
export function checkImportSize(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES)
    throw new ImportError(
      `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; Gloss imports files of up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Nothing was imported.`,
    );
}

/**
 * Parses an import file's text: a Gloss full backup or W3C Web Annotation JSON (from Gloss or
 * another tool). A file that cannot be read at all throws ImportError; bad records come back
 * as issues. Nothing is HTML-parsed: text fields stay text.
 */
export function parseImport(text: string, now: Date): ParsedImport {
  // A UTF-8 file has at least as many bytes as its text has UTF-16 units, so this rejects no
  // file under the limit, and costs nothing on a file over it.
  checkImportSize(text.length);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const why = text.trim() ? (e as Error).message : 'the file is empty';
    throw new ImportError(`The file is not valid JSON (${why}). Nothing was imported.`);
  }
  if (isBackup(raw)) return { format: 'backup', ...readBackup(raw) };
  if (isW3C(raw)) return { format: 'w3c', ...readW3C(raw, now) };
  throw new ImportError(
    'The file is neither a Gloss backup (with "format": "gloss-backup") nor W3C Web Annotation JSON (an AnnotationCollection, an AnnotationPage, an Annotation or a list of Annotations). Nothing was imported.',
  );
}
