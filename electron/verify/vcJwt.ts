import { constants, KeyObject, verify as verifySignature } from 'node:crypto';
import { idOf, isRecord, short, type VerifyContext, display, type Checks } from './checks';
import { checkIssuerBinding } from './dataIntegrity';
import { keyFromJwk, resolveVerificationMethod, type KeyResolution, type PublicKey } from './keys';

/**
 * VC-JWT (OB 3.0 §8.2, VC-JWT 1.1): a compact JWS whose header names its key by `kid` or
 * carries it as `jwk`, and whose registered claims must match the credential they carry
 * (iss = issuer, jti = id, sub = subject, nbf = valid-from, exp = valid-until). Verified
 * with node:crypto directly: one KeyObject per issuer key, reused across credentials.
 */
const algorithms: Readonly<Record<string, { hash: string | null; keyType: string; padding?: number; saltLength?: number; ieee?: boolean }>> = {
  RS256: { hash: 'sha256', keyType: 'rsa' },
  RS384: { hash: 'sha384', keyType: 'rsa' },
  RS512: { hash: 'sha512', keyType: 'rsa' },
  PS256: { hash: 'sha256', keyType: 'rsa', padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
  PS384: { hash: 'sha384', keyType: 'rsa', padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 48 },
  PS512: { hash: 'sha512', keyType: 'rsa', padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 64 },
  ES256: { hash: 'sha256', keyType: 'ec', ieee: true },
  ES384: { hash: 'sha384', keyType: 'ec', ieee: true },
  ES512: { hash: 'sha512', keyType: 'ec', ieee: true },
  EdDSA: { hash: null, keyType: 'ed25519' },
  Ed25519: { hash: null, keyType: 'ed25519' },
};

/** Verifies a JWS signature over `header.payload`; false on any mismatch (wrong key type included). */
export function verifyJwsSignature(alg: string, signingInput: string | Uint8Array, signature: Uint8Array, key: PublicKey): boolean {
  const spec = algorithms[alg];
  // secp256k1 keys are no KeyObjects, and no algorithm here uses one.
  if (!spec || !(key instanceof KeyObject) || key.asymmetricKeyType !== spec.keyType) return false;
  try {
    return verifySignature(
      spec.hash,
      typeof signingInput === 'string' ? Buffer.from(signingInput, 'ascii') : signingInput,
      {
        key,
        ...(spec.padding !== undefined ? { padding: spec.padding, saltLength: spec.saltLength } : {}),
        ...(spec.ieee ? { dsaEncoding: 'ieee-p1363' as const } : {}),
      },
      signature,
    );
  } catch {
    return false;
  }
}

function decodeJson(part: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) return undefined;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export function isAllowedAlgorithm(alg: unknown): alg is string {
  return typeof alg === 'string' && alg in algorithms;
}

export interface JwtReading {
  readonly credential: Record<string, unknown>;
  readonly claims: Record<string, unknown>;
}

/** Decodes a compact JWS into header and claims, or says why it is malformed. */
export function decodeCompact(jws: string): { header: Record<string, unknown>; claims: Record<string, unknown>; signature: Uint8Array; signingInput: string } | string {
  const parts = jws.trim().split('.');
  if (parts.length !== 3) return `A signed credential (JWS) has three parts; this one has ${String(parts.length)}.`;
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const header = decodeJson(headerPart);
  const claims = decodeJson(payloadPart);
  if (!isRecord(header)) return 'The JWS header is not readable JSON.';
  if (!isRecord(claims)) return 'The JWS payload is not readable JSON.';
  if (!/^[A-Za-z0-9_-]+$/.test(signaturePart)) return 'The JWS has no readable signature.';
  return { header, claims, signature: Buffer.from(signaturePart, 'base64url'), signingInput: `${headerPart}.${payloadPart}` };
}

const seconds = (value: unknown): number | undefined => {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(/(Z|[+-]\d\d:\d\d)$/i.test(value) ? value : `${value}Z`);
  return Number.isNaN(time) ? undefined : Math.floor(time / 1000);
};

export async function checkVcJwt(jws: string, context: VerifyContext, checks: Checks): Promise<JwtReading | undefined> {
  const decoded = decodeCompact(jws);
  if (typeof decoded === 'string') {
    checks.fail('structure', 'Structure', decoded, 'malformed');
    return undefined;
  }
  const { header, claims, signature, signingInput } = decoded;
  const credential = isRecord(claims.vc) ? claims.vc : claims;
  const alg = header.alg;
  if (!isAllowedAlgorithm(alg)) {
    checks.fail('signature', 'Signature', `The signature algorithm "${String(alg)}" is not one a credential may use.`, 'invalid', { algorithm: String(alg) });
    return { credential, claims };
  }
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  const headerKey = header.jwk === undefined ? undefined : keyFromJwk(header.jwk);
  if (!kid && header.jwk === undefined) {
    checks.fail('structure', 'Structure', 'The signed credential does not say which key signed it (no "kid" or "jwk" in its header), which Open Badges 3.0 requires.', 'malformed', { algorithm: alg });
    return { credential, claims };
  }
  let resolved: KeyResolution | undefined;
  if (kid && (kid.startsWith('did:') || /^https?:\/\//.test(kid))) resolved = await resolveVerificationMethod(kid, context.resolver);
  let key: PublicKey;
  let how: string;
  if (resolved?.ok) {
    key = resolved.key;
    how = resolved.how;
  } else if (headerKey) {
    key = headerKey;
    how = 'carried in the credential itself (header "jwk")';
  } else if (resolved) {
    if (resolved.implies === 'invalid') checks.fail('signature', 'Signature', resolved.message, 'invalid', { algorithm: alg, keyId: kid });
    else checks.skip('signature', 'Signature', resolved.message, 'unverifiable', resolved.needs, { algorithm: alg, keyId: kid });
    return { credential, claims };
  } else {
    checks.fail('signature', 'Signature', header.jwk === undefined ? `The key "${String(kid)}" cannot be looked up.` : 'The key in the header ("jwk") is not a usable public key.', 'invalid', { algorithm: alg, keyId: kid });
    return { credential, claims };
  }
  const keyId = resolved?.ok ? resolved.keyId : (kid ?? 'header jwk');
  const evidence = { algorithm: alg, keyId, ...(resolved?.ok && resolved.url ? { url: resolved.url, origin: resolved.origin, fetchedAt: resolved.fetchedAt } : {}) };
  if (!verifyJwsSignature(alg, signingInput, signature, key)) {
    checks.fail('signature', 'Signature', `The signature does not match: the credential was changed after signing, or signed with another key (${short(keyId)}).`, 'invalid', evidence);
    return { credential, claims };
  }
  checks.pass('signature', 'Signature', `The ${alg} signature matches the key ${short(keyId)}, ${how}.`, evidence);
  if (resolved?.ok) checkIssuerBinding(credential.issuer, [resolved], checks);
  else checks.skip('issuer-key', 'Issuer key', 'The signing key travels inside the credential, so the signature proves it is unchanged but not who signed it.', undefined, undefined, { keyId });
  checkClaims(claims, credential, checks);
  return { credential, claims };
}

/** The JWT's registered claims must say what the credential says. */
function checkClaims(claims: Record<string, unknown>, credential: Record<string, unknown>, checks: Checks): void {
  if (claims === credential) {
    checks.pass('claims', 'JWT claims', 'The credential is signed as a whole (no separate JWT claims to compare).');
    return;
  }
  const subject = Array.isArray(credential.credentialSubject) ? (credential.credentialSubject[0] as unknown) : credential.credentialSubject;
  const mismatches: string[] = [];
  const compare = (claim: string, claimed: unknown, stated: unknown, name: string): void => {
    if (claimed === undefined || stated === undefined) return;
    if (claimed !== stated) mismatches.push(`"${claim}" (${display(claimed)}) differs from the credential's ${name} (${display(stated)})`);
  };
  compare('iss', claims.iss, idOf(credential.issuer), 'issuer');
  compare('jti', claims.jti, credential.id, 'id');
  compare('sub', claims.sub, idOf(subject), 'subject');
  compare('nbf', claims.nbf, seconds(credential.validFrom ?? credential.issuanceDate), 'valid-from date');
  compare('exp', claims.exp, seconds(credential.validUntil ?? credential.expirationDate), 'expiry date');
  if (mismatches.length > 0) checks.fail('claims', 'JWT claims', `The signed claims do not match the credential: ${mismatches.join('; ')}.`, 'invalid');
  else checks.pass('claims', 'JWT claims', 'The signed claims (issuer, id, subject, dates) match the credential.');
}
