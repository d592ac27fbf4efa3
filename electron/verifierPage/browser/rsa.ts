import { bigIntToBytes, bytesToBigInt } from './der';
import { digest, digestLength, type HashName } from './hashes';

/**
 * RSA signature verification (RFC 8017) for the browser, synchronous like node:crypto's, which
 * the engine calls: WebCrypto's verify is asynchronous and noble has no RSA. Verification needs
 * only the public operation s^e mod n (BigInt), then the padding check, both done here in full:
 * RSASSA-PKCS1-v1_5 (RS256…) by comparing the whole encoded message, RSASSA-PSS (PS256…) by
 * EMSA-PSS-VERIFY with MGF1 over the same hash.
 */
export interface RsaKey {
  readonly n: bigint;
  readonly e: bigint;
}

/** DigestInfo prefixes (RFC 8017 §9.2 note 1). */
const digestInfoPrefix: Readonly<Record<HashName, string>> = {
  sha1: '3021300906052b0e03021a05000414',
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
  md5: '3020300c06082a864886f70d020505000410',
};

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

export function modulusBytes(key: RsaKey): number {
  return Math.ceil(key.n.toString(2).length / 8);
}

/** The encoded message: s^e mod n, or undefined when the signature is out of range. */
function encodedMessage(key: RsaKey, signature: Uint8Array): Uint8Array | undefined {
  const k = modulusBytes(key);
  if (signature.length !== k) return undefined;
  const s = bytesToBigInt(signature);
  if (s >= key.n) return undefined;
  return bigIntToBytes(modPow(s, key.e, key.n), k);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

const fromHex = (text: string): Uint8Array => Uint8Array.from(text.match(/../g) ?? [], (h) => Number.parseInt(h, 16));

export function verifyPkcs1v15(key: RsaKey, hash: HashName, data: Uint8Array, signature: Uint8Array): boolean {
  const em = encodedMessage(key, signature);
  if (!em) return false;
  const t = new Uint8Array([...fromHex(digestInfoPrefix[hash]), ...digest(hash, data)]);
  const k = em.length;
  if (k < t.length + 11) return false;
  const expected = new Uint8Array(k);
  expected[1] = 0x01;
  expected.fill(0xff, 2, k - t.length - 1);
  expected.set(t, k - t.length);
  return equalBytes(em, expected);
}

function mgf1(hash: HashName, seed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let filled = 0;
  for (let counter = 0; filled < length; counter++) {
    const block = digest(hash, new Uint8Array([...seed, counter >>> 24, (counter >>> 16) & 0xff, (counter >>> 8) & 0xff, counter & 0xff]));
    out.set(block.subarray(0, Math.min(block.length, length - filled)), filled);
    filled += block.length;
  }
  return out;
}

/** EMSA-PSS-VERIFY (RFC 8017 §9.1.2) with MGF1 over `hash` and the given salt length. */
export function verifyPss(key: RsaKey, hash: HashName, data: Uint8Array, signature: Uint8Array, saltLength: number): boolean {
  const emFull = encodedMessage(key, signature);
  if (!emFull) return false;
  const emBits = key.n.toString(2).length - 1;
  const emLen = Math.ceil(emBits / 8);
  // When emBits is a multiple of 8 the encoded message is one byte shorter than the modulus.
  if (emFull.length > emLen && emFull[0] !== 0) return false;
  const em = emFull.subarray(emFull.length - emLen);
  const hLen = digestLength(hash);
  if (emLen < hLen + saltLength + 2 || em[emLen - 1] !== 0xbc) return false;
  const maskedDb = em.subarray(0, emLen - hLen - 1);
  const h = em.subarray(emLen - hLen - 1, emLen - 1);
  const zeroBits = 8 * emLen - emBits;
  if (((maskedDb[0] ?? 0) & (0xff << (8 - zeroBits)) & 0xff) !== 0) return false;
  const mask = mgf1(hash, h, maskedDb.length);
  const db = maskedDb.map((byte, i) => byte ^ (mask[i] ?? 0));
  db[0] = (db[0] ?? 0) & (0xff >>> zeroBits);
  const padding = emLen - hLen - saltLength - 2;
  for (let i = 0; i < padding; i++) if (db[i] !== 0) return false;
  if (db[padding] !== 0x01) return false;
  const salt = db.subarray(db.length - saltLength);
  const mHash = digest(hash, data);
  const mPrime = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, ...mHash, ...salt]);
  return equalBytes(digest(hash, mPrime), h);
}
