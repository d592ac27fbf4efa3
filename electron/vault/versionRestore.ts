import { blobAddresses } from './storedCredential';
import { entryOf, titleOf, VaultError, type VaultEntry } from './vaultRecords';
import type { VersionEntry } from './versionHistory';
import type { WalletParts } from './walletParts';

/** A credential's earlier versions, newest replaced first. */
export function earlierVersions(wallet: WalletParts, entry: VaultEntry): VersionEntry[] {
  // A version with the current content is a leftover of an interrupted change, not an earlier version.
  return wallet.history.entries(wallet.recordName(entry.identity)).filter((version) => !version.readable || version.record.contentHash !== entry.contentHash);
}

/**
 * Makes an earlier version current again; the version it replaces goes into the history (so
 * a restore is itself undone the same way). Refuses, changing nothing, a version that is not
 * there, is damaged, or whose stored files are.
 */
export function restoreVersion(wallet: WalletParts, entry: VaultEntry, versionId: string, now: Date): { entry: VaultEntry; keptAs: string } {
  const name = wallet.recordName(entry.identity);
  const current = wallet.record(name);
  if (!current) throw new VaultError(`No credential with ID "${entry.id}" in this wallet.`);
  const title = titleOf(current) ?? entry.id;
  const found = wallet.history.lookUp(name, versionId);
  if (found === 'ambiguous') throw new VaultError(`More than one earlier version of "${title}" starts with "${versionId}"; give more characters.`);
  if (found === 'none' || (found.readable && found.record.contentHash === current.contentHash)) {
    throw new VaultError(`"${title}" has no earlier version "${versionId}" (see its history).`);
  }
  if (!found.readable) {
    throw new VaultError(
      `The earlier version ${found.versionId} of "${title}" is ${found.problem === 'damaged' ? 'damaged' : 'unreadable'} and cannot be restored. The wallet check sets it aside for rescue.`,
    );
  }
  // Every stored file of the version must read back before anything changes.
  for (const address of blobAddresses(found.record.credential)) {
    try {
      wallet.blobs.read(address);
    } catch {
      throw new VaultError(`The earlier version ${found.versionId} of "${title}" cannot be restored: a file stored with it is damaged or missing (${wallet.blobs.file(address)}).`);
    }
  }
  wallet.markChanging();
  const timestamp = now.toISOString();
  // Kept before the record changes and the version is removed: a crash leaves both versions, never neither.
  const kept = wallet.history.keep(name, current, timestamp);
  const restored = { ...found.record, addedAt: current.addedAt, updatedAt: timestamp };
  wallet.writeRecord(name, restored);
  wallet.history.remove(found.file);
  // The two versions traded places, and their blob claims with them.
  if (kept.overwritten) wallet.blobs.release(kept.overwritten.credential);
  return { entry: entryOf(name, restored), keptAs: kept.versionId };
}
