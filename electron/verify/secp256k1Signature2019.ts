import type { VerificationMessage } from '../../shared/credential/verification';
import { msg } from '../../shared/credential/verificationMessages';
import { isRecord } from './checks';
import { type Secp256k1PublicKey, verifySecp256k1 } from './secp256k1';

/**
 * EcdsaSecp256k1Signature2019 (W3C CCG Linked Data proof, as Blockcerts v3 issuers sign): a
 * detached JWS with an unencoded payload (RFC 7797: header `{"alg":"ES256K","b64":false,
 * "crit":["b64"]}`), signing `base64url(header) + "." + data`, where data is the same pair of
 * URDNA2015 hashes Ed25519Signature2020 signs: SHA-256(canonical proof options) ‖
 * SHA-256(canonical document). ES256K is ECDSA on secp256k1 over SHA-256, r‖s.
 */
export interface DetachedJws {
  /** The header exactly as written (base64url): the signature covers these characters. */
  readonly header: string;
  readonly signature: Uint8Array;
}

/** The proof's `jws`, or a message saying why it is not a usable detached ES256K JWS. */
export function readDetachedJws(jws: unknown): DetachedJws | VerificationMessage {
  if (typeof jws !== 'string') return msg('jws2019.missing');
  const [header = '', payload, signature = '', ...rest] = jws.trim().split('.');
  if (payload !== '' || rest.length > 0 || !/^[A-Za-z0-9_-]+$/.test(header) || !/^[A-Za-z0-9_-]+$/.test(signature)) {
    return msg('jws2019.notDetached');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!isRecord(parsed)) return msg('jws2019.headerUnreadable');
  if (parsed.alg !== 'ES256K') return msg('jws2019.wrongAlgorithm', { alg: String(parsed.alg) });
  // The JWS signs the hashes themselves; a header without b64:false would sign their base64url form.
  if (parsed.b64 !== false || !Array.isArray(parsed.crit) || !parsed.crit.includes('b64')) {
    return msg('jws2019.notUnencoded');
  }
  const bytes = Buffer.from(signature, 'base64url');
  if (bytes.length !== 64) return msg('jws2019.damaged');
  return { header, signature: bytes };
}

export function isDetachedJws(value: DetachedJws | VerificationMessage): value is DetachedJws {
  return 'signature' in value;
}

export function verifySecp256k1Signature2019(jws: DetachedJws, data: Uint8Array, key: Secp256k1PublicKey): boolean {
  return verifySecp256k1(key, Buffer.concat([Buffer.from(`${jws.header}.`, 'ascii'), data]), jws.signature);
}
