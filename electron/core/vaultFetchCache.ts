import { sha256Of, type FetchedDocuments, type FetchedEntry, type InlineEntry } from '../vault/fetchedDocuments';
import type { Vault } from '../vault/vault';
import type { CachedDocument, FetchCache } from '../verify/fetchCache';
import { defaultFetchOptions } from '../verify/fetchContract';
import { looksLikeTrustedList, trustListMaxBytes } from '../verify/trustList/trustListXml';

/**
 * Every other document (status lists, DID documents, issuer profiles, hosted assertions): what
 * the safe fetcher accepts by default, so whatever it fetched can be kept.
 */
const documentMaxBytes = defaultFetchOptions.maxBytes;
/**
 * All documents together: room for several trust lists and hundreds of small documents, while a
 * backup and the wallet check still read them in a moment. Past it, or past `maxEntries`, the
 * documents used least recently go first: they are the ones a later offline check is least
 * likely to need, and an evicted document only costs a fetch.
 */
const totalBudgetBytes = 64 * 1024 * 1024;
const maxEntries = 2000;

/** The most a document of this kind may be to be kept: a trusted list as much as may be fetched. */
export function keepLimit(body: string): number {
  return looksLikeTrustedList(body) ? trustListMaxBytes : documentMaxBytes;
}

function contentTypeOf(body: string): string {
  if (looksLikeTrustedList(body)) return 'application/vnd.etsi.tsl+xml';
  const start = body.trimStart().charAt(0);
  return start === '<' ? 'application/xml' : start === '{' || start === '[' ? 'application/json' : 'text/plain';
}

/** Newest use first, within the count and the total budget; `first` (the document just fetched) always stays. */
function withinBudget(entries: Iterable<FetchedEntry>, first: FetchedEntry): FetchedEntry[] {
  const rest = [...entries].filter((e) => e.url !== first.url).sort((a, b) => (a.usedAt < b.usedAt ? 1 : a.usedAt > b.usedAt ? -1 : 0));
  const kept = [first];
  let total = first.size;
  for (const entry of rest) {
    // Strictly by use: everything used longer ago than the first that does not fit goes too.
    if (kept.length >= maxEntries || total + entry.size > totalBudgetBytes) break;
    kept.push(entry);
    total += entry.size;
  }
  return kept;
}

interface Loaded {
  readonly vault: Vault;
  readonly entries: Map<string, FetchedEntry>;
  /** Documents of a wallet still in the previous one-document format, until the next write moves them into blobs. */
  readonly inline: Map<string, InlineEntry>;
}

/**
 * Documents fetched for verification, kept encrypted in the wallet with their dates, each a blob
 * of its own with a small index (electron/vault/fetchedDocuments.ts): a later offline check can
 * then say "revocation last checked on <date>" or find a seal on the trust list it was found on.
 * Which lists someone checked is private, so the cache lives in the vault, not in a plain file.
 * A document that is missing or damaged reads as not kept: it is fetched again, never believed.
 */
export class VaultFetchCache implements FetchCache {
  private loaded: Loaded | null = null;

  constructor(
    private readonly vault: () => Vault | null,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private load(vault: Vault): Loaded {
    if (this.loaded?.vault === vault) return this.loaded;
    const index = vault.fetchedDocuments().index();
    this.loaded = { vault, entries: new Map(index.entries.map((e) => [e.url, e])), inline: new Map(index.inline.map((e) => [e.url, e])) };
    return this.loaded;
  }

  get(url: string): CachedDocument | undefined {
    const vault = this.vault();
    if (!vault) return undefined;
    try {
      return this.read(vault, url);
    } catch {
      // A wallet locked meanwhile: nothing is kept as far as this check knows.
      return undefined;
    }
  }

  private read(vault: Vault, url: string): CachedDocument | undefined {
    const loaded = this.load(vault);
    const inline = loaded.inline.get(url);
    if (inline) return inline;
    const entry = loaded.entries.get(url);
    if (!entry) return undefined;
    const body = vault.fetchedDocuments().body(entry);
    if (!body) {
      loaded.entries.delete(url);
      return undefined;
    }
    // Its use is saved with the next write: reading never writes (read-only sessions read too).
    loaded.entries.set(url, { ...entry, usedAt: this.clock().toISOString() });
    return { url, status: entry.status, body: body.toString('utf8'), fetchedAt: entry.fetchedAt };
  }

  set(entry: CachedDocument): void {
    const vault = this.vault();
    if (!vault || Buffer.byteLength(entry.body, 'utf8') > keepLimit(entry.body)) return;
    try {
      this.write(vault, entry);
    } catch {
      // A cache that cannot be written (a read-only wallet, a full disk) costs a later fetch, nothing more.
    }
  }

  private write(vault: Vault, document: CachedDocument): void {
    const fetched = vault.fetchedDocuments();
    const known = this.load(vault);
    // Another Badgefolio (the command line beside the app) may have written since: start from
    // the index on disk, with what this session knows of use, without documents whose blob is gone.
    const disk = fetched.index();
    const entries = new Map<string, FetchedEntry>();
    for (const entry of disk.entries) {
      const seen = known.entries.get(entry.url);
      if (fetched.has(entry.blob)) entries.set(entry.url, seen?.blob === entry.blob && seen.usedAt > entry.usedAt ? seen : entry);
    }
    // A wallet in the previous format: its documents move into blobs of their own now.
    for (const inline of [...disk.inline, ...known.inline.values()]) {
      if (!entries.has(inline.url)) entries.set(inline.url, this.stored(fetched, inline, inline.fetchedAt));
    }
    const now = this.clock().toISOString();
    const fresh = this.stored(fetched, document, now);
    const kept = withinBudget(entries.values(), fresh);
    // The blobs the old index named, and those just moved from the previous format, go once the new index is in place unless it names them.
    fetched.switchIndex(
      kept,
      [...disk.entries, ...entries.values()].map((e) => e.blob),
    );
    this.loaded = { vault, entries: new Map(kept.map((e) => [e.url, e])), inline: new Map() };
  }

  private stored(fetched: FetchedDocuments, document: CachedDocument, usedAt: string): FetchedEntry {
    const bytes = Buffer.from(document.body, 'utf8');
    const blob = fetched.store(bytes);
    return {
      url: document.url,
      blob,
      status: document.status,
      fetchedAt: document.fetchedAt,
      contentType: contentTypeOf(document.body),
      size: bytes.length,
      sha256: sha256Of(bytes),
      usedAt,
    };
  }

  /** Forgets what was read: the next wallet unlocked starts from its own cache. */
  clear(): void {
    this.loaded = null;
  }
}
