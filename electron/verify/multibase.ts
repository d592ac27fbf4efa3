/**
 * The byte encodings proofs and keys use: multibase base58btc (`z…`) for Data Integrity
 * signatures and did:key, base64url (`u…`) for status lists. Small enough to keep local
 * rather than pull a dependency for each.
 */
const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const alphabetIndex = new Map(Array.from({ length: alphabet.length }, (_, i) => [alphabet.charAt(i), i] as const));

export function base58Decode(text: string): Uint8Array | undefined {
  if (text.length === 0 || text.length > 16_384) return undefined;
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  // Little-endian base-256 digits of the number the remaining characters spell.
  const digits: number[] = [];
  for (const char of text.slice(zeros)) {
    const value = alphabetIndex.get(char);
    if (value === undefined) return undefined;
    let carry = value;
    for (let i = 0; i < digits.length; i++) {
      carry += (digits[i] ?? 0) * 58;
      digits[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      digits.push(carry & 0xff);
      carry >>= 8;
    }
  }
  const out = new Uint8Array(zeros + digits.length);
  for (let i = 0; i < digits.length; i++) out[zeros + i] = digits[digits.length - 1 - i] ?? 0;
  return out;
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
