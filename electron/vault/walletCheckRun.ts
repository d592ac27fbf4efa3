import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { findInQuarantine, moveToQuarantine, quarantineFolder } from './quarantine';
import { isBlobRef, type StoredCredentialJson } from './storedCredential';
import type { Vault } from './vault';
import { VaultCryptoError } from './vaultCrypto';
import { titleOf, type StoredRecord } from './vaultRecords';
import type { VaultFiles } from './vaultFiles';
import { problemWords, type CheckedKind, type CheckProblem, type DamagedItem, type WalletCheckResult } from './walletCheckReport';

/** One run of the wallet check (walletCheck.ts): reads and authenticates each file, one credential a step. */

/** What is wrong with a file read (or not) from disk: unreadable or missing as read, damaged when its tag fails. */
function problemOf(bytes: Buffer | CheckProblem, authenticate: (sealed: Buffer) => CheckProblem | undefined): CheckProblem | null {
  if (typeof bytes === 'string') return bytes;
  try {
    return authenticate(bytes) ?? null;
  } catch (error) {
    if (!(error instanceof VaultCryptoError)) throw error;
    return 'damaged';
  }
}

/**
 * Reads the wallet's files into one reused buffer: open, one read, close, and no allocation
 * (a stat and a fresh buffer per file were a third of the time for 30,000 files). The bytes
 * are valid until the next read; larger files are read whole.
 */
class FileReader {
  private readonly buffer = Buffer.allocUnsafe(1024 * 1024);

  constructor(private readonly folder: string) {}

  read(file: string): Buffer | 'missing' | 'unreadable' {
    let fd: number;
    try {
      fd = openSync(`${this.folder}${path.sep}${file}`, 'r');
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
    }
    try {
      const length = readSync(fd, this.buffer, 0, this.buffer.length, 0);
      return length < this.buffer.length ? this.buffer.subarray(0, length) : readFileSync(fd);
    } catch {
      return 'unreadable';
    } finally {
      closeSync(fd);
    }
  }
}

const blobKindOrder: readonly CheckedKind[] = ['original', 'signed-text', 'picture', 'stored-file'];

/** Each blob a stored credential refers to, with what it is (a baked badge's picture is its original file too). */
function blobKinds(json: StoredCredentialJson): Map<string, CheckedKind> {
  const kinds = new Map<string, CheckedKind>();
  const visit = (value: unknown, key: string, parent: string, depth: number): void => {
    if (typeof value !== 'object' || value === null) return;
    if (isBlobRef(value)) {
      // The credential's own picture, original file and signed text; anything else (an issuer's logo, say) is a stored file.
      const kind: CheckedKind =
        depth !== 2 ? 'stored-file' : parent === 'original' ? (key === 'payload' ? 'signed-text' : 'original') : parent === 'image' ? 'picture' : 'stored-file';
      const known = kinds.get(value.$blob);
      if (known === undefined || blobKindOrder.indexOf(kind) < blobKindOrder.indexOf(known)) kinds.set(value.$blob, kind);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, key, parent, depth + 1);
    } else {
      const object = value as Record<string, unknown>;
      for (const inner of Object.keys(object)) visit(object[inner], inner, key, depth + 1);
    }
  };
  visit(json, '', '', 0);
  return kinds;
}

/** A damaged item while the check still adds the names of other credentials that share its file. */
type Building = Omit<DamagedItem, 'otherNames' | 'kind'> & { otherNames: string[]; kind: CheckedKind };

export class CheckRun {
  private readonly files: VaultFiles;
  private credentials = 0;
  private stored = 0;
  private readonly damaged: Building[] = [];

  constructor(private readonly vault: Vault) {
    this.files = vault.files();
  }

  result(): WalletCheckResult {
    return {
      checked: { credentials: this.credentials, files: this.stored },
      damaged: this.damaged,
      quarantineFolder: quarantineFolder(this.files.folder),
      writable: this.files.writable,
    };
  }

  /**
   * Moves a damaged file aside when this session may (a move that fails leaves it where it
   * is); for a missing file, the copy an earlier check set aside, if there is one.
   */
  private setAside(file: string, problem: CheckProblem): string | null {
    if (problem === 'missing') return findInQuarantine(this.files.folder, file);
    if (!this.files.writable) return null;
    try {
      return moveToQuarantine(this.files.folder, file);
    } catch {
      return null;
    }
  }

  /**
   * Reads and authenticates each blob a stored credential (`asVersion`: an earlier version)
   * refers to, once per check; a damaged one is named with every credential that uses it, and
   * a file only earlier versions use as an earlier version's.
   */
  private checkBlobs(reader: FileReader, blobs: Map<string, Building | null>, json: StoredCredentialJson, id: string, title: string | null, asVersion: boolean): void {
    for (const [address, kind] of blobKinds(json)) {
      const seen = blobs.get(address);
      if (seen !== undefined) {
        if (!seen) continue;
        // Versions of one credential share most files (the same picture): it is named once.
        if (title !== null && (!asVersion || (title !== seen.name && !seen.otherNames.includes(title)))) seen.otherNames.push(title);
        if (!asVersion && blobKindOrder.indexOf(kind) < blobKindOrder.indexOf(seen.kind)) seen.kind = kind;
        continue;
      }
      const blobFile = this.files.blobFile(address);
      const bytes = reader.read(blobFile);
      this.stored++;
      const blobProblem = problemOf(bytes, (sealed) => {
        this.files.authenticateBlob(address, sealed);
        return undefined;
      });
      if (!blobProblem) {
        blobs.set(address, null);
        continue;
      }
      const item: Building = {
        file: blobFile,
        kind: asVersion ? 'earlier-version' : kind,
        id,
        name: title,
        otherNames: [],
        problem: blobProblem,
        reason: problemWords[blobProblem],
        quarantinedAs: this.setAside(blobFile, blobProblem),
      };
      blobs.set(address, item);
      this.damaged.push(item);
    }
  }

  /** Yields after each credential (its record and its blobs) and each earlier version, so a caller can pause in between. */
  *steps(): Generator<undefined, void, undefined> {
    const files = this.files;
    // Records found damaged since the wallet was opened (at unlock from a stale catalog, or by
    // an earlier check): named again until a restore brings them back.
    const known = new Set<string>();
    for (const record of [...this.vault.damaged]) {
      const name = path.basename(record.file, '.rec');
      if (files.records.has(name) || known.has(name)) continue;
      known.add(name);
      this.credentials++;
      this.damaged.push({
        file: record.file,
        kind: 'record',
        id: record.id,
        name: record.name ?? null,
        otherNames: [],
        problem: record.problem,
        reason: problemWords[record.problem],
        quarantinedAs: record.quarantinedAs ?? null,
      });
    }

    const reader = new FileReader(files.folder);
    const names = new Set(files.records.keys());
    for (const name of files.recordFileNames()) names.add(name);
    for (const name of known) names.delete(name); // a read-only session leaves them in place: named once
    const blobs = new Map<string, Building | null>();
    for (const name of names) {
      // Looked up at this step: the app may have changed the wallet since the check began.
      const held = files.records.get(name);
      const file = `records${path.sep}${name}.rec`;
      const sealed = reader.read(file);
      if (sealed === 'missing' && !held) continue; // removed since the folder was listed
      this.credentials++;
      let record: StoredRecord | null = null;
      let problem: CheckProblem | null = typeof sealed === 'string' ? sealed : null;
      if (typeof sealed !== 'string') {
        try {
          // A record this session holds is only authenticated: its file then says what the
          // session's copy says (both written by this wallet under this name), and parsing
          // 10,000 records again would double the time.
          if (held) {
            files.authenticateRecord(name, sealed);
            record = held;
          } else {
            record = files.openRecord(name, sealed);
            if (!record) problem = 'unreadable';
          }
        } catch (error) {
          if (!(error instanceof VaultCryptoError)) throw error;
          problem = 'damaged';
        }
      }
      if (problem || !record) {
        const failed = problem ?? 'unreadable';
        const quarantinedAs = this.setAside(file, failed);
        const title = held ? titleOf(held) : undefined;
        files.forget(name, { problem: failed, name: title, quarantinedAs });
        this.damaged.push({
          file,
          kind: 'record',
          id: name.slice(0, 12),
          name: title ?? null,
          otherNames: [],
          problem: failed,
          reason: problemWords[failed],
          quarantinedAs,
        });
        yield;
        continue;
      }

      this.checkBlobs(reader, blobs, record.credential, name.slice(0, 12), titleOf(record) ?? null, false);
      yield;
    }

    // Earlier versions, one step each: a damaged one is named as such (not as the credential's
    // record, which is fine) and set aside; the files they alone use are named as theirs.
    for (const version of files.versionFiles()) {
      const sealed = reader.read(version.file);
      if (sealed === 'missing') continue; // removed since the folder was listed
      this.stored++;
      let record: StoredRecord | null = null;
      let problem: CheckProblem | null = typeof sealed === 'string' ? sealed : null;
      if (typeof sealed !== 'string') {
        try {
          record = files.openVersion(version.file, sealed);
          if (!record) problem = 'unreadable';
        } catch (error) {
          if (!(error instanceof VaultCryptoError)) throw error;
          problem = 'damaged';
        }
      }
      const id = version.recordName.slice(0, 12);
      if (record && !problem) this.checkBlobs(reader, blobs, record.credential, id, titleOf(record) ?? null, true);
      else {
        const failed = problem ?? 'unreadable';
        const held = files.records.get(version.recordName);
        this.damaged.push({
          file: version.file,
          kind: 'earlier-version',
          id,
          name: (held ? titleOf(held) : undefined) ?? null,
          otherNames: [],
          problem: failed,
          reason: problemWords[failed],
          quarantinedAs: this.setAside(version.file, failed),
        });
      }
      yield;
    }

    for (const { name, file } of files.documentFiles()) {
      const bytes = reader.read(file);
      // A document the wallet does not have (yet), unless a check set it aside and nothing replaced it.
      if (bytes === 'missing' && findInQuarantine(files.folder, file) === null) continue;
      this.stored++;
      const problem = problemOf(bytes, (sealed) => {
        files.authenticateDocument(name, sealed);
        return undefined;
      });
      if (problem) this.damagedDocument(file, problem, name);
      // The fetched documents' blobs, when their index is there and sound.
      else if (name === 'fetch-cache') this.checkFetched(reader);
    }
  }

  /** Names a damaged wallet document (or fetched document, with where it came from) and sets it aside. */
  private damagedDocument(file: string, problem: CheckProblem, document: NonNullable<DamagedItem['document']>, url?: string): void {
    this.damaged.push({
      file,
      kind: 'document',
      id: null,
      name: null,
      otherNames: [],
      document,
      ...(url === undefined ? {} : { url }),
      problem,
      reason: problemWords[problem],
      quarantinedAs: this.setAside(file, problem),
    });
  }

  /**
   * The documents fetched for verification, each a blob of its own: a damaged one is named as a
   * fetched document (never as a credential), set aside, and a writer drops it from their index,
   * so the next verification that needs it fetches it again instead of reading a bad copy.
   */
  private checkFetched(reader: FileReader): void {
    const files = this.files;
    const failed = new Set<string>();
    for (const { address, url, file } of files.fetchedFiles()) {
      const bytes = reader.read(file);
      this.stored++;
      const problem = problemOf(bytes, (sealed) => {
        files.authenticateFetched(address, sealed);
        return undefined;
      });
      if (!problem) continue;
      failed.add(address);
      this.damagedDocument(file, problem, 'fetched-document', url);
    }
    if (failed.size === 0 || !files.writable) return;
    try {
      files.forgetFetched(failed);
    } catch {
      // The index stays as it is: the cache finds the blob gone and fetches the document again.
    }
  }
}
