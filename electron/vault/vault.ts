import { performance } from 'node:perf_hooks';
import type { NormalizedCredential } from '../../shared/credential/model';
import { BlobStore } from './blobStore';
import { FetchedDocuments } from './fetchedDocuments';
import { RecordFiles } from './recordFiles';
import { RecordTable } from './recordTable';
import { putCredential } from './putCredential';
import { fromStored, isBlobRef } from './storedCredential';
import { exportBackup, restoreBackup } from './vaultBackup';
import { earlierVersions, restoreVersion } from './versionRestore';
import type { WalletParts } from './walletParts';
import { createWallet, openWithKey, openWithPassphrase, type Opening, type WriteMode } from './openWallet';
import { keyedName, defaultScryptParams, type ScryptParams } from './vaultCrypto';
import { deriveKeys, wipeKeys, type VaultKeys } from './vaultKeys';
import { asStoredRecord, damageNote, entryOf, titleOf, VaultError, type DamagedRecord, type PutOutcome, type StoredRecord, type UserEdits, type VaultEntry } from './vaultRecords';
import { VersionHistory, type VersionEntry } from './versionHistory';
import { vaultFiles, type VaultFiles } from './vaultFiles';
import { WalletDocuments, walletDocumentNames, type WalletDocumentName } from './walletDocuments';
import { makeHeader, walletExists, writeHeader, WalletHeaderError, type WalletHeader } from './walletHeader';
import type { WriterLock } from './writerLock';

/**
 * The encrypted wallet. A passphrase-derived key wraps a random vault key (in the header);
 * HKDF sub-keys encrypt each credential record and each blob separately with AES-256-GCM,
 * bound by associated data to its own file name, so a record cannot be swapped for another.
 * Adding a credential writes its new blobs and one record file, each crash-safely: the cost
 * of a write does not depend on how many credentials the wallet holds.
 *
 * Layout of the wallet folder:
 *   wallet.json, wallet.backup.json   the header and its copy
 *   records/<hmac>.rec                one encrypted record per credential
 *   blobs/<hmac>.blob                 encrypted originals, images and signed texts, deduplicated; documents fetched for verification (fetchedDocuments.ts)
 *   records.catalog, records.generation  a sealed snapshot of all records, for fast unlocks
 *   documents/<hmac>.doc              encrypted wallet documents: the organiser, the profile photo
 *   history/<hmac>.<key>.ver          earlier versions of credentials, kept when a newer copy replaced them (versionHistory.ts)
 *   quarantine/                       files that failed authentication, kept for rescue (quarantine.ts)
 *   wallet.lock                       present while a writer (app or CLI) has the wallet open
 */

export class Vault {
  private keys: VaultKeys | null;
  private readonly records = new RecordTable<StoredRecord>();
  /** The catalog must be rewritten when this writer locks (it changed records, or found it stale). */
  private catalogStale = false;
  private readonly damagedRecords: DamagedRecord[] = [];
  private readonly recordFiles: RecordFiles;
  private readonly blobs: BlobStore;
  private readonly documents: WalletDocuments;
  /** Earlier versions of the credentials (versionHistory.ts); their blobs are counted with the records'. */
  private readonly history: VersionHistory;

  private constructor(
    readonly folder: string,
    private header: WalletHeader,
    vaultKey: Buffer,
    private readonly lock: WriterLock | null,
  ) {
    this.keys = deriveKeys(vaultKey);
    const keys = () => this.requireKeys();
    this.history = new VersionHistory(folder, keys, asStoredRecord);
    this.recordFiles = new RecordFiles(folder, keys);
    // An earlier version keeps its original file and pictures as long as it is kept.
    this.blobs = new BlobStore(folder, keys, () => [...[...this.records.values()].map((r) => r.credential), ...[...this.history.allKept()].map((v) => v.record.credential)]);
    this.documents = new WalletDocuments(folder, keys);
  }

  static exists(folder: string): boolean {
    return walletExists(folder);
  }

  /** Creates a new, empty wallet in `folder` (which must not already hold one). */
  static async create(folder: string, passphrase: string, params: ScryptParams = defaultScryptParams): Promise<Vault> {
    const { header, vaultKey, lock } = await createWallet(folder, passphrase, params);
    return new Vault(folder, header, vaultKey, lock);
  }

  /** Opens a wallet with its vault key itself (remembered on this device by the OS keychain). Same options as `unlock`. */
  static unlockWithKey(folder: string, vaultKey: Uint8Array, options: { write?: WriteMode } = {}): Vault {
    const opening = openWithKey(folder, vaultKey, options.write);
    return Vault.opened(folder, opening);
  }

  /** The vault key, for the OS keychain to keep ("remember on this device"). A copy. */
  exportVaultKey(): Buffer {
    return Buffer.from(this.requireKeys().vault);
  }

  /**
   * Opens a wallet. `write: true` takes the single-writer lock (imports, removals, passphrase
   * changes); reading needs no lock. `'if-free'` takes the lock when no other Badgefolio holds
   * it, else opens read-only (the wallet check's way). `onPhase`: progress for the unlock screen
   * ("Opening your wallet…") and the benchmark's split.
   */
  static async unlock(
    folder: string,
    passphrase: string,
    options: { write?: WriteMode; onPhase?: (phase: 'key-derived' | 'records-read', elapsedMs: number) => void } = {},
  ): Promise<Vault> {
    const opening = await openWithPassphrase(folder, passphrase, options.write, (ms) => options.onPhase?.('key-derived', ms));
    const reading = performance.now();
    const vault = Vault.opened(folder, opening);
    options.onPhase?.('records-read', performance.now() - reading);
    return vault;
  }

  private static opened(folder: string, { header, vaultKey, lock }: Opening): Vault {
    const vault = new Vault(folder, header, vaultKey, lock);
    try {
      vault.loadRecords();
    } catch (error) {
      vault.lockWallet();
      throw error;
    }
    return vault;
  }

  get walletId(): string {
    return this.header.walletId;
  }

  /**
   * Reads the records again from disk: after another Badgefolio (the CLI while the app is
   * open, say) changed the wallet. Damaged records found now are reported and set aside.
   */
  reloadFromDisk(options: { useCatalog?: boolean } = {}): void {
    this.requireKeys();
    this.records.clear();
    this.blobs.forgetClaims();
    this.damagedRecords.length = 0;
    this.loadRecords({ useCatalog: options.useCatalog ?? false });
  }

  /** Records found damaged or missing since the wallet was opened, at unlock or by the wallet check (moved to quarantine/ by a writer). */
  get damaged(): readonly DamagedRecord[] {
    return this.damagedRecords;
  }

  get size(): number {
    return this.records.size;
  }

  private requireKeys(): VaultKeys {
    if (!this.keys) throw new VaultError('The wallet is locked.');
    return this.keys;
  }

  private requireWriter(): void {
    if (!this.lock) throw new VaultError('The wallet was opened read-only.');
  }

  private recordName(identity: string): string {
    return keyedName(this.requireKeys().name, `record:${identity}`);
  }

  /** Called before every change: makes any existing catalog stale on disk first (once a session), counts blob claims. */
  private markChanging(): void {
    this.blobs.countClaims();
    this.catalogStale = true;
    this.recordFiles.bumpGenerationOnce();
  }

  private loadRecords(options: { useCatalog?: boolean } = {}): void {
    const { records, damaged, fromFiles } = this.recordFiles.readAll({ useCatalog: options.useCatalog !== false, writable: this.lock !== null });
    for (const [name, record] of records) this.records.set(name, record);
    this.damagedRecords.push(...damaged);
    // Read from the record files: a writer leaves a fresh catalog behind when it locks.
    if (fromFiles) this.catalogStale = true;
  }

  /** The wallet's files and how to authenticate each, for the wallet check (walletCheck.ts). */
  files(): VaultFiles {
    this.requireKeys();
    const { folder, records, recordFiles, blobs, documents, history } = this;
    const forget: VaultFiles['forget'] = (name, damage) => {
      this.requireKeys();
      this.damagedRecords.push(damageNote(recordFiles.file(name), name, damage));
      if (!records.delete(name)) return;
      blobs.forgetClaims();
      if (this.lock) this.markChanging();
    };
    return vaultFiles({ folder, writable: this.lock !== null, records, recordFiles, blobs, documents, history, fetched: this.fetchedDocuments(), forget });
  }

  /** The short id a credential has (or would have) in this wallet. */
  idOf(identity: string): string {
    return this.recordName(identity).slice(0, 12);
  }

  list(): VaultEntry[] {
    this.requireKeys();
    return [...this.records.entries()].map(([name, record]) => entryOf(name, record));
  }

  /**
   * Finds one credential by its short id (or a unique prefix of it, at least 4 characters).
   * Looks at the record names only: the app calls this for every picture and detail it shows,
   * and building every entry of a 10,000-credential wallet each time was the slow part.
   */
  find(id: string): VaultEntry | null {
    this.requireKeys();
    const needle = id.trim().toLowerCase();
    if (needle.length < 4 || needle.length > RecordTable.shortIdLength) return null;
    const candidates = needle.length === RecordTable.shortIdLength ? this.records.namesWithShortId(needle) : [...this.records.keys()].filter((name) => name.startsWith(needle));
    if (candidates.length > 1) throw new VaultError(`More than one credential starts with "${needle}"; give more characters.`);
    const found = candidates[0];
    const record = found === undefined ? undefined : this.records.get(found);
    return found !== undefined && record ? entryOf(found, record) : null;
  }

  /**
   * The credential's picture alone (its one blob), for card thumbnails: a screenful of cards
   * should not read and decrypt each original file too.
   */
  image(id: string): { mediaType: string; bytes: Uint8Array } | null {
    const entry = this.find(id);
    if (!entry) return null;
    const image = entry.credential.image;
    if (typeof image !== 'object' || image === null) return null;
    const { mediaType, bytes } = image as { mediaType?: unknown; bytes?: unknown };
    if (typeof mediaType !== 'string' || !isBlobRef(bytes)) return null;
    return { mediaType, bytes: this.readBlob(bytes.$blob, entry) };
  }

  /** The full credential with its bytes; a damaged blob is named with the credential it belongs to. */
  get(id: string): NormalizedCredential | null {
    const entry = this.find(id);
    if (!entry) return null;
    return fromStored(entry.credential, (address) => this.readBlob(address, entry));
  }

  private readBlob(address: string, owner: VaultEntry): Buffer {
    try {
      return this.blobs.read(address);
    } catch {
      const name = typeof owner.credential.name === 'string' ? owner.credential.name : owner.id;
      throw new VaultError(`Stored data of "${name}" is damaged or missing (${this.blobs.file(address)}).`);
    }
  }

  /** Stores a credential: a new one, a copy already there (no-op), or a changed copy (update) (putCredential.ts). */
  put(credential: NormalizedCredential, now: Date = new Date()): PutOutcome {
    this.requireWriter();
    return putCredential(this.parts(), credential, now);
  }

  /** A credential's earlier versions, newest replaced first; null when there is no such credential. */
  versions(id: string): VersionEntry[] | null {
    const entry = this.find(id);
    return entry ? earlierVersions(this.parts(), entry) : null;
  }

  /** Makes an earlier version current again (versionRestore.ts): refused, changing nothing, when it cannot be. */
  restoreVersion(id: string, versionId: string, now: Date = new Date()): { entry: VaultEntry; keptAs: string } {
    this.requireWriter();
    const entry = this.find(id);
    if (!entry) throw new VaultError(`No credential with ID "${id}" in this wallet.`);
    return restoreVersion(this.parts(), entry, versionId, now);
  }

  private writeRecord(name: string, record: StoredRecord): void {
    this.recordFiles.write(name, record);
    this.records.set(name, record);
  }

  remove(id: string): VaultEntry | null {
    this.requireWriter();
    const entry = this.find(id);
    if (!entry) return null;
    const name = this.recordName(entry.identity);
    this.markChanging();
    this.recordFiles.remove(name);
    this.records.delete(name);
    this.blobs.release(entry.credential);
    // Removing a credential removes its earlier versions too: nothing of it stays behind.
    for (const version of this.history.removeAll(name)) this.blobs.release(version.credential);
    return entry;
  }

  /** A wallet document's bytes (walletDocuments.ts), or null when there is none yet. A damaged one is an error, never silently empty. */
  readDocument(name: WalletDocumentName): Buffer | null {
    this.requireKeys();
    return this.documents.read(name);
  }

  /** Replaces a wallet document crash-safely; null deletes it. */
  writeDocument(name: WalletDocumentName, bytes: Uint8Array | null): void {
    this.requireWriter();
    this.documents.write(name, bytes);
  }
  /** Documents fetched for verification, each a blob of its own, and their index (fetchedDocuments.ts). */
  fetchedDocuments(): FetchedDocuments {
    this.requireKeys();
    return new FetchedDocuments(this.blobs, this.documents, this.lock !== null);
  }

  /** Keeps the latest verification report with the credential (one small record write). */
  setVerification(identity: string, report: unknown): void {
    this.requireWriter();
    const name = this.recordName(identity);
    const record = this.records.get(name);
    if (!record) throw new VaultError('No such credential in this wallet.');
    this.markChanging();
    this.writeRecord(name, { ...record, verification: report });
  }

  /**
   * Corrects the title, issuer or date of a self-reported entry. A signed credential cannot be
   * edited: it says what its issuer signed, and the wallet shows exactly that.
   */
  editSelfReported(id: string, edits: UserEdits): void {
    this.requireWriter();
    const entry = this.find(id);
    if (!entry) throw new VaultError('No such credential in this wallet.');
    const name = this.recordName(entry.identity);
    const record = this.records.get(name);
    if (!record) throw new VaultError('No such credential in this wallet.');
    if (record.credential.selfReported !== true) throw new VaultError('Only a self-reported entry can be edited: a signed credential says what its issuer signed.');
    const clean: Record<string, string> = {};
    for (const [key, value] of Object.entries({ ...record.userEdits, ...edits })) {
      if (typeof value === 'string' && value.trim() !== '') clean[key] = value.trim();
    }
    this.markChanging();
    this.writeRecord(name, { ...record, userEdits: clean, updatedAt: new Date().toISOString() });
  }

  /** Re-wraps only the vault key under a new passphrase; records and blobs are untouched. */
  async changePassphrase(newPassphrase: string, params: ScryptParams = defaultScryptParams): Promise<void> {
    this.requireWriter();
    if (newPassphrase.length === 0) throw new VaultError('The new passphrase must not be empty.');
    const header = await makeHeader(this.requireKeys().vault, newPassphrase, params, this.header);
    writeHeader(this.folder, header);
    this.header = header;
  }

  /** Writes every credential, its earlier versions and the wallet documents to one passphrase-protected backup file (vaultBackup.ts). */
  async exportBackup(file: string, passphrase: string, params: ScryptParams = defaultScryptParams): Promise<{ credentials: number }> {
    this.requireKeys();
    return exportBackup(this.parts(), file, passphrase, params);
  }

  /** Restores a backup into this wallet: nothing here is replaced by an older copy, nothing is duplicated (vaultBackup.ts). */
  async restoreBackup(file: string, passphrase: string): Promise<Record<PutOutcome, number>> {
    this.requireWriter();
    this.requireKeys();
    return restoreBackup(this.parts(), file, passphrase);
  }

  private parts(): WalletParts {
    return {
      walletId: this.header.walletId,
      blobs: this.blobs,
      history: this.history,
      records: () => this.records.entries(),
      record: (name) => this.records.get(name),
      recordName: (identity) => this.recordName(identity),
      writeRecord: (name, record) => {
        this.writeRecord(name, record);
      },
      put: (credential) => this.put(credential),
      fetched: () => this.fetchedDocuments(),
      readDocument: (name) => this.readDocument(name),
      writeDocument: (name, bytes) => {
        this.writeDocument(name, bytes);
      },
      markChanging: () => {
        this.markChanging();
      },
    };
  }

  /** Wipes the keys and releases the writer lock. The object is unusable afterwards. */
  lockWallet(): void {
    if (this.keys && this.lock && this.catalogStale) {
      try {
        this.recordFiles.writeCatalog(this.records.entries());
        this.catalogStale = false;
      } catch {
        // Only a cache: the next unlock reads the record files instead.
      }
    }
    if (this.keys) wipeKeys(this.keys);
    this.keys = null;
    this.records.clear();
    this.blobs.forgetClaims();
    this.lock?.release();
  }
}

// The wallet's public vocabulary, from the modules that define it.
export { titleOf, VaultError, walletDocumentNames, WalletHeaderError };
export type { DamagedRecord, PutOutcome, StoredRecord, UserEdits, VaultEntry, WalletDocumentName };
