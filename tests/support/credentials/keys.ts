// Issuer keys for test credentials. An Ed25519 issuer is a did:key (the most common OB 3.0 issuer
// identifier in the wild) usable by the Data Integrity suites and, through its JWKs, by jose.
// A seed makes the key (and so the DID) reproducible, which benchmarks and golden files need.
import { getRandomValues } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import type { Ed25519MultikeyKeyPair } from '@digitalbazaar/ed25519-multikey';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey, JWK } from 'jose';

export interface Ed25519Issuer {
  /** `did:key:z6Mk...` */
  did: string;
  /** `did:key:z6Mk...#z6Mk...`: the proof's verificationMethod and the VC-JWT `kid`. */
  verificationMethodId: string;
  /** The multikey key pair (with `signer()`) the Data Integrity and Ed25519Signature2020 suites use. */
  keyPair: Ed25519MultikeyKeyPair;
  publicJwk: JWK;
  privateJwk: JWK;
  /** The 32-byte seed the key was derived from. */
  seed: Uint8Array;
}

/** An Ed25519 did:key issuer; deterministic when a 32-byte `seed` is given. */
export async function generateEd25519Issuer(seed?: Uint8Array): Promise<Ed25519Issuer> {
  if (seed !== undefined && seed.length !== 32) throw new RangeError(`An Ed25519 seed has 32 bytes, not ${String(seed.length)}`);
  const keySeed = seed ? Uint8Array.from(seed) : getRandomValues(new Uint8Array(32));
  // The DID is derived from the public key, and the key pair's id from the DID: derive once to
  // learn the public key, then again with the controller so that signer().id is the method id.
  const probe = await Ed25519Multikey.generate({ seed: keySeed });
  const did = `did:key:${probe.publicKeyMultibase}`;
  const keyPair = await Ed25519Multikey.generate({ seed: keySeed, controller: did });
  const x = Buffer.from(keyPair.publicKey).toString('base64url');
  return {
    did,
    verificationMethodId: `${did}#${keyPair.publicKeyMultibase}`,
    keyPair,
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x },
    privateJwk: { kty: 'OKP', crv: 'Ed25519', x, d: Buffer.from(keySeed).toString('base64url') },
    seed: keySeed,
  };
}

/**
 * An Ed25519 issuer under a did:web DID (as Credly and many universities publish theirs): its key
 * is `${did}#key-1`, listed in `didDocument`, which the issuer serves at the did:web address.
 */
export async function generateDidWebIssuer(did: string, seed?: Uint8Array): Promise<Ed25519Issuer & { didDocument: Record<string, unknown> }> {
  const base = await generateEd25519Issuer(seed);
  const methodId = `${did}#key-1`;
  const keyPair = await Ed25519Multikey.generate({ seed: base.seed, controller: did, id: methodId });
  const method = { id: methodId, type: 'Multikey', controller: did, publicKeyMultibase: keyPair.publicKeyMultibase };
  return {
    ...base,
    did,
    verificationMethodId: methodId,
    keyPair,
    didDocument: {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [method],
      assertionMethod: [methodId],
    },
  };
}

export type JoseAlg = 'EdDSA' | 'ES256' | 'RS256';

export interface JoseKeyPair {
  alg: JoseAlg;
  /** Key id for JWS headers; the RFC 7638 thumbprint unless one was given. */
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** Public JWK carrying `kid`, `alg` and `use`, ready for a JWKS or a `jwk` header. */
  publicJwk: JWK;
  privateJwk: JWK;
}

/** A fresh jose key pair (WebCrypto) for VC-JWT and OB 2.0 signed badges. RS256 keys are 2048-bit. */
export async function generateJoseKey(alg: JoseAlg, options: { kid?: string } = {}): Promise<JoseKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'RS256' ? { modulusLength: 2048 } : {}) });
  const bareJwk = await exportJWK(publicKey);
  const kid = options.kid ?? (await calculateJwkThumbprint(bareJwk));
  return {
    alg,
    kid,
    privateKey,
    publicKey,
    publicJwk: { ...bareJwk, kid, alg, use: 'sig' },
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg },
  };
}
