import type { NormalizedCredential } from '../../shared/credential/model';
import type { BlobStore } from './blobStore';
import type { FetchedDocuments } from './fetchedDocuments';
import type { PutOutcome, StoredRecord } from './vaultRecords';
import type { VersionHistory } from './versionHistory';
import type { WalletDocumentName } from './walletDocuments';

/**
 * The parts of an open wallet that its larger operations (backups: vaultBackup.ts; restoring
 * an earlier version: versionRestore.ts) work with. vault.ts hands them out; each operation
 * lives in a module of its own.
 */
export interface WalletParts {
  readonly walletId: string;
  readonly blobs: BlobStore;
  readonly history: VersionHistory;
  records(): Iterable<[string, StoredRecord]>;
  record(name: string): StoredRecord | undefined;
  recordName(identity: string): string;
  writeRecord(name: string, record: StoredRecord): void;
  put(credential: NormalizedCredential): PutOutcome;
  /** Documents fetched for verification, each a blob of its own (fetchedDocuments.ts). */
  fetched(): FetchedDocuments;
  readDocument(name: WalletDocumentName): Buffer | null;
  writeDocument(name: WalletDocumentName, bytes: Uint8Array): void;
  /** Before every change: the catalog goes stale, blob claims are counted. */
  markChanging(): void;
}
