import { createHash } from 'node:crypto';
import { removeDurably } from './atomicFile';
import type { BlobStore } from './blobStore';
import { VaultError } from './vaultRecords';
import type { WalletDocuments } from './walletDocuments';

/**
 * Documents fetched for verification (EU trust lists, status lists, DID documents, issuer
 * profiles), each kept as an encrypted blob of its own in the wallet's blob store, and a small
 * index (the 'fetch-cache' wallet document) that says which address is which blob, when it was
 * fetched and last used. Keeping each document apart means adding one rewrites one blob and the
 * index, never every document kept: trust lists are megabytes each.
 *
 * Crash safety is the blob store's and the wallet document's: a new blob is durable before the
 * index names it, and a blob is deleted only after the index that named it was replaced. A crash
 * in between leaves at worst a blob nobody names, never an index naming a blob that is not there.
 */

export interface FetchedEntry {
  readonly url: string;
  /** The blob's address (fetchedAddress). */
  readonly blob: string;
  /** HTTP status of the fetch (200, or 410 for a revoked hosted assertion). */
  readonly status: number;
  /** ISO 8601. */
  readonly fetchedAt: string;
  readonly contentType: string;
  readonly size: number;
  /** SHA-256 of the body (hex): read back, the bytes must be these. */
  readonly sha256: string;
  /** ISO 8601: when a verification last used it; the least recently used goes first when space runs out. */
  readonly usedAt: string;
}

/** A document in the previous format: the whole cache was one wallet document with the bodies inline. */
export interface InlineEntry {
  readonly url: string;
  readonly status: number;
  readonly body: string;
  readonly fetchedAt: string;
}

export interface FetchedIndex {
  readonly entries: readonly FetchedEntry[];
  /** Read from a wallet that still has the previous format: moved into blobs at the next write. */
  readonly inline: readonly InlineEntry[];
}

const indexFormat = 'badgefolio-fetched-documents';

/**
 * A fetched document's blob address. Credentials' blobs are addressed by the plain SHA-256 of
 * their bytes; a fetched document is addressed under its own prefix, so a hosted assertion that
 * is also a credential's original file is two blobs, and evicting one never deletes the other.
 */
export function fetchedAddress(bytes: Uint8Array): string {
  return createHash('sha256').update('badgefolio fetched document\0').update(bytes).digest('hex');
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const isString = (value: unknown): value is string => typeof value === 'string';

function asEntry(value: unknown): FetchedEntry | null {
  const e = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof FetchedEntry, unknown>>;
  if (!isString(e.url) || !isString(e.blob) || !/^[0-9a-f]{64}$/.test(e.blob) || typeof e.status !== 'number' || !isString(e.fetchedAt)) return null;
  if (!isString(e.contentType) || typeof e.size !== 'number' || !isString(e.sha256) || !isString(e.usedAt)) return null;
  return { url: e.url, blob: e.blob, status: e.status, fetchedAt: e.fetchedAt, contentType: e.contentType, size: e.size, sha256: e.sha256, usedAt: e.usedAt };
}

function asInline(value: unknown): InlineEntry | null {
  const e = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof InlineEntry, unknown>>;
  if (!isString(e.url) || typeof e.status !== 'number' || !isString(e.body) || !isString(e.fetchedAt)) return null;
  return { url: e.url, status: e.status, body: e.body, fetchedAt: e.fetchedAt };
}

/** The index from the wallet document's bytes: the current format, or the previous one (an array of documents with their bodies). */
export function readFetchedIndex(bytes: Buffer | null): FetchedIndex {
  if (!bytes) return { entries: [], inline: [] };
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { entries: [], inline: [] };
  }
  if (Array.isArray(json)) return { entries: [], inline: json.map(asInline).filter((e): e is InlineEntry => e !== null) };
  const { format, entries } = (typeof json === 'object' && json !== null ? json : {}) as { format?: unknown; entries?: unknown };
  if (format !== indexFormat || !Array.isArray(entries)) return { entries: [], inline: [] };
  return { entries: entries.map(asEntry).filter((e): e is FetchedEntry => e !== null), inline: [] };
}

function indexBytes(entries: readonly FetchedEntry[]): Buffer {
  return Buffer.from(JSON.stringify({ format: indexFormat, entries }));
}

/** The fetched documents of an open wallet (Vault.fetchedDocuments()): their blobs and their index. */
export class FetchedDocuments {
  constructor(
    private readonly blobs: BlobStore,
    private readonly documents: WalletDocuments,
    private readonly writable: boolean,
  ) {}

  /** The index; an unreadable or damaged one reads as empty (it costs fetches, nothing more). */
  index(): FetchedIndex {
    try {
      return readFetchedIndex(this.documents.read('fetch-cache'));
    } catch (error) {
      if (error instanceof VaultError) return { entries: [], inline: [] };
      throw error;
    }
  }

  /** A blob's file, relative to the wallet folder (for the wallet check). */
  file(address: string): string {
    return this.blobs.file(address);
  }

  authenticate(address: string, sealed: Buffer): void {
    this.blobs.authenticate(address, sealed);
  }

  /** The document's bytes, or null when its blob is missing, damaged or not the bytes the index names. */
  body(entry: FetchedEntry): Buffer | null {
    try {
      const bytes = this.blobs.read(entry.blob);
      return bytes.length === entry.size && sha256Of(bytes) === entry.sha256 ? bytes : null;
    } catch {
      return null;
    }
  }

  has(address: string): boolean {
    return this.blobs.has(address);
  }

  /** Stores a document as a blob, durably, before any index names it; returns its address. */
  store(bytes: Uint8Array): string {
    if (!this.writable) throw new VaultError('The wallet was opened read-only.');
    const address = fetchedAddress(bytes);
    this.blobs.writeAll(new Map([[address, bytes]]));
    return address;
  }

  /** Replaces the index, then deletes the blobs of `dropped` that the new index does not name. */
  switchIndex(entries: readonly FetchedEntry[], dropped: Iterable<string> = []): void {
    if (!this.writable) throw new VaultError('The wallet was opened read-only.');
    this.documents.write('fetch-cache', indexBytes(entries));
    const kept = new Set(entries.map((e) => e.blob));
    for (const address of new Set(dropped)) if (!kept.has(address)) removeDurably(this.blobs.path(address));
  }

  /** Drops entries from the index (the wallet check found their blobs damaged or missing): they are fetched again when next needed. */
  forget(addresses: ReadonlySet<string>): void {
    const { entries, inline } = this.index();
    if (inline.length > 0 || !entries.some((e) => addresses.has(e.blob))) return;
    this.switchIndex(entries.filter((e) => !addresses.has(e.blob)));
  }
}
