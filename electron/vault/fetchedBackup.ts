import type { BackupWriter } from './backupFile';
import { fetchedAddress, readFetchedIndex, sha256Of, type FetchedEntry } from './fetchedDocuments';
import type { WalletParts } from './walletParts';

/**
 * The documents fetched for verification in a backup (vaultBackup.ts): each one's blob, then
 * their index as the 'fetch-cache' wallet document. Written last, just before that index, so a
 * restore holds them in memory only briefly.
 */

/** Writes the blob of each fetched document that still reads; a damaged one is left out (it is fetched again when needed). */
export function exportFetched(wallet: WalletParts, writer: BackupWriter): void {
  const fetched = wallet.fetched();
  for (const entry of fetched.index().entries) {
    const body = fetched.body(entry);
    if (body) writer.blob(entry.blob, body);
  }
}

/**
 * Restores the backup's fetched documents where this wallet has none of its own (as with every
 * wallet document): each blob that arrived and is what the index says, then the index naming
 * exactly those. A backup made before documents were kept apart holds them inline in the
 * index: that is restored as it is, and moved into blobs at the wallet's next fetch.
 */
export function restoreFetched(wallet: WalletParts, indexBytes: Buffer, arrived: Map<string, Buffer>): void {
  const index = readFetchedIndex(indexBytes);
  const fetchedBlobs = index.entries.map((entry) => entry.blob);
  try {
    if (wallet.readDocument('fetch-cache') !== null) return;
    if (index.inline.length > 0) {
      wallet.writeDocument('fetch-cache', indexBytes);
      return;
    }
    const fetched = wallet.fetched();
    const kept: FetchedEntry[] = [];
    for (const entry of index.entries) {
      const bytes = arrived.get(entry.blob);
      if (!bytes || fetchedAddress(bytes) !== entry.blob || sha256Of(bytes) !== entry.sha256) continue;
      fetched.store(bytes);
      kept.push(entry);
    }
    if (kept.length > 0) fetched.switchIndex(kept);
  } finally {
    for (const address of fetchedBlobs) arrived.delete(address);
  }
}
