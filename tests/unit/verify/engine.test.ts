import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verificationReportSchema } from '../../../shared/credential/verification';
import { StaticDocuments } from '../../../electron/verify/documents';
import { MemoryFetchCache } from '../../../electron/verify/fetchCache';
import { createVerifier } from '../../../electron/verify/verifier';
import {
  generateEd25519Issuer,
  generateJoseKey,
  makeBitstringStatusListCredential,
  makeIssuerProfile,
  makeOb2Assertion,
  makeOb2SignedAssertion,
  makeOb3Credential,
  seededBytes,
  signDataIntegrity,
  signEd25519Signature2020,
  signVcJwt,
  verifyWithDigitalBazaar,
  type Ed25519Issuer,
  type JoseKeyPair,
} from '../../support/credentials';
import { normaliseOne, startTestServer, type TestServer } from './helpers';

const now = new Date('2025-06-01T00:00:00Z');
const offline = createVerifier({ network: 'offline', now });

let issuer: Ed25519Issuer;
let other: Ed25519Issuer;
let es256: JoseKeyPair;
let rs256: JoseKeyPair;

beforeAll(async () => {
  issuer = await generateEd25519Issuer(seededBytes(32, 1));
  other = await generateEd25519Issuer(seededBytes(32, 2));
  es256 = await generateJoseKey('ES256');
  rs256 = await generateJoseKey('RS256');
});

const credentialFor = (signer: Ed25519Issuer, options: Partial<Parameters<typeof makeOb3Credential>[0]> = {}) =>
  makeOb3Credential({ issuer: makeIssuerProfile({ id: signer.did, name: 'Example College' }), validFrom: '2024-01-01T00:00:00Z', ...options });

async function statusOf(input: unknown, verifier = offline): Promise<string> {
  const report = await verifier.verify(await normaliseOne(input));
  expect(verificationReportSchema.safeParse(report).success).toBe(true);
  return report.status;
}

describe('Data Integrity eddsa-rdfc-2022 (signed by @digitalbazaar/vc)', () => {
  it('verifies a valid credential and says with which key', async () => {
    const signed = await signDataIntegrity(credentialFor(issuer), issuer);
    const report = await offline.verify(await normaliseOne(signed));
    expect(report.status).toBe('verified');
    const signature = report.checks.find((c) => c.id === 'signature');
    expect(signature?.evidence?.keyId).toBe(issuer.verificationMethodId);
    expect(signature?.sentence).toMatch(/matches the issuer's key/);
    expect(report.checks.find((c) => c.id === 'issuer-key')?.outcome).toBe('passed');
    expect((await verifyWithDigitalBazaar(signed, { now })).verified).toBe(true);
  });

  it.each([
    ['name', (c: Record<string, unknown>) => ({ ...c, name: 'Forged' })],
    ['validFrom', (c: Record<string, unknown>) => ({ ...c, validFrom: '2020-01-01T00:00:00Z' })],
    ['credentialSubject', (c: Record<string, unknown>) => ({ ...c, credentialSubject: { ...(c.credentialSubject as object), id: 'did:example:someone-else' } })],
    ['issuer name', (c: Record<string, unknown>) => ({ ...c, issuer: { ...(c.issuer as object), name: 'Other College' } })],
    ['proof created', (c: Record<string, unknown>) => ({ ...c, proof: { ...(c.proof as object), created: '2001-01-01T00:00:00Z' } })],
  ])('finds a tampered %s', async (_field, tamper) => {
    const signed = (await signDataIntegrity(credentialFor(issuer), issuer)) as unknown as Record<string, unknown>;
    expect(await statusOf(tamper(signed))).toBe('invalid');
  });

  it('rejects a signature by another key under the issuer name', async () => {
    const forged = await signDataIntegrity(credentialFor(issuer), other);
    expect(await statusOf(forged)).toBe('invalid');
  });

  it('says expired and not yet valid, at an explicit now', async () => {
    const expired = await signDataIntegrity(credentialFor(issuer, { validUntil: '2025-01-01T00:00:00Z' }), issuer);
    const report = await offline.verify(await normaliseOne(expired));
    expect(report.status).toBe('expired');
    expect(report.summary).toMatch(/expired on 1 January 2025/);
    const future = await signDataIntegrity(credentialFor(issuer, { validFrom: '2030-01-01T00:00:00Z' }), issuer);
    expect(await statusOf(future)).toBe('not-yet-valid');
    const later = createVerifier({ network: 'offline', now: new Date('2031-01-01T00:00:00Z') });
    expect(await statusOf(future, later)).toBe('verified');
  });

  it('turns a damaged proof into invalid or malformed, never a crash', async () => {
    const signed = (await signDataIntegrity(credentialFor(issuer), issuer)) as unknown as Record<string, unknown>;
    const proof = signed.proof as Record<string, unknown>;
    expect(await statusOf({ ...signed, proof: { ...proof, proofValue: 'z123' } })).toBe('invalid');
    expect(await statusOf({ ...signed, proof: { ...proof, proofValue: 42 } })).toBe('invalid');
    expect(await statusOf({ ...signed, proof: { ...proof, verificationMethod: 'did:key:zNotAKey' } })).toBe('invalid');
    expect(await statusOf({ ...signed, proof: { ...proof, type: 'MadeUpProof2099' } })).toBe('malformed');
    expect(await statusOf({ ...signed, proof: { ...proof, created: 'yesterday' } })).toBe('malformed');
  });

  it('calls an unsigned credential unsigned', async () => {
    expect(await statusOf(credentialFor(issuer))).toBe('unsigned');
  });
});

describe('Ed25519Signature2020 (VC 1.1)', () => {
  it('verifies and detects tampering', async () => {
    const signed = (await signEd25519Signature2020(credentialFor(issuer, { vcVersion: 1 }), issuer)) as unknown as Record<string, unknown>;
    expect(await statusOf(signed)).toBe('verified');
    expect(await statusOf({ ...signed, issuanceDate: '2023-01-01T00:00:00Z' })).toBe('invalid');
  });
});

describe('VC-JWT (signed by jose)', () => {
  it('verifies EdDSA with a did:key kid, ES256 and RS256 with a jwk header', async () => {
    expect(await statusOf(await signVcJwt(credentialFor(issuer), issuer))).toBe('verified');
    const es = credentialFor(issuer);
    expect(await statusOf(await signVcJwt(es, es256, 'ES256', { keyReference: 'jwk' }))).toBe('verified');
    expect(await statusOf(await signVcJwt(es, rs256, 'RS256', { keyReference: 'both' }))).toBe('verified');
  });

  it('rejects a tampered payload, a wrong key and mismatched claims', async () => {
    const jwt = await signVcJwt(credentialFor(issuer), issuer);
    const [header = '', payload = '', signature = ''] = jwt.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { vc: { name?: string }; iss: string };
    const tampered = { ...claims, vc: { ...claims.vc, name: 'Forged' } };
    expect(await statusOf(`${header}.${Buffer.from(JSON.stringify(tampered)).toString('base64url')}.${signature}`)).toBe('invalid');
    expect(await statusOf(await signVcJwt(credentialFor(issuer), other, undefined, { kid: issuer.verificationMethodId }))).toBe('invalid');
  });

  it('says expired from the exp claim', async () => {
    expect(await statusOf(await signVcJwt(credentialFor(issuer, { validUntil: '2025-02-01T00:00:00Z' }), issuer))).toBe('expired');
  });
});

describe('status lists served from a loopback server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  async function listed(purpose: 'revocation' | 'suspension', setIndexes: number[], path: string) {
    const url = `${server.origin}${path}`;
    const list = await signDataIntegrity(makeBitstringStatusListCredential({ url, issuer: issuer.did, setIndexes, statusPurpose: purpose }), issuer);
    server.set(path, list);
    return signDataIntegrity(credentialFor(issuer, { credentialStatus: { statusListCredential: url, statusListIndex: 7, statusPurpose: purpose } }), issuer);
  }

  const online = (cache = new MemoryFetchCache()) => createVerifier({ network: 'allowed', now, allowPrivateNetworkForTests: true, cache, fetchOptions: { timeoutMs: 2000 } });

  it('reads revoked, suspended and clear bits, and says where the list came from', async () => {
    const revoked = await listed('revocation', [7], '/lists/revoked');
    const suspended = await listed('suspension', [7], '/lists/suspended');
    const clear = await listed('revocation', [3], '/lists/clear');
    expect(await statusOf(revoked, online())).toBe('revoked');
    expect(await statusOf(suspended, online())).toBe('revoked');
    const report = await online().verify(await normaliseOne(clear));
    expect(report.status).toBe('verified');
    const status = report.checks.find((c) => c.id === 'status');
    expect(status?.evidence?.url).toBe(`${server.origin}/lists/clear`);
    expect(status?.evidence?.origin).toBe('network');
    expect(status?.evidence?.fetchedAt).toBeDefined();
  });

  it('is unverifiable offline, and offline with a cache says when revocation was last checked', async () => {
    const revoked = await listed('revocation', [7], '/lists/cached');
    const offlineReport = await offline.verify(await normaliseOne(revoked));
    expect(offlineReport.status).toBe('unverifiable');
    expect(offlineReport.checks.find((c) => c.id === 'status')?.needs).toBe(`${server.origin}/lists/cached`);
    const cache = new MemoryFetchCache();
    expect(await statusOf(revoked, online(cache))).toBe('revoked');
    const later = await createVerifier({ network: 'offline', now, cache }).verify(await normaliseOne(revoked));
    expect(later.status).toBe('revoked');
    expect(later.checks.find((c) => c.id === 'status')?.sentence).toMatch(/revocation last checked on/);
  });

  it('does not trust a tampered status list', async () => {
    const url = `${server.origin}/lists/tampered`;
    const list = (await signDataIntegrity(makeBitstringStatusListCredential({ url, issuer: issuer.did, setIndexes: [7] }), issuer)) as unknown as Record<string, unknown>;
    server.set('/lists/tampered', {
      ...list,
      credentialSubject: { ...(list.credentialSubject as object), encodedList: makeBitstringStatusListCredential({ url, issuer: issuer.did }).credentialSubject.encodedList },
    });
    const credential = await signDataIntegrity(credentialFor(issuer, { credentialStatus: { statusListCredential: url, statusListIndex: 7 } }), issuer);
    expect(await statusOf(credential, online())).toBe('invalid');
  });

  it('never fetches from loopback without the test setting', async () => {
    const credential = await listed('revocation', [7], '/lists/private');
    const before = server.requests.length;
    const report = await createVerifier({ network: 'allowed', now }).verify(await normaliseOne(credential));
    expect(report.status).toBe('unverifiable');
    expect(server.requests.length).toBe(before);
  });
});

describe('Open Badges 2.0', () => {
  it('verifies a hosted badge from its documents, and a revoked one', async () => {
    const hosted = makeOb2Assertion({ recipientEmail: 'sam@example.com' });
    const verifier = createVerifier({ network: 'offline', now, documents: new StaticDocuments(hosted.documents), ownerEmails: ['Sam@Example.com'] });
    const report = await verifier.verify(await normaliseOne(hosted.assertion));
    expect(report.status).toBe('verified');
    expect(report.checks.find((c) => c.id === 'recipient')?.outcome).toBe('passed');
    expect(await statusOf(hosted.assertion)).toBe('unverifiable');
    const revoked = makeOb2Assertion({ revoked: true });
    expect(await statusOf(revoked.assertion, createVerifier({ network: 'offline', now, documents: new StaticDocuments(revoked.documents) }))).toBe('revoked');
  });

  it('refuses a hosted badge outside its issuer origin', async () => {
    const hosted = makeOb2Assertion({ assertionId: 'https://evil.example.net/assertions/1.json' });
    const documents = new StaticDocuments(hosted.documents);
    expect(await statusOf(hosted.assertion, createVerifier({ network: 'offline', now, documents }))).toBe('invalid');
  });

  it('verifies a signed badge against the CryptographicKey and its revocation list', async () => {
    const signed = await makeOb2SignedAssertion({ key: rs256 });
    const verifier = createVerifier({ network: 'offline', now, documents: new StaticDocuments(signed.documents) });
    expect(await statusOf(signed.jws, verifier)).toBe('verified');
    const revoked = await makeOb2SignedAssertion({ key: rs256, revoked: true });
    expect(await statusOf(revoked.jws, createVerifier({ network: 'offline', now, documents: new StaticDocuments(revoked.documents) }))).toBe('revoked');
    const [header = '', payload = '', sig = ''] = signed.jws.split('.');
    const assertion = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...assertion, issuedOn: '2020-01-01T00:00:00Z' })).toString('base64url')}.${sig}`;
    expect(await statusOf(forged, verifier)).toBe('invalid');
  });
});
