import { describe, expect, it } from 'vitest';
import { StaticDocuments } from '../../../electron/verify/documents';
import { createVerifier } from '../../../electron/verify/verifier';
import { VerifierPool } from '../../../electron/verify/workerPool';
import { generateSecp256k1Issuer, makeIssuerProfile, makeOb3Credential, signSecp256k1Signature2019, type Secp256k1Issuer } from '../../support/credentials';
import { normaliseOne } from './helpers';

/**
 * EcdsaSecp256k1Signature2019 credentials signed at test time with jsonld and node:crypto
 * (OpenSSL's secp256k1), checked by the app with @noble/curves.
 */
const now = new Date('2025-06-01T00:00:00Z');
const offline = createVerifier({ network: 'offline', now });

type Json = Record<string, unknown>;

/** did:jwk: the key travels in the DID itself, so no document is needed. */
const didJwk = (issuer: Secp256k1Issuer): string => `did:jwk:${Buffer.from(JSON.stringify(issuer.publicJwk)).toString('base64url')}`;

/** Base58 (Bitcoin alphabet), for the Blockcerts key references that carry the key itself. */
function base58(bytes: Uint8Array): string {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let value = BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
  let out = '';
  while (value > 0n) {
    out = (alphabet[Number(value % 58n)] ?? '') + out;
    value /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    out = `1${out}`;
  }
  return out;
}

const credentialFor = (issuerId: string): Json =>
  makeOb3Credential({ vcVersion: 1, issuer: makeIssuerProfile({ id: issuerId, name: 'Ledger Institute' }), validFrom: '2024-01-01T00:00:00Z' }) as unknown as Json;

async function reportOf(input: unknown, verifier = offline) {
  return verifier.verify(await normaliseOne(input));
}

describe('EcdsaSecp256k1Signature2019 (detached ES256K JWS over URDNA2015)', () => {
  const issuer = generateSecp256k1Issuer();
  const did = didJwk(issuer);
  const signed = (credential = credentialFor(did), key = issuer) => signSecp256k1Signature2019(credential, key, `${did}#0`, { created: '2024-01-02T00:00:00Z' });

  it('verifies a credential signed by its issuer', async () => {
    const report = await reportOf(await signed());
    expect(report.status).toBe('verified');
    const signature = report.checks.find((c) => c.id === 'signature');
    expect(signature?.evidence?.algorithm).toBe('EcdsaSecp256k1Signature2019');
    expect(signature?.evidence?.keyId).toBe(`${did}#0`);
    expect(report.checks.find((c) => c.id === 'issuer-key')?.outcome).toBe('passed');
  });

  it.each([
    ['the subject', (c: Json) => ({ ...c, credentialSubject: { ...(c.credentialSubject as Json), id: 'did:example:someone-else' } })],
    ['the name', (c: Json) => ({ ...c, name: 'Forged' })],
    ['the proof date', (c: Json) => ({ ...c, proof: { ...(c.proof as Json), created: '2001-01-01T00:00:00Z' } })],
  ])('finds %s changed', async (_what, tamper) => {
    const report = await reportOf(tamper(await signed()));
    expect(report.status).toBe('invalid');
    expect(report.summary).toMatch(/signature does not match/);
  });

  it('rejects a signature by another key under the key it names', async () => {
    expect(await reportOf(await signed(credentialFor(did), generateSecp256k1Issuer())).then((r) => r.status)).toBe('invalid');
  });

  it('rejects a JWS that is not ES256K with an unencoded payload', async () => {
    const good = await signed();
    const proof = good.proof as Json;
    const [, , signature] = String(proof.jws).split('.');
    const es256 = Buffer.from(JSON.stringify({ alg: 'ES256', b64: false, crit: ['b64'] })).toString('base64url');
    const encoded = Buffer.from(JSON.stringify({ alg: 'ES256K' })).toString('base64url');
    for (const header of [es256, encoded]) {
      const report = await reportOf({ ...good, proof: { ...proof, jws: `${header}..${String(signature)}` } });
      expect(report.status).toBe('invalid');
    }
  });

  it('checks keys listed in an issuer profile (publicKeyJwk)', async () => {
    const profileUrl = 'https://ledger.example/issuer.json';
    const methodId = `${profileUrl}#main`;
    const profile = { id: profileUrl, verificationMethod: [{ id: methodId, type: 'EcdsaSecp256k1VerificationKey2019', controller: profileUrl, publicKeyJwk: issuer.publicJwk }] };
    const verifier = createVerifier({ network: 'offline', now, documents: new StaticDocuments({ [profileUrl]: profile }) });
    const credential = await signSecp256k1Signature2019(credentialFor(profileUrl), issuer, methodId);
    expect(await reportOf(credential, verifier).then((r) => r.status)).toBe('verified');
    expect(await reportOf(credential).then((r) => r.status)).toBe('unverifiable');
  });

  it('reads a key written into its own reference (Blockcerts), without vouching that the issuer holds it', async () => {
    const profileUrl = 'https://ledger.example/profile.json';
    const methodId = `${profileUrl}#${base58(issuer.compressed)}`;
    const credential = await signSecp256k1Signature2019(credentialFor(profileUrl), issuer, methodId);
    const report = await reportOf(credential);
    expect(report.status).toBe('verified');
    expect(report.checks.find((c) => c.id === 'signature')?.sentence).toMatch(/key named in the proof.*read from the key reference itself/);
    expect(report.checks.find((c) => c.id === 'issuer-key')?.outcome).toBe('skipped');
    // Another key written into the reference: the signature cannot match.
    const otherKey = base58(generateSecp256k1Issuer().compressed);
    expect(await reportOf({ ...credential, proof: { ...(credential.proof as Json), verificationMethod: `${profileUrl}#${otherKey}` } }).then((r) => r.status)).toBe('invalid');
    // When the profile is available, it decides: a key it does not list is refused.
    const verifier = createVerifier({ network: 'offline', now, documents: new StaticDocuments({ [profileUrl]: { id: profileUrl, verificationMethod: [] } }) });
    expect(await reportOf(credential, verifier).then((r) => r.status)).toBe('invalid');
  });

  it('gives the same verdicts in worker threads', async () => {
    const good = await signed();
    const credentials = await Promise.all([good, { ...good, name: 'Forged' }].map((c) => normaliseOne(c)));
    const pool = new VerifierPool({ network: 'offline', now: now.toISOString() }, { size: 1 });
    try {
      expect((await pool.verifyAll(credentials)).map((r) => r.status)).toEqual(['verified', 'invalid']);
    } finally {
      await pool.close();
    }
  });
});
