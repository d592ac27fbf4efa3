import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { removeDurably, syncFolder, writeFileAtomic } from './atomicFile';
import type { StoredRecord } from './vault';
import { keyedName, open, seal, VaultCryptoError } from './vaultCrypto';

/**
 * A credential's history: the versions a newer copy replaced, kept so that an import never
 * loses what the wallet held (issue #16 §4). Each earlier version is one file,
 * `history/<record name>.<version key>.ver`, sealed with its own sub-key and bound by
 * associated data to its file name, like records: a version cannot be moved to another
 * credential or swapped for another version. It holds the whole record as it was (normalised
 * credential with its blob references, stored verification, corrections) and the date it was
 * replaced; its blobs stay in blobs/, counted by the vault like a record's, so a picture or
 * original file stays as long as any version needs it.
 *
 * The version key is keyed on the credential and the version's content hash: the same content
 * under the same credential is one file (a version kept twice is kept once) and its short id
 * stays the same when it moves back into the history after a restore. The key reveals nothing
 * without the wallet's name key.
 *
 * The vault (vault.ts) decides when versions are kept, restored and dropped, and keeps the blob
 * counts; this module only reads and writes the files.
 */

/**
 * Versions kept per credential. Each version keeps its own original file and pictures alive
 * (a scanned certificate or baked badge can be megabytes), and a script or a mail folder that
 * imports reissued copies again and again must not grow the wallet without end. Ten covers any
 * real sequence of reissues and corrections; beyond it the oldest version goes.
 */
export const maxVersionsPerCredential = 10;

/** The user's handle on a version: the first characters of its version key (as wallet ids are of record names). */
export const versionIdLength = 12;

export interface KeptVersion {
  readonly readable: true;
  readonly versionId: string;
  /** Relative to the wallet folder. */
  readonly file: string;
  /** When it stopped being the current version (ISO 8601). */
  readonly replacedAt: string;
  readonly record: StoredRecord;
}

/** A version file that does not open: it can be neither shown nor restored; the wallet check sets it aside. */
export interface UnreadableVersion {
  readonly readable: false;
  readonly versionId: string;
  readonly file: string;
  readonly problem: 'damaged' | 'unreadable';
}

export type VersionEntry = KeptVersion | UnreadableVersion;

/** A version file found in history/, by the credential (record name) it belongs to. */
export interface VersionFile {
  readonly recordName: string;
  readonly versionKey: string;
  /** Relative to the wallet folder. */
  readonly file: string;
}

interface HistoryKeys {
  /** Seals the version files. */
  readonly history: Buffer;
  /** Keys the file names. */
  readonly name: Buffer;
}

const versionPattern = /^([0-9a-f]{64})\.([0-9a-f]{32})\.ver$/;

/** Newest replaced first; unreadable ones last (they have no date to sort by). */
function newestFirst(a: VersionEntry, b: VersionEntry): number {
  if (a.readable && b.readable) return b.replacedAt.localeCompare(a.replacedAt) || a.versionId.localeCompare(b.versionId);
  return a.readable ? -1 : b.readable ? 1 : a.versionId.localeCompare(b.versionId);
}

export class VersionHistory {
  /**
   * @param keys the open wallet's keys (throws when it is locked)
   * @param asRecord the vault's shape check for a record read back from disk
   */
  constructor(
    private readonly folder: string,
    private readonly keys: () => HistoryKeys,
    private readonly asRecord: (value: unknown) => StoredRecord | null,
  ) {}

  /** Where the version of this content of this credential is (or would be) kept. */
  private located(recordName: string, contentHash: string): VersionFile {
    const versionKey = keyedName(this.keys().name, `version:${recordName}:${contentHash}`).slice(0, 32);
    return { recordName, versionKey, file: VersionHistory.fileOf(recordName, versionKey) };
  }

  private static fileOf(recordName: string, versionKey: string): string {
    return path.join('history', `${recordName}.${versionKey}.ver`);
  }

  private static associatedData(file: string): Buffer {
    return Buffer.from(`version:${path.basename(file, '.ver')}`);
  }

  /** Every version file in the wallet, or only those of one credential. */
  files(recordName?: string): VersionFile[] {
    const folder = path.join(this.folder, 'history');
    // Most wallets have no history: a cheap look first (the wallet check asks on every run).
    if (!existsSync(folder)) return [];
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return [];
    }
    const found: VersionFile[] = [];
    for (const name of names) {
      const match = versionPattern.exec(name);
      if (!match?.[1] || !match[2] || (recordName !== undefined && match[1] !== recordName)) continue;
      found.push({ recordName: match[1], versionKey: match[2], file: VersionHistory.fileOf(match[1], match[2]) });
    }
    return found;
  }

  /** A version file's content: throws VaultCryptoError when it does not authenticate, null when it holds no version we know. */
  openFile(file: string, sealed: Buffer): { replacedAt: string; record: StoredRecord } | null {
    const plain = open(this.keys().history, sealed, VersionHistory.associatedData(file));
    try {
      const value = JSON.parse(plain.toString('utf8')) as { v?: unknown; replacedAt?: unknown; record?: unknown };
      const record = this.asRecord(value.record);
      return value.v === 1 && typeof value.replacedAt === 'string' && record ? { replacedAt: value.replacedAt, record } : null;
    } catch {
      return null;
    }
  }

  private read(found: VersionFile): VersionEntry | null {
    const versionId = found.versionKey.slice(0, versionIdLength);
    let sealed: Buffer;
    try {
      sealed = readFileSync(path.join(this.folder, found.file));
    } catch (error) {
      // Removed since the folder was listed (another step of this session): not damage.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return { readable: false, versionId, file: found.file, problem: 'unreadable' };
    }
    try {
      const opened = this.openFile(found.file, sealed);
      if (!opened) return { readable: false, versionId, file: found.file, problem: 'unreadable' };
      return { readable: true, versionId, file: found.file, replacedAt: opened.replacedAt, record: opened.record };
    } catch (error) {
      if (!(error instanceof VaultCryptoError)) throw error;
      return { readable: false, versionId, file: found.file, problem: 'damaged' };
    }
  }

  /** One credential's earlier versions, newest replaced first. */
  entries(recordName: string): VersionEntry[] {
    return this.files(recordName)
      .map((found) => this.read(found))
      .filter((entry): entry is VersionEntry => entry !== null)
      .sort(newestFirst);
  }

  /** Every readable version in the wallet: the vault counts the blobs they use. */
  *allKept(): Generator<KeptVersion> {
    for (const found of this.files()) {
      const entry = this.read(found);
      if (entry?.readable) yield entry;
    }
  }

  /**
   * Keeps `record` as an earlier version of its credential, replaced at `replacedAt`. Returns
   * its version id, and the record of a version with the same content that this one
   * overwrote (whose blob claims end), else null. Does not trim: a restore keeps the current
   * version before it removes the one restored, and must lose neither to the bound in between.
   */
  keep(recordName: string, record: StoredRecord, replacedAt: string): { versionId: string; overwritten: StoredRecord | null } {
    const target = this.located(recordName, record.contentHash);
    const before = this.read(target);
    // The first version of the wallet makes the folder; the wallet folder must remember it.
    if (mkdirSync(path.join(this.folder, 'history'), { recursive: true, mode: 0o700 }) !== undefined) syncFolder(this.folder);
    const body = Buffer.from(JSON.stringify({ v: 1, replacedAt, record }));
    writeFileAtomic(path.join(this.folder, target.file), seal(this.keys().history, body, VersionHistory.associatedData(target.file)));
    return { versionId: target.versionKey.slice(0, versionIdLength), overwritten: before?.readable ? before.record : null };
  }

  /** Drops the oldest readable versions beyond the bound; returns their records (their blob claims end). */
  trim(recordName: string): StoredRecord[] {
    const kept = this.entries(recordName).filter((entry): entry is KeptVersion => entry.readable);
    const dropped = kept.slice(maxVersionsPerCredential);
    for (const entry of dropped) removeDurably(path.join(this.folder, entry.file));
    return dropped.map((entry) => entry.record);
  }

  /**
   * Drops the version with this content, if the history holds one: it has just become the
   * current version again (re-imported), and the history never holds a copy of the current one.
   */
  discard(recordName: string, contentHash: string): StoredRecord | null {
    const entry = this.read(this.located(recordName, contentHash));
    if (!entry?.readable) return null;
    removeDurably(path.join(this.folder, entry.file));
    return entry.record;
  }

  /** Removes one version file (restored: it is the current version now). */
  remove(file: string): void {
    removeDurably(path.join(this.folder, file));
  }

  /** Removes a credential's whole history; returns the records of the readable versions (their blob claims end). */
  removeAll(recordName: string): StoredRecord[] {
    const records: StoredRecord[] = [];
    for (const found of this.files(recordName)) {
      const entry = this.read(found);
      if (entry?.readable) records.push(entry.record);
      removeDurably(path.join(this.folder, found.file));
    }
    return records;
  }

  /**
   * The version a user named by its id (or a unique beginning of it, at least 4 characters):
   * found, or why not. The vault turns "why not" into its own error.
   */
  lookUp(recordName: string, versionId: string): VersionEntry | 'none' | 'ambiguous' {
    const needle = versionId.trim().toLowerCase();
    if (needle.length < 4 || needle.length > versionIdLength || !/^[0-9a-f]+$/.test(needle)) return 'none';
    const matches = this.entries(recordName).filter((entry) => entry.versionId.startsWith(needle));
    if (matches.length > 1) return 'ambiguous';
    return matches[0] ?? 'none';
  }
}
