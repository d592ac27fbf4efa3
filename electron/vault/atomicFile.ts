import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Crash-safe replacement of a file, as KeePassXC and every careful store does: write a
 * temporary file beside it, fsync it, rename it over the target (atomic on POSIX and NTFS),
 * then fsync the folder so the rename itself survives a power cut. A reader sees the old
 * file or the new one, never a mix.
 */
export function writeFileAtomic(target: string, data: Uint8Array, options: { syncFolder?: boolean } = {}): void {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written, data.length - written);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temporary);
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, target);
  if (options.syncFolder !== false) syncFolder(path.dirname(target));
}

/** Makes renames and deletions in a folder durable. (Windows cannot open folders: skipped.) */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Deletes a file durably; a missing file is already deleted. */
export function removeDurably(target: string): void {
  try {
    unlinkSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return;
  }
  syncFolder(path.dirname(target));
}
