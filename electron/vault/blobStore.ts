import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { NormalizedCredential } from '../../shared/credential/model';
import { removeDurably, syncFolder, writeFileAtomic } from './atomicFile';
import { blobAddresses, toStored, type StoredCredentialJson } from './storedCredential';
import { authenticate, keyedName, open, seal } from './vaultCrypto';
import type { VaultKeys } from './vaultKeys';

/**
 * The wallet's blobs: originals, pictures and signed texts, each encrypted under its own
 * address and shared between the records (and kept versions) that use it. A blob is deleted
 * when the last record claiming it lets it go; the claims are counted on the first change of a
 * session, since reading never needs them.
 */
export class BlobStore {
  private useCounted: Map<string, number> | null = null;

  constructor(
    private readonly folder: string,
    private readonly keys: () => VaultKeys,
    /** Every stored credential that may claim blobs: current records and kept versions. */
    private readonly claimants: () => Iterable<StoredCredentialJson>,
  ) {}

  /** Relative to the wallet folder. */
  file(address: string): string {
    // One flat folder: a single folder fsync makes a whole write's blobs durable (modern
    // file systems index large folders, so 20,000 entries cost nothing to look up).
    return `blobs${path.sep}${keyedName(this.keys().name, `blob:${address}`)}.blob`;
  }

  path(address: string): string {
    return path.join(this.folder, this.file(address));
  }

  has(address: string): boolean {
    return existsSync(this.path(address));
  }

  /** The blob's bytes; throws when it is missing or does not authenticate. */
  read(address: string): Buffer {
    return open(this.keys().blob, readFileSync(this.path(address)), Buffer.from(`blob:${address}`));
  }

  authenticate(address: string, sealed: Buffer): void {
    authenticate(this.keys().blob, sealed, Buffer.from(`blob:${address}`));
  }

  /** Writes the blobs not stored yet; durable before the record (or version) that refers to them. */
  writeAll(blobs: ReadonlyMap<string, Uint8Array>): void {
    let wrote = false;
    for (const [address, bytes] of blobs) {
      if (this.has(address)) continue;
      this.writeOne(address, bytes);
      wrote = true;
    }
    if (wrote) syncFolder(path.join(this.folder, 'blobs'));
  }

  /** Brings back a stored credential's blobs that went missing (set aside by the wallet check, say). */
  writeMissing(stored: StoredCredentialJson, credential: NormalizedCredential): void {
    const missing = [...blobAddresses(stored)].filter((address) => !this.has(address));
    if (missing.length === 0) return;
    const { blobs } = toStored(credential);
    for (const address of missing) {
      const bytes = blobs.get(address);
      if (bytes) this.writeOne(address, bytes);
    }
    syncFolder(path.join(this.folder, 'blobs'));
  }

  private writeOne(address: string, bytes: Uint8Array): void {
    writeFileAtomic(this.path(address), seal(this.keys().blob, bytes, Buffer.from(`blob:${address}`)), { syncFolder: false });
  }

  /** Counts the claims now if they are not counted yet (before a session's first change). */
  countClaims(): void {
    this.useCounted ??= this.counted();
  }

  /** The claims must be counted again (records were read anew or forgotten). */
  forgetClaims(): void {
    this.useCounted = null;
  }

  private get use(): Map<string, number> {
    this.useCounted ??= this.counted();
    return this.useCounted;
  }

  private counted(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const credential of this.claimants()) {
      for (const address of blobAddresses(credential)) counts.set(address, (counts.get(address) ?? 0) + 1);
    }
    return counts;
  }

  claim(json: StoredCredentialJson): void {
    for (const address of blobAddresses(json)) this.use.set(address, (this.use.get(address) ?? 0) + 1);
  }

  /** Drops a credential's claim on its blobs and deletes the blobs nobody else uses. */
  release(json: StoredCredentialJson): void {
    for (const address of blobAddresses(json)) {
      const left = (this.use.get(address) ?? 1) - 1;
      if (left > 0) {
        this.use.set(address, left);
        continue;
      }
      this.use.delete(address);
      removeDurably(this.path(address));
    }
  }
}
