import { BackupWriter, readBackup } from './backupFile';
import { exportFetched, restoreFetched } from './fetchedBackup';
import { blobAddresses, fromStored } from './storedCredential';
import type { ScryptParams } from './vaultCrypto';
import { asStoredRecord, titleOf, VaultError, type PutOutcome } from './vaultRecords';
import { walletDocumentNames } from './walletDocuments';
import type { WalletParts } from './walletParts';

/** Writes every credential, its earlier versions, their blobs and the wallet documents to one passphrase-protected file. */
export async function exportBackup(wallet: WalletParts, file: string, passphrase: string, params: ScryptParams): Promise<{ credentials: number }> {
  const writer = await BackupWriter.create(file, passphrase, wallet.walletId, params);
  let credentials = 0;
  try {
    const written = new Set<string>();
    for (const [name, record] of wallet.records()) {
      for (const address of blobAddresses(record.credential)) {
        if (written.has(address)) continue;
        writer.blob(address, wallet.blobs.read(address));
        written.add(address);
      }
      writer.record(record);
      credentials++;
      // Its earlier versions follow it. One that no longer reads (the wallet check names it)
      // cannot be restored from a backup either, and must not keep the rest from being saved.
      for (const version of wallet.history.entries(name)) {
        if (!version.readable) continue;
        const blobs = new Map<string, Buffer>();
        try {
          for (const address of blobAddresses(version.record.credential)) if (!written.has(address)) blobs.set(address, wallet.blobs.read(address));
        } catch {
          continue;
        }
        for (const [address, bytes] of blobs) {
          writer.blob(address, bytes);
          written.add(address);
        }
        writer.version({ replacedAt: version.replacedAt, record: version.record });
      }
    }
    for (const name of walletDocumentNames) {
      const bytes = wallet.readDocument(name);
      // The fetched documents' blobs go just before their index (fetchedBackup.ts).
      if (bytes && name === 'fetch-cache') exportFetched(wallet, writer);
      if (bytes) writer.document(name, bytes);
    }
    writer.finish();
  } catch (error) {
    writer.abort();
    throw error;
  }
  return { credentials };
}

/**
 * Restores a backup into the wallet. Credentials already here are left alone, changed copies
 * update, new ones are added: restoring twice never creates duplicates. A wallet document
 * (organiser, photo) is restored only where the wallet has none of its own.
 */
export async function restoreBackup(wallet: WalletParts, file: string, passphrase: string): Promise<Record<PutOutcome, number>> {
  const counts: Record<PutOutcome, number> = { added: 0, 'already-there': 0, updated: 0 };
  const arrived = new Map<string, Buffer>();
  for await (const item of readBackup(file, passphrase)) {
    if (item.kind === 'blob') {
      arrived.set(item.address, item.bytes);
      continue;
    }
    if (item.kind === 'document' && item.name === 'fetch-cache') {
      restoreFetched(wallet, item.bytes, arrived);
      continue;
    }
    if (item.kind === 'document') {
      const name = walletDocumentNames.find((known) => known === item.name);
      if (name && wallet.readDocument(name) === null) wallet.writeDocument(name, item.bytes);
      continue;
    }
    if (item.kind === 'version') {
      restoreKeptVersion(wallet, item.json, arrived);
      continue;
    }
    const record = asStoredRecord(item.json);
    if (!record) throw new VaultError('The backup holds a record of an unknown kind.');
    const credential = fromStored(record.credential, (address) => arrived.get(address) ?? wallet.blobs.read(address));
    counts[wallet.put(credential)]++;
    // A self-reported entry's corrections come back with it, unless this wallet has its own.
    if (record.userEdits && record.credential.selfReported === true) {
      const name = wallet.recordName(record.identity);
      const current = wallet.record(name);
      if (current && !current.userEdits) wallet.writeRecord(name, { ...current, userEdits: record.userEdits });
    }
    // Blobs are written by put(); drop the ones this record used to keep memory flat.
    for (const address of blobAddresses(record.credential)) arrived.delete(address);
  }
  return counts;
}

/**
 * An earlier version from a backup joins its credential's history (after the backup's record
 * of the credential, which wrote or updated it): unless it is the current version, and once
 * only (the same content is one version).
 */
function restoreKeptVersion(wallet: WalletParts, json: unknown, arrived: Map<string, Buffer>): void {
  const { replacedAt, record: raw } = (typeof json === 'object' && json !== null ? json : {}) as { replacedAt?: unknown; record?: unknown };
  const record = asStoredRecord(raw);
  if (!record || typeof replacedAt !== 'string') throw new VaultError('The backup holds an earlier version of an unknown kind.');
  const name = wallet.recordName(record.identity);
  if (wallet.record(name)?.contentHash === record.contentHash) {
    for (const address of blobAddresses(record.credential)) if (wallet.blobs.has(address)) arrived.delete(address);
    return;
  }
  const blobs = new Map<string, Uint8Array>();
  for (const address of blobAddresses(record.credential)) {
    const bytes = arrived.get(address);
    if (bytes) blobs.set(address, bytes);
    else if (!wallet.blobs.has(address)) throw new VaultError(`The backup lacks a file stored with an earlier version of "${titleOf(record) ?? record.identity}".`);
  }
  wallet.markChanging();
  wallet.blobs.writeAll(blobs);
  const kept = wallet.history.keep(name, record, replacedAt);
  wallet.blobs.claim(record.credential);
  if (kept.overwritten) wallet.blobs.release(kept.overwritten.credential);
  for (const dropped of wallet.history.trim(name)) wallet.blobs.release(dropped.credential);
  for (const address of blobs.keys()) arrived.delete(address);
}
