import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { syncFolder } from './atomicFile';

/**
 * SECURITY/RESCUE: the one place a wallet file that failed authentication goes. It is moved,
 * never deleted, into the wallet's private quarantine/ folder: records at its top (as they
 * always were), blobs and documents in sub-folders of the same names, each with a time stamp
 * so that a file damaged twice keeps both copies. The caller must hold the writer lock.
 * Returns the new path relative to the wallet folder, or null when the file is already gone.
 */
export function moveToQuarantine(walletFolder: string, file: string): string | null {
  const from = path.dirname(file);
  const extension = path.extname(file);
  const target = path.join(quarantinedFolderOf(file), `${path.basename(file, extension)}.${Date.now().toString(36)}${extension}`);
  mkdirSync(path.dirname(path.join(walletFolder, target)), { recursive: true, mode: 0o700 });
  try {
    renameSync(path.join(walletFolder, file), path.join(walletFolder, target));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  syncFolder(path.join(walletFolder, from));
  return target;
}

/** The quarantine folder of a wallet. */
export function quarantineFolder(walletFolder: string): string {
  return path.join(walletFolder, 'quarantine');
}

/** Where in quarantine/ a wallet file goes (relative to the wallet folder). */
function quarantinedFolderOf(file: string): string {
  const from = path.dirname(file);
  return path.join('quarantine', from === 'records' ? '' : from);
}

/** The latest copy of a wallet file set aside earlier (relative to the wallet folder), or null. */
export function findInQuarantine(walletFolder: string, file: string): string | null {
  const folder = quarantinedFolderOf(file);
  const extension = path.extname(file);
  const prefix = `${path.basename(file, extension)}.`;
  let names: string[];
  try {
    names = readdirSync(path.join(walletFolder, folder));
  } catch {
    return null;
  }
  // Time stamps in base 36 of the same length sort as they count: the last is the latest.
  const copies = names.filter((name) => name.startsWith(prefix) && name.endsWith(extension)).sort();
  const latest = copies.at(-1);
  return latest === undefined ? null : path.join(folder, latest);
}
