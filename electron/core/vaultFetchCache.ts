import type { CachedDocument, FetchCache } from '../verify/fetchCache';
import type { Vault } from '../vault/vault';

const maxEntries = 500;
const maxBodyBytes = 512 * 1024;

/**
 * Documents fetched for verification, kept encrypted in the wallet with their dates: a later
 * offline check of a credential can then say "revocation last checked on <date>". Which status
 * lists someone checked is private, so the cache lives in the vault, not in a plain file.
 */
export class VaultFetchCache implements FetchCache {
  private entries: Map<string, CachedDocument> | null = null;

  constructor(private readonly vault: () => Vault | null) {}

  private load(vault: Vault): Map<string, CachedDocument> {
    if (this.entries) return this.entries;
    const entries = new Map<string, CachedDocument>();
    try {
      const bytes = vault.readDocument('fetch-cache');
      const json: unknown = bytes ? JSON.parse(bytes.toString('utf8')) : [];
      for (const item of Array.isArray(json) ? (json as unknown[]) : []) {
        const entry = item as Partial<CachedDocument> | null;
        if (entry && typeof entry.url === 'string' && typeof entry.status === 'number' && typeof entry.body === 'string' && typeof entry.fetchedAt === 'string') {
          entries.set(entry.url, { url: entry.url, status: entry.status, body: entry.body, fetchedAt: entry.fetchedAt });
        }
      }
    } catch {
      // A damaged cache only costs a fetch: start again with an empty one.
    }
    this.entries = entries;
    return entries;
  }

  get(url: string): CachedDocument | undefined {
    const vault = this.vault();
    return vault ? this.load(vault).get(url) : undefined;
  }

  set(entry: CachedDocument): void {
    const vault = this.vault();
    if (!vault || entry.body.length > maxBodyBytes) return;
    const entries = this.load(vault);
    entries.delete(entry.url);
    entries.set(entry.url, entry);
    // Oldest first in a Map: keep the newest few hundred.
    for (const url of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(url);
    }
    try {
      vault.writeDocument('fetch-cache', Buffer.from(JSON.stringify([...entries.values()])));
    } catch {
      // A cache that cannot be written costs a later fetch, nothing more.
    }
  }

  /** Forgets what was read: the next wallet unlocked starts from its own cache. */
  clear(): void {
    this.entries = null;
  }
}
