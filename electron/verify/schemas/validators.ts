import type { ErrorObject } from 'ajv';
import setup from './validators.json';

/**
 * The validators of Badgefolio's own schemas (README.md beside this file), one per class and
 * form, each made on first use and kept for the life of the process (or worker thread): a
 * verification of an OB 2.0 badge or a Blockcerts never loads ajv or a schema.
 *
 * In the CLI bundle they come ready-made: build/cliBundle.js puts ajv's standalone code for
 * them in place of ./precompiled, since compiling the Open Badges schema costs ~0.2 s of CPU.
 * Elsewhere (the app, the tests) they are compiled here with ajv, from the same schemas with
 * the same options (validators.json).
 */

export type SchemaKey = keyof typeof setup.validators;

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** The address a validator's schema is known by (its $id and the form's definition). */
export function schemaAddress(key: SchemaKey): string {
  return setup.validators[key];
}

const made = new Map<SchemaKey, Promise<SchemaValidator>>();

export function validatorFor(key: SchemaKey): Promise<SchemaValidator> {
  let validator = made.get(key);
  if (!validator) {
    validator = make(key);
    // A failure is not kept: the next credential tries again (and says why again).
    validator.catch(() => made.delete(key));
    made.set(key, validator);
  }
  return validator;
}

async function make(key: SchemaKey): Promise<SchemaValidator> {
  const { precompiled } = await import('./precompiled');
  const ready = precompiled?.[key];
  if (ready) return ready;
  const ajv = await compiler();
  const validate = ajv.getSchema(setup.validators[key]);
  if (!validate) throw new Error(`no schema at ${setup.validators[key]}`);
  return validate;
}

type Compiler = Awaited<ReturnType<typeof newCompiler>>;
let shared: Promise<Compiler> | undefined;

/** One ajv instance holds every schema, so definitions shared by several validators are compiled once. */
function compiler(): Promise<Compiler> {
  shared ??= newCompiler();
  shared.catch(() => (shared = undefined));
  return shared;
}

async function newCompiler() {
  const [{ Ajv2020 }, { default: addFormats }, ...schemas] = await Promise.all([
    import('ajv/dist/2020.js'),
    import('ajv-formats'),
    import('./badgefolio-ob3-common.schema.json'),
    import('./badgefolio-ob3-achievement-credential.schema.json'),
    import('./badgefolio-ob3-endorsement-credential.schema.json'),
    import('./badgefolio-clr2-clr-credential.schema.json'),
  ]);
  const ajv = new Ajv2020(setup.options);
  addFormats(ajv, setup.formats as Parameters<typeof addFormats>[1]);
  for (const schema of schemas) ajv.addSchema(schema.default);
  return ajv;
}
