import { base64nopad } from '@scure/base';

/**
 * Base64 without Node's Buffer or the DOM's atob, so shared code (the IPC wire format, data
 * URLs, the PDF builder, the verifier page) runs the same in the main process, the renderer
 * and tests. The codec is @scure/base's (audited, no dependencies); what is Badgefolio's here
 * is the leniency credentials need: base64 or base64url, padded or not.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const text = base64nopad.encode(bytes);
  return text + '='.repeat((4 - (text.length % 4)) % 4);
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Decodes base64 or base64url, with or without padding; throws on any other character. Bits
 * left over after the last whole byte are ignored, as before and as most decoders do (RFC 4648
 * lets a decoder refuse them; refusing would turn a badge's picture or token from a lax
 * encoder into "damaged" over bits that carry nothing).
 */
export function base64ToBytes(text: string): Uint8Array {
  // base64url's two letters are the only difference from base64: read both alphabets.
  let clean = text.replace(/=+$/, '').replace(/[-_]/g, (c) => (c === '-' ? '+' : '/'));
  const bad = /[^A-Za-z0-9+/]/.exec(clean);
  if (bad) throw new Error(`Invalid base64 character at ${String(bad.index)}`);
  if (clean.length % 4 === 1) throw new Error('Invalid base64 length');
  const spare = [0, 0, 0b1111, 0b11][clean.length % 4] ?? 0;
  const last = alphabet.indexOf(clean.charAt(clean.length - 1));
  if (spare > 0) clean = clean.slice(0, -1) + alphabet.charAt(last & ~spare);
  return base64nopad.decode(clean);
}

/** base64url without padding (JWS, JWK, status lists). */
export function bytesToBase64Url(bytes: Uint8Array): string {
  return base64nopad.encode(bytes).replace(/[+/]/g, (c) => (c === '+' ? '-' : '_'));
}
