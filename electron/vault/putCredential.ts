import type { NormalizedCredential } from '../../shared/credential/model';
import { toStored } from './storedCredential';
import { isOlder, type PutOutcome, type StoredRecord } from './vaultRecords';
import type { WalletParts } from './walletParts';

/**
 * Stores a credential (Vault.put): a new one, a copy already there (no-op), or a changed copy
 * (update). The copy it replaces goes into the credential's history (versionHistory.ts).
 */
export function putCredential(wallet: WalletParts, credential: NormalizedCredential, now: Date): PutOutcome {
  const name = wallet.recordName(credential.identity);
  const existing = wallet.record(name);
  if (existing?.contentHash === credential.contentHash) {
    // The same credential: its stored files come back if they went missing (set aside by the wallet check, say).
    wallet.blobs.writeMissing(existing.credential, credential);
    return 'already-there';
  }
  if (existing && isOlder(credential, existing.credential)) return 'already-there';

  wallet.markChanging();
  const { json, blobs } = toStored(credential);
  wallet.blobs.writeAll(blobs);

  const timestamp = now.toISOString();
  // The version replaced goes into the credential's history before the record changes: a
  // crash in between leaves both, never neither. Its blob claims move with it.
  const kept = existing ? wallet.history.keep(name, existing, timestamp) : null;
  const record: StoredRecord = {
    v: 1,
    identity: credential.identity,
    contentHash: credential.contentHash,
    addedAt: existing?.addedAt ?? timestamp,
    updatedAt: timestamp,
    credential: json,
    ...(existing?.userEdits ? { userEdits: existing.userEdits } : {}),
  };
  wallet.writeRecord(name, record);
  wallet.blobs.claim(json);
  if (kept?.overwritten) wallet.blobs.release(kept.overwritten.credential);
  const returned = wallet.history.discard(name, credential.contentHash);
  if (returned) wallet.blobs.release(returned.credential);
  for (const dropped of wallet.history.trim(name)) wallet.blobs.release(dropped.credential);
  return existing ? 'updated' : 'added';
}
