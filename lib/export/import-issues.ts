/** A file Gloss cannot read at all (too big, not JSON, not a Gloss or W3C export, too new). */
export class ImportError extends Error {}

/** One record of an import file that cannot be imported, and why. */
export interface ImportIssue {
  /** Where the record is in the file, as a JSON path: `highlights[3]`, `annotations[0]`. */
  record: string;
  /** The record's id, when it has a readable one. */
  id?: string;
  /** The field at fault, as a path inside the record (`quote.exact`), or `''` for the whole record. */
  field: string;
  message: string;
}

/** A record-level problem found while reading a record; the reader turns it into an `ImportIssue`. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** An issue as one line for the reader: record, id, field, what is wrong. */
export function describeIssue(issue: ImportIssue): string {
  const id = issue.id ? ` (${issue.id})` : '';
  const field = issue.field ? ` field "${issue.field}"` : '';
  return `${issue.record}${id}${field}: ${issue.message}`;
}
