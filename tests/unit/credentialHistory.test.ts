import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { storeCredential } from '../../electron/core/storeCredential';
import { Vault } from '../../electron/vault/vault';
import { createVerifier } from '../../electron/verify/verifier';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, seededBytes, signDataIntegrity } from '../support/credentials';
import { runBin } from '../support/cliRun';
import { harnessHandlers, testWalletSession } from '../support/testHandlers';
import { testKdf } from '../support/walletFixtures';
import { normaliseOne } from './verify/helpers';

/**
 * Issue #16 §4 from the outside: a genuine credential, then a genuine newer copy from its issuer
 * (signed by Digital Bazaar's libraries), through the one import routine, the app's contract and
 * the command line. The copy replaces the credential; the first stays in its history and comes
 * back on request, and the copy it replaced then waits in the history in turn.
 */
const verifier = createVerifier({ network: 'offline', now: new Date('2025-06-01T00:00:00Z') });
const walletPassphrase = 'winter orchard 42 lantern';

/** The same credential (id, issuer, subject, achievement) as issued in 2024 and as reissued in 2025, both genuine. */
async function firstAndReissued() {
  const issuer = await generateEd25519Issuer(seededBytes(32, 161));
  const make = (name: string, validFrom: string, achievementDescription: string) =>
    signDataIntegrity(
      makeOb3Credential({
        issuer: makeIssuerProfile({ id: issuer.did, name: 'Harbour Academy' }),
        id: 'urn:uuid:2c9e6d1a-5b7f-4e3a-8c21-9d0f1e2a3b4c',
        achievementId: 'https://harbour.example.org/achievements/welding',
        // A renewal may rename the achievement; its id says it is the same one.
        achievementName: name,
        achievementDescription,
        validFrom,
      }),
      issuer,
      'eddsa-rdfc-2022',
      { date: validFrom },
    ) as unknown as Promise<Record<string, unknown>>;
  return {
    first: await make('Welding', '2024-01-01T00:00:00Z', 'Safe MIG welding of mild steel.'),
    reissued: await make('Welding (renewed 2025)', '2025-01-01T00:00:00Z', 'Safe MIG and TIG welding of mild and stainless steel.'),
  };
}

describe('the history of an imported credential', () => {
  it('a genuine newer copy updates the credential; the first stays in its history and can be restored, and that restore undone', async () => {
    const { first, reissued } = await firstAndReissued();
    const vault = await Vault.create(mkdtempSync(path.join(os.tmpdir(), 'badgefolio-history-store-')), walletPassphrase, testKdf);
    const added = await storeCredential(vault, verifier, await normaliseOne(first), new Date('2025-02-01T00:00:00Z'));
    expect(added).toMatchObject({ outcome: 'added', report: { status: 'verified' } });
    const updated = await storeCredential(vault, verifier, await normaliseOne(reissued), new Date('2025-05-01T00:00:00Z'));
    expect(updated).toMatchObject({ outcome: 'updated', id: added.id, report: { status: 'verified' } });
    expect(vault.get(added.id)?.name).toBe('Welding (renewed 2025)');

    const [kept, ...more] = vault.versions(added.id) ?? [];
    expect(more).toEqual([]);
    if (!kept?.readable) throw new Error('the first version was not kept');
    expect(kept.replacedAt).toBe('2025-05-01T00:00:00.000Z');
    expect(kept.record.credential.name).toBe('Welding');
    expect(kept.record.verification).toMatchObject({ status: 'verified' });

    const { entry, keptAs } = vault.restoreVersion(added.id, kept.versionId);
    expect(entry.credential.name).toBe('Welding');
    expect(entry.credential.description).toBe('Safe MIG welding of mild steel.');
    // The original file is the first one, byte for byte, and still checks as genuine.
    const restored = vault.get(added.id);
    expect(new TextDecoder().decode(restored?.original.bytes)).toBe(JSON.stringify(first));
    if (!restored) throw new Error('not restored');
    expect((await verifier.verify(restored)).status).toBe('verified');
    expect(vault.versions(added.id)?.map((version) => (version.readable ? version.record.credential.name : null))).toEqual(['Welding (renewed 2025)']);

    // The same newer copy, imported again, replaces it again: nothing is duplicated.
    expect((await storeCredential(vault, verifier, await normaliseOne(reissued))).outcome).toBe('updated');
    expect(vault.list()).toHaveLength(1);
    expect(vault.versions(added.id)?.map((version) => version.versionId)).toEqual([kept.versionId]);
    expect(keptAs).not.toBe(kept.versionId);
    vault.lockWallet();
  });

  it('through the app’s contract: the history lists the first version in plain terms; restoring it changes what the details show', async () => {
    const { first, reissued } = await firstAndReissued();
    const session = testWalletSession(mkdtempSync(path.join(os.tmpdir(), 'badgefolio-history-ipc-')));
    const handlers = harnessHandlers(session);
    const file = (name: string, json: unknown) => ({ name, bytes: new TextEncoder().encode(JSON.stringify(json)) });
    await dispatch(handlers, 'createWallet', { passphrase: walletPassphrase, remember: false });
    await dispatch(handlers, 'importFiles', { files: [file('welding.json', first)] });
    await expect(dispatch(handlers, 'importFiles', { files: [file('welding-2025.json', reissued)] })).resolves.toMatchObject({
      ok: true,
      value: { outcomes: [{ outcome: 'updated', name: 'Welding (renewed 2025)' }] },
    });
    const listed = await dispatch(handlers, 'listCredentials', {});
    const id = listed.ok ? ((listed.value as { credentials: { id: string }[] }).credentials[0]?.id ?? '') : '';

    const history = await dispatch(handlers, 'credentialHistory', { id });
    expect(history).toMatchObject({ ok: true, value: { versions: [{ readable: true, name: 'Welding', issuedOn: '2024-01-01T00:00:00Z', status: 'verified' }] } });
    const versions = history.ok ? (history.value as { versions: { versionId: string; replacedAt: string }[] }).versions : [];
    expect(Date.parse(versions[0]?.replacedAt ?? '')).not.toBeNaN();

    // Bad input is refused in words, and changes nothing.
    await expect(dispatch(handlers, 'restoreVersion', { id, versionId: '0000aaaa0000' })).resolves.toEqual({
      ok: false,
      error: { code: 'refused', message: '"Welding (renewed 2025)" has no earlier version "0000aaaa0000" (see its history).' },
    });
    await expect(dispatch(handlers, 'credentialHistory', { id: 'ffffffffffff' })).resolves.toEqual({
      ok: false,
      error: { code: 'refused', message: 'No such credential in this wallet.' },
    });
    await expect(dispatch(handlers, 'restoreVersion', { id, versionId: 'x' })).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });

    const restored = await dispatch(handlers, 'restoreVersion', { id, versionId: versions[0]?.versionId ?? '' });
    expect(restored).toMatchObject({ ok: true, value: { credential: { id, name: 'Welding', status: 'verified' } } });
    await expect(dispatch(handlers, 'credentialDetail', { id })).resolves.toMatchObject({
      ok: true,
      value: { credential: { name: 'Welding', description: 'Safe MIG welding of mild steel.', verification: { status: 'verified' } } },
    });
    const keptAs = restored.ok ? (restored.value as { keptAs: string }).keptAs : '';
    await expect(dispatch(handlers, 'credentialHistory', { id })).resolves.toMatchObject({
      ok: true,
      value: { versions: [{ versionId: keptAs, name: 'Welding (renewed 2025)', status: 'verified' }] },
    });
    session.lock();
  });

  it('badgefolio history and restore-version: list the earlier versions, restore one, undo it; bad input changes nothing', async () => {
    const { first, reissued } = await firstAndReissued();
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-history-cli-'));
    const vault = path.join(folder, 'wallet');
    const env = { BADGEFOLIO_PASSPHRASE: walletPassphrase };
    writeFileSync(path.join(folder, 'welding.json'), JSON.stringify(first));
    writeFileSync(path.join(folder, 'welding-2025.json'), JSON.stringify(reissued));
    expect(runBin(['init', '--vault', vault], { env }).status).toBe(0);
    expect(runBin(['import', path.join(folder, 'welding.json'), '--vault', vault, '--offline'], { env }).stdout).toMatch(/^added {2}/m);
    const id = (JSON.parse(runBin(['list', '--vault', vault, '--json'], { env }).stdout) as { id: string }[])[0]?.id ?? '';

    const none = runBin(['history', id, '--vault', vault], { env });
    expect(none.status).toBe(0);
    expect(none.stdout).toBe(`"Welding" (${id}) has no earlier versions: no newer copy has replaced it.\n`);

    expect(runBin(['import', path.join(folder, 'welding-2025.json'), '--vault', vault, '--offline'], { env }).stdout).toMatch(
      /^updated {2}\S*welding-2025\.json {2}"Welding \(renewed 2025\)" {2}\[verified\]$/m,
    );
    const listing = runBin(['history', id, '--vault', vault], { env });
    expect(listing.status).toBe(0);
    expect(listing.stdout).toContain(`Earlier versions of "Welding (renewed 2025)" (${id}):`);
    expect(listing.stdout).toMatch(/^VERSION\s+REPLACED\s+NAME\s+ISSUED\s+STATUS$/m);
    const today = new Date().toISOString().slice(0, 10);
    expect(listing.stdout).toMatch(new RegExp(`^[0-9a-f]{12}  ${today}  Welding\\s+2024-01-01  verified$`, 'm'));
    expect(listing.stdout).toContain(`1 earlier version. Make one current again: badgefolio restore-version ${id} <version>`);
    const json = JSON.parse(runBin(['history', id.slice(0, 6), '--vault', vault, '--json'], { env }).stdout) as {
      id: string;
      name: string;
      versions: { versionId: string; name: string; status: string }[];
    };
    expect(json).toMatchObject({ id, name: 'Welding (renewed 2025)', versions: [{ readable: true, name: 'Welding', status: 'verified' }] });
    const versionId = json.versions[0]?.versionId ?? '';

    // Unknown version or credential: said plainly, exit 1, the wallet's files unchanged.
    const snapshot = () =>
      JSON.stringify(
        readdirSync(vault, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile() && entry.name !== 'wallet.lock')
          .map((entry) => [path.relative(vault, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name)).toString('base64')])
          .sort(),
      );
    const before = snapshot();
    const unknown = runBin(['restore-version', id, 'abcdef', '--vault', vault], { env });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe('"Welding (renewed 2025)" has no earlier version "abcdef" (see its history).\n');
    const noCredential = runBin(['restore-version', 'ffffffffffff', versionId, '--vault', vault], { env });
    expect(noCredential.status).toBe(1);
    expect(noCredential.stderr).toBe('No credential with ID "ffffffffffff" in this wallet.\n');
    expect(snapshot()).toBe(before);
    expect(runBin(['restore-version', id, '--vault', vault], { env }).status).toBe(2);

    const restored = runBin(['restore-version', id, versionId.slice(0, 8), '--vault', vault], { env });
    expect(restored.status).toBe(0);
    const keptAs = /kept as ([0-9a-f]{12});/.exec(restored.stdout)?.[1] ?? '';
    expect(restored.stdout).toBe(
      `"Welding" (${id}) is back to the version replaced on ${today} (${versionId}).\nThe version it replaced is kept as ${keptAs}; undo with: badgefolio restore-version ${id} ${keptAs}\n`,
    );
    const shown = JSON.parse(runBin(['show', id, '--vault', vault, '--json'], { env }).stdout) as { name: string; description: string };
    expect(shown).toMatchObject({ name: 'Welding', description: 'Safe MIG welding of mild steel.' });
    expect(runBin(['history', id, '--vault', vault], { env }).stdout).toMatch(new RegExp(`^${keptAs}  ${today}  Welding \\(renewed 2025\\)\\s+2025-01-01  verified$`, 'm'));

    const undone = runBin(['restore-version', id, keptAs, '--vault', vault, '--json'], { env });
    expect(JSON.parse(undone.stdout)).toMatchObject({ id, name: 'Welding (renewed 2025)', restored: keptAs, keptAs: versionId });
    expect((JSON.parse(runBin(['list', '--vault', vault, '--json'], { env }).stdout) as { name: string }[]).map((c) => c.name)).toEqual(['Welding (renewed 2025)']);
  }, 240_000); // a dozen whole CLI runs, each deriving the wallet's key at full cost

  it('the help names both commands, apart from restoring a backup', () => {
    const overview = runBin(['--help']).stdout;
    expect(overview).toMatch(/^ {2}history +List a credential's earlier versions/m);
    expect(overview).toMatch(/^ {2}restore-version +Make an earlier version of a credential current again/m);
    expect(overview).toMatch(/^ {2}restore +Restore a backup into the wallet/m);
    const help = runBin(['help', 'restore-version']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: badgefolio restore-version <id> <version>');
    expect(help.stdout).toContain('To restore a whole wallet from a backup file, use "badgefolio restore".');
    expect(runBin(['history', '--help']).stdout).toContain('The wallet keeps the last 10 versions of each credential');
  });
});
