import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RefusalError } from '../../../shared/contract/refusal';
import { BackupError } from '../../vault/backupFile';
import { VaultError, type Vault } from '../../vault/vault';
import type { ScryptParams } from '../../vault/vaultCrypto';
import type { SaveFile } from './options';

/**
 * Files that leave or enter the wallet whole: encrypted backups, a credential's original file,
 * the profile photo. Backups pass through a private temporary folder, removed whatever happens.
 */

/** Saves the original file (baked image, JSON, JWT) byte for byte. */
export async function saveOriginal(vault: Vault, id: string, saveFile: SaveFile): Promise<string | null> {
  const credential = vault.get(id);
  if (!credential) throw new RefusalError('No such credential in this wallet.');
  return saveFile(credential.original.fileName, credential.original.bytes, 'original');
}

export function profilePhoto(vault: Vault): { mediaType: string; bytes: Uint8Array } | null {
  const bytes = vault.readDocument('profile-photo');
  if (!bytes) return null;
  return { mediaType: bytes[0] === 0x89 ? 'image/png' : 'image/jpeg', bytes };
}

export function setProfilePhoto(vault: Vault, photo: { mediaType: string; bytes: Uint8Array } | null): void {
  if (photo && !isPngOrJpeg(photo.bytes)) throw new RefusalError('The photo must be a PNG or JPEG image.');
  vault.writeDocument('profile-photo', photo ? photo.bytes : null);
}

/** Writes an encrypted backup to a private temporary file, then hands it to the save dialog. */
export async function saveBackup(
  vault: Vault,
  passphrase: string,
  saveFile: SaveFile,
  kdf: ScryptParams | undefined,
): Promise<{ saved: boolean; fileName?: string; credentials?: number }> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-backup-'));
  const file = path.join(folder, 'wallet.badgefolio-backup');
  try {
    const { credentials } = await vault.exportBackup(file, passphrase, kdf);
    const stamp = new Date().toISOString().slice(0, 10);
    const where = await saveFile(`Badgefolio backup ${stamp}.badgefolio-backup`, readFileSync(file), 'backup');
    return where ? { saved: true, fileName: where, credentials } : { saved: false };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Adds a backup's credentials to the wallet; `restored` runs once they are in (before the folder is removed). */
export async function restoreBackup(vault: Vault, bytes: Uint8Array, passphrase: string, restored: () => void): Promise<{ added: number; updated: number; alreadyThere: number }> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-restore-'));
  const file = path.join(folder, 'restore.badgefolio-backup');
  try {
    writeFileSync(file, bytes, { mode: 0o600 });
    const counts = await vault.restoreBackup(file, passphrase);
    restored();
    return { added: counts.added, updated: counts.updated, alreadyThere: counts['already-there'] };
  } catch (error) {
    if (error instanceof BackupError || error instanceof VaultError) throw new RefusalError(error.message);
    throw error;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function isPngOrJpeg(bytes: Uint8Array): boolean {
  return (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) || (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff);
}
