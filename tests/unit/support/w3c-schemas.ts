import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { readShared } from '../../shared-fixtures';

const ROOT = 'conformance/web-annotation';
const DEFINITIONS = ['annotations', 'bodyTarget', 'choiceSet', 'collections', 'id', 'otherProperties', 'specificResource'];

/** One compiled assertion schema of the W3C suite, with its path and message. */
export interface Assertion {
  path: string;
  message: string;
  validate: ValidateFunction;
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readShared(`${ROOT}/${path}`)) as Record<string, unknown>;
}

/**
 * Compiles every schema a `.test` file of the W3C suite lists, as its README sets them up:
 * draft-04, not strict, all errors, formats, the seven definitions. Only listed schemas are
 * compiled, so the two ids used twice in the suite never meet.
 */
export function assertions(testFile: string): Assertion[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const d of DEFINITIONS) ajv.addSchema(readJson(`definitions/${d}.json`));
  const list = readJson(testFile).assertions as string[];
  return list.map((path) => {
    const schema = readJson(path);
    return { path, message: String(schema.errorMessage ?? ''), validate: ajv.compile(schema) };
  });
}

/** The assertions `value` fails, each with its message and ajv's errors, for a readable test failure. */
export function failures(list: Assertion[], value: unknown): string[] {
  return list.filter((a) => !a.validate(value)).map((a) => `${a.path}: ${a.message} ${JSON.stringify(a.validate.errors?.slice(0, 3))}`);
}
