import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';

/**
 * Synchronous digests for the browser build of the engine, which hashes with node:crypto's
 * synchronous createHash (WebCrypto's digest is asynchronous). md5 and sha1 only because OB 2.0
 * hashed recipients and old DigestInfo name them; nothing here signs with them.
 */
export type HashName = 'sha256' | 'sha384' | 'sha512' | 'sha1' | 'md5';

const functions: Readonly<Record<HashName, (data: Uint8Array) => Uint8Array>> = { sha256, sha384, sha512, sha1, md5 };

export function hashName(algorithm: string): HashName {
  const name = algorithm.toLowerCase().replace(/-/g, '');
  if (name in functions) return name as HashName;
  throw new Error(`Digest not available in the browser: ${algorithm}`);
}

export function digest(hash: HashName, data: Uint8Array): Uint8Array {
  return functions[hash](data);
}

export function digestLength(hash: HashName): number {
  return { sha256: 32, sha384: 48, sha512: 64, sha1: 20, md5: 16 }[hash];
}
