import * as v from 'valibot';
import { FieldError } from '../export/import-issues';
import { describe } from '../export/record-checks';

/** The field an issue is about, as the import messages write it: `quote.exact`, `aliases[0]`. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = item.key as string | number;
    path += item.type === 'array' ? `[${key}]` : path ? `.${key}` : String(key);
  }
  return path;
}

/** Valibot's names for kinds of value, as the reader's messages say them. */
const KINDS: Record<string, string> = {
  string: 'text',
  Array: 'a list',
  Object: 'an object',
  boolean: 'true or false',
  number: 'a number',
};

/** One line for the reader about what is wrong with the value at the issue's field. */
function issueMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.kind !== 'schema') return issue.message;
  if (issue.input === undefined) return 'is missing';
  if (issue.type === 'picklist' || issue.type === 'literal' || issue.type === 'variant') {
    const options = (issue.expected ?? '')
      .replace(/^\((.*)\)$/, '$1')
      .replaceAll('"', '')
      .split(' | ');
    return `must be ${options.length > 1 ? `one of ${options.join(', ')}` : options[0]}, not ${JSON.stringify(issue.input)}`;
  }
  // A strict object's issue on a key it does not list expects `never` there.
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'is not a field Gloss knows';
  if (issue.type === 'union') {
    const kinds = (issue.expected ?? '').replace(/^\((.*)\)$/, '$1').split(' | ');
    return `must be ${kinds.map((k) => KINDS[k] ?? k).join(' or ')}, not ${describe(issue.input)}`;
  }
  return `must be ${KINDS[issue.expected ?? ''] ?? issue.expected ?? 'another kind of value'}, not ${describe(issue.input)}`;
}

/**
 * Checks a record with a schema and returns it as it is (fields a later version adds are kept);
 * the first problem throws a FieldError naming its field.
 */
export function checked<S extends v.GenericSchema>(schema: S, value: unknown, at = ''): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return value as v.InferOutput<S>;
  const issue = result.issues[0];
  const field = issuePath(issue);
  const joined = at && field && !field.startsWith('[') ? `${at}.${field}` : at + field;
  throw new FieldError(joined, issueMessage(issue));
}
