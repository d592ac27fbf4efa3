import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyCommand, type VerifyResult } from '../../../electron/cli/commands/verify';
import { StaticDocuments } from '../../../electron/verify/documents';
import { bundledRegistries, readRegistry } from '../../../electron/verify/issuerRegistries';
import { didWebDocumentUrl } from '../../../electron/verify/keys';
import { createVerifier } from '../../../electron/verify/verifier';
import { generateDidWebIssuer, generateEd25519Issuer, makeIssuerProfile, makeOb2Assertion, makeOb3Credential, seededBytes, signDataIntegrity } from '../../support/credentials';
import { normaliseOne } from './helpers';

/**
 * Who stands behind the key, judged apart from the signature: a did:key anyone can make says
 * nothing about the famous name beside it; a registry or a web domain does. Credentials are
 * signed by Digital Bazaar's libraries.
 */
const now = new Date('2025-06-01T00:00:00Z');
const mit = 'Massachusetts Institute of Technology';

async function signedBy(issuerId: string, name: string, issuer: Awaited<ReturnType<typeof generateEd25519Issuer>>) {
  const credential = makeOb3Credential({ issuer: makeIssuerProfile({ id: issuerId, name }), validFrom: '2024-01-01T00:00:00Z', achievementName: 'Machine Learning' });
  return signDataIntegrity(credential, issuer, 'eddsa-rdfc-2022', { date: '2024-01-01T00:00:00Z' });
}

describe('issuer identity', () => {
  it('a fresh did:key calling itself a famous university is signed and unchanged, but its name is only its own claim', async () => {
    const issuer = await generateEd25519Issuer(seededBytes(32, 101));
    const report = await createVerifier({ network: 'offline', now }).verify(await normaliseOne(await signedBy(issuer.did, mit, issuer)));
    expect(report.status).toBe('verified');
    expect(report.issuerIdentity).toMatchObject({ level: 'unconfirmed', name: mit, source: null });
    expect(report.summary).not.toContain('signed by its issuer');
    expect(report.summary).toBe(`Signed and unchanged, but nothing confirms that the signer is “${mit}”: the name is the signer's own claim.`);
  });

  it('a DID listed in a known-issuer registry is named as the registry names it, with the registry and its date', async () => {
    const issuer = await generateEd25519Issuer(seededBytes(32, 102));
    const employerList = readRegistry(
      { meta: { updated: '2026-05-01T00:00:00Z' }, registry: { [issuer.did]: { name: 'Harbour University', location: 'Bristol, UK', url: 'https://harbour.example.ac.uk' } } },
      'Acme hiring registry',
    );
    const verifier = createVerifier({ network: 'offline', now, registries: [employerList, ...bundledRegistries] });
    const report = await verifier.verify(await normaliseOne(await signedBy(issuer.did, 'Harbour Uni', issuer)));
    expect(report.status).toBe('verified');
    expect(report.issuerIdentity).toMatchObject({
      level: 'registry',
      name: 'Harbour University',
      source: 'Acme hiring registry',
      asOf: '2026-05-01T00:00:00.000Z',
      claimedName: 'Harbour Uni',
    });
    expect(report.summary).toContain('Genuine: signed by Harbour University, as the Acme hiring registry lists');

    // A test registry is said to be one.
    const sandbox = readRegistry({ registry: { [issuer.did]: { name: 'Demo issuer' } } }, 'Sandbox', { test: true });
    const onTest = await createVerifier({ network: 'offline', now, registries: [sandbox] }).verify(await normaliseOne(await signedBy(issuer.did, 'Demo issuer', issuer)));
    expect(onTest.issuerIdentity).toMatchObject({ level: 'registry', test: true });
    expect(onTest.issuerIdentity?.sentence).toContain('registry of test issuers');

    // A copy bundled with Badgefolio is named as a snapshot of its date; a list read anew is "as of".
    const snapshot = readRegistry({ meta: { updated: '2025-05-09T18:26:43+00:00' }, registry: { [issuer.did]: { name: 'Harbour University' } } }, 'DCC Member Registry', {
      snapshot: true,
    });
    const fromSnapshot = await createVerifier({ network: 'offline', now, registries: [snapshot] }).verify(
      await normaliseOne(await signedBy(issuer.did, 'Harbour University', issuer)),
    );
    expect(fromSnapshot.issuerIdentity?.sentence).toMatch(/^The DCC Member Registry \(snapshot of 9 May 2025\) lists the signer as “Harbour University”\./);
    expect(report.issuerIdentity?.sentence).toMatch(/^The Acme hiring registry \(as of 1 May 2026\)/);
  });

  it('the bundled DCC registries are dated snapshots, the Sandbox marked as test issuers', () => {
    expect(bundledRegistries.map((r) => [r.name, r.test])).toEqual([
      ['DCC Member Registry', false],
      ['DCC Pilot Registry', false],
      ['DCC Community Registry', false],
      ['DCC Sandbox Registry', true],
    ]);
    for (const registry of bundledRegistries) {
      expect(registry.snapshot).toBe(true);
      expect(registry.asOf).toMatch(/^20\d\d-/);
      expect(registry.entries.size).toBeGreaterThan(0);
    }
  });

  it('a did:web issuer is resolved at its https address and named by its domain', async () => {
    const did = 'did:web:badges.example.org:issuers:harbour';
    const issuer = await generateDidWebIssuer(did, seededBytes(32, 103));
    const signed = await signedBy(did, 'Harbour Academy', issuer);
    const url = didWebDocumentUrl(did);
    expect(url).toBe('https://badges.example.org/issuers/harbour/did.json');
    const documents = new StaticDocuments({ [url ?? '']: issuer.didDocument });
    const report = await createVerifier({ network: 'offline', now, documents }).verify(await normaliseOne(signed));
    expect(report.status).toBe('verified');
    expect(report.issuerIdentity).toMatchObject({ level: 'domain', source: 'badges.example.org', name: 'Harbour Academy' });
    expect(report.summary).toContain('signed with a key published at badges.example.org');

    // Without the document (offline, no copy) the key cannot be found: not fully checked.
    const offline = await createVerifier({ network: 'offline', now }).verify(await normaliseOne(signed));
    expect(offline.status).toBe('unverifiable');
    expect(offline.issuerIdentity?.level).toBe('unconfirmed');

    // A document published for another DID proves nothing.
    const wrong = new StaticDocuments({ [url ?? '']: { ...issuer.didDocument, id: 'did:web:attacker.example' } });
    expect((await createVerifier({ network: 'offline', now, documents: wrong }).verify(await normaliseOne(signed))).status).toBe('invalid');
  });

  it('reads did:web addresses as the method specifies', () => {
    expect(didWebDocumentUrl('did:web:example.com')).toBe('https://example.com/.well-known/did.json');
    expect(didWebDocumentUrl('did:web:example.com%3A8443')).toBe('https://example.com:8443/.well-known/did.json');
    expect(didWebDocumentUrl('did:web:example.com:user:alice')).toBe('https://example.com/user/alice/did.json');
    expect(didWebDocumentUrl('did:web:example.com:..:etc')).toBeUndefined();
    expect(didWebDocumentUrl('did:web:exa mple.com')).toBeUndefined();
    expect(didWebDocumentUrl('did:web:')).toBeUndefined();
  });

  it('an Open Badges 2.0 hosted badge is tied to the domain that hosts it', async () => {
    const hosted = makeOb2Assertion({});
    const report = await createVerifier({ network: 'offline', now, documents: new StaticDocuments(hosted.documents) }).verify(await normaliseOne(hosted.assertion));
    expect(report.status).toBe('verified');
    expect(report.issuerIdentity?.level).toBe('domain');
    expect(report.issuerIdentity?.source).toBe(new URL(hosted.assertion.id).host);
  });

  it('badgefolio verify --json gives issuer {id, name} and issuerIdentity {level, name, source, asOf}, and reads --registry files', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-identity-'));
    const issuer = await generateEd25519Issuer(seededBytes(32, 104));
    writeFileSync(path.join(dir, 'badge.json'), JSON.stringify(await signedBy(issuer.did, mit, issuer)));
    writeFileSync(path.join(dir, 'list.json'), JSON.stringify({ meta: { updated: '2026-01-15T00:00:00Z' }, registry: { [issuer.did]: { name: mit } } }));
    const run = async (args: string[]) => {
      let out = '';
      const code = await verifyCommand.run(args, { stdout: (t) => (out += t), stderr: (t) => (out += t), env: {}, cwd: dir, interactive: false });
      return { code, results: JSON.parse(out) as VerifyResult[] };
    };
    const plain = await run(['badge.json', '--json', '--offline', '--now', now.toISOString()]);
    expect(plain.results[0]?.issuer).toEqual({ id: issuer.did, name: mit });
    expect(plain.results[0]?.issuerIdentity).toMatchObject({ level: 'unconfirmed', name: mit, source: null, asOf: null });
    const listed = await run(['badge.json', '--json', '--offline', '--now', now.toISOString(), '--registry', 'list.json']);
    expect(listed.results[0]?.issuerIdentity).toMatchObject({ level: 'registry', name: mit, source: 'list.json', asOf: '2026-01-15T00:00:00.000Z' });
  });

  it('an expired credential is "genuine but expired" only when something confirms who signed it', async () => {
    const issuer = await generateEd25519Issuer(seededBytes(32, 131));
    const credential = makeOb3Credential({
      issuer: makeIssuerProfile({ id: issuer.did, name: mit }),
      validFrom: '2023-01-01T00:00:00Z',
      validUntil: '2024-01-01T00:00:00Z',
      achievementName: 'Robotics',
    });
    const expired = await normaliseOne(await signDataIntegrity(credential, issuer, 'eddsa-rdfc-2022', { date: '2023-01-01T00:00:00Z' }));
    const alone = await createVerifier({ network: 'offline', now }).verify(expired);
    expect(alone.status).toBe('expired');
    expect(alone.summary).toMatch(/^Signed and unchanged, but expired \(and nothing confirms who signed it\): This credential expired on /);
    const list = readRegistry({ registry: { [issuer.did]: { name: mit } } }, 'Acme hiring registry');
    const listed = await createVerifier({ network: 'offline', now, registries: [list] }).verify(expired);
    expect(listed.summary).toMatch(/^Genuine but expired: This credential expired on /);
  });
});
