import { beforeAll, describe, expect, it } from 'vitest';
import { StaticDocuments } from '../../../electron/verify/documents';
import { createVerifier } from '../../../electron/verify/verifier';
import { VerifierPool } from '../../../electron/verify/workerPool';
import { deriveEcdsaSd, generateP256Issuer, generateSecp256k1Issuer, makeIssuerProfile, makeOb3Credential, signEcdsaSdBase, type P256Issuer } from '../../support/credentials';
import { normaliseOne } from './helpers';

/**
 * ecdsa-sd-2023 credentials made at test time with Digital Bazaar's cryptosuite: the issuer's
 * base proof, the holder's derived proof, and what a verifier must make of each.
 */
const now = new Date('2025-06-01T00:00:00Z');
const offline = createVerifier({ network: 'offline', now });

type Json = Record<string, unknown>;

let issuer: P256Issuer;
let other: P256Issuer;
let base: Json;
let derived: Json;

const credentialFor = (signer: P256Issuer): Json =>
  makeOb3Credential({ issuer: makeIssuerProfile({ id: signer.did, name: 'Example College' }), validFrom: '2024-01-01T00:00:00Z', achievementName: 'Teamwork' }) as unknown as Json;

beforeAll(async () => {
  issuer = await generateP256Issuer();
  other = await generateP256Issuer();
  base = await signEcdsaSdBase(credentialFor(issuer), issuer.signer(), { mandatoryPointers: ['/issuer', '/validFrom'] });
  // The holder discloses the achievement and keeps the rest (name, evidence...) to themselves.
  derived = await deriveEcdsaSd(base, ['/credentialSubject/achievement', '/type']);
});

async function reportOf(input: unknown, verifier = offline) {
  return verifier.verify(await normaliseOne(input));
}

const subjectOf = (credential: Json): Json => credential.credentialSubject as Json;

describe('ecdsa-sd-2023 (Digital Bazaar cryptosuite, P-256 did:key)', () => {
  it('verifies a derived proof, which discloses only what the holder chose', async () => {
    expect(derived.evidence).toBeUndefined();
    expect((subjectOf(derived).achievement as Json).name).toBe('Teamwork');
    const report = await reportOf(derived);
    expect(report.status).toBe('verified');
    const signature = report.checks.find((c) => c.id === 'signature');
    expect(signature?.outcome).toBe('passed');
    expect(signature?.evidence?.keyId).toBe(issuer.verificationMethodId);
    expect(signature?.evidence?.algorithm).toBe('ecdsa-sd-2023');
    expect(report.checks.find((c) => c.id === 'issuer-key')?.outcome).toBe('passed');
  });

  it('finds a disclosed claim changed', async () => {
    const subject = subjectOf(derived);
    const tampered = { ...derived, credentialSubject: { ...subject, achievement: { ...(subject.achievement as Json), name: 'Leadership' } } };
    const report = await reportOf(tampered);
    expect(report.status).toBe('invalid');
    expect(report.summary).toMatch(/signature does not match/);
  });

  it('finds a mandatory claim changed', async () => {
    expect(await reportOf({ ...derived, validFrom: '2020-01-01T00:00:00Z' }).then((r) => r.status)).toBe('invalid');
  });

  it('finds a claim the holder did not disclose added back', async () => {
    expect(await reportOf({ ...derived, evidence: base.evidence }).then((r) => r.status)).toBe('invalid');
  });

  it('rejects a proof made with another key than the one it names', async () => {
    // Signed by `issuer`, but naming `other`'s key (and `other` as the issuer): the signature cannot match.
    const credential = credentialFor(other);
    const liar = { ...issuer.signer(), id: other.verificationMethodId };
    const forged = await deriveEcdsaSd(await signEcdsaSdBase(credential, liar, { mandatoryPointers: ['/issuer'] }), ['/credentialSubject']);
    expect((forged.proof as Json).verificationMethod).toBe(other.verificationMethodId);
    const report = await reportOf(forged);
    expect(report.status).toBe('invalid');
    expect(report.checks.find((c) => c.id === 'signature')?.evidence?.keyId).toBe(other.verificationMethodId);
  });

  it('does not accept the base proof, which is for the holder, not for verifiers', async () => {
    const report = await reportOf(base);
    expect(report.status).toBe('invalid');
    expect(report.summary).toMatch(/base proof, which is meant for the holder/);
  });

  it('says which context it lacks instead of fetching it', async () => {
    const unknownContext = 'https://contexts.example/unheard-of/v1';
    const withContext = { ...derived, '@context': [...(derived['@context'] as string[]), unknownContext] };
    const report = await reportOf(withContext);
    expect(report.status).toBe('unverifiable');
    expect(report.checks.find((c) => c.id === 'contexts')?.needs).toBe(unknownContext);
  });
});

describe("ecdsa-sd-2023 with a secp256k1 issuer key (Blockcerts' variant)", () => {
  const profileUrl = 'https://issuer.example/blockcerts/profile.json';
  const methodId = `${profileUrl}#key-1`;
  const k256 = generateSecp256k1Issuer();
  const profile = {
    '@context': ['https://www.w3.org/ns/did/v1'],
    id: profileUrl,
    verificationMethod: [{ id: methodId, type: 'EcdsaSecp256k1VerificationKey2019', controller: profileUrl, publicKeyJwk: k256.publicJwk }],
    assertionMethod: [methodId],
  };
  const verifier = createVerifier({ network: 'offline', now, documents: new StaticDocuments({ [profileUrl]: profile }) });
  const credential = (): Json =>
    makeOb3Credential({ issuer: makeIssuerProfile({ id: profileUrl, name: 'Blockcerts College' }), validFrom: '2024-01-01T00:00:00Z' }) as unknown as Json;

  it('verifies the derived proof with the key the issuer profile lists, and finds tampering', async () => {
    const signed = await signEcdsaSdBase(credential(), k256.signer(methodId), { requiredAlgorithm: 'K-256' });
    const disclosed = await deriveEcdsaSd(signed, ['/credentialSubject']);
    const report = await reportOf(disclosed, verifier);
    expect(report.status).toBe('verified');
    expect(report.checks.find((c) => c.id === 'signature')?.sentence).toMatch(/listed in https:\/\/issuer\.example/);
    const subject = subjectOf(disclosed);
    expect(await reportOf({ ...disclosed, credentialSubject: { ...subject, id: 'did:example:someone-else' } }, verifier).then((r) => r.status)).toBe('invalid');
  });

  it('rejects a base signature by another secp256k1 key', async () => {
    const signed = await signEcdsaSdBase(credential(), generateSecp256k1Issuer().signer(methodId), { requiredAlgorithm: 'K-256' });
    expect(await reportOf(await deriveEcdsaSd(signed, ['/credentialSubject']), verifier).then((r) => r.status)).toBe('invalid');
  });

  it('says the key is needed when the issuer profile is not available offline', async () => {
    const signed = await signEcdsaSdBase(credential(), k256.signer(methodId), { requiredAlgorithm: 'K-256' });
    const report = await reportOf(await deriveEcdsaSd(signed, ['/credentialSubject']));
    expect(report.status).toBe('unverifiable');
    expect(report.checks.find((c) => c.id === 'signature')?.needs).toBe(profileUrl);
  });
});

describe('ecdsa-sd-2023 in the worker pool', () => {
  it('gives the same verdicts in worker threads (the cryptosuite loads there too)', async () => {
    const tampered = { ...derived, validFrom: '2020-01-01T00:00:00Z' };
    const credentials = await Promise.all([derived, tampered, base].map((c) => normaliseOne(c)));
    const pool = new VerifierPool({ network: 'offline', now: now.toISOString() }, { size: 1 });
    try {
      const reports = await pool.verifyAll(credentials);
      expect(reports.map((r) => r.status)).toEqual(['verified', 'invalid', 'invalid']);
    } finally {
      await pool.close();
    }
  });
});
