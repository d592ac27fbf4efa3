import { secp256k1 } from '@noble/curves/secp256k1.js';

/**
 * secp256k1 public keys (Blockcerts and Bitcoin-minded issuers) and their ECDSA checks.
 * They are not node:crypto KeyObjects: Electron's crypto is BoringSSL, which has no
 * secp256k1, so what works under plain Node would fail in the app. @noble/curves does the
 * arithmetic the same way in both.
 */
export class Secp256k1PublicKey {
  /** Mirrors KeyObject's field, so callers can tell key kinds apart the same way. */
  readonly asymmetricKeyType = 'secp256k1';
  private constructor(readonly point: Uint8Array) {}

  /** A compressed (33-byte) or uncompressed (65-byte) point, or undefined when it is not on the curve. */
  static fromPoint(bytes: Uint8Array): Secp256k1PublicKey | undefined {
    try {
      return new Secp256k1PublicKey(secp256k1.Point.fromBytes(bytes).toBytes(true));
    } catch {
      return undefined;
    }
  }

  /** A JWK `{ kty: 'EC', crv: 'secp256k1', x, y }`. */
  static fromJwk(jwk: Readonly<Record<string, unknown>>): Secp256k1PublicKey | undefined {
    const { x, y } = jwk;
    if (typeof x !== 'string' || typeof y !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(x) || !/^[A-Za-z0-9_-]{43}$/.test(y)) return undefined;
    return Secp256k1PublicKey.fromPoint(Buffer.concat([Buffer.from([0x04]), Buffer.from(x, 'base64url'), Buffer.from(y, 'base64url')]));
  }
}

/**
 * ECDSA over SHA-256(message) with a 64-byte r‖s signature (ES256K). High-S signatures are
 * accepted, as OpenSSL and WebCrypto produce them: malleability does not matter to a
 * credential, whose identity is not its signature.
 */
export function verifySecp256k1(key: Secp256k1PublicKey, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  try {
    return secp256k1.verify(signature, message, key.point, { lowS: false });
  } catch {
    return false;
  }
}
