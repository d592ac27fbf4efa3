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
 * CBOR-LD (@digitalbazaar/cborld 8.1.0, registry entry 1, contexts from the engine's context
 * packages, then raw DEFLATE as here), measured on the shared corpus's 98 OB 3.0 and CLR 2.0
 * JSON files (December 2026): 55 encode, and their fragments are 7-40 % shorter than `z`
 * (median 19 %: e.g. 1,303 -> 1,068 characters for a DCC eddsa-rdfc-2022 badge, 983 -> 810 for
 * 1EdTech's signed example, 4,811 -> 3,236 for its complete one). 36 do not encode (cborld
 * refuses `urn:uuid:` ids that are not RFC 9562 UUIDs, as DCC's fixtures carry), 6 use contexts
 * no package ships (CLR 2.0), 1 is not JSON; those would stay `z`. Its decoded credential has
 * the same JSON-LD meaning, not the same bytes (members reordered, whitespace gone), so a Data
 * Integrity proof still holds but the link no longer carries the file the PDF attaches; and it
 * costs the page 64 KB of script (19 KB gzipped). Not used yet: encoding is asynchronous and
 * needs the engine's contexts (electron/verify/bundledContexts.ts), which this pure module and
 * the PDF's link planning (entryLinks.ts) do not have; the `c` tag stays reserved for it.
 *
 * A portfolio PDF's QR code carries such a link only when it stays readable on paper; otherwise it
 * may carry `#id.<short id>`: no credential, just the first 12 hex digits of the SHA-256 of the
 * credential's original bytes (its `sha256` in the PDF's manifest). The page can only say "open
 * the link in the PDF, or drop the PDF here", and, with the PDF dropped, point at that entry.
 */
export const fragmentVersion = 'vc1';

export type FragmentEncoding = 'z';

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

/** The link to the verifier page at `verifierUrl` carrying these credential bytes. */
export function verifierPageLink(verifierUrl: string, original: Uint8Array): string {
  const base = verifierUrl.replace(/#.*$/, '');
  return `${base}#${encodeCredentialFragment(original)}`;
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

/** The credential bytes a fragment (with or without its leading `#`) carries. */
export function decodeCredentialFragment(fragment: string): Uint8Array {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const match = /^vc1\.([a-z])\.([A-Za-z0-9_-]+)$/.exec(text);
  if (match === null) throw new FragmentError('not-a-credential-link');
  const [, encoding, payload] = match;
  if (encoding !== 'z') throw new FragmentError('unknown-encoding');
  let compressed: Uint8Array;
  try {
    compressed = base64ToBytes(payload ?? '');
  } catch {
    throw new FragmentError('damaged');
  }
  return boundedInflate(compressed);
}
