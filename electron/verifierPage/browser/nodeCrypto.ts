import { digest, hashName } from './hashes';
import { createPublicKey, curves, ed25519, KeyObject } from './publicKeys';
import { verifyPkcs1v15, verifyPss } from './rsa';
import { X509Certificate } from './x509';
import { concatBytes } from '../../../shared/encoding/bytes';

/**
 * node:crypto for the verifier page: the part of it the verification engine uses (createHash,
 * createPublicKey, KeyObject, verify, constants, hash, X509Certificate), with node's semantics,
 * on @noble/curves and @noble/hashes. Synchronous like node's, so the engine runs unchanged.
 * The build (build/verifierPage.config.ts) puts this module where the engine imports
 * node:crypto. What the page cannot do (make keys, sign) throws: it verifies, nothing else.
 */
export { createPublicKey, KeyObject, X509Certificate };

export const constants = { RSA_PKCS1_PADDING: 1, RSA_PKCS1_PSS_PADDING: 6, RSA_PSS_SALTLEN_DIGEST: -1 } as const;

type VerifyKey = KeyObject | { key: KeyObject; padding?: number; saltLength?: number; dsaEncoding?: 'der' | 'ieee-p1363' };

const bytesOf = (data: Uint8Array | string): Uint8Array => (typeof data === 'string' ? new TextEncoder().encode(data) : data);

/** node:crypto's one-shot verify: the algorithm names the digest (null: Ed25519's own, or SHA-256 as OpenSSL defaults). */
/**
 * node:crypto's verify; given a callback (as electron/verify/signatureCheck.ts does, to use
 * node's thread pool), it answers through it, on a later turn as node does.
 */
export function verify(algorithm: string | null | undefined, data: Uint8Array | string, keyInput: VerifyKey, signature: Uint8Array): boolean;
export function verify(
  algorithm: string | null | undefined,
  data: Uint8Array | string,
  keyInput: VerifyKey,
  signature: Uint8Array,
  callback: (error: Error | null, valid: boolean) => void,
): void;
export function verify(
  algorithm: string | null | undefined,
  data: Uint8Array | string,
  keyInput: VerifyKey,
  signature: Uint8Array,
  callback?: (error: Error | null, valid: boolean) => void,
): boolean | undefined {
  if (callback === undefined) return verifyNow(algorithm, data, keyInput, signature);
  let outcome: { error: Error | null; valid: boolean };
  try {
    outcome = { error: null, valid: verifyNow(algorithm, data, keyInput, signature) };
  } catch (error) {
    outcome = { error: error instanceof Error ? error : new Error(String(error)), valid: false };
  }
  queueMicrotask(() => {
    callback(outcome.error, outcome.valid);
  });
  return undefined;
}

function verifyNow(algorithm: string | null | undefined, data: Uint8Array | string, keyInput: VerifyKey, signature: Uint8Array): boolean {
  const options = keyInput instanceof KeyObject ? { key: keyInput } : keyInput;
  const m = options.key.material;
  const message = bytesOf(data);
  if (m.kind === 'ed25519') {
    if (algorithm !== null && algorithm !== undefined) throw new Error('Ed25519 takes no digest');
    return ed25519.verify(signature, message, m.raw);
  }
  const hash = hashName(algorithm ?? 'sha256');
  if (m.kind === 'rsa') {
    if (options.padding === constants.RSA_PKCS1_PSS_PADDING) {
      const saltLength = options.saltLength === undefined || options.saltLength === constants.RSA_PSS_SALTLEN_DIGEST ? digest(hash, new Uint8Array()).length : options.saltLength;
      return verifyPss(m.rsa, hash, message, signature, saltLength);
    }
    return verifyPkcs1v15(m.rsa, hash, message, signature);
  }
  const format = options.dsaEncoding === 'ieee-p1363' ? 'compact' : 'der';
  try {
    // Not low-S only: OpenSSL accepts either form, and so must the page to give the same verdict.
    return curves[m.curve].verify(signature, digest(hash, message), m.point, { prehash: false, lowS: false, format });
  } catch {
    return false;
  }
}

class Hash {
  private readonly parts: Uint8Array[] = [];
  constructor(private readonly algorithm: string) {}

  update(data: Uint8Array | string, _encoding?: string): this {
    this.parts.push(bytesOf(data));
    return this;
  }

  digest(): Buffer;
  digest(encoding: 'hex' | 'base64'): string;
  digest(encoding?: 'hex' | 'base64'): Buffer | string {
    const all = concatBytes(this.parts);
    const out = Buffer.from(digest(hashName(this.algorithm), all));
    return encoding === undefined ? out : out.toString(encoding);
  }
}

export function createHash(algorithm: string): Hash {
  return new Hash(algorithm);
}

export function hash(algorithm: string, data: string | Uint8Array, encoding: 'hex' | 'base64' = 'hex'): string {
  return createHash(algorithm).update(data).digest(encoding);
}

function unavailable(what: string): never {
  throw new Error(`${what} is not part of the verifier page: it only verifies.`);
}

export const createPrivateKey = (): never => unavailable('Reading private keys');
export const sign = (): never => unavailable('Signing');
export const randomBytes = (size: number): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(size));

export default { createHash, createPublicKey, createPrivateKey, verify, sign, hash, constants, KeyObject, X509Certificate, randomBytes };
