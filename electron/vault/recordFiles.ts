import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { removeDurably, writeFileAtomic } from './atomicFile';
import { authenticate, open, seal, subKey } from './vaultCrypto';
import type { VaultKeys } from './vaultKeys';
import { moveToQuarantine } from './quarantine';
import { asStoredRecord, damageNote, titleOf, type DamagedRecord, type StoredRecord } from './vaultRecords';
import { VaultCryptoError } from './vaultCrypto';

const recordPattern = /^([0-9a-f]{64})\.rec$/;

/**
 * The record files (records/<hmac>.rec, one sealed record per credential: always the truth)
 * and the catalog beside them (records.catalog: a sealed snapshot of every record, valid only
 * while its generation equals records.generation). Every writer bumps the generation before its
 * first change, so a crash leaves the catalog visibly stale, and writes a fresh catalog when it
 * locks. A catalog that is stale, missing or fails authentication is ignored: it only saves
 * reading the record files one by one.
 */
export class RecordFiles {
  private generationBumped = false;

  constructor(
    private readonly folder: string,
    private readonly keys: () => VaultKeys,
  ) {}

  /** Relative to the wallet folder. */
  file(name: string): string {
    return path.join('records', `${name}.rec`);
  }

  fileNames(): string[] {
    const folder = path.join(this.folder, 'records');
    const names: string[] = [];
    for (const file of existsSync(folder) ? readdirSync(folder) : []) {
      const match = recordPattern.exec(file);
      if (match?.[1]) names.push(match[1]);
    }
    return names;
  }

  readSealed(name: string): Buffer {
    return readFileSync(path.join(this.folder, this.file(name)));
  }

  /** A record file's content: throws VaultCryptoError when it does not authenticate, null when it holds no record we know. */
  open(name: string, sealed: Buffer): StoredRecord | null {
    const plain = open(this.keys().record, sealed, Buffer.from(`record:${name}`));
    try {
      return asStoredRecord(JSON.parse(plain.toString('utf8')));
    } catch {
      return null;
    }
  }

  authenticate(name: string, sealed: Buffer): void {
    authenticate(this.keys().record, sealed, Buffer.from(`record:${name}`));
  }

  write(name: string, record: StoredRecord): void {
    const sealed = seal(this.keys().record, Buffer.from(JSON.stringify(record)), Buffer.from(`record:${name}`));
    writeFileAtomic(path.join(this.folder, this.file(name)), sealed);
  }

  remove(name: string): void {
    removeDurably(path.join(this.folder, this.file(name)));
  }

  /** The records of a catalog that is current, or null (stale, missing, damaged). */
  currentCatalog(): [string, StoredRecord][] | null {
    let generation: string;
    try {
      generation = readFileSync(path.join(this.folder, 'records.generation'), 'utf8').trim();
    } catch {
      return null;
    }
    const catalog = this.readCatalog();
    return catalog?.generation === generation ? catalog.records : null;
  }

  /** The sealed catalog, stale or not; null when it is missing, damaged or holds a record of an unknown kind. */
  readCatalog(): { generation: unknown; records: [string, StoredRecord][] } | null {
    try {
      const sealed = readFileSync(path.join(this.folder, 'records.catalog'));
      const catalog = JSON.parse(open(subKey(this.keys().vault, 'catalog'), sealed, Buffer.from('catalog')).toString('utf8')) as {
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

  /** Before a session's first change: makes any existing catalog stale on disk first. */
  bumpGenerationOnce(): void {
    if (this.generationBumped) return;
    const next = String(Number(this.currentGeneration()) + 1);
    writeFileAtomic(path.join(this.folder, 'records.generation'), Buffer.from(next));
    this.generationBumped = true;
  }

  writeCatalog(records: Iterable<[string, StoredRecord]>): void {
    const body = JSON.stringify({ generation: this.currentGeneration(), records: Object.fromEntries(records) });
    writeFileAtomic(path.join(this.folder, 'records.catalog'), seal(subKey(this.keys().vault, 'catalog'), Buffer.from(body), Buffer.from('catalog')));
  }

  /**
   * Every record: from the catalog when it is current, else from the record files one by one
   * (`fromFiles`: a writer should leave a fresh catalog behind). SECURITY/RESCUE: a record file
   * that does not authenticate or read is set aside (moved to quarantine/ by a writer), never
   * silently dropped; the catalog, stale or not, may still name it.
   */
  readAll(options: { useCatalog: boolean; writable: boolean }): { records: [string, StoredRecord][]; damaged: DamagedRecord[]; fromFiles: boolean } {
    const catalog = options.useCatalog ? this.currentCatalog() : null;
    if (catalog) return { records: catalog, damaged: [], fromFiles: false };
    const records: [string, StoredRecord][] = [];
    const damaged: { name: string; problem: DamagedRecord['problem'] }[] = [];
    for (const name of this.fileNames()) {
      try {
        const record = this.open(name, this.readSealed(name));
        if (record) records.push([name, record]);
        else damaged.push({ name, problem: 'unreadable' });
      } catch (error) {
        // A file another Badgefolio removed since the folder was listed is not damage.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') damaged.push({ name, problem: error instanceof VaultCryptoError ? 'damaged' : 'unreadable' });
      }
    }
    const titles = new Map(damaged.length > 0 ? (this.readCatalog()?.records ?? []).map(([name, record]) => [name, titleOf(record)]) : []);
    const notes = damaged.map(({ name, problem }) =>
      damageNote(this.file(name), name, { problem, name: titles.get(name), quarantinedAs: options.writable ? moveToQuarantine(this.folder, this.file(name)) : null }),
    );
    return { records, damaged: notes, fromFiles: true };
  }
}
