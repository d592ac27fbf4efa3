/**
 * Documents fetched for verification (status lists, issuer profiles, DID documents, hosted
 * assertions), kept with the date they were fetched, so that a later offline check can say
 * "revocation last checked on <date>" instead of nothing. The interface is what the vault
 * persists; the in-memory one serves the CLI and tests.
 */
export interface CachedDocument {
  readonly url: string;
  /** HTTP status of the fetch (200, or 410 for a revoked hosted assertion). */
  readonly status: number;
  readonly body: string;
  /** ISO 8601. */
  readonly fetchedAt: string;
}

export interface FetchCache {
  get(url: string): CachedDocument | undefined | Promise<CachedDocument | undefined>;
  set(entry: CachedDocument): void | Promise<void>;
}

export class MemoryFetchCache implements FetchCache {
  private readonly entries = new Map<string, CachedDocument>();

  constructor(private readonly maxEntries = 2000) {}

  get(url: string): CachedDocument | undefined {
    return this.entries.get(url);
  }

  set(entry: CachedDocument): void {
    this.entries.delete(entry.url);
    this.entries.set(entry.url, entry);
    // Oldest first out: a Map iterates in insertion order.
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Everything cached, for a caller that persists it. */
  all(): CachedDocument[] {
    return [...this.entries.values()];
  }
}
