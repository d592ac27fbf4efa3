import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedCredential } from '../../../shared/credential/model';
import { contentAddress } from '../../../electron/vault/storedCredential';
import { Vault, VaultError } from '../../../electron/vault/vault';
import { maxVersionsPerCredential } from '../../../electron/vault/versionHistory';
import { checkWallet, describeDamage } from '../../../electron/vault/walletCheck';
import { sampleCredentials, testKdf } from '../../support/walletFixtures';

/**
 * Issue #16 §4: every version a newer copy replaced stays in the credential's history, from
 * which it can be restored; restoring is itself undoable, and bad input changes nothing.
 */
const passphrase = 'orange kettle 47 violin';
const folders: string[] = [];
function tempFolder(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-history-'));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Every file of the wallet with its bytes (lock files and catalogs aside): "nothing changed" is this staying equal. */
function snapshot(folder: string): Map<string, string> {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name !== 'wallet.lock');
  return new Map(files.map((entry) => [path.relative(folder, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name)).toString('base64')]));
}

function historyFiles(folder: string): string[] {
  return existsSync(path.join(folder, 'history')) ? readdirSync(path.join(folder, 'history')).filter((name) => name.endsWith('.ver')) : [];
}

let base: NormalizedCredential;
beforeAll(async () => {
  // An OB 3.0 credential with its own picture: each copy below has an original file of its own.
  const [, ob3] = await sampleCredentials(2, 7);
  if (!ob3) throw new Error('no fixture');
  base = ob3;
});

/** The n-th copy of the credential: issued later each time, with its own title and original file. */
function copy(n: number): NormalizedCredential {
  const bytes = new TextEncoder().encode(`${new TextDecoder().decode(base.original.bytes)} copy ${String(n)}`);
  return {
    ...base,
    name: `Welding, edition ${String(n)}`,
    issuedOn: new Date(Date.UTC(2024, 0, 1 + n)).toISOString(),
    contentHash: contentAddress(bytes),
    original: { ...base.original, bytes },
  };
}

async function walletWith(...versions: number[]): Promise<{ folder: string; wallet: Vault; id: string }> {
  const folder = tempFolder();
  const wallet = await Vault.create(folder, passphrase, testKdf);
  for (const n of versions) {
    wallet.put(copy(n), new Date(Date.UTC(2025, 0, 1 + n)));
    wallet.setVerification(base.identity, { status: n === 1 ? 'verified' : 'unverifiable', checkedAt: `2025-01-0${String(1 + n)}T00:00:00.000Z`, summary: `edition ${String(n)}` });
  }
  return { folder, wallet, id: wallet.idOf(base.identity) };
}

function readableVersions(wallet: Vault, id: string) {
  return (wallet.versions(id) ?? []).flatMap((version) => (version.readable ? [version] : []));
}

describe('the history of a credential', () => {
  it('an update keeps the replaced version, with its original file, its verdict and the date it was replaced', async () => {
    const { folder, wallet, id } = await walletWith(1);
    expect(wallet.versions(id)).toEqual([]);
    expect(wallet.put(copy(2), new Date('2025-03-01T12:00:00Z'))).toBe('updated');
    expect(wallet.get(id)?.name).toBe('Welding, edition 2');

    const [kept, ...rest] = readableVersions(wallet, id);
    expect(rest).toEqual([]);
    expect(kept?.replacedAt).toBe('2025-03-01T12:00:00.000Z');
    expect(kept?.versionId).toMatch(/^[0-9a-f]{12}$/);
    expect(kept?.record.credential.name).toBe('Welding, edition 1');
    expect(kept?.record.verification).toMatchObject({ status: 'verified', summary: 'edition 1' });
    wallet.lockWallet();

    // Kept across lock and unlock, encrypted like everything else.
    const reopened = await Vault.unlock(folder, passphrase);
    expect(readableVersions(reopened, id).map((version) => version.record.credential.name)).toEqual(['Welding, edition 1']);
    reopened.lockWallet();
    expect(historyFiles(folder)).toHaveLength(1);
    const onDisk = historyFiles(folder)
      .map((file) => readFileSync(path.join(folder, 'history', file)).toString('latin1'))
      .join('');
    expect(onDisk).not.toContain('Welding');
    expect(onDisk).not.toContain('edition');
  });

  it('restoring makes the version current again, keeps the one it replaced, and can be undone', async () => {
    const { wallet, id } = await walletWith(1, 2);
    const [first] = readableVersions(wallet, id);
    if (!first) throw new Error('no version kept');

    const { entry, keptAs } = wallet.restoreVersion(id, first.versionId, new Date('2025-04-01T00:00:00Z'));
    expect(entry.id).toBe(id);
    expect(entry.credential.name).toBe('Welding, edition 1');
    expect(entry.verification).toMatchObject({ status: 'verified', summary: 'edition 1' });
    // The original file is the first copy's, byte for byte.
    expect(Buffer.from(wallet.get(id)?.original.bytes ?? []).equals(Buffer.from(copy(1).original.bytes))).toBe(true);
    expect(wallet.list()).toHaveLength(1);
    // Nothing is lost: the second copy is in the history now, under the id the restore gave.
    const history = readableVersions(wallet, id);
    expect(history.map((version) => [version.versionId, version.record.credential.name, version.replacedAt])).toEqual([[keptAs, 'Welding, edition 2', '2025-04-01T00:00:00.000Z']]);

    // Undone the same way: a version's id stays the same as it moves back and forth.
    expect(wallet.restoreVersion(id, keptAs.slice(0, 6)).keptAs).toBe(first.versionId);
    expect(wallet.get(id)?.name).toBe('Welding, edition 2');
    expect(Buffer.from(wallet.get(id)?.original.bytes ?? []).equals(Buffer.from(copy(2).original.bytes))).toBe(true);
    expect(checkWallet(wallet).damaged).toEqual([]);
    wallet.lockWallet();
  });

  it('refuses an unknown version, or a credential it does not hold, with a clear error, changing nothing', async () => {
    const { folder, wallet, id } = await walletWith(1, 2);
    const before = snapshot(folder);
    expect(() => wallet.restoreVersion(id, 'abcdef123456')).toThrow(new VaultError('"Welding, edition 2" has no earlier version "abcdef123456" (see its history).'));
    expect(() => wallet.restoreVersion(id, 'not-an-id')).toThrow(/has no earlier version "not-an-id"/);
    expect(() => wallet.restoreVersion('ffffffffffff', 'abcdef123456')).toThrow(new VaultError('No credential with ID "ffffffffffff" in this wallet.'));
    expect(wallet.versions('ffffffffffff')).toBeNull();
    expect(snapshot(folder)).toEqual(before);
    expect(wallet.get(id)?.name).toBe('Welding, edition 2');
    wallet.lockWallet();
  });

  it('keeps the last ten versions: the oldest goes, with the files only it used', async () => {
    const all = Array.from({ length: maxVersionsPerCredential + 3 }, (_, i) => i + 1);
    const { folder, wallet, id } = await walletWith(...all);
    const names = readableVersions(wallet, id).map((version) => version.record.credential.name);
    expect(names).toHaveLength(maxVersionsPerCredential);
    // Newest replaced first: editions 12 down to 3; editions 1 and 2 were dropped.
    expect(names[0]).toBe(`Welding, edition ${String(all.length - 1)}`);
    expect(names.at(-1)).toBe('Welding, edition 3');
    expect(historyFiles(folder)).toHaveLength(maxVersionsPerCredential);
    const files = wallet.files();
    expect(existsSync(path.join(folder, files.blobFile(contentAddress(copy(1).original.bytes))))).toBe(false);
    expect(existsSync(path.join(folder, files.blobFile(contentAddress(copy(3).original.bytes))))).toBe(true);
    expect(checkWallet(wallet).damaged).toEqual([]);
    wallet.lockWallet();
  });

  it('a copy that comes back is current again, and not kept twice', async () => {
    const { wallet, id } = await walletWith(1, 2);
    // Edition 1 again, reissued with a later date (same content): it is the current version now, edition 2 is kept.
    const again = { ...copy(1), issuedOn: copy(3).issuedOn };
    expect(wallet.put(again)).toBe('updated');
    expect(readableVersions(wallet, id).map((version) => version.record.credential.name)).toEqual(['Welding, edition 2']);
    wallet.lockWallet();
  });

  it('removing a credential removes its history and the files its versions used', async () => {
    const { folder, wallet, id } = await walletWith(1, 2, 3);
    expect(historyFiles(folder)).toHaveLength(2);
    expect(wallet.remove(id)?.id).toBe(id);
    expect(historyFiles(folder)).toEqual([]);
    expect(readdirSync(path.join(folder, 'blobs')).filter((name) => name.endsWith('.blob'))).toEqual([]);
    expect(checkWallet(wallet).damaged).toEqual([]);
    wallet.lockWallet();
  });

  it('a backup carries the history: restored elsewhere, every version is there and can be restored', async () => {
    const { wallet, id } = await walletWith(1, 2, 3);
    const backup = path.join(tempFolder(), 'wallet.backup');
    await wallet.exportBackup(backup, passphrase, testKdf);
    const expected = readableVersions(wallet, id).map((version) => [version.record.credential.name, version.replacedAt, version.record.verification]);
    wallet.lockWallet();

    const other = await Vault.create(tempFolder(), 'another machine 12', testKdf);
    await expect(other.restoreBackup(backup, passphrase)).resolves.toEqual({ added: 1, 'already-there': 0, updated: 0 });
    const otherId = other.idOf(base.identity);
    expect(readableVersions(other, otherId).map((version) => [version.record.credential.name, version.replacedAt, version.record.verification])).toEqual(expected);
    // Restoring twice adds nothing twice.
    await other.restoreBackup(backup, passphrase);
    expect(readableVersions(other, otherId)).toHaveLength(2);
    expect(checkWallet(other).damaged).toEqual([]);
    const oldest = readableVersions(other, otherId).at(-1);
    other.restoreVersion(otherId, oldest?.versionId ?? '');
    expect(Buffer.from(other.get(otherId)?.original.bytes ?? []).equals(Buffer.from(copy(1).original.bytes))).toBe(true);
    other.lockWallet();
  });

  it('a damaged earlier version is named by the wallet check and set aside; it cannot be restored, and nothing changes', async () => {
    const { folder, wallet, id } = await walletWith(1, 2, 3);
    const [newest, oldest] = readableVersions(wallet, id);
    if (!newest || !oldest) throw new Error('two versions expected');
    const damagedFile = path.join(folder, oldest.file);
    const bytes = readFileSync(damagedFile);
    bytes[30] = (bytes[30] ?? 0) ^ 1;
    writeFileSync(damagedFile, bytes);
    wallet.lockWallet();

    // Another Badgefolio holds the wallet: shown as damaged, refused, nothing moved.
    const holder = await Vault.unlock(folder, passphrase, { write: true });
    const reader = await Vault.unlock(folder, passphrase, { write: 'if-free' });
    expect(reader.versions(id)).toEqual([
      expect.objectContaining({ readable: true, versionId: newest.versionId }),
      { readable: false, versionId: oldest.versionId, file: oldest.file, problem: 'damaged' },
    ]);
    holder.lockWallet();

    const before = snapshot(folder);
    const writer = await Vault.unlock(folder, passphrase, { write: true });
    expect(() => writer.restoreVersion(id, oldest.versionId)).toThrow(
      `The earlier version ${oldest.versionId} of "Welding, edition 3" is damaged and cannot be restored. The wallet check sets it aside for rescue.`,
    );
    expect(snapshot(folder)).toEqual(before);
    reader.lockWallet();

    const result = checkWallet(writer);
    expect(result.damaged).toEqual([
      expect.objectContaining({ file: oldest.file, kind: 'earlier-version', id, name: 'Welding, edition 3', problem: 'damaged', reason: 'changed or damaged on disk' }),
    ]);
    expect(result.damaged.map(describeDamage)).toEqual(['an earlier version of "Welding, edition 3" is changed or damaged on disk']);
    const quarantined = result.damaged[0]?.quarantinedAs ?? '';
    expect(quarantined).toMatch(/^quarantine[/\\]history[/\\][0-9a-f]{64}\.[0-9a-f]{32}\.[0-9a-z]+\.ver$/);
    expect(readFileSync(path.join(folder, quarantined)).equals(bytes)).toBe(true);
    // The rest of the history is untouched and still restorable.
    expect(readableVersions(writer, id).map((version) => version.versionId)).toEqual([newest.versionId]);
    expect(writer.restoreVersion(id, newest.versionId).entry.credential.name).toBe('Welding, edition 2');
    expect(checkWallet(writer).damaged).toEqual([]);
    writer.lockWallet();
  });

  it('a version whose stored file is damaged is refused before anything changes, and the check names the file as the version’s', async () => {
    const { folder, wallet, id } = await walletWith(1, 2);
    const original = wallet.files().blobFile(contentAddress(copy(1).original.bytes));
    const bytes = readFileSync(path.join(folder, original));
    bytes[20] = (bytes[20] ?? 0) ^ 1;
    writeFileSync(path.join(folder, original), bytes);
    const [kept] = readableVersions(wallet, id);
    const before = snapshot(folder);
    expect(() => wallet.restoreVersion(id, kept?.versionId ?? '')).toThrow(/cannot be restored: a file stored with it is damaged or missing/);
    expect(snapshot(folder)).toEqual(before);
    const result = checkWallet(wallet);
    expect(result.damaged).toEqual([expect.objectContaining({ file: original, kind: 'earlier-version', name: 'Welding, edition 1', problem: 'damaged' })]);
    wallet.lockWallet();
  });
});
