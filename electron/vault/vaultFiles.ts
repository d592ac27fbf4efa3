import type { BlobStore } from './blobStore';
import type { FetchedDocuments } from './fetchedDocuments';
import type { RecordFiles } from './recordFiles';
import type { StoredRecord } from './vaultRecords';
import type { VersionHistory } from './versionHistory';
import type { CheckProblem } from './walletCheckReport';
import { walletDocumentNames, type WalletDocuments, type WalletDocumentName } from './walletDocuments';

/** What the check needs of an open wallet (Vault.files()): its files and how to authenticate each, never the keys. */
export interface VaultFiles {
  readonly folder: string;
  /** This session holds the writer lock: damaged files can be moved and the catalog marked. */
  readonly writable: boolean;
  /** The records as this session knows them: the catalog's copies, or the files read at unlock. */
  readonly records: ReadonlyMap<string, StoredRecord>;
  /** The names of the record files in records/ now. */
  recordFileNames(): string[];
  /** Throws VaultCryptoError when the bytes do not authenticate; null when they hold no record we know. */
  openRecord(name: string, sealed: Buffer): StoredRecord | null;
  /** Throws VaultCryptoError when the bytes do not authenticate. */
  authenticateRecord(name: string, sealed: Buffer): void;
  /** A blob's file, relative to the wallet folder. */
  blobFile(address: string): string;
  /** Throws VaultCryptoError when the bytes do not authenticate. */
  authenticateBlob(address: string, sealed: Buffer): void;
  /** Every wallet document's file (relative), whether or not it exists. */
  documentFiles(): { name: WalletDocumentName; file: string }[];
  authenticateDocument(name: WalletDocumentName, sealed: Buffer): void;
  /** The documents fetched for verification, each a blob of its own (fetchedDocuments.ts): address, where it came from, its file (relative). */
  fetchedFiles(): { address: string; url: string; file: string }[];
  /** Throws VaultCryptoError when the bytes do not authenticate. */
  authenticateFetched(address: string, sealed: Buffer): void;
  /** A writer drops damaged fetched documents from their index: they are fetched again when next needed. */
  forgetFetched(addresses: ReadonlySet<string>): void;
  /** The files of the credentials' earlier versions (versionHistory.ts), relative, with the record each belongs to. */
  versionFiles(): { recordName: string; file: string }[];
  /** Throws VaultCryptoError when the bytes do not authenticate; null when they hold no version we know. */
  openVersion(file: string, sealed: Buffer): StoredRecord | null;
  /**
   * The session no longer holds this damaged record and notes it among `Vault.damaged` (so
   * later checks in this session name it again); a writer marks the catalog stale so no
   * unlock trusts the old copy.
   */
  forget(name: string, damage: { problem: CheckProblem; name: string | undefined; quarantinedAs: string | null }): void;
}

/** The parts of an open wallet (vault.ts) the check reads through VaultFiles. */
interface OpenWalletFiles {
  readonly folder: string;
  readonly writable: boolean;
  readonly records: ReadonlyMap<string, StoredRecord>;
  readonly recordFiles: RecordFiles;
  readonly blobs: BlobStore;
  readonly documents: WalletDocuments;
  readonly history: VersionHistory;
  readonly fetched: FetchedDocuments;
  readonly forget: VaultFiles['forget'];
}

/** The wallet's files and how to authenticate each (Vault.files()), without handing out its keys. */
export function vaultFiles({ folder, writable, records, recordFiles, blobs, documents, history, fetched, forget }: OpenWalletFiles): VaultFiles {
  return {
    folder,
    writable,
    records,
    recordFileNames: () => recordFiles.fileNames(),
    openRecord: (name, sealed) => recordFiles.open(name, sealed),
    authenticateRecord: (name, sealed) => {
      recordFiles.authenticate(name, sealed);
    },
    blobFile: (address) => blobs.file(address),
    authenticateBlob: (address, sealed) => {
      blobs.authenticate(address, sealed);
    },
    documentFiles: () => walletDocumentNames.map((name) => ({ name, file: documents.file(name) })),
    authenticateDocument: (name, sealed) => {
      documents.authenticate(name, sealed);
    },
    fetchedFiles: () => fetched.index().entries.map((entry) => ({ address: entry.blob, url: entry.url, file: fetched.file(entry.blob) })),
    authenticateFetched: (address, sealed) => {
      fetched.authenticate(address, sealed);
    },
    forgetFetched: (addresses) => {
      fetched.forget(addresses);
    },
    versionFiles: () => history.files(),
    openVersion: (file, sealed) => history.openFile(file, sealed)?.record ?? null,
    forget,
  };
}
