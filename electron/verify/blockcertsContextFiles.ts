import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * @blockcerts/schemas ships its contexts as JSON files plus a table of their URLs
 * (context_urls.json, by name). These are the names whose files are the published contexts:
 * bundled for every verification. Blockcerts' verifier also preloads its own copies of a few
 * W3C contexts, which the Blockcerts v3 hash alone uses (blockcertsV3Hash.ts).
 */
export const blockcertsContextFiles: Readonly<Record<string, string>> = {
  OPEN_BADGES_V2_CONTEXT: '2.1/obi.json',
  OPEN_BADGES_V2_CANONICAL_CONTEXT: '2.1/obi.json',
  BLOCKCERTS_V2_CONTEXT: '2.0/context.json',
  BLOCKCERTS_ORG_V2_CONTEXT: '2.0/context.json',
  BLOCKCERTS_V2_CANONICAL_CONTEXT: '2.0/context.json',
  BLOCKCERTS_V2_1_CONTEXT: '2.1/context.json',
  BLOCKCERTS_ORG_V2_1_CONTEXT: '2.1/context.json',
  BLOCKCERTS_V2_1_CANONICAL_CONTEXT: '2.1/context.json',
  BLOCKCERTS_V3_CONTEXT: '3.0/context.json',
  BLOCKCERTS_ORG_V3_CONTEXT: '3.0/context.json',
  BLOCKCERTS_V3_CANONICAL_CONTEXT: '3.0/context.json',
  BLOCKCERTS_V3_1_CONTEXT: '3.1/context.json',
  BLOCKCERTS_ORG_V3_1_CONTEXT: '3.1/context.json',
  BLOCKCERTS_V3_1_CANONICAL_CONTEXT: '3.1/context.json',
  BLOCKCERTS_V3_2_CONTEXT: '3.2/context.json',
  BLOCKCERTS_ORG_V3_2_CONTEXT: '3.2/context.json',
  BLOCKCERTS_V3_2_CANONICAL_CONTEXT: '3.2/context.json',
  MERKLE_PROOF_2019_CONTEXT: '3.1/merkleProof2019Context.json',
  CHAINED_PROOF_2021_CONTEXT: '3.1/chainedProof2021Context.json',
  STATUS_LIST_2021_CONTEXT: '3.1/statusList2021Context.json',
};

const requireFromHere = createRequire(import.meta.url);

/** Reads files of the package's schemas/ folder (throws when the package is missing). */
export function blockcertsSchemaReader(): (file: string) => unknown {
  const root = path.join(path.dirname(requireFromHere.resolve('@blockcerts/schemas/package.json')), 'schemas');
  return (file) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as unknown;
}

/** The contexts of `files` (name -> file) by their URL in the package's table. */
export function blockcertsContextsByUrl(files: Readonly<Record<string, string>>): Map<string, unknown> {
  const read = blockcertsSchemaReader();
  const urls = read('context_urls.json') as Record<string, unknown>;
  const found = new Map<string, unknown>();
  for (const [name, file] of Object.entries(files)) {
    const url = urls[name];
    if (typeof url === 'string') found.set(url, read(file));
  }
  return found;
}
