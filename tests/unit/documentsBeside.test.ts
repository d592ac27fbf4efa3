// Documents given beside credentials (issue #16 §2): an Open Badges 2.0 BadgeClass, issuer
// profile, CryptographicKey or RevocationList file, or a Blockcerts issuer profile, is not a
// credential (never "damaged"), and in the same `verify`, `import` or app import it serves the
// credentials that link to it, as a fetched document would. Badges and keys are made by
// independent libraries (jose signs the OB 2.0 assertions); nothing is fetched.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeImportCommand } from '../../electron/cli/commands/import';
import { makeVerifyCommand, type VerifyResult } from '../../electron/cli/commands/verify';
import type { CliIo } from '../../electron/cli/command';
import { WalletSession } from '../../electron/core/walletSession';
import { Intake } from '../../electron/intake/intake';
import { Vault } from '../../electron/vault/vault';
import { renderMessage } from '../../shared/credential/verificationMessages';
import { blockcertsV3Certificate, certificateFile, issuerProfileUrl } from '../support/blockcertsCertificates';
import { generateJoseKey, makeOb2SignedAssertion, type Ob2SignedResult } from '../support/credentials';
import { sharedFixturesDir, sharedFixturesPresent } from '../support/sharedFixtures';
import { testKdf } from '../support/walletFixtures';

const passphrase = 'river lamp 12 ocean';
const encode = (value: unknown): Uint8Array => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

function io(cwd: string): CliIo & { out: string[] } {
  const out: string[] = [];
  return { out, stdout: (text) => out.push(text), stderr: (text) => out.push(text), env: { BADGEFOLIO_PASSPHRASE: passphrase }, cwd, interactive: false };
}

/** A signed OB 2.0 badge whose BadgeClass and issuer are addresses, as Badgr and OBF publish them. */
async function signedBadge(revoked = false): Promise<Ob2SignedResult> {
  return makeOb2SignedAssertion({
    origin: 'https://badges.beside.example',
    embedBadge: false,
    embedIssuer: false,
    badgeName: 'Harbour crane operation',
    issuerName: 'Harbour Training Centre',
    revoked,
    key: await generateJoseKey('RS256'),
  });
}

/** The badge and every document it links to, each in a file of its own, in one folder. */
function badgeFolder(badge: Ob2SignedResult, documents: readonly ('badgeClass' | 'issuer' | 'cryptographicKey' | 'revocationList')[]): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-beside-'));
  // Named so that the documents sort after the badge: order among the files does not matter.
  writeFileSync(path.join(folder, 'a-badge.jws'), badge.jws);
  for (const name of documents) writeFileSync(path.join(folder, `z-${name}.json`), JSON.stringify(badge[name]));
  return folder;
}

describe('OB 2.0 and Blockcerts documents given beside credentials', () => {
  it('intake calls each document what it is, plainly, and keeps it with its address', async () => {
    const badge = await signedBadge();
    const intake = new Intake();
    const said = new Map<string, string>();
    for (const name of ['badgeClass', 'issuer', 'cryptographicKey', 'revocationList'] as const) {
      const [outcome] = await intake.inspect({ name: `${name}.json`, bytes: encode(badge[name]) });
      expect(outcome?.outcome, name).toBe('not-a-credential');
      if (outcome?.outcome !== 'not-a-credential') continue;
      expect(outcome.document?.id).toBe(badge[name].id);
      expect(JSON.parse(outcome.document?.body ?? 'null')).toEqual(badge[name]);
      said.set(name, outcome.reason);
      // Said in German too, never in English there.
      expect(outcome.reasonMessage && renderMessage(outcome.reasonMessage, 'de')).toMatch(/^Dies ist .*kein Badge/);
    }
    expect(Object.fromEntries(said)).toEqual({
      badgeClass: 'This is an Open Badges badge description (a BadgeClass), not a badge awarded to someone.',
      issuer: 'This is an Open Badges issuer profile, not a badge.',
      cryptographicKey: "This is an Open Badges issuer's public key, not a badge.",
      revocationList: "This is an Open Badges issuer's revocation list, not a badge.",
    });
    // A class credentials never link to by address keeps the general sentence and carries no document.
    const [endorsement] = await intake.inspect({ name: 'e.json', bytes: encode({ ...badge.badgeClass, type: 'Endorsement' }) });
    expect(endorsement).toMatchObject({ outcome: 'not-a-credential', reason: expect.stringContaining('Open Badges 2.0 Endorsement') as unknown });
    expect(endorsement && 'document' in endorsement).toBe(false);
  });

  it('badgefolio verify: the badge is filled in and checked from the files beside it; the files are not credentials and do not fail the run', async () => {
    const badge = await signedBadge();
    const alone = badgeFolder(badge, []);
    const run = async (folder: string): Promise<{ code: number; results: VerifyResult[] }> => {
      const out = io(folder);
      const code = await makeVerifyCommand().run([folder, '--offline', '--json', '--threads', '0'], out);
      return { code, results: JSON.parse(out.out.join('')) as VerifyResult[] };
    };
    const without = await run(alone);
    expect(without.code).toBe(1);
    expect(without.results[0]).toMatchObject({ name: null, status: 'unverifiable', details: 'not-fetched' });

    const folder = badgeFolder(badge, ['badgeClass', 'issuer', 'cryptographicKey', 'revocationList']);
    const { code, results } = await run(folder);
    const byFile = new Map(results.map((r) => [path.basename(r.file), r]));
    expect(byFile.get('a-badge.jws')).toMatchObject({
      format: 'ob2',
      name: 'Harbour crane operation',
      issuer: { id: badge.issuer.id, name: 'Harbour Training Centre' },
      status: 'verified',
      details: 'fetched',
    });
    for (const name of ['badgeClass', 'issuer', 'cryptographicKey', 'revocationList']) {
      const result = byFile.get(`z-${name}.json`);
      expect(result?.status, name).toBe('not-a-credential');
      expect(result?.summary, name).toMatch(/^Not a credential: This is an Open Badges .*Used as the details of the credentials given beside it\.$/);
      expect(result?.checks).toEqual([]);
    }
    expect(code).toBe(0);

    // The revocation list given beside it is the one consulted.
    const revoked = await signedBadge(true);
    const revokedRun = await run(badgeFolder(revoked, ['badgeClass', 'issuer', 'cryptographicKey', 'revocationList']));
    expect(revokedRun.results.find((r) => r.file.endsWith('a-badge.jws'))?.status).toBe('revoked');
    expect(revokedRun.code).toBe(1);

    // In words: not "Damaged", no empty name line.
    const text = io(folder);
    await makeVerifyCommand().run([folder, '--offline', '--threads', '0'], text);
    const printed = text.out.join('');
    expect(printed).toMatch(/z-badgeClass\.json +ob2 +not-a-credential/);
    expect(printed).not.toContain('Damaged');
    expect(printed).not.toMatch(/^ {2}Name: $/m);
  });

  it('badgefolio import: badges and Blockcerts certificates are filled in from the documents given with them', async () => {
    const badge = await signedBadge();
    const folder = badgeFolder(badge, ['badgeClass', 'issuer', 'cryptographicKey', 'revocationList']);
    writeFileSync(path.join(folder, 'certificate.json'), certificateFile(blockcertsV3Certificate()));
    writeFileSync(
      path.join(folder, 'profile.json'),
      JSON.stringify({
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://w3id.org/blockcerts/v3.2'],
        type: ['BlockcertsIssuerProfile'],
        id: issuerProfileUrl,
        name: 'Example University',
        publicKey: [{ id: 'ecdsa-koblitz-pubkey:mgdWjvq4RYAAP5goUNagTRMx7Xw534S5am', created: '2024-01-01T00:00:00Z' }],
      }),
    );
    const vaultDir = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-beside-wallet-'));
    (await Vault.create(vaultDir, passphrase, testKdf)).lockWallet();
    const out = io(folder);
    const code = await makeImportCommand().run([folder, '--vault', vaultDir, '--offline', '--json'], out);
    const results = JSON.parse(out.out.join('')) as { file: string; outcome: string; name?: string; status?: string; reason?: string }[];
    const byFile = new Map(results.map((r) => [path.basename(r.file), r]));
    expect(byFile.get('a-badge.jws')).toMatchObject({ outcome: 'added', name: 'Harbour crane operation', status: 'verified' });
    expect(byFile.get('z-badgeClass.json')).toMatchObject({ outcome: 'not-a-credential', reason: expect.stringContaining('Used as the details') as unknown });
    expect(byFile.get('profile.json')).toMatchObject({ outcome: 'not-a-credential', reason: expect.stringContaining('Blockcerts issuer profile') as unknown });
    expect(byFile.get('profile.json')?.reason).toContain('Used as the details');
    expect(byFile.get('certificate.json')?.outcome).toBe('added');
    expect(code).toBe(0);

    // What was stored carries the issuer names the documents gave.
    const wallet = await Vault.unlock(vaultDir, passphrase);
    const issuers = wallet.list().map((entry) => wallet.get(entry.id)?.issuer.name);
    expect(issuers.sort()).toEqual(['Example University', 'Harbour Training Centre']);
    wallet.lockWallet();
  });

  it.skipIf(!sharedFixturesPresent)(
    'a Blockcerts v3 certificate is checked with the issuer profile given beside it, which never ties it to the profile’s host: anyone can write such a file',
    async () => {
      const certificate = path.join(sharedFixturesDir, 'blockcerts/cert-verifier-js/v3/testnet-v3-verification-method-issuer-profile.json');
      const profile = path.join(sharedFixturesDir, 'blockcerts/cert-verifier-js/support/issuer-blockcerts.json');
      const run = async (files: string[]): Promise<VerifyResult[]> => {
        const out = io(sharedFixturesDir);
        await makeVerifyCommand().run([...files, '--offline', '--json', '--threads', '0'], out);
        return JSON.parse(out.out.join('')) as VerifyResult[];
      };
      const [alone] = await run([certificate]);
      expect(alone?.issuerIdentity?.level).not.toBe('domain');
      const [beside] = await run([certificate, profile]);
      expect(beside).toMatchObject({ status: 'verified' });
      expect(beside?.issuerIdentity?.level).toBe('unconfirmed');
      expect(beside?.checks.find((c) => c.id === 'signature')?.outcome).toBe('passed');
    },
  );

  it("the app's import fills a dropped badge in from its BadgeClass, issuer and key files, and says they were used", async () => {
    const badge = await signedBadge();
    const session = new WalletSession({
      folder: mkdtempSync(path.join(os.tmpdir(), 'badgefolio-beside-app-')),
      keyProtector: () => Promise.resolve(null),
      kdf: testKdf,
      networkUse: () => 'offline',
    });
    await session.create(passphrase, false);
    const outcomes = await session.import([
      { name: 'issuer.json', bytes: encode(badge.issuer) },
      { name: 'badge.jws', bytes: encode(badge.jws) },
      { name: 'badge-class.json', bytes: encode(badge.badgeClass) },
      { name: 'key.json', bytes: encode(badge.cryptographicKey) },
      { name: 'revocations.json', bytes: encode(badge.revocationList) },
      { name: 'other-class.json', bytes: encode({ ...badge.badgeClass, id: 'https://elsewhere.example/badge.json' }) },
    ]);
    const byFile = new Map(outcomes.map((o) => [o.file, o]));
    expect(byFile.get('badge.jws')).toMatchObject({ outcome: 'added', name: 'Harbour crane operation', status: 'verified' });
    for (const file of ['issuer.json', 'badge-class.json', 'key.json', 'revocations.json']) {
      const outcome = byFile.get(file);
      expect(outcome?.outcome, file).toBe('not-a-credential');
      expect(outcome?.reasonMessage && renderMessage(outcome.reasonMessage, 'de'), file).toMatch(/Als Angaben zu den daneben gegebenen Nachweisen verwendet\.$/);
    }
    // A document no badge of the batch links to is not said to be used.
    expect(byFile.get('other-class.json')?.reason).toBe('This is an Open Badges badge description (a BadgeClass), not a badge awarded to someone.');
    const [stored] = session.list();
    expect(stored?.issuerName).toBe('Harbour Training Centre');
    // The key file claims the issuer's own address, but it was given, not fetched from there:
    // nothing ties the key to that web site.
    expect(stored?.issuerIdentity?.level).toBe('unconfirmed');
  });
});
