import { describe, expect, it } from 'vitest';
import { createVerifier } from '../../../electron/verify/verifier';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, seededBytes, signDataIntegrity } from '../../support/credentials';
import { normaliseOne } from './helpers';

/**
 * eddsa-jcs-2022 (W3C vc-di-eddsa): the JSON canonicalised by RFC 8785 instead of RDF. Checked
 * against the specification's own test vector and against credentials signed by Digital
 * Bazaar's eddsa-jcs-2022 cryptosuite.
 */
const now = new Date('2025-06-01T00:00:00Z');
const verifier = createVerifier({ network: 'offline', now });

/**
 * W3C vc-di-eddsa v1.0, TestVectors/eddsa-jcs-2022/signedJCS.json (W3C Software and Document
 * License): the specification's signed example, kept as published.
 */
const w3cSignedJcs = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
  id: 'urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33',
  type: ['VerifiableCredential', 'AlumniCredential'],
  name: 'Alumni Credential',
  description: 'A minimum viable example of an Alumni Credential.',
  issuer: 'https://vc.example/issuers/5678',
  validFrom: '2023-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:abcdefgh', alumniOf: 'The School of Examples' },
  proof: {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created: '2023-02-24T23:36:38Z',
    verificationMethod: 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
    proofPurpose: 'assertionMethod',
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
    proofValue: 'z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX',
  },
};

async function signatureCheck(credential: unknown) {
  const report = await verifier.verify(await normaliseOne(credential));
  return { report, signature: report.checks.find((c) => c.id === 'signature') };
}

describe('eddsa-jcs-2022', () => {
  it("passes the W3C specification's test vector, and fails it once changed", async () => {
    const { signature } = await signatureCheck(w3cSignedJcs);
    expect(signature?.outcome).toBe('passed');
    expect(signature?.evidence?.algorithm).toBe('eddsa-jcs-2022');

    const changed = await signatureCheck({ ...w3cSignedJcs, credentialSubject: { ...w3cSignedJcs.credentialSubject, alumniOf: 'Another School' } });
    expect(changed.signature?.outcome).toBe('failed');
    expect(changed.report.status).toBe('invalid');
  });

  it("refuses a proof whose @context is not the start of the credential's", async () => {
    const other = { ...w3cSignedJcs, '@context': ['https://www.w3.org/ns/credentials/v2'] };
    const { report, signature } = await signatureCheck(other);
    expect(signature?.outcome).toBe('failed');
    expect(signature?.sentence).toContain('other JSON-LD contexts');
    expect(report.status).toBe('invalid');
  });

  it("verifies an Open Badge 3.0 signed by Digital Bazaar's eddsa-jcs-2022 cryptosuite, and catches tampering", async () => {
    const issuer = await generateEd25519Issuer(seededBytes(32, 61));
    const credential = makeOb3Credential({ issuer: makeIssuerProfile({ id: issuer.did, name: 'Harbour Academy' }), validFrom: '2024-01-01T00:00:00Z', achievementName: 'Welding' });
    const signed = (await signDataIntegrity(credential, issuer, 'eddsa-jcs-2022', { date: '2024-01-01T00:00:00Z' })) as unknown as Record<string, unknown>;
    expect((signed.proof as { cryptosuite?: string }).cryptosuite).toBe('eddsa-jcs-2022');
    const good = await signatureCheck(signed);
    expect(good.signature?.outcome).toBe('passed');
    expect(good.report.status).toBe('verified');

    const tampered = await signatureCheck({ ...signed, name: 'Master Welder' });
    expect(tampered.signature?.outcome).toBe('failed');
    expect(tampered.report.status).toBe('invalid');

    // Key order and spacing are not part of what JCS signs: the same credential re-serialised still verifies.
    const reordered = Object.fromEntries(Object.entries(signed).reverse());
    expect((await signatureCheck(reordered)).report.status).toBe('verified');
  });
});
