import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedCredential } from '../../../shared/credential/model';
import { blobAddresses, isBlobRef } from '../../../electron/vault/storedCredential';
import { Vault } from '../../../electron/vault/vault';
import { checkWallet, checkWalletInSlices, describeDamage } from '../../../electron/vault/walletCheck';
import { flipByte, sampleCredentials, testKdf } from '../../support/walletFixtures';

const passphrase = 'orange kettle 47 violin';
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

let credentials: NormalizedCredential[];
beforeAll(async () => {
  // Two baked OB 2.0 badges (their picture is their original file) and two OB 3.0 credentials
  // sharing one picture.
  credentials = await sampleCredentials(4);
});

/** A wallet of the four sample credentials, locked: its catalog is fresh. */
async function sampleWallet(): Promise<string> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-check-'));
  folders.push(folder);
  const wallet = await Vault.create(folder, passphrase, testKdf);
  for (const credential of credentials) wallet.put(credential);
  wallet.lockWallet();
  return folder;
}

/** The record file and picture blob of a credential, by name (relative to the wallet folder). */
function filesOf(wallet: Vault, name: string): { record: string; picture: string } {
  const files = wallet.files();
  for (const [key, record] of files.records) {
    if (record.credential.name !== name) continue;
    const image = record.credential.image as { bytes?: unknown } | undefined;
    if (!isBlobRef(image?.bytes)) throw new Error('no picture');
    return { record: path.join('records', `${key}.rec`), picture: files.blobFile(image.bytes.$blob) };
  }
  throw new Error(`no credential named ${name}`);
}

describe('the wallet check', () => {
  it('finds nothing wrong in an untouched wallet, and says what it read', async () => {
    const folder = await sampleWallet();
    const wallet = await Vault.unlock(folder, passphrase, { write: true });
    wallet.writeDocument('organiser', Buffer.from('{"collections":[],"pathways":[],"exports":[]}'));
    const blobs = new Set<string>();
    for (const entry of wallet.list()) blobAddresses(entry.credential, blobs);
    const result = checkWallet(wallet);
    expect(result).toEqual({
      checked: { credentials: 4, files: blobs.size + 1 },
      damaged: [],
      quarantineFolder: path.join(folder, 'quarantine'),
      writable: true,
    });
    expect(existsSync(path.join(folder, 'quarantine'))).toBe(false);
    wallet.lockWallet();
  });

  it('names a flipped byte in a record file and in a blob behind a fresh catalog, and moves both to quarantine', async () => {
    const folder = await sampleWallet();
    const badge = credentials[0]?.name ?? '';
    const [skillA, skillB] = [credentials[1]?.name ?? '', credentials[3]?.name ?? ''];
    const peek = await Vault.unlock(folder, passphrase);
    const damagedRecord = filesOf(peek, badge).record;
    const sharedPicture = filesOf(peek, skillA).picture;
    expect(filesOf(peek, skillB).picture).toBe(sharedPicture);
    peek.lockWallet();
    flipByte(path.join(folder, damagedRecord));
    flipByte(path.join(folder, sharedPicture));
    const flippedRecord = readFileSync(path.join(folder, damagedRecord));

    // The catalog is fresh: opening the wallet reads no record file, so nothing is noticed yet.
    const wallet = await Vault.unlock(folder, passphrase, { write: true });
    expect(wallet.size).toBe(4);
    expect(wallet.damaged).toEqual([]);

    const result = checkWallet(wallet);
    expect(result.checked.credentials).toBe(4);
    expect(result.damaged).toHaveLength(2);
    const record = result.damaged.find((item) => item.kind === 'record');
    const picture = result.damaged.find((item) => item.kind === 'picture');
    if (!record || !picture) throw new Error('not found');
    expect(record).toMatchObject({
      file: damagedRecord,
      name: badge,
      id: path.basename(damagedRecord).slice(0, 12),
      otherNames: [],
      problem: 'damaged',
      reason: 'changed or damaged on disk',
    });
    expect(record.quarantinedAs).toMatch(/^quarantine[/\\][0-9a-f]{64}\.[0-9a-z]+\.rec$/);
    expect(picture).toMatchObject({ file: sharedPicture, problem: 'damaged' });
    // A picture several credentials share is named with each that is still whole (a badge's issuer logo is the same picture).
    expect([picture.name, ...picture.otherNames].sort()).toEqual([skillA, skillB, credentials[2]?.name].sort());
    expect(picture.quarantinedAs).toMatch(/^quarantine[/\\]blobs[/\\][0-9a-f]{64}\.[0-9a-z]+\.blob$/);
    expect(describeDamage(record)).toBe(`the record of "${badge}" is changed or damaged on disk`);

    // Moved, byte for byte, for rescue; the wallet no longer presents the record as healthy.
    expect(existsSync(path.join(folder, damagedRecord))).toBe(false);
    expect(readFileSync(path.join(folder, record.quarantinedAs ?? '')).equals(flippedRecord)).toBe(true);
    expect(existsSync(path.join(folder, sharedPicture))).toBe(false);
    expect(existsSync(path.join(folder, picture.quarantinedAs ?? ''))).toBe(true);
    expect(wallet.size).toBe(3);
    expect(wallet.list().map((entry) => entry.credential.name)).not.toContain(badge);
    // Checked again in this session, both are named again: the record as before, the picture now missing (its copy kept).
    expect(checkWallet(wallet).damaged.map((item) => [item.kind, item.name === null ? null : 'named', item.problem, item.quarantinedAs])).toEqual([
      ['record', 'named', 'damaged', record.quarantinedAs],
      ['picture', 'named', 'missing', picture.quarantinedAs],
    ]);
    expect(wallet.damaged).toEqual([expect.objectContaining({ file: damagedRecord, name: badge, problem: 'damaged', quarantinedAs: record.quarantinedAs })]);
    wallet.lockWallet();

    // Nor does the next unlock, from the catalog or the files.
    const reader = await Vault.unlock(folder, passphrase);
    expect(reader.size).toBe(3);
    expect(reader.damaged).toEqual([]);
    reader.reloadFromDisk();
    expect(reader.size).toBe(3);
    // Checked again: the record is gone (reported once); the picture is missing, its damaged copy in quarantine.
    const again = checkWallet(reader);
    expect(again.damaged).toEqual([expect.objectContaining({ file: sharedPicture, problem: 'missing', reason: 'missing', quarantinedAs: picture.quarantinedAs })]);
    reader.lockWallet();
  });

  it('reports a missing blob, and a read-only check reports without moving anything', async () => {
    const folder = await sampleWallet();
    const writer = await Vault.unlock(folder, passphrase, { write: true });
    const badge = credentials[2]?.name ?? '';
    const { record, picture } = filesOf(writer, badge);
    unlinkSync(path.join(folder, picture));
    flipByte(path.join(folder, record), 100);

    // Another Badgefolio holds the writer lock: 'if-free' opens read-only.
    const reader = await Vault.unlock(folder, passphrase, { write: 'if-free' });
    const result = checkWallet(reader);
    expect(result.writable).toBe(false);
    expect(result.damaged.map((item) => [item.kind, item.problem, item.name, item.quarantinedAs])).toEqual([['record', 'damaged', badge, null]]);
    expect(existsSync(path.join(folder, record))).toBe(true);
    expect(reader.size).toBe(3);
    reader.lockWallet();

    flipByte(path.join(folder, record), 100); // mended
    const missing = checkWallet(writer);
    // A baked badge's picture is its original file.
    expect(missing.damaged).toEqual([expect.objectContaining({ file: picture, kind: 'original', name: badge, problem: 'missing', reason: 'missing', quarantinedAs: null })]);
    expect(missing.damaged.map(describeDamage)).toEqual([`the original file of "${badge}" is missing`]);
    writer.lockWallet();
  });

  it('names a record already found damaged at unlock (stale catalog) from the catalog, and sets aside a damaged document', async () => {
    const folder = await sampleWallet();
    const setup = await Vault.unlock(folder, passphrase, { write: true });
    setup.writeDocument('organiser', Buffer.from('{"collections":[],"pathways":[],"exports":[]}'));
    const badge = credentials[1]?.name ?? '';
    const { record } = filesOf(setup, badge);
    setup.lockWallet();
    flipByte(path.join(folder, record));
    const organiser = (await import('node:fs')).readdirSync(path.join(folder, 'documents'))[0] ?? '';
    flipByte(path.join(folder, 'documents', organiser), 20);
    writeFileSync(path.join(folder, 'records.generation'), '999'); // the catalog is stale now

    const wallet = await Vault.unlock(folder, passphrase, { write: true });
    expect(wallet.damaged).toEqual([expect.objectContaining({ file: record, name: badge, problem: 'damaged' })]);
    const result = checkWallet(wallet);
    expect(result.damaged).toEqual([
      expect.objectContaining({ file: record, kind: 'record', name: badge, problem: 'damaged', quarantinedAs: wallet.damaged[0]?.quarantinedAs }),
      expect.objectContaining({ file: path.join('documents', organiser), kind: 'document', document: 'organiser', id: null, name: null, problem: 'damaged' }),
    ]);
    expect(result.damaged[1]?.quarantinedAs).toMatch(/^quarantine[/\\]documents[/\\]/);
    expect(result.damaged.map(describeDamage).at(1)).toBe('the collections, pathways and export history are changed or damaged on disk');
    expect(wallet.readDocument('organiser')).toBeNull();
    // Until something replaces it, the document is reported as missing, its copy kept.
    expect(checkWallet(wallet).damaged.at(-1)).toMatchObject({ kind: 'document', problem: 'missing', quarantinedAs: result.damaged[1]?.quarantinedAs });
    wallet.writeDocument('organiser', Buffer.from('{"collections":[],"pathways":[],"exports":[]}'));
    expect(checkWallet(wallet).damaged.map((item) => item.kind)).toEqual(['record']);
    wallet.lockWallet();
  });

  it('restoring a backup brings back a damaged credential and the stored files it lost', async () => {
    const folder = await sampleWallet();
    const backup = path.join(folder, '..', `${path.basename(folder)}.backup`);
    folders.push(backup);
    const wallet = await Vault.unlock(folder, passphrase, { write: true });
    await wallet.exportBackup(backup, passphrase, testKdf);
    flipByte(path.join(folder, filesOf(wallet, credentials[0]?.name ?? '').record));
    flipByte(path.join(folder, filesOf(wallet, credentials[1]?.name ?? '').picture));
    expect(checkWallet(wallet).damaged).toHaveLength(2);
    expect(wallet.size).toBe(3);

    expect(await wallet.restoreBackup(backup, passphrase)).toEqual({ added: 1, 'already-there': 3, updated: 0 });
    expect(wallet.size).toBe(4);
    expect(checkWallet(wallet).damaged).toEqual([]);
    const skill = wallet.get(wallet.idOf(credentials[1]?.identity ?? ''));
    expect(Buffer.from(skill?.image?.bytes ?? []).equals(Buffer.from(credentials[1]?.image?.bytes ?? []))).toBe(true);
    wallet.lockWallet();
  });

  it('runs in slices with the same answer, and stops when the wallet locks', async () => {
    const folder = await sampleWallet();
    const wallet = await Vault.unlock(folder, passphrase, { write: true });
    flipByte(path.join(folder, filesOf(wallet, credentials[3]?.name ?? '').record));
    const sliced = await checkWalletInSlices(wallet, 0);
    expect(sliced.damaged.map((item) => [item.kind, item.name])).toEqual([['record', credentials[3]?.name]]);
    // The synchronous check, afterwards, names the same record (set aside now) the same way.
    expect(checkWallet(wallet).damaged).toEqual(sliced.damaged);

    const running = checkWalletInSlices(wallet, 0);
    wallet.lockWallet();
    await expect(running).rejects.toThrow('The wallet is locked.');
  });
});
