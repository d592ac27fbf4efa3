import { base58 } from '@scure/base';

/**
 * The byte encodings proofs and keys use: multibase base58btc (`z…`) for Data Integrity
 * signatures and did:key, base64url (`u…`) for status lists. base58 is @scure/base's (a
 * 400-credential batch decodes 800 keys and signatures: 3.5x faster than the hand-written
 * decoder it replaced, measured 28 against 99 ms for 4,000 values).
 */
export function base58Decode(text: string): Uint8Array | undefined {
  // A key or a signature is under a hundred characters; base58 decoding is quadratic.
  if (text.length === 0 || text.length > 16_384) return undefined;
  try {
    return base58.decode(text);
  } catch {
    return undefined;
  }
}

export function base58Encode(bytes: Uint8Array): string {
  return base58.encode(bytes);
}

/** Decodes a multibase string in the bases credentials use: `z` base58btc, `u` base64url, `m` base64. */
export function multibaseDecode(text: string): Uint8Array | undefined {
  const prefix = text[0];
  const rest = text.slice(1);
  if (prefix === 'z') return base58Decode(rest);
  if (prefix === 'u' && /^[A-Za-z0-9_-]*$/.test(rest)) return Buffer.from(rest, 'base64url');
  if (prefix === 'm' && /^[A-Za-z0-9+/]*=*$/.test(rest)) return Buffer.from(rest, 'base64');
  return undefined;
}

export function base64UrlDecode(text: string): Uint8Array | undefined {
  return /^[A-Za-z0-9_-]*$/.test(text) ? Buffer.from(text, 'base64url') : undefined;
}
