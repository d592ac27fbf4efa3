/**
 * Base64 without Node's Buffer or the DOM's atob, so shared code (the IPC wire format, data
 * URLs, the PDF builder) runs the same in the main process, the renderer and tests.
 */
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const lookup = new Int16Array(128).fill(-1);
for (let i = 0; i < alphabet.length; i++) lookup[alphabet.charCodeAt(i)] = i;
lookup['-'.charCodeAt(0)] = 62; // base64url
lookup['_'.charCodeAt(0)] = 63;

export function bytesToBase64(bytes: Uint8Array): string {
  const sextet = (n: number, shift: number): string => alphabet.charAt((n >> shift) & 63);
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += sextet(n, 18) + sextet(n, 12) + sextet(n, 6) + sextet(n, 0);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    out += `${sextet(n, 18)}${sextet(n, 12)}==`;
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += `${sextet(n, 18)}${sextet(n, 12)}${sextet(n, 6)}=`;
  }
  return out;
}

/** Decodes base64 or base64url, with or without padding; throws on any other character. */
export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  if (clean.length % 4 === 1) throw new Error('Invalid base64 length');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const value = code < 128 ? (lookup[code] ?? -1) : -1;
    if (value < 0) throw new Error(`Invalid base64 character at ${String(i)}`);
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}
