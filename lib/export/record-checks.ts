import { FieldError } from './import-issues';

/** A JSON object, as records are read before their fields are checked. */
export type Obj = Record<string, unknown>;

/** Whether a value is a JSON object (not null, not a list). */
export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The record as an object, or a FieldError on the whole record. */
export function asObject(value: unknown, what: string): Obj {
  if (!isObject(value)) throw new FieldError('', `must be an object (${what}), not ${describe(value)}`);
  return value;
}

/** What a wrong value is, for messages: "a number", "a list", "null". */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A text field; `nonEmpty` for ids, names and the like. */
export function text(r: Obj, field: string, nonEmpty = false, path = field): string {
  const v = r[field];
  if (v === undefined) throw new FieldError(path, 'is missing');
  if (typeof v !== 'string') throw new FieldError(path, `must be text, not ${describe(v)}`);
  if (nonEmpty && v.length === 0) throw new FieldError(path, 'must not be empty');
  return v;
}

/** An optional text field. */
export function optionalText(r: Obj, field: string, path = field): string | undefined {
  return r[field] === undefined ? undefined : text(r, field, false, path);
}

/** An absolute IRI: a scheme, a colon, no spaces. */
export const IRI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;

/** Whether a string is an absolute IRI. */
export function isIri(value: string): boolean {
  return IRI.test(value);
}

/** An ISO 8601 date-time with seconds and a time zone. */
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date-time with seconds and a time zone, as the W3C model's `created` requires. */
export function dateTime(r: Obj, field: string, path = field): string {
  const v = text(r, field, true, path);
  if (!DATE_TIME.test(v) || Number.isNaN(Date.parse(v)))
    throw new FieldError(path, `must be an ISO 8601 date-time such as 2026-11-27T10:00:00Z, not "${v.slice(0, 40)}"`);
  return v;
}

/** A non-negative whole number. */
export function count(r: Obj, field: string, path = field): number {
  const v = r[field];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw new FieldError(path, `must be a whole number ≥ 0, not ${JSON.stringify(v)}`);
  return v;
}

/** A true/false field. */
export function bool(r: Obj, field: string): boolean {
  const v = r[field];
  if (typeof v !== 'boolean') throw new FieldError(field, `must be true or false, not ${describe(v)}`);
  return v;
}

/** One of a fixed set of values. */
export function oneOf<T extends string>(r: Obj, field: string, values: readonly T[], path = field): T {
  const v = r[field];
  if (!values.includes(v as T)) throw new FieldError(path, `must be one of ${values.join(', ')}, not ${JSON.stringify(v)}`);
  return v as T;
}
