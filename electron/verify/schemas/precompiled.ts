import type { SchemaKey, SchemaValidator } from './validators';

/**
 * Ready-made validators: none here, so validators.ts compiles them with ajv on first use. The
 * CLI bundle replaces this module with ajv's standalone code for Badgefolio's schemas, made
 * when the bundle is built (build/cliBundle.js, into out/cli/; never committed).
 */
export const precompiled: Readonly<Partial<Record<SchemaKey, SchemaValidator>>> | undefined = undefined;
