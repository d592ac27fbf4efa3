import { Inflate, deflateSync } from 'fflate';
import { base64ToBytes, bytesToBase64 } from '../encoding/base64';
import { concatBytes } from '../encoding/bytes';

/**
 * A credential carried in the fragment of a verifier-page link (`https://…/verifier/#vc1.z.…`).
 * The fragment is never sent to any server, so the employer's browser receives the credential
 * without an upload, an account or a link that expires.
 *
 * Format: `vc1.<encoding>.<base64url payload>`:
 * - `z`: the credential file's original bytes, raw DEFLATE (RFC 1951). Original bytes, not a
 *   re-serialisation, so a JWT's signature and a JSON file's exact text survive.
 * The version and encoding tags leave room for CBOR-LD (`c`) without breaking printed links.
 *
 * - `c`: a JSON-LD credential as CBOR-LD (@digitalbazaar/cborld 8.1.0, `registryEntryId` 1,
 *   contexts only from the engine's bundle), then raw DEFLATE (RFC 1951) of those CBOR bytes, then
 *   base64url without padding. DEFLATE still pays on CBOR-LD (the keys become small integers, but
 *   ids, names and descriptions repeat), so it is always applied; one format, no flag.
 *   Its decoded credential has the same JSON-LD meaning, not the same bytes (members reordered,
 *   whitespace gone): a Data Integrity proof still holds, and the PDF check compares it with the
 *   attachment by its RDFC-1.0 canonical form (electron/portfolio/cborldFragment.ts).
 *   Used for a link only when it round-trips to the same canonical form and is shorter than `z`:
 *   on the shared corpus's OB 3.0 files 7-40 % shorter (median 19 %); cborld refuses `urn:uuid:`
 *   ids that are not RFC 9562 UUIDs and contexts we do not bundle (CLR 2.0), which stay `z`.
 *   Encoding is asynchronous and needs the engine's contexts, so it lives in electron/portfolio and
 *   reaches the PDF's link planning as a precomputed fragment (PortfolioEntry.linkFragment).
 *
 * A portfolio PDF's QR code carries such a link only when it stays readable on paper; otherwise it
 * may carry `#id.<short id>`: no credential, just the first 12 hex digits of the SHA-256 of the
 * credential's original bytes (its `sha256` in the PDF's manifest). The page can only say "open
 * the link in the PDF, or drop the PDF here", and, with the PDF dropped, point at that entry.
 */
export const fragmentVersion = 'vc1';

export type FragmentEncoding = 'z' | 'c';

/** Decoded size limit: a printed link never carries more than this, and a page never inflates more. */
export const maxFragmentCredentialBytes = 2 * 1024 * 1024;

export class FragmentError extends Error {
  constructor(readonly reason: 'not-a-credential-link' | 'unknown-encoding' | 'damaged' | 'too-large') {
    super(`Verifier link fragment: ${reason}`);
    this.name = 'FragmentError';
  }
}

function toBase64Url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The fragment (without `#`) carrying these credential bytes. */
export function encodeCredentialFragment(original: Uint8Array): string {
  return `${fragmentVersion}.z.${toBase64Url(deflateSync(original, { level: 9 }))}`;
}

/** The fragment (without `#`) carrying these CBOR-LD bytes (made and checked by electron/portfolio/cborldFragment.ts). */
export function encodeCborldFragment(cborld: Uint8Array): string {
  return `${fragmentVersion}.c.${toBase64Url(deflateSync(cborld, { level: 9 }))}`;
}

/**
 * The link to the verifier page at `verifierUrl` carrying these credential bytes: in `fragment`
 * when one was made (a checked CBOR-LD fragment) and is shorter, otherwise as `z`.
 */
export function verifierPageLink(verifierUrl: string, original: Uint8Array, fragment?: string): string {
  const base = verifierUrl.replace(/#.*$/, '');
  const plain = encodeCredentialFragment(original);
  return `${base}#${fragment !== undefined && fragment.startsWith(`${fragmentVersion}.`) && fragment.length < plain.length ? fragment : plain}`;
}

/** Inflates with a ceiling, so a crafted link cannot make the page allocate without bound. */
function boundedInflate(compressed: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxFragmentCredentialBytes) throw new FragmentError('too-large');
    parts.push(chunk);
  });
  try {
    inflater.push(compressed, true);
  } catch (error) {
    if (error instanceof FragmentError) throw error;
    throw new FragmentError('damaged');
  }
  return concatBytes(parts);
}

/**
 * What a fragment (with or without its leading `#`) carries, inflated within the ceiling: for `z`
 * the credential's bytes, for `c` its CBOR-LD bytes (decoded by electron/portfolio/cborldFragment.ts).
 */
export function decodeFragmentPayload(fragment: string): { readonly encoding: FragmentEncoding; readonly bytes: Uint8Array } {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const match = /^vc1\.([a-z])\.([A-Za-z0-9_-]+)$/.exec(text);
  if (match === null) throw new FragmentError('not-a-credential-link');
  const [, encoding, payload] = match;
  if (encoding !== 'z' && encoding !== 'c') throw new FragmentError('unknown-encoding');
  let compressed: Uint8Array;
  try {
    compressed = base64ToBytes(payload ?? '');
  } catch {
    throw new FragmentError('damaged');
  }
  return { encoding, bytes: boundedInflate(compressed) };
}

/** The credential bytes a `z` fragment carries (a `c` fragment needs the contexts: cborldFragment.ts). */
export function decodeCredentialFragment(fragment: string): Uint8Array {
  const { encoding, bytes } = decodeFragmentPayload(fragment);
  if (encoding !== 'z') throw new FragmentError('unknown-encoding');
  return bytes;
}
