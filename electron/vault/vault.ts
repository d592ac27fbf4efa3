import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { NormalizedCredential } from '../../shared/credential/model';
import { removeDurably, syncFolder, writeFileAtomic } from './atomicFile';
import { RecordTable } from './recordTable';
import { blobAddresses, fromStored, isBlobRef, toStored, type StoredCredentialJson } from './storedCredential';
import {
  authenticate,
  constantTimeEqual,
  keyedName,
  open,
  randomKey,
  seal,
  subKey,
  VaultCryptoError,
  wipe,
  defaultScryptParams,
  type ScryptParams,
} from './vaultCrypto';
import {
  keyCheckFor,
  makeHeader,
  readHeader,
  unwrapVaultKey,
  walletExists,
  writeHeader,
  WalletHeaderError,
  WrongPassphraseError,
  type WalletHeader,
} from './walletHeader';
import { WalletBusyError, WriterLock } from './writerLock';
import { moveToQuarantine } from './quarantine';
import type { VaultFiles } from './walletCheck';
import { BackupWriter, readBackup } from './backupFile';
import { VersionHistory, type VersionEntry } from './versionHistory';

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
 *   blobs/<hmac>.blob                 encrypted originals, images and signed texts, deduplicated
 *   records.catalog, records.generation  a sealed snapshot of all records, for fast unlocks
 *   documents/<hmac>.doc              encrypted wallet documents: the organiser, the profile photo
 *   history/<hmac>.<key>.ver          earlier versions of credentials, kept when a newer copy replaced them (versionHistory.ts)
 *   quarantine/                       files that failed authentication, kept for rescue (quarantine.ts)
 *   wallet.lock                       present while a writer (app or CLI) has the wallet open
 */

export class VaultError extends Error {
  override readonly name = 'VaultError';
}

export interface StoredRecord {
  readonly v: 1;
  readonly identity: string;
  readonly contentHash: string;
  readonly addedAt: string;
  readonly updatedAt: string;
  readonly credential: StoredCredentialJson;
  /** The last verification report (JSON of shared/credential/verification), with its date inside. */
  readonly verification?: unknown;
  /** What the owner corrected on a self-reported entry (nothing signed says otherwise). */
  readonly userEdits?: UserEdits;
}

/** The fields of a self-reported certificate a person may correct: what intake guessed from a PDF or a picture. */
export interface UserEdits {
  readonly name?: string;
  readonly issuerName?: string;
  readonly issuedOn?: string;
}

/** The stored credential as shown: a self-reported entry with the owner's corrections applied. */
function withUserEdits(json: StoredCredentialJson, edits: UserEdits | undefined): StoredCredentialJson {
  if (!edits || json.selfReported !== true) return json;
  const issuer = typeof json.issuer === 'object' && json.issuer !== null ? (json.issuer as Record<string, unknown>) : {};
  return {
    ...json,
    ...(edits.name ? { name: edits.name } : {}),
    ...(edits.issuedOn ? { issuedOn: edits.issuedOn } : {}),
    ...(edits.issuerName ? { issuer: { ...issuer, name: edits.issuerName } } : {}),
  };
}

function entryOf(name: string, record: StoredRecord): VaultEntry {
  return {
    id: name.slice(0, 12),
    identity: record.identity,
    contentHash: record.contentHash,
    addedAt: record.addedAt,
    updatedAt: record.updatedAt,
    credential: withUserEdits(record.credential, record.userEdits),
    ...(record.verification === undefined ? {} : { verification: record.verification }),
  };
}

/** What a list shows: everything but the bytes. */
export interface VaultEntry {
  /** Short id used by the CLI and the app: stable, reveals nothing. */
  readonly id: string;
  readonly identity: string;
  /** SHA-256 of the credential's content: the same hash under the same identity is the same credential. */
  readonly contentHash: string;
  readonly addedAt: string;
  readonly updatedAt: string;
  readonly credential: StoredCredentialJson;
  readonly verification?: unknown;
}

export interface DamagedRecord {
  readonly id: string;
  readonly file: string;
  readonly reason: string;
  readonly problem: 'damaged' | 'unreadable' | 'missing';
  /** The credential's name, from the catalog's copy of the record, when it has one. */
  readonly name?: string;
  /** Where the file went (relative to the wallet folder); absent when opened read-only. */
  readonly quarantinedAs?: string;
}

export type PutOutcome = 'added' | 'already-there' | 'updated';

/**
 * Wallet documents: small personal files kept encrypted beside the credentials. The organiser
 * (collections, pathways, export log), the profile photo, documents fetched for verification,
 * the holder's signing key (it signs the presentations of exported portfolios), the issuer
 * registries the user added or refreshed. Together they say what a person applied for and where:
 * as private as the credentials themselves.
 */
export const walletDocumentNames = ['organiser', 'profile-photo', 'fetch-cache', 'holder-key', 'issuer-registries'] as const;
export type WalletDocumentName = (typeof walletDocumentNames)[number];
const maxDocumentBytes = 8 * 1024 * 1024;

const recordPattern = /^([0-9a-f]{64})\.rec$/;

interface Keys {
  readonly vault: Buffer;
  readonly record: Buffer;
  readonly blob: Buffer;
  readonly name: Buffer;
  readonly document: Buffer;
  readonly history: Buffer;
}

function deriveKeys(vaultKey: Buffer): Keys {
  return {
    vault: vaultKey,
    record: subKey(vaultKey, 'record'),
    blob: subKey(vaultKey, 'blob'),
    name: subKey(vaultKey, 'name'),
    document: subKey(vaultKey, 'document'),
    history: subKey(vaultKey, 'history'),
  };
}

export class Vault {
  private keys: Keys | null;
  private readonly records = new RecordTable<StoredRecord>();
  /** The catalog must be rewritten when this writer locks (it changed records, or found it stale). */
  private catalogStale = false;
  /** Set once this session has marked the catalog out of date on disk. */
  private generationBumped = false;

  /** How many records use each blob; counted on the first change, since reading never needs it. */
  private blobUseCounted: Map<string, number> | null = null;
  private readonly damagedRecords: DamagedRecord[] = [];
  /** Earlier versions of the credentials (versionHistory.ts); their blobs are counted with the records'. */
  private readonly history: VersionHistory;

  private constructor(
    readonly folder: string,
    private header: WalletHeader,
    vaultKey: Buffer,
    private readonly lock: WriterLock | null,
  ) {
    this.keys = deriveKeys(vaultKey);
    this.history = new VersionHistory(folder, () => this.requireKeys(), asStoredRecord);
  }

  static exists(folder: string): boolean {
    return walletExists(folder);
  }

  /** Creates a new, empty wallet in `folder` (which must not already hold one). */
  static async create(folder: string, passphrase: string, params: ScryptParams = defaultScryptParams): Promise<Vault> {
    if (walletExists(folder)) throw new VaultError(`There is already a wallet in ${folder}.`);
    if (passphrase.length === 0) throw new VaultError('The passphrase must not be empty.');
    mkdirSync(path.join(folder, 'records'), { recursive: true, mode: 0o700 });
    mkdirSync(path.join(folder, 'blobs'), { recursive: true, mode: 0o700 });
    const lock = WriterLock.acquire(folder);
    try {
      const vaultKey = randomKey();
      const header = await makeHeader(vaultKey, passphrase, params);
      writeHeader(folder, header);
      return new Vault(folder, header, vaultKey, lock);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /**
   * Opens a wallet with its vault key itself (remembered on this device by the OS keychain),
   * after checking the key against the header. Same options as `unlock`.
   */
  static unlockWithKey(folder: string, vaultKey: Uint8Array, options: { write?: boolean | 'if-free' } = {}): Vault {
    if (!walletExists(folder)) throw new VaultError(`There is no wallet in ${folder}.`);
    const { header } = readHeader(folder);
    const expected = Buffer.from(keyCheckFor(vaultKey, header.walletId), 'hex');
    if (!constantTimeEqual(expected, Buffer.from(header.keyCheck, 'hex'))) throw new WrongPassphraseError();
    const lock = writerLockFor(folder, options.write);
    const vault = new Vault(folder, header, Buffer.from(vaultKey), lock);
    try {
      vault.loadRecords();
    } catch (error) {
      vault.lockWallet();
      throw error;
    }
    return vault;
  }

  /** The vault key, for the OS keychain to keep ("remember on this device"). A copy. */
  exportVaultKey(): Buffer {
    return Buffer.from(this.requireKeys().vault);
  }

  /**
   * Opens a wallet. `write: true` takes the single-writer lock (imports, removals, passphrase
   * changes); reading needs no lock, since every file is replaced atomically. `'if-free'`
   * takes the lock when no other Badgefolio holds it, else opens read-only (the wallet check's way).
   */
  static async unlock(
    folder: string,
    passphrase: string,
    options: { write?: boolean | 'if-free'; onPhase?: (phase: 'key-derived' | 'records-read', elapsedMs: number) => void } = {},
  ): Promise<Vault> {
    if (!walletExists(folder)) throw new VaultError(`There is no wallet in ${folder}. Create one with "badgefolio init".`);
    const started = performance.now();
    const { header, repaired } = readHeader(folder);
    const vaultKey = await unwrapVaultKey(header, passphrase);
    // Progress for the unlock screen ("Opening your wallet…"), and the benchmark's split.
    options.onPhase?.('key-derived', performance.now() - started);
    const lock = writerLockFor(folder, options.write);
    const vault = new Vault(folder, header, vaultKey, lock);
    try {
      if (lock) {
        // The header copy is only for rescue: bring a damaged or stale one up to date.
        if (repaired || !sameFile(path.join(folder, 'wallet.json'), path.join(folder, 'wallet.backup.json'))) writeHeader(folder, header);
        vault.removeLeftoverTemporaries();
      }
      const reading = performance.now();
      vault.loadRecords();
      options.onPhase?.('records-read', performance.now() - reading);
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
    this.blobUseCounted = null;
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

  private requireKeys(): Keys {
    if (!this.keys) throw new VaultError('The wallet is locked.');
    return this.keys;
  }

  private requireWriter(): void {
    if (!this.lock) throw new VaultError('The wallet was opened read-only.');
  }

  private recordName(identity: string): string {
    return keyedName(this.requireKeys().name, `record:${identity}`);
  }

  private blobPath(address: string): string {
    return path.join(this.folder, this.blobFile(address));
  }

  /** Relative to the wallet folder. */
  private blobFile(address: string): string {
    // One flat folder: a single folder fsync makes a whole write's blobs durable (modern
    // file systems index large folders, so 20,000 entries cost nothing to look up).
    return `blobs${path.sep}${keyedName(this.requireKeys().name, `blob:${address}`)}.blob`;
  }

  /**
   * Fast path: the catalog is a sealed snapshot of every record, valid only while its
   * generation equals `records.generation`. Every writer bumps the generation before its
   * first change (so a crash leaves the catalog visibly stale) and writes a fresh catalog
   * when it locks. A catalog that is stale, missing or fails authentication is ignored: the
   * record files are always the truth, the catalog only saves reading them one by one.
   */
  private loadCatalog(): boolean {
    let generation: string;
    try {
      generation = readFileSync(path.join(this.folder, 'records.generation'), 'utf8').trim();
    } catch {
      return false;
    }
    const catalog = this.readCatalog();
    if (catalog?.generation !== generation) return false;
    for (const [name, record] of catalog.records) this.records.set(name, record);
    return true;
  }

  /** The sealed catalog, stale or not; null when it is missing, damaged or holds a record of an unknown kind. */
  private readCatalog(): { generation: unknown; records: [string, StoredRecord][] } | null {
    try {
      const sealed = readFileSync(path.join(this.folder, 'records.catalog'));
      const catalog = JSON.parse(open(subKey(this.requireKeys().vault, 'catalog'), sealed, Buffer.from('catalog')).toString('utf8')) as {
        generation?: unknown;
        records?: unknown;
      };
      if (typeof catalog.records !== 'object' || catalog.records === null) return null;
      const records: [string, StoredRecord][] = [];
      for (const [name, value] of Object.entries(catalog.records)) {
        const record = asStoredRecord(value);
        if (!record) return null;
        records.push([name, record]);
      }
      return { generation: catalog.generation, records };
    } catch {
      return null;
    }
  }

  private currentGeneration(): string {
    try {
      return readFileSync(path.join(this.folder, 'records.generation'), 'utf8').trim();
    } catch {
      return '0';
    }
  }

  /** Called before the first change of a session: makes any existing catalog stale on disk first. */
  private markChanging(): void {
    this.countBlobUse();
    this.catalogStale = true;
    if (this.generationBumped) return;
    const next = String(Number(this.currentGeneration()) + 1);
    writeFileAtomic(path.join(this.folder, 'records.generation'), Buffer.from(next));
    this.generationBumped = true;
  }

  private writeCatalog(): void {
    const keys = this.requireKeys();
    const generation = this.currentGeneration();
    const body = JSON.stringify({ generation, records: Object.fromEntries(this.records) });
    writeFileAtomic(path.join(this.folder, 'records.catalog'), seal(subKey(keys.vault, 'catalog'), Buffer.from(body), Buffer.from('catalog')));
    this.catalogStale = false;
  }

  private loadRecords(options: { useCatalog?: boolean } = {}): void {
    if (options.useCatalog !== false && this.loadCatalog()) return;
    // Read every record file; a writer will leave a fresh catalog behind when it locks.
    this.catalogStale = true;
    const keys = this.requireKeys();
    const damaged: { name: string; problem: DamagedRecord['problem'] }[] = [];
    for (const name of this.recordFileNames()) {
      try {
        const record = this.openRecord(keys, name, readFileSync(path.join(this.folder, 'records', `${name}.rec`)));
        if (record) this.records.set(name, record);
        else damaged.push({ name, problem: 'unreadable' });
      } catch (error) {
        // A file another Badgefolio removed since the folder was listed is not damage.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') damaged.push({ name, problem: error instanceof VaultCryptoError ? 'damaged' : 'unreadable' });
      }
    }
    // SECURITY/RESCUE: a damaged record is set aside, never silently dropped; the catalog, stale or not, may still name it.
    const titles = new Map(damaged.length > 0 ? (this.readCatalog()?.records ?? []).map(([name, record]) => [name, titleOf(record)]) : []);
    for (const { name, problem } of damaged) {
      const quarantinedAs = this.lock ? moveToQuarantine(this.folder, path.join('records', `${name}.rec`)) : null;
      this.noteDamage(name, { problem, name: titles.get(name), quarantinedAs });
    }
  }

  private noteDamage(name: string, damage: { problem: DamagedRecord['problem']; name: string | undefined; quarantinedAs: string | null }): void {
    const reasons = { damaged: 'it was changed or damaged on disk', unreadable: 'its content is unreadable', missing: 'its file is missing' };
    this.damagedRecords.push({
      id: name.slice(0, 12),
      file: path.join('records', `${name}.rec`),
      problem: damage.problem,
      reason: reasons[damage.problem],
      ...(damage.name === undefined ? {} : { name: damage.name }),
      ...(damage.quarantinedAs === null ? {} : { quarantinedAs: damage.quarantinedAs }),
    });
  }

  private recordFileNames(): string[] {
    const folder = path.join(this.folder, 'records');
    const names: string[] = [];
    for (const file of existsSync(folder) ? readdirSync(folder) : []) {
      const match = recordPattern.exec(file);
      if (match?.[1]) names.push(match[1]);
    }
    return names;
  }

  /** A record file's content: throws VaultCryptoError when it does not authenticate, null when it holds no record we know. */
  private openRecord(keys: Keys, name: string, sealed: Buffer): StoredRecord | null {
    const plain = open(keys.record, sealed, Buffer.from(`record:${name}`));
    try {
      return asStoredRecord(JSON.parse(plain.toString('utf8')));
    } catch {
      return null;
    }
  }

  /** The wallet's files and how to authenticate each, for the wallet check (walletCheck.ts). */
  files(): VaultFiles {
    this.requireKeys();
    return {
      folder: this.folder,
      writable: this.lock !== null,
      records: this.records,
      recordFileNames: () => {
        this.requireKeys();
        return this.recordFileNames();
      },
      openRecord: (name, sealed) => this.openRecord(this.requireKeys(), name, sealed),
      authenticateRecord: (name, sealed) => {
        authenticate(this.requireKeys().record, sealed, Buffer.from(`record:${name}`));
      },
      blobFile: (address) => this.blobFile(address),
      authenticateBlob: (address, sealed) => {
        authenticate(this.requireKeys().blob, sealed, Buffer.from(`blob:${address}`));
      },
      documentFiles: () => walletDocumentNames.map((name) => ({ name, file: this.documentFile(name) })),
      authenticateDocument: (name, sealed) => {
        authenticate(this.requireKeys().document, sealed, Buffer.from(`document:${name}`));
      },
      versionFiles: () => this.history.files(),
      openVersion: (file, sealed) => this.history.openFile(file, sealed)?.record ?? null,
      forget: (name, damage) => {
        this.requireKeys();
        this.noteDamage(name, damage);
        if (!this.records.delete(name)) return;
        this.blobUseCounted = null;
        if (this.lock) this.markChanging();
      },
    };
  }

  private removeLeftoverTemporaries(): void {
    for (const sub of ['records', '.']) {
      const folder = path.join(this.folder, sub);
      for (const file of readdirSync(folder)) if (file.endsWith('.tmp') && file.startsWith('.')) unlinkSync(path.join(folder, file));
    }
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
    if (needle.length < 4) return null;
    const found = this.findName(needle);
    const record = found === null ? undefined : this.records.get(found);
    return found !== null && record ? entryOf(found, record) : null;
  }

  private findName(needle: string): string | null {
    if (needle.length > RecordTable.shortIdLength) return null;
    const candidates =
      needle.length === RecordTable.shortIdLength ? this.records.namesWithShortId(needle) : [...this.records.keys()].filter((name) => name.startsWith(needle));
    if (candidates.length > 1) throw new VaultError(`More than one credential starts with "${needle}"; give more characters.`);
    return candidates[0] ?? null;
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
    const keys = this.requireKeys();
    const file = this.blobPath(address);
    try {
      return open(keys.blob, readFileSync(file), Buffer.from(`blob:${address}`));
    } catch {
      const name = typeof owner.credential.name === 'string' ? owner.credential.name : owner.id;
      throw new VaultError(`Stored data of "${name}" is damaged or missing (${path.relative(this.folder, file)}).`);
    }
  }

  /** Stores a credential: a new one, a copy already there (no-op), or a changed copy (update). */
  put(credential: NormalizedCredential, now: Date = new Date()): PutOutcome {
    this.requireWriter();
    const name = this.recordName(credential.identity);
    const existing = this.records.get(name);
    if (existing?.contentHash === credential.contentHash) {
      // The same credential: its stored files come back if they went missing (set aside by the wallet check, say).
      this.writeMissingBlobs(existing.credential, credential);
      return 'already-there';
    }
    // An older copy of a credential we hold (re-downloaded from an old e-mail, say) never
    // replaces the newer one.
    if (existing && isOlder(credential, existing.credential)) return 'already-there';

    this.markChanging();
    const { json, blobs } = toStored(credential);
    this.writeBlobs(blobs);

    const timestamp = now.toISOString();
    // The version replaced goes into the credential's history before the record changes: a
    // crash in between leaves both, never neither. Its blob claims move with it.
    const kept = existing ? this.history.keep(name, existing, timestamp) : null;
    const record: StoredRecord = {
      v: 1,
      identity: credential.identity,
      contentHash: credential.contentHash,
      addedAt: existing?.addedAt ?? timestamp,
      updatedAt: timestamp,
      credential: json,
      ...(existing?.userEdits ? { userEdits: existing.userEdits } : {}),
    };
    this.writeRecord(name, record);
    this.adjustBlobUse(json, 1);
    if (kept?.overwritten) this.releaseBlobs(kept.overwritten.credential);
    const returned = this.history.discard(name, credential.contentHash);
    if (returned) this.releaseBlobs(returned.credential);
    for (const dropped of this.history.trim(name)) this.releaseBlobs(dropped.credential);
    return existing ? 'updated' : 'added';
  }

  /** Writes the blobs not stored yet; durable before the record (or version) that refers to them. */
  private writeBlobs(blobs: ReadonlyMap<string, Uint8Array>): void {
    const keys = this.requireKeys();
    let wroteBlobs = false;
    for (const [address, bytes] of blobs) {
      const file = this.blobPath(address);
      if (existsSync(file)) continue;
      writeFileAtomic(file, seal(keys.blob, bytes, Buffer.from(`blob:${address}`)), { syncFolder: false });
      wroteBlobs = true;
    }
    if (wroteBlobs) syncFolder(path.join(this.folder, 'blobs'));
  }

  /** A credential's earlier versions, newest replaced first; null when there is no such credential. */
  versions(id: string): VersionEntry[] | null {
    const entry = this.find(id);
    if (!entry) return null;
    // A version with the current content is a leftover of an interrupted change, not an earlier version.
    return this.history.entries(this.recordName(entry.identity)).filter((version) => !version.readable || version.record.contentHash !== entry.contentHash);
  }

  /**
   * Makes an earlier version current again; the version it replaces goes into the history (so
   * a restore is itself undone the same way). Refuses, changing nothing, a version that is
   * not there, is damaged, or whose stored files are.
   */
  restoreVersion(id: string, versionId: string, now: Date = new Date()): { entry: VaultEntry; keptAs: string } {
    this.requireWriter();
    const entry = this.find(id);
    if (!entry) throw new VaultError(`No credential with ID "${id}" in this wallet.`);
    const name = this.recordName(entry.identity);
    const current = this.records.get(name);
    if (!current) throw new VaultError(`No credential with ID "${id}" in this wallet.`);
    const title = titleOf(current) ?? entry.id;
    const found = this.history.lookUp(name, versionId);
    if (found === 'ambiguous') throw new VaultError(`More than one earlier version of "${title}" starts with "${versionId}"; give more characters.`);
    if (found === 'none' || (found.readable && found.record.contentHash === current.contentHash)) {
      throw new VaultError(`"${title}" has no earlier version "${versionId}" (see its history).`);
    }
    if (!found.readable) {
      throw new VaultError(`The earlier version ${found.versionId} of "${title}" is ${found.problem === 'damaged' ? 'damaged' : 'unreadable'} and cannot be restored. The wallet check sets it aside for rescue.`);
    }
    // Every stored file of the version must read back before anything changes.
    for (const address of blobAddresses(found.record.credential)) {
      try {
        this.readBlob(address, entry);
      } catch {
        throw new VaultError(`The earlier version ${found.versionId} of "${title}" cannot be restored: a file stored with it is damaged or missing (${this.blobFile(address)}).`);
      }
    }
    this.markChanging();
    const timestamp = now.toISOString();
    // Kept before the record changes and the version is removed: a crash leaves both versions, never neither.
    const kept = this.history.keep(name, current, timestamp);
    this.writeRecord(name, { ...found.record, addedAt: current.addedAt, updatedAt: timestamp });
    this.history.remove(found.file);
    // The two versions traded places, and their blob claims with them.
    if (kept.overwritten) this.releaseBlobs(kept.overwritten.credential);
    const restored = this.records.get(name);
    if (!restored) throw new VaultError(`No credential with ID "${id}" in this wallet.`);
    return { entry: entryOf(name, restored), keptAs: kept.versionId };
  }

  private writeMissingBlobs(stored: StoredCredentialJson, credential: NormalizedCredential): void {
    const missing = [...blobAddresses(stored)].filter((address) => !existsSync(this.blobPath(address)));
    if (missing.length === 0) return;
    const { blobs } = toStored(credential);
    for (const address of missing) {
      const bytes = blobs.get(address);
      if (bytes) writeFileAtomic(this.blobPath(address), seal(this.requireKeys().blob, bytes, Buffer.from(`blob:${address}`)), { syncFolder: false });
    }
    syncFolder(path.join(this.folder, 'blobs'));
  }

  private writeRecord(name: string, record: StoredRecord): void {
    const keys = this.requireKeys();
    const sealed = seal(keys.record, Buffer.from(JSON.stringify(record)), Buffer.from(`record:${name}`));
    writeFileAtomic(path.join(this.folder, 'records', `${name}.rec`), sealed);
    this.records.set(name, record);
  }

  private countBlobUse(): Map<string, number> {
    return this.blobUse;
  }

  private get blobUse(): Map<string, number> {
    if (!this.blobUseCounted) {
      const counts = new Map<string, number>();
      for (const record of this.records.values()) {
        for (const address of blobAddresses(record.credential)) counts.set(address, (counts.get(address) ?? 0) + 1);
      }
      // An earlier version keeps its original file and pictures as long as it is kept.
      for (const version of this.history.allKept()) {
        for (const address of blobAddresses(version.record.credential)) counts.set(address, (counts.get(address) ?? 0) + 1);
      }
      this.blobUseCounted = counts;
    }
    return this.blobUseCounted;
  }

  private adjustBlobUse(json: StoredCredentialJson, delta: number): void {
    for (const address of blobAddresses(json)) this.blobUse.set(address, (this.blobUse.get(address) ?? 0) + delta);
  }

  /** Drops a record's claim on its blobs and deletes the blobs nobody else uses. */
  private releaseBlobs(json: StoredCredentialJson): void {
    for (const address of blobAddresses(json)) {
      const left = (this.blobUse.get(address) ?? 1) - 1;
      if (left > 0) {
        this.blobUse.set(address, left);
        continue;
      }
      this.blobUse.delete(address);
      removeDurably(this.blobPath(address));
    }
  }

  remove(id: string): VaultEntry | null {
    this.requireWriter();
    const entry = this.find(id);
    if (!entry) return null;
    const name = this.recordName(entry.identity);
    this.markChanging();
    removeDurably(path.join(this.folder, 'records', `${name}.rec`));
    this.records.delete(name);
    this.releaseBlobs(entry.credential);
    // Removing a credential removes its earlier versions too: nothing of it stays behind.
    for (const version of this.history.removeAll(name)) this.releaseBlobs(version.credential);
    return entry;
  }

  private documentPath(name: WalletDocumentName): string {
    return path.join(this.folder, this.documentFile(name));
  }

  /** Relative to the wallet folder. */
  private documentFile(name: WalletDocumentName): string {
    return path.join('documents', `${keyedName(this.requireKeys().name, `document:${name}`)}.doc`);
  }

  /** A wallet document's bytes, or null when there is none yet. A damaged one is an error, never silently empty. */
  readDocument(name: WalletDocumentName): Buffer | null {
    const keys = this.requireKeys();
    let sealed: Buffer;
    try {
      sealed = readFileSync(this.documentPath(name));
    } catch {
      return null;
    }
    try {
      return open(keys.document, sealed, Buffer.from(`document:${name}`));
    } catch {
      throw new VaultError(`The wallet's ${name} file is damaged.`);
    }
  }

  /** Replaces a wallet document crash-safely; null deletes it. */
  writeDocument(name: WalletDocumentName, bytes: Uint8Array | null): void {
    this.requireWriter();
    const keys = this.requireKeys();
    const file = this.documentPath(name);
    if (bytes === null) {
      if (existsSync(file)) removeDurably(file);
      return;
    }
    if (bytes.length > maxDocumentBytes) throw new VaultError(`The ${name} is too large to keep (at most 8 MB).`);
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileAtomic(file, seal(keys.document, bytes, Buffer.from(`document:${name}`)));
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

  /** Writes every credential and its blobs to one passphrase-protected backup file. */
  async exportBackup(file: string, passphrase: string, params: ScryptParams = defaultScryptParams): Promise<{ credentials: number }> {
    const keys = this.requireKeys();
    const writer = await BackupWriter.create(file, passphrase, this.header.walletId, params);
    try {
      const written = new Set<string>();
      for (const [name, record] of this.records) {
        for (const address of blobAddresses(record.credential)) {
          if (written.has(address)) continue;
          writer.blob(address, open(keys.blob, readFileSync(this.blobPath(address)), Buffer.from(`blob:${address}`)));
          written.add(address);
        }
        writer.record(record);
        // Its earlier versions follow it. One that no longer reads (the wallet check names it)
        // cannot be restored from a backup either, and must not keep the rest from being saved.
        for (const version of this.history.entries(name)) {
          if (!version.readable) continue;
          const blobs = new Map<string, Buffer>();
          try {
            for (const address of blobAddresses(version.record.credential)) {
              if (!written.has(address)) blobs.set(address, open(keys.blob, readFileSync(this.blobPath(address)), Buffer.from(`blob:${address}`)));
            }
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
        const bytes = this.readDocument(name);
        if (bytes) writer.document(name, bytes);
      }
      writer.finish();
    } catch (error) {
      writer.abort();
      throw error;
    }
    return { credentials: this.records.size };
  }

  /**
   * Restores a backup into this wallet. Credentials already here are left alone, changed
   * copies update, new ones are added: restoring twice never creates duplicates. A wallet
   * document (organiser, photo) is restored only where this wallet has none of its own.
   */
  async restoreBackup(file: string, passphrase: string): Promise<Record<PutOutcome, number>> {
    this.requireWriter();
    const keys = this.requireKeys();
    const counts: Record<PutOutcome, number> = { added: 0, 'already-there': 0, updated: 0 };
    const arrived = new Map<string, Buffer>();
    for await (const item of readBackup(file, passphrase)) {
      if (item.kind === 'blob') {
        arrived.set(item.address, item.bytes);
        continue;
      }
      if (item.kind === 'document') {
        const name = walletDocumentNames.find((known) => known === item.name);
        if (name && this.readDocument(name) === null) this.writeDocument(name, item.bytes);
        continue;
      }
      if (item.kind === 'version') {
        this.restoreKeptVersion(item.json, arrived);
        continue;
      }
      const record = asStoredRecord(item.json);
      if (!record) throw new VaultError('The backup holds a record of an unknown kind.');
      const credential = fromStored(record.credential, (address) => {
        const bytes = arrived.get(address);
        if (bytes) return bytes;
        return open(keys.blob, readFileSync(this.blobPath(address)), Buffer.from(`blob:${address}`));
      });
      counts[this.put(credential)]++;
      // A self-reported entry's corrections come back with it, unless this wallet has its own.
      if (record.userEdits && record.credential.selfReported === true) {
        const name = this.recordName(record.identity);
        const current = this.records.get(name);
        if (current && !current.userEdits) this.writeRecord(name, { ...current, userEdits: record.userEdits });
      }
      // Blobs are written by put(); drop the ones this record used to keep memory flat.
      for (const address of blobAddresses(record.credential)) arrived.delete(address);
    }
    return counts;
  }

  /**
   * An earlier version from a backup joins its credential's history here (after the backup's
   * record of the credential, which wrote or updated it): unless it is the current version,
   * and once only (the same content is one version).
   */
  private restoreKeptVersion(json: unknown, arrived: Map<string, Buffer>): void {
    const { replacedAt, record: raw } = (typeof json === 'object' && json !== null ? json : {}) as { replacedAt?: unknown; record?: unknown };
    const record = asStoredRecord(raw);
    if (!record || typeof replacedAt !== 'string') throw new VaultError('The backup holds an earlier version of an unknown kind.');
    const name = this.recordName(record.identity);
    if (this.records.get(name)?.contentHash === record.contentHash) {
      for (const address of blobAddresses(record.credential)) if (existsSync(this.blobPath(address))) arrived.delete(address);
      return;
    }
    const blobs = new Map<string, Uint8Array>();
    for (const address of blobAddresses(record.credential)) {
      const bytes = arrived.get(address);
      if (bytes) blobs.set(address, bytes);
      else if (!existsSync(this.blobPath(address))) throw new VaultError(`The backup lacks a file stored with an earlier version of "${titleOf(record) ?? record.identity}".`);
    }
    this.markChanging();
    this.writeBlobs(blobs);
    const kept = this.history.keep(name, record, replacedAt);
    this.adjustBlobUse(record.credential, 1);
    if (kept.overwritten) this.releaseBlobs(kept.overwritten.credential);
    for (const dropped of this.history.trim(name)) this.releaseBlobs(dropped.credential);
    for (const address of blobs.keys()) arrived.delete(address);
  }

  /** Wipes the keys and releases the writer lock. The object is unusable afterwards. */
  lockWallet(): void {
    if (this.keys && this.lock && this.catalogStale) {
      try {
        this.writeCatalog();
      } catch {
        // Only a cache: the next unlock reads the record files instead.
      }
    }
    if (this.keys) wipe(this.keys.vault, this.keys.record, this.keys.blob, this.keys.name, this.keys.document, this.keys.history);
    this.keys = null;
    this.records.clear();
    this.blobUseCounted = null;
    this.lock?.release();
  }
}

function writerLockFor(folder: string, write: boolean | 'if-free' | undefined): WriterLock | null {
  if (write === 'if-free') {
    try {
      return WriterLock.acquire(folder);
    } catch (error) {
      if (error instanceof WalletBusyError) return null;
      throw error;
    }
  }
  return write ? WriterLock.acquire(folder) : null;
}

/** The name a credential is shown by: a self-reported entry's correction, else its own. */
export function titleOf(record: StoredRecord): string | undefined {
  const name = withUserEdits(record.credential, record.userEdits).name;
  return typeof name === 'string' ? name : undefined;
}

/** A record read back from disk or a backup: its shape checked before it is trusted. */
function asStoredRecord(value: unknown): StoredRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Partial<StoredRecord>;
  const valid =
    record.v === 1 &&
    typeof record.identity === 'string' &&
    typeof record.contentHash === 'string' &&
    typeof record.addedAt === 'string' &&
    typeof record.updatedAt === 'string' &&
    typeof record.credential === 'object';
  return valid ? (record as StoredRecord) : null;
}

function issueDate(value: { issuedOn?: unknown; validFrom?: unknown }): number {
  const date = typeof value.issuedOn === 'string' ? value.issuedOn : typeof value.validFrom === 'string' ? value.validFrom : '';
  const time = Date.parse(date);
  return Number.isNaN(time) ? Number.NaN : time;
}

function isOlder(incoming: NormalizedCredential, stored: StoredCredentialJson): boolean {
  const a = issueDate(incoming);
  const b = issueDate(stored);
  return !Number.isNaN(a) && !Number.isNaN(b) && a < b;
}

function sameFile(a: string, b: string): boolean {
  try {
    return statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}

export { WalletHeaderError };
