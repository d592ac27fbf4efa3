import { importJWK, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { StaticDocuments } from '../../../electron/verify/documents';
import { createVerifier } from '../../../electron/verify/verifier';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, seededBytes, signDataIntegrity, type Ed25519Issuer } from '../../support/credentials';
import { normaliseOne } from './helpers';

/**
 * DIF Well-Known DID Configuration: a university's web site lists the did:key it signs with, in
 * a Domain Linkage Credential that DID signed (made here with jose, not with our code). Then the
 * key is "published at" that site; a configuration about another DID, another site, expired or
 * with a bad signature confirms nothing. Documents are given as a --documents map would give them.
 */
const now = new Date('2026-06-01T00:00:00Z');
const site = 'https://www.northfield.example';
const configurationUrl = `${site}/.well-known/did-configuration.json`;

async function linkageJwt(issuer: Ed25519Issuer, options: { origin?: string; did?: string; exp?: number } = {}): Promise<string> {
  const did = options.did ?? issuer.did;
  const key = await importJWK({ ...issuer.privateJwk, alg: 'EdDSA' }, 'EdDSA');
  return new SignJWT({
    vc: {
      '@context': ['https://www.w3.org/2018/credentials/v1', 'https://identity.foundation/.well-known/did-configuration/v1'],
      issuer: did,
      issuanceDate: '2025-01-01T00:00:00Z',
      expirationDate: '2027-01-01T00:00:00Z',
      type: ['VerifiableCredential', 'DomainLinkageCredential'],
      credentialSubject: { id: did, origin: options.origin ?? site },
    },
  })
    .setProtectedHeader({ alg: 'EdDSA', kid: issuer.verificationMethodId, typ: 'JWT' })
    .setIssuer(did)
    .setSubject(did)
    .setNotBefore(Math.floor(Date.parse('2025-01-01T00:00:00Z') / 1000))
    .setExpirationTime(options.exp ?? Math.floor(Date.parse('2027-01-01T00:00:00Z') / 1000))
    .sign(key);
}

async function credentialFrom(issuer: Ed25519Issuer, url = site) {
  const credential = makeOb3Credential({
    issuer: { ...makeIssuerProfile({ id: issuer.did, name: 'Northfield Polytechnic' }), url },
    validFrom: '2025-03-01T00:00:00Z',
    achievementName: 'Structural engineering 101',
  });
  return normaliseOne(await signDataIntegrity(credential, issuer, 'eddsa-rdfc-2022', { date: '2025-03-01T00:00:00Z' }));
}

const verifierWith = (linkedDids: unknown[]) =>
  createVerifier({
    network: 'offline',
    now,
    documents: new StaticDocuments({ [configurationUrl]: JSON.stringify({ '@context': 'https://identity.foundation/.well-known/did-configuration/v1', linked_dids: linkedDids }) }),
  });

describe('DIF Well-Known DID Configuration', () => {
  it("the issuer's web site linking the signing did:key ties the key to that domain", async () => {
    const issuer = await generateEd25519Issuer(seededBytes(32, 1201));
    const report = await verifierWith([await linkageJwt(issuer)]).verify(await credentialFrom(issuer));
    expect(report.status).toBe('verified');
    expect(report.checks.find((c) => c.id === 'domain-linkage')).toMatchObject({ outcome: 'passed', evidence: { url: configurationUrl, origin: 'documents-map' } });
    expect(report.issuerIdentity).toMatchObject({ level: 'domain', source: 'www.northfield.example', name: 'Northfield Polytechnic' });
    expect(report.issuerIdentity?.sentence).toContain('The signing key is published at www.northfield.example');
  });

  it('a configuration about another DID, another site, expired or signed by someone else confirms nothing', async () => {
    const issuer = await generateEd25519Issuer(seededBytes(32, 1202));
    const impostor = await generateEd25519Issuer(seededBytes(32, 1203));
    const expired = Math.floor(Date.parse('2026-01-01T00:00:00Z') / 1000);
    const cases: [string, unknown[]][] = [
      ['another DID', [await linkageJwt(impostor)]],
      ['another site', [await linkageJwt(issuer, { origin: 'https://elsewhere.example' })]],
      ['expired', [await linkageJwt(issuer, { exp: expired })]],
      // Claims to be about the issuer's DID, but signed with another key.
      ['forged', [await linkageJwt({ ...impostor, verificationMethodId: issuer.verificationMethodId }, { did: issuer.did })]],
      ['nothing linked', []],
    ];
    for (const [label, linked] of cases) {
      const report = await verifierWith(linked).verify(await credentialFrom(issuer));
      expect(report.status, label).toBe('verified');
      expect(report.checks.find((c) => c.id === 'domain-linkage')?.outcome, label).toBe('skipped');
      expect(report.issuerIdentity?.level, label).toBe('unconfirmed');
    }
    // The forged one is refused for its signature.
    const forged = await verifierWith([await linkageJwt({ ...impostor, verificationMethodId: issuer.verificationMethodId }, { did: issuer.did })]).verify(
      await credentialFrom(issuer),
    );
    expect(forged.checks.find((c) => c.id === 'domain-linkage')?.sentence).toContain('its signature does not match');
  });

  it('is not asked when the issuer names no https web site, or offline without the document', async () => {
    const issuer = await generateEd25519Issuer(seededBytes(32, 1204));
    const plain = await verifierWith([await linkageJwt(issuer)]).verify(await credentialFrom(issuer, 'http://www.northfield.example'));
    expect(plain.checks.some((c) => c.id === 'domain-linkage')).toBe(false);
    const offline = await createVerifier({ network: 'offline', now }).verify(await credentialFrom(issuer));
    expect(offline.checks.some((c) => c.id === 'domain-linkage')).toBe(false);
    expect(offline.issuerIdentity?.level).toBe('unconfirmed');
  });
});
