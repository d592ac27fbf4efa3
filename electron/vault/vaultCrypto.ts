import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt, timingSafeEqual, createHmac, type DecipherGCM } from 'node:crypto';

/**
 * The vault's cryptography, all from node:crypto (OpenSSL): scrypt for the passphrase,
 * HKDF for sub-keys, AES-256-GCM for every record, blob and the wrapped vault key.
 */

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** About 0.4 s and 128 MiB on a 2-core machine of 2026: the default for new wallets. */
export const defaultScryptParams: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/**
 * SECURITY: bounds on KDF parameters read from a wallet file. Too weak would let a tampered
 * header downgrade the protection; too strong would let a hostile file exhaust memory or
 * hang the app. Both are refused before any work is done.
 */
export const scryptBounds = { minN: 2 ** 14, maxN: 2 ** 21, maxR: 32, maxP: 16, maxMemoryBytes: 1024 * 1024 * 1024 } as const;

export class VaultCryptoError extends Error {
  override readonly name = 'VaultCryptoError';
}

export function checkScryptParams(params: ScryptParams): void {
  const { N, r, p } = params;
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N < scryptBounds.minN || N > scryptBounds.maxN) {
    throw new VaultCryptoError(`The wallet's key-derivation cost (N=${String(N)}) is outside the accepted range.`);
  }
  if (!Number.isInteger(r) || r < 1 || r > scryptBounds.maxR || !Number.isInteger(p) || p < 1 || p > scryptBounds.maxP) {
    throw new VaultCryptoError("The wallet's key-derivation parameters (r, p) are outside the accepted range.");
  }
  if (scryptMemory(params) > scryptBounds.maxMemoryBytes) {
    throw new VaultCryptoError("The wallet's key-derivation parameters would need too much memory.");
  }
}

function scryptMemory({ N, r, p }: ScryptParams): number {
  return 128 * N * r + 128 * r * p + 1024 * 1024;
}

/** Passphrase -> 32-byte key-encryption key. Runs off the main thread (libuv pool). */
export function deriveKeyEncryptionKey(passphrase: string, salt: Uint8Array, params: ScryptParams): Promise<Buffer> {
  checkScryptParams(params);
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: scryptMemory(params) + 1024 * 1024 }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

export function randomKey(): Buffer {
  return randomBytes(32);
}

/** A sub-key for one purpose, so no key ever serves two. */
export function subKey(vaultKey: Uint8Array, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', vaultKey, new Uint8Array(), `badgefolio/v1/${purpose}`, 32));
}

const nonceBytes = 12;
const tagBytes = 16;

/** AES-256-GCM with a fresh random nonce; output is nonce || ciphertext || tag. */
export function seal(key: Uint8Array, plaintext: Uint8Array, associatedData: Uint8Array): Buffer {
  const nonce = randomBytes(nonceBytes);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(associatedData);
  return Buffer.concat([nonce, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Opens what `seal` made; throws VaultCryptoError if any byte or the context changed. */
export function open(key: Uint8Array, sealed: Uint8Array, associatedData: Uint8Array): Buffer {
  const decipher = decipherFor(key, sealed, associatedData);
  try {
    const plain = decipher.update(sealed.subarray(nonceBytes, sealed.length - tagBytes));
    const rest = decipher.final();
    return rest.length === 0 ? plain : Buffer.concat([plain, rest]);
  } catch {
    throw notAuthentic();
  }
}

/** Checks what `seal` made, as `open` does, without keeping the plaintext (the wallet check). */
export function authenticate(key: Uint8Array, sealed: Uint8Array, associatedData: Uint8Array): void {
  const decipher = decipherFor(key, sealed, associatedData);
  try {
    decipher.update(sealed.subarray(nonceBytes, sealed.length - tagBytes));
    decipher.final();
  } catch {
    throw notAuthentic();
  }
}

function decipherFor(key: Uint8Array, sealed: Uint8Array, associatedData: Uint8Array): DecipherGCM {
  if (sealed.length < nonceBytes + tagBytes) throw new VaultCryptoError('The encrypted data is too short.');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, nonceBytes));
  decipher.setAAD(associatedData);
  decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
  return decipher;
}

function notAuthentic(): VaultCryptoError {
  return new VaultCryptoError('The encrypted data does not authenticate: it was changed or damaged, or the key is wrong.');
}

/** A keyed name: file names reveal neither which credential nor which image they hold. */
export function keyedName(key: Uint8Array, value: string | Uint8Array): string {
  return createHmac('sha256', key).update(value).digest('hex');
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Overwrites key material in place: locking must leave no usable key in memory we own. */
export function wipe(...buffers: (Uint8Array | undefined)[]): void {
  for (const buffer of buffers) buffer?.fill(0);
}
