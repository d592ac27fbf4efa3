import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedCredential } from '../../../shared/credential/model';
import { Vault, VaultError } from '../../../electron/vault/vault';
import { readHeader, WalletHeaderError, WrongPassphraseError } from '../../../electron/vault/walletHeader';
import { WalletBusyError } from '../../../electron/vault/writerLock';
import { BackupError } from '../../../electron/vault/backupFile';
import { checkWallet } from '../../../electron/vault/walletCheck';
import { sampleCredentials, testKdf } from '../../support/walletFixtures';

const passphrase = 'orange kettle 47 violin';
const folders: string[] = [];
function tempFolder(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-vault-'));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function allFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function snapshot(folder: string): Map<string, string> {
  return new Map(allFiles(folder).map((file) => [path.relative(folder, file), readFileSync(file).toString('base64')]));
}

describe('the encrypted wallet', () => {
  let credentials: NormalizedCredential[];
  beforeAll(async () => {
    credentials = await sampleCredentials(6);
  });

  it('keeps credentials byte-exact across lock and unlock, and nothing readable on disk', async () => {
    const folder = tempFolder();
    const wallet = await Vault.create(folder, passphrase, testKdf);
    expect(credentials.map((c) => wallet.put(c))).toEqual(Array(6).fill('added'));
    wallet.lockWallet();

    const reopened = await Vault.unlock(folder, passphrase);
    expect(reopened.size).toBe(6);
    for (const original of credentials) {
      const stored = reopened.get(reopened.idOf(original.identity));
      expect(stored?.name).toBe(original.name);
      expect(Buffer.from(stored?.original.bytes ?? []).equals(Buffer.from(original.original.bytes))).toBe(true);
      expect(stored?.original.payload).toBe(original.original.payload);
      expect(stored?.image?.bytes?.length).toBe(original.image?.bytes?.length);
      // The picture alone (card thumbnails) is the same picture, read without the original.
      const picture = reopened.image(reopened.idOf(original.identity));
      expect(picture === null).toBe(original.image?.bytes === undefined);
      expect(picture?.mediaType).toBe(original.image?.mediaType);
      expect(Buffer.from(picture?.bytes ?? []).equals(Buffer.from(original.image?.bytes ?? []))).toBe(true);
      // A short id finds its credential; a prefix too, and a longer string nothing.
      const id = reopened.idOf(original.identity);
      expect(reopened.find(id.toUpperCase())?.id).toBe(id);
      expect(reopened.find(id.slice(0, 8))?.id).toBe(id);
      expect(reopened.find(`${id}0`)).toBeNull();
    }
    reopened.lockWallet();
    expect(() => reopened.list()).toThrow(/locked/);

    // Nothing a credential says appears in clear on disk.
    const everything = allFiles(folder)
      .map((file) => readFileSync(file).toString('latin1'))
      .join('');
    for (const needle of ['Badge 100000', 'Skill 100001', 'badges.example.org', 'did:example:issuer', 'openbadges']) {
      expect(everything).not.toContain(needle);
    }
  });

  it('treats a re-import as a no-op, a changed copy as an update, an older copy as already there', async () => {
    const folder = tempFolder();
    const wallet = await Vault.create(folder, passphrase, testKdf);
    const [first] = credentials;
    if (!first) throw new Error('no fixture');
    expect(wallet.put(first)).toBe('added');
    expect(wallet.put(first)).toBe('already-there');
    const newer = { ...first, contentHash: 'f'.repeat(64), name: 'Renamed', issuedOn: '2030-01-01T00:00:00.000Z' };
    expect(wallet.put(newer)).toBe('updated');
    expect(wallet.put({ ...first, contentHash: 'e'.repeat(64), issuedOn: '2001-01-01T00:00:00.000Z' })).toBe('already-there');
    expect(wallet.list().map((e) => e.credential.name)).toEqual(['Renamed']);
    wallet.lockWallet();
  });

  it('refuses a wrong passphrase with a clear error and changes nothing', async () => {
    const folder = tempFolder();
    const wallet = await Vault.create(folder, passphrase, testKdf);
    for (const c of credentials) wallet.put(c);
    wallet.lockWallet();
    const before = snapshot(folder);
    await expect(Vault.unlock(folder, 'orange kettle 47 viola', { write: true })).rejects.toThrow(WrongPassphraseError);
    await expect(Vault.unlock(folder, 'orange kettle 47 viola', { write: true })).rejects.toThrow('That passphrase does not open this wallet.');
    expect(snapshot(folder)).toEqual(before);
  });

  it('removes a credential and the blobs only it used', async () => {
    const folder = tempFolder();
    const wallet = await Vault.create(folder, passphrase, testKdf);
    for (const c of credentials) wallet.put(c);
    const blobsBefore = allFiles(path.join(folder, 'blobs')).length;
    const [victim] = wallet.list();
    if (!victim) throw new Error('empty');
    expect(wallet.remove(victim.id)?.identity).toBe(victim.identity);
    expect(wallet.size).toBe(5);
    expect(allFiles(path.join(folder, 'blobs')).length).toBeLessThan(blobsBefore);
    expect(checkWallet(wallet).damaged).toEqual([]);
    wallet.lockWallet();
  });

  it('changes the passphrase by re-wrapping only the key', async () => {
    const folder = tempFolder();
    const wallet = await Vault.create(folder, passphrase, testKdf);
    for (const c of credentials) wallet.put(c);
    const records = snapshot(path.join(folder, 'records'));
    await wallet.changePassphrase('a completely new passphrase', testKdf);
    wallet.lockWallet();
    expect(snapshot(path.join(folder, 'records'))).toEqual(records);
    await expect(Vault.unlock(folder, passphrase)).rejects.toThrow(WrongPassphraseError);
    const reopened = await Vault.unlock(folder, 'a completely new passphrase');
    expect(reopened.size).toBe(6);
    reopened.lockWallet();
  });

  it('lets one writer in at a time, and takes over a lock left by a dead process', async () => {
    const folder = tempFolder();
    const writer = await Vault.create(folder, passphrase, testKdf);
    await expect(Vault.unlock(folder, passphrase, { write: true })).rejects.toThrow(WalletBusyError);
    const reader = await Vault.unlock(folder, passphrase);
    expect(reader.size).toBe(0);
    reader.lockWallet();
    writer.lockWallet();

    writeFileSync(path.join(folder, 'wallet.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), since: 'yesterday' }));
    const second = await Vault.unlock(folder, passphrase, { write: true });
    second.lockWallet();
    expect(existsSync(path.join(folder, 'wallet.lock'))).toBe(false);
  });

  it('refuses KDF parameters out of bounds even with a valid checksum', async () => {
    const { createHash } = await import('node:crypto');
    const folder = tempFolder();
    (await Vault.create(folder, passphrase, testKdf)).lockWallet();
    for (const [N, r, p] of [
      [2 ** 30, 8, 1],
      [2 ** 10, 8, 1],
      [3000, 8, 1],
      [2 ** 14, 1000, 1],
      [2 ** 14, 8, 100],
    ] as const) {
      const header = JSON.parse(readFileSync(path.join(folder, 'wallet.json'), 'utf8')) as {
        format: string;
        version: number;
        walletId: string;
        createdAt: string;
        kdf: { name: string; N: number; r: number; p: number; salt: string };
        wrappedKey: string;
        keyCheck: string;
        checksum: string;
      };
      header.kdf = { ...header.kdf, N, r, p };
      const bound = `${header.format}|${String(header.version)}|${header.walletId}|${header.createdAt}|${header.kdf.name}|${String(N)}|${String(r)}|${String(p)}|${header.kdf.salt}`;
      header.checksum = createHash('sha256').update(bound).update('|').update(header.wrappedKey).update('|').update(header.keyCheck).digest('hex');
      const hostile = tempFolder();
      writeFileSync(path.join(hostile, 'wallet.json'), JSON.stringify(header));
      await expect(Vault.unlock(hostile, passphrase), `N=${String(N)} r=${String(r)} p=${String(p)}`).rejects.toThrow(WalletHeaderError);
    }
  });

  it('backs up to one file and restores it elsewhere, twice, without duplicates', async () => {
    const source = tempFolder();
    const wallet = await Vault.create(source, passphrase, testKdf);
    for (const c of credentials) wallet.put(c);
    const backup = path.join(tempFolder(), 'wallet.bfbackup');
    await expect(wallet.exportBackup(backup, passphrase, testKdf)).resolves.toEqual({ credentials: 6 });
    wallet.lockWallet();
    expect(readFileSync(backup).toString('latin1')).not.toContain('Badge 100000');

    const target = tempFolder();
    const restored = await Vault.create(target, 'the other machine', testKdf);
    await expect(restored.restoreBackup(backup, passphrase)).resolves.toEqual({ added: 6, 'already-there': 0, updated: 0 });
    await expect(restored.restoreBackup(backup, passphrase)).resolves.toEqual({ added: 0, 'already-there': 6, updated: 0 });
    expect(restored.size).toBe(6);
    for (const c of credentials) expect(restored.get(restored.idOf(c.identity))?.original.payload).toBe(c.original.payload);
    await expect(restored.restoreBackup(backup, 'wrong')).rejects.toThrow(BackupError);

    const bytes = readFileSync(backup);
    const tampered = Buffer.from(bytes);
    tampered[bytes.length - 40] = (tampered[bytes.length - 40] ?? 0) ^ 1;
    writeFileSync(backup, tampered);
    await expect(restored.restoreBackup(backup, passphrase)).rejects.toThrow(/damaged|changed/);
    writeFileSync(backup, bytes.subarray(0, bytes.length - 100));
    await expect(restored.restoreBackup(backup, passphrase)).rejects.toThrow(BackupError);
    restored.lockWallet();
  });

  it('detects every flipped byte: header flips are survived, record and blob flips are named', async () => {
    const folder = tempFolder();
    const wallet = await Vault.create(folder, passphrase, testKdf);
    for (const c of credentials.slice(0, 3)) wallet.put(c);
    wallet.lockWallet();
    const pristine = snapshot(folder);
    const pristineHeader = readHeader(folder).header;
    const reader = await Vault.unlock(folder, passphrase);
    const titles = reader.list().map((e) => String(e.credential.name));

    let flips = 0;
    for (const [file, content] of pristine) {
      if (file === 'wallet.lock') continue;
      const bytes = Buffer.from(content, 'base64');
      const full = path.join(folder, file);
      const isHeader = file.startsWith('wallet.');
      // Every byte of records and blobs; for the header, every byte too (each needs a KDF run).
      for (let at = 0; at < bytes.length; at++) {
        const flipped = Buffer.from(bytes);
        flipped[at] = (flipped[at] ?? 0) ^ 0x20;
        writeFileSync(full, flipped);
        flips++;
        if (isHeader) {
          // The header that unlocking would use must still be the intact one (from the other
          // copy if need be); a full unlock (one KDF run) is checked every 97 bytes.
          expect(readHeader(folder).header, `${file}@${String(at)}`).toEqual(pristineHeader);
          if (at % 97 === 0) {
            const opened = await Vault.unlock(folder, passphrase);
            expect(opened.size, `${file}@${String(at)}`).toBe(3);
            opened.lockWallet();
          }
        } else if (file === 'records.catalog' || file === 'records.generation') {
          // The catalog is only a cache: any damage means reading the record files instead.
          reader.reloadFromDisk({ useCatalog: true });
          expect(reader.damaged, `${file}@${String(at)}`).toEqual([]);
          expect(reader.size).toBe(3);
        } else if (file.startsWith('records/')) {
          reader.reloadFromDisk();
          expect(
            reader.damaged.map((d) => d.file),
            `${file}@${String(at)}`,
          ).toEqual([file]);
          expect(reader.size).toBe(2);
        } else {
          // Read-only, so nothing moves: the damaged blob is named with the credentials that use it.
          const { damaged } = checkWallet(reader);
          expect(
            damaged.map((d) => d.file),
            `${file}@${String(at)}`,
          ).toEqual([file]);
          for (const item of damaged) for (const name of [item.name, ...item.otherNames]) expect(titles).toContain(name);
        }
        writeFileSync(full, bytes);
      }
      reader.reloadFromDisk();
      expect(reader.size).toBe(3);
    }
    reader.lockWallet();
    expect(flips).toBeGreaterThan(1000);
  }, 300_000);

  it('opens from its catalog, and never from a stale one while a writer is changing the wallet', async () => {
    const folder = tempFolder();
    const writer = await Vault.create(folder, passphrase, testKdf);
    for (const c of credentials.slice(0, 2)) writer.put(c);
    writer.lockWallet();
    expect(existsSync(path.join(folder, 'records.catalog'))).toBe(true);

    const app = await Vault.unlock(folder, passphrase, { write: true });
    const third = credentials[2];
    if (!third) throw new Error('no fixture');
    app.put(third);
    // The app has not locked yet: a reader must see the new credential all the same.
    const reader = await Vault.unlock(folder, passphrase);
    expect(reader.size).toBe(3);
    reader.lockWallet();
    app.lockWallet();
    const later = await Vault.unlock(folder, passphrase);
    expect(later.size).toBe(3);
    expect(checkWallet(later).damaged).toEqual([]);
    later.lockWallet();
  });

  it('says there is no wallet, and refuses to create over an existing one', async () => {
    const folder = tempFolder();
    await expect(Vault.unlock(folder, passphrase)).rejects.toThrow(VaultError);
    (await Vault.create(folder, passphrase, testKdf)).lockWallet();
    await expect(Vault.create(folder, passphrase, testKdf)).rejects.toThrow(/already a wallet/);
  });
});
