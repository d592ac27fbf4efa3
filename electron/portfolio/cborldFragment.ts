import { decode, encode } from '@digitalbazaar/cborld';
import type { PortfolioEntry } from '../../shared/portfolio/types';
import { decodeFragmentPayload, encodeCborldFragment, encodeCredentialFragment, FragmentError, maxFragmentCredentialBytes } from '../../shared/portfolio/verifierFragment';
import { bundledContext } from '../verify/bundledContexts';
import { canonize, createContextLoader } from '../verify/canonize';

/**
 * The `c` form of a verifier-link fragment (verifierFragment.ts): a JSON-LD credential as CBOR-LD.
 * Made at export, in the main process, because it is asynchronous and needs the engine's
 * contexts; the PDF's link planning receives the result as data (PortfolioEntry.linkFragment).
 *
 * A `c` fragment is made only when all of these hold, so no link is printed that does not verify:
 * the file is a JSON-LD Verifiable Credential (never a JWT, an OB 2.0 assertion, a PDF or an image); cborld encodes it with the
 * bundled contexts alone (no network: a context we lack fails the encoding); decoding it back gives
 * a document with the same RDFC-1.0 canonical form as the original (what a Data Integrity proof
 * signs); and the fragment is shorter than `z`. Otherwise the link carries `z`, the original bytes.
 */

/** The loader cborld uses on both sides: bundled contexts only, never the network. */
function bundledOnly(url: string): Promise<{ document: unknown; documentUrl: string; contextUrl: null }> {
  const document = bundledContext(url);
  if (document === undefined) return Promise.reject(new Error(`No bundled JSON-LD context ${url}`));
  // cborld may annotate what it is given; the bundle's copies are frozen and shared.
  return Promise.resolve({ document: structuredClone(document), documentUrl: url, contextUrl: null });
}

function jsonLdDocument(original: Uint8Array): Record<string, unknown> | undefined {
  if (original.length === 0 || original.length > maxFragmentCredentialBytes || original[0] !== 0x7b /* { */) return undefined;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(original));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && '@context' in parsed ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A W3C Verifiable Credential in JSON-LD (OB 3.0, CLR 2.0, Blockcerts v3): verified by what its
 * proof signs, its canonical form. Not an Open Badges 2.0 assertion or a Blockcerts v2
 * certificate, which are JSON-LD too but verified against hosted copies and hashes of their JSON.
 */
function verifiableCredential(original: Uint8Array): Record<string, unknown> | undefined {
  const document = jsonLdDocument(original);
  const type = document?.type;
  return (Array.isArray(type) ? type : [type]).includes('VerifiableCredential') ? document : undefined;
}

/** The canonical N-Quads of a JSON-LD document with the bundled contexts, or undefined when it has none. */
async function canonicalForm(document: unknown): Promise<string | undefined> {
  try {
    return await canonize(document, createContextLoader());
  } catch {
    return undefined;
  }
}

/** The checked `c` fragment for these credential bytes, when there is one shorter than `z`. */
export async function cborldFragment(original: Uint8Array): Promise<string | undefined> {
  const document = verifiableCredential(original);
  if (document === undefined) return undefined;
  let fragment: string;
  let decoded: unknown;
  try {
    fragment = encodeCborldFragment(await encode({ jsonldDocument: document, documentLoader: bundledOnly, registryEntryId: 1 }));
    if (fragment.length >= encodeCredentialFragment(original).length) return undefined;
    decoded = await decodeCborldCredential(fragment);
  } catch {
    // Not CBOR-LD-encodable (a context we lack, an id cborld refuses): the link carries `z`.
    return undefined;
  }
  const [before, after] = await Promise.all([canonicalForm(document), canonicalForm(decoded)]);
  return before !== undefined && before === after ? fragment : undefined;
}

/** Portfolio entries with their checked `c` fragments, for buildPortfolioPdf. */
export async function withLinkFragments<Entry extends Pick<PortfolioEntry, 'credential'>>(entries: readonly Entry[]): Promise<(Entry & { linkFragment?: string })[]> {
  return Promise.all(
    entries.map(async (entry) => {
      const linkFragment = await cborldFragment(entry.credential.original.bytes);
      return linkFragment === undefined ? entry : { ...entry, linkFragment };
    }),
  );
}

/**
 * The JSON-LD credential a `c` fragment carries. Bounded: the CBOR is inflated within
 * maxFragmentCredentialBytes (verifierFragment.ts), and so is the decoded document's JSON; a
 * CBOR-LD that cborld cannot decode (or nested past the stack) is a damaged link.
 */
export async function decodeCborldCredential(fragment: string): Promise<unknown> {
  const { encoding, bytes } = decodeFragmentPayload(fragment);
  if (encoding !== 'c') throw new FragmentError('unknown-encoding');
  let document: unknown;
  try {
    document = await decode({ cborldBytes: bytes, documentLoader: bundledOnly });
  } catch {
    throw new FragmentError('damaged');
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) throw new FragmentError('damaged');
  return document;
}

/** The credential bytes any fragment carries: `z` as stored, `c` as the decoded credential's JSON. */
export async function fragmentCredentialBytes(fragment: string): Promise<{ readonly encoding: 'z' | 'c'; readonly bytes: Uint8Array }> {
  const payload = decodeFragmentPayload(fragment);
  if (payload.encoding === 'z') return payload;
  const bytes = new TextEncoder().encode(JSON.stringify(await decodeCborldCredential(fragment), null, 2));
  if (bytes.length > maxFragmentCredentialBytes) throw new FragmentError('too-large');
  return { encoding: 'c', bytes };
}

/**
 * Whether a `c` fragment carries the same credential as attached bytes: the same RDFC-1.0
 * canonical form (the statements a Data Integrity proof signs), since CBOR-LD keeps the
 * credential's JSON-LD meaning, not its bytes.
 */
export async function sameCredentialMeaning(decoded: Uint8Array, attached: Uint8Array): Promise<boolean> {
  const attachedDocument = jsonLdDocument(attached);
  const decodedDocument = jsonLdDocument(decoded);
  if (attachedDocument === undefined || decodedDocument === undefined) return false;
  const [a, b] = await Promise.all([canonicalForm(attachedDocument), canonicalForm(decodedDocument)]);
  return a !== undefined && a === b;
}
