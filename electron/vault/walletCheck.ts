import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findInQuarantine, moveToQuarantine, quarantineFolder } from './quarantine';
import { isBlobRef, type StoredCredentialJson } from './storedCredential';
import { titleOf, type StoredRecord, type Vault, type WalletDocumentName } from './vault';
import { VaultCryptoError } from './vaultCrypto';
import type { damagedKinds, damageProblems } from '../../shared/credential/walletViews';

/**
 * The wallet check (`badgefolio check`, Settings › Check the wallet, and the app's background
 * run after each unlock). The catalog lets `list`, `show` and the app open a wallet without
 * reading its record files, so a flipped byte in one of them would go unnoticed; the check
 * reads every record file, every blob a record refers to, every earlier version kept in a
 * credential's history (and the blobs it refers to) and every wallet document, and
 * authenticates each (AES-256-GCM, bound to its file name). A damaged file is moved to
 * quarantine/ for rescue (quarantine.ts) and the session stops presenting a damaged record as
 * healthy: it drops it and marks the catalog stale, so no later unlock trusts the old copy.
 * Results name files and credentials only; nothing a credential says beyond its name.
 */

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

/** What a damaged file was to its credential (or the wallet); the contract's words (shared/credential/walletViews.ts). */
export type CheckedKind = (typeof damagedKinds)[number];
export type CheckProblem = (typeof damageProblems)[number];

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

export interface DamagedItem {
  /** Relative to the wallet folder, e.g. records/<hmac>.rec. */
  readonly file: string;
  readonly kind: CheckedKind;
  /** The credential's short id (as `list` shows it); null for a wallet document. */
  readonly id: string | null;
  /** The credential's name (from the catalog's copy when its own record is damaged); null when unknown. */
  readonly name: string | null;
  /** Other credentials that share the file (a badge picture used by several). */
  readonly otherNames: readonly string[];
  /** Which wallet document, for kind "document". */
  readonly document?: WalletDocumentName;
  readonly problem: CheckProblem;
  /** The problem in plain words. */
  readonly reason: string;
  /**
   * Where it is kept for rescue, relative to the wallet folder: where this check moved it, or
   * for a missing file the copy an earlier check set aside; null when there is none (or the
   * wallet was open read-only).
   */
  readonly quarantinedAs: string | null;
}

export interface WalletCheckResult {
  /** Credentials (record files) and the other stored files (blobs and documents) read. */
  readonly checked: { readonly credentials: number; readonly files: number };
  readonly damaged: readonly DamagedItem[];
  /** The wallet's quarantine folder (absolute). */
  readonly quarantineFolder: string;
  /** False when another Badgefolio holds the writer lock: damage is reported, nothing was moved. */
  readonly writable: boolean;
}

export const problemWords: Readonly<Record<CheckProblem, string>> = {
  damaged: 'changed or damaged on disk',
  unreadable: 'unreadable',
  missing: 'missing',
};

const kindPhrases: Readonly<Record<Exclude<CheckedKind, 'document'>, string>> = {
  record: 'the record of',
  original: 'the original file of',
  'signed-text': 'the signed text of',
  picture: 'the picture of',
  'stored-file': 'a picture or file stored with',
  'earlier-version': 'an earlier version of',
};

const documentWords: Readonly<Record<WalletDocumentName, string>> = {
  organiser: 'the collections, pathways and export history are',
  'profile-photo': 'the profile photo is',
  'fetch-cache': 'the documents kept for offline checks are',
  'holder-key': 'the key that signs exported portfolios is',
  'issuer-registries': 'the issuer registries you added or refreshed are',
};

function listOf(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** One damaged item in plain English: `the picture of "Forklift safety" is changed or damaged on disk`. */
export function describeDamage(item: DamagedItem): string {
  if (item.kind === 'document') return `${item.document ? documentWords[item.document] : 'a wallet document is'} ${problemWords[item.problem]}`;
  const verb = `is ${problemWords[item.problem]}`;
  const names = [item.name, ...item.otherNames].filter((name): name is string => name !== null).map((name) => `"${name}"`);
  const who = names.length > 0 ? listOf(names) : `credential ${item.id ?? '?'} (its name is unknown)`;
  return `${kindPhrases[item.kind]} ${who}${names.length > 1 ? ' (one file they share)' : ''} ${verb}`;
}

/** Checks the whole wallet at once: the CLI's way (plain synchronous reads, no per-file overhead). */
export function checkWallet(vault: Vault): WalletCheckResult {
  const run = new CheckRun(vault);
  const steps = run.steps();
  while (!steps.next().done) {
    // One credential per step; nothing to wait for in between.
  }
  return run.result();
}

/**
 * The same check in slices of a few milliseconds, for the app: the window's other calls get
 * their turn in between, and the first slice starts only after the current call (the unlock)
 * has answered. Locking the wallet meanwhile ends the check with the wallet's "locked" error.
 */
export async function checkWalletInSlices(vault: Vault, sliceMs = 10): Promise<WalletCheckResult> {
  const run = new CheckRun(vault);
  const turn = (): Promise<void> =>
    new Promise((resolve) => {
      setImmediate(resolve);
    });
  await turn();
  let started = performance.now();
  for (const _ of run.steps()) {
    if (performance.now() - started < sliceMs) continue;
    await turn();
    started = performance.now();
  }
  return run.result();
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
      const kind: CheckedKind = depth !== 2 ? 'stored-file' : parent === 'original' ? (key === 'payload' ? 'signed-text' : 'original') : parent === 'image' ? 'picture' : 'stored-file';
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

class CheckRun {
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
      if (!problem) continue;
      this.damaged.push({
        file,
        kind: 'document',
        id: null,
        name: null,
        otherNames: [],
        document: name,
        problem,
        reason: problemWords[problem],
        quarantinedAs: this.setAside(file, problem),
      });
    }
  }
}
