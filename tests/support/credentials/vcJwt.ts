// VC-JWT as OB 3.0 §8.2 and VC-JWT 1.1 describe it, signed by jose: a compact JWS whose header
// names the key (`kid` and/or `jwk`) and whose registered claims mirror the credential
// (iss = issuer id, jti = id, sub = subject id, nbf = validFrom, exp = validUntil).
import { importJWK, SignJWT } from 'jose';
import type { CryptoKey, JWTHeaderParameters } from 'jose';
import type { Ed25519Issuer, JoseAlg, JoseKeyPair } from './keys';
import type { CredentialEnvelope } from './shapes';

/** An Ed25519 did:key issuer (signs EdDSA, kid = its verification method) or a jose key pair. */
export type VcJwtKey = Ed25519Issuer | JoseKeyPair;

export interface VcJwtOptions {
  /** How the header identifies the key: `kid` (default), the public `jwk`, or both. */
  keyReference?: 'kid' | 'jwk' | 'both';
  /** Overrides the kid (e.g. an https URL of the issuer's key). */
  kid?: string;
  /** Adds an `iat` claim (seconds); VC-JWT allows it, OB 3.0 does not require it. */
  issuedAt?: Date;
}

function isEd25519Issuer(key: VcJwtKey): key is Ed25519Issuer {
  return 'did' in key;
}

const importedEd25519 = new WeakMap<Ed25519Issuer, CryptoKey>();

async function signingKey(key: VcJwtKey): Promise<CryptoKey> {
  if (!isEd25519Issuer(key)) return key.privateKey;
  let imported = importedEd25519.get(key);
  if (!imported) {
    imported = (await importJWK(key.privateJwk, 'EdDSA')) as CryptoKey;
    importedEd25519.set(key, imported);
  }
  return imported;
}

function seconds(dateTime: string | undefined): number | undefined {
  return dateTime === undefined ? undefined : Math.floor(new Date(dateTime).getTime() / 1000);
}

/** Signs `credential` (without an embedded proof) as a VC-JWT and returns the compact JWS. */
export async function signVcJwt(credential: CredentialEnvelope, key: VcJwtKey, alg?: JoseAlg, options: VcJwtOptions = {}): Promise<string> {
  const keyAlg: JoseAlg = isEd25519Issuer(key) ? 'EdDSA' : key.alg;
  const useAlg = alg ?? keyAlg;
  if (useAlg !== keyAlg) throw new Error(`signVcJwt: a ${keyAlg} key cannot sign ${useAlg}`);
  const kid = options.kid ?? (isEd25519Issuer(key) ? key.verificationMethodId : key.kid);
  const publicJwk = isEd25519Issuer(key) ? key.publicJwk : { ...key.publicJwk };
  const reference = options.keyReference ?? 'kid';
  const header: JWTHeaderParameters = { alg: useAlg, typ: 'JWT' };
  if (reference !== 'jwk') header.kid = kid;
  if (reference !== 'kid') header.jwk = publicJwk;

  const { proof: _proof, ...vcClaim } = credential;
  const jwt = new SignJWT({ vc: vcClaim })
    .setProtectedHeader(header)
    .setIssuer(typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id)
    .setJti(credential.id);
  if (credential.credentialSubject.id !== undefined) jwt.setSubject(credential.credentialSubject.id);
  const nbf = seconds(credential.validFrom ?? credential.issuanceDate);
  if (nbf !== undefined) jwt.setNotBefore(nbf);
  const exp = seconds(credential.validUntil ?? credential.expirationDate);
  if (exp !== undefined) jwt.setExpirationTime(exp);
  if (options.issuedAt) jwt.setIssuedAt(Math.floor(options.issuedAt.getTime() / 1000));
  return jwt.sign(await signingKey(key));
}
