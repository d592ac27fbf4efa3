import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeCredential } from '../../electron/core/storeCredential';
import { englishOf, renderMessage } from '../../shared/credential/verificationMessages';
import { Vault } from '../../electron/vault/vault';
import { createVerifier } from '../../electron/verify/verifier';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, seededBytes, signDataIntegrity } from '../support/credentials';
import { runBin } from '../support/cliRun';
import { testKdf } from '../support/walletFixtures';
import { normaliseOne } from './verify/helpers';

/**
 * What the wallet holds is never lost or made worse by an import: a tampered copy of a stored
 * credential is refused, whichever comes first; a different credential reusing an id is kept
 * beside it. Credentials are signed by Digital Bazaar's libraries; tampering is done after.
 */
const verifier = createVerifier({ network: 'offline', now: new Date('2025-06-01T00:00:00Z') });
// The least key-derivation cost a wallet accepts: tests need no protection from guessing.
const fastKdf = testKdf;

async function genuineAndTampered() {
  const issuer = await generateEd25519Issuer(seededBytes(32, 121));
  const credential = makeOb3Credential({
    issuer: makeIssuerProfile({ id: issuer.did, name: 'Harbour Academy' }),
    validFrom: '2024-01-01T00:00:00Z',
    achievementName: 'Welding',
    id: 'urn:uuid:6f1c2b8e-1d4a-4c57-9a0e-2f3b4c5d6e7f',
  });
  const genuine = (await signDataIntegrity(credential, issuer, 'eddsa-rdfc-2022', { date: '2024-01-01T00:00:00Z' })) as unknown as Record<string, unknown>;
  const subject = genuine.credentialSubject as Record<string, unknown>;
  // The same id, issuer, subject and achievement, with one claim changed after signing.
  const tampered = { ...genuine, description: 'Certified master welder, all processes.', credentialSubject: { ...subject } };
  return { genuine, tampered };
}

async function freshVault(): Promise<Vault> {
  return Vault.create(mkdtempSync(path.join(os.tmpdir(), 'badgefolio-store-')), 'winter orchard 42 lantern', fastKdf);
}

describe('storing imported credentials', () => {
  it('a tampered copy never replaces the genuine credential: it is not replaced, and said why', async () => {
    const { genuine, tampered } = await genuineAndTampered();
    const vault = await freshVault();
    const first = await storeCredential(vault, verifier, await normaliseOne(genuine));
    expect(first.outcome).toBe('added');
    expect(first.report?.status).toBe('verified');
    const second = await storeCredential(vault, verifier, await normaliseOne(tampered));
    expect(second.outcome).toBe('not-replaced');
    expect(second.id).toBe(first.id);
    expect(second.reason).toMatch(/^A changed copy of “.+” was not stored: the signature does not match.*Your original is kept\.$/);
    // The same reason as a message, for the app's other languages: its English is the reason, its German German.
    expect(second.reasonMessage?.key).toBe('store.notReplaced');
    if (second.reasonMessage) {
      expect(englishOf(second.reasonMessage)).toBe(second.reason);
      expect(renderMessage(second.reasonMessage, 'de')).toMatch(
        /^Eine veränderte Kopie von „.+“ wurde nicht gespeichert: Die Signatur passt nicht.*Dein Original bleibt erhalten\.$/,
      );
    }
    const kept = vault.list();
    expect(kept).toHaveLength(1);
    expect((kept[0]?.verification as { status: string }).status).toBe('verified');
    expect(kept[0]?.credential.description).not.toBe('Certified master welder, all processes.');
    vault.lockWallet();
  });

  it('tampered first, genuine after: the genuine credential replaces it', async () => {
    const { genuine, tampered } = await genuineAndTampered();
    const vault = await freshVault();
    expect((await storeCredential(vault, verifier, await normaliseOne(tampered))).report?.status).toBe('invalid');
    const better = await storeCredential(vault, verifier, await normaliseOne(genuine));
    expect(better.outcome).toBe('updated');
    const [entry] = vault.list();
    expect((entry?.verification as { status: string }).status).toBe('verified');
    vault.lockWallet();
  });

  it('two different credentials under one id (another achievement) are both kept', async () => {
    const issuer = await generateEd25519Issuer(seededBytes(32, 122));
    const id = 'urn:uuid:11111111-2222-4333-8444-555555555555';
    const make = (achievementName: string) =>
      // A fixed proof date: the same credential signed twice must be byte for byte the same.
      signDataIntegrity(
        makeOb3Credential({ issuer: makeIssuerProfile({ id: issuer.did, name: 'Test Issuer' }), validFrom: '2024-01-01T00:00:00Z', achievementName, id }),
        issuer,
        'eddsa-rdfc-2022',
        {
          date: '2024-01-01T00:00:00Z',
        },
      );
    const vault = await freshVault();
    const a = await storeCredential(vault, verifier, await normaliseOne(await make('Transcript: Biology')));
    const b = await storeCredential(vault, verifier, await normaliseOne(await make('Transcript: Chemistry')));
    expect([a.outcome, b.outcome]).toEqual(['added', 'added']);
    expect(
      vault
        .list()
        .map((e) => e.credential.name)
        .sort(),
    ).toEqual(['Transcript: Biology', 'Transcript: Chemistry']);
    // Each is still recognised when it comes again.
    expect((await storeCredential(vault, verifier, await normaliseOne(await make('Transcript: Chemistry')))).outcome).toBe('already-there');
    vault.lockWallet();
  });

  it('badgefolio import verifies, refuses the tampered copy with "not replaced", and keeps the original', async () => {
    const { genuine, tampered } = await genuineAndTampered();
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-store-cli-'));
    const vault = path.join(folder, 'wallet');
    const env = { BADGEFOLIO_PASSPHRASE: 'winter orchard 42 lantern' };
    writeFileSync(path.join(folder, 'genuine.json'), JSON.stringify(genuine));
    writeFileSync(path.join(folder, 'tampered.json'), JSON.stringify(tampered));
    expect(runBin(['init', '--vault', vault], { env }).status).toBe(0);
    const first = runBin(['import', path.join(folder, 'genuine.json'), '--vault', vault, '--offline'], { env });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^added {2}\S*genuine\.json {2}".+" {2}\[verified\]$/m);
    const second = runBin(['import', path.join(folder, 'tampered.json'), '--vault', vault, '--offline', '--json'], { env });
    expect(second.status).toBe(1);
    const [result] = JSON.parse(second.stdout) as { outcome: string; status: string; reason: string }[];
    expect(result).toMatchObject({ outcome: 'not-replaced', status: 'invalid' });
    expect(result?.reason).toContain('Your original is kept.');
    const listed = JSON.parse(runBin(['list', '--vault', vault, '--json'], { env }).stdout) as { status: string; description?: string }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]?.status).toBe('verified');
  });
});
