import type { LinkedDocument, LinkRole, NormalizedCredential } from '../../shared/credential/model';
import { fillInCredential, keptDocuments, type NotObtained, type Obtained } from '../intake/linkedDocuments';
import type { DocumentSource, LocalDocument } from '../verify/documents';
import type { FetchCache } from '../verify/fetchCache';
import { LinkedFetcher } from '../verify/linkedFetch';
import type { SafeFetchOptions } from '../verify/safeFetch';
import type { Vault } from '../vault/vault';

/**
 * Filling in what credentials point to, for the app's import, "Check again" and "Fetch
 * details", and for `badgefolio import`: one FillIn per batch. Each document comes from, in
 * order: the user's documents map; the copy the wallet already keeps with that credential
 * (unless refreshing); what this batch already obtained; the network, when allowed (once per
 * address, at most 4 requests per host); offline, the wallet's dated fetch cache. Nothing
 * else ever reaches the network: with `fetch: false` no request is made at all.
 *
 * What was obtained is also the verifier's first source (`documents`), so a credential filled
 * in here is verified with the same documents, with their dates, and never fetched twice.
 */
export interface FillInOptions {
  /** Whether documents may be fetched now (the user's network setting, or their explicit yes). */
  readonly fetch: boolean;
  /** The user's own documents (`--documents MAP`): used first, never fetched. */
  readonly documents?: DocumentSource | undefined;
  /** The wallet's dated cache of fetched documents: read when the network is not allowed. */
  readonly cache?: FetchCache | undefined;
  /** Timeouts and size caps; in tests only, the loopback internet. */
  readonly fetchOptions?: SafeFetchOptions | undefined;
  readonly perHostLimit?: number | undefined;
  /** Whether pictures given by URL are obtained (true by default; `badgefolio verify` shows none). */
  readonly pictures?: boolean | undefined;
  readonly onProgress?: ((progress: { readonly done: number; readonly total: number }) => void) | undefined;
}

const roleWords: Readonly<Record<LinkRole, string>> = {
  assertion: 'The hosted badge',
  badge: "The badge's description",
  issuer: "The issuer's profile",
  key: "The issuer's key",
  'revocation-list': "The issuer's revocation list",
  'status-list': "The issuer's status list",
  'did-document': "The issuer's DID document",
  'issuer-profile': "The issuer's profile",
  image: "The badge's picture",
  'issuer-image': "The issuer's picture",
};

const decoder = new TextDecoder();

export class FillIn {
  private readonly fetcher: LinkedFetcher | undefined;
  /** Everything obtained in this batch, by address: the verifier reads these first. */
  private readonly obtained = new Map<string, Obtained>();
  private readonly pending = new Map<string, Promise<Obtained | NotObtained>>();

  /** The user's documents, then what this batch obtained (with origin and date): for the verifier. */
  readonly documents: DocumentSource;

  constructor(private readonly options: FillInOptions) {
    this.fetcher = options.fetch ? new LinkedFetcher({ fetchOptions: options.fetchOptions, perHostLimit: options.perHostLimit, onProgress: options.onProgress }) : undefined;
    const user = options.documents;
    const obtained = this.obtained;
    this.documents = {
      lookup(url: string): LocalDocument | undefined {
        const supplied = user?.lookup(url);
        if (supplied) return supplied;
        const got = obtained.get(url);
        if (!got || got.role === 'image' || got.role === 'issuer-image') return undefined;
        const body = decoder.decode(got.body);
        if (got.origin === 'documents-map') return { body, status: got.status };
        return { body, status: got.status, origin: got.origin, fetchedAt: got.fetchedAt };
      },
      lookupBytes: (url: string) => user?.lookupBytes?.(url) ?? obtained.get(url)?.body,
    };
  }

  /** How many documents this batch asked the network for. */
  get fetched(): number {
    return this.fetcher?.total ?? 0;
  }

  /**
   * The credential filled in from what it links to. `kept`: the documents the wallet already
   * holds for it; `refresh`: fetch again anyway ("Check again"), falling back to those kept.
   */
  fill(credential: NormalizedCredential, kept: ReadonlyMap<string, LinkedDocument> = new Map(), refresh = false): Promise<NormalizedCredential> {
    return fillInCredential(credential, (url, role) => this.obtain(url, role, kept, refresh), { pictures: this.options.pictures ?? true });
  }

  /**
   * The documents (not pictures) this batch obtained, with origin and date, as plain data: for
   * verifiers in other threads, which then check with the same copies and fetch none again.
   */
  obtainedDocuments(): Record<string, LocalDocument> {
    const documents: Record<string, LocalDocument> = {};
    for (const url of this.obtained.keys()) {
      const document = this.documents.lookup(url);
      if (document) documents[url] = document;
    }
    return documents;
  }

  private remember(got: Obtained | NotObtained): Obtained | NotObtained {
    if (got.ok) this.obtained.set(got.url, got);
    return got;
  }

  private async obtain(url: string, role: LinkRole, kept: ReadonlyMap<string, LinkedDocument>, refresh: boolean): Promise<Obtained | NotObtained> {
    const picture = role === 'image' || role === 'issuer-image';
    const now = new Date().toISOString();
    const supplied = this.options.documents;
    const found = picture ? undefined : supplied?.lookup(url);
    const suppliedBody = picture ? supplied?.lookupBytes?.(url) : found ? new TextEncoder().encode(found.body) : undefined;
    // A file given beside the credential stays `given` (kept so, and never taken for a fetched copy).
    const suppliedOrigin = found?.origin === 'given' ? 'given' : 'documents-map';
    if (suppliedBody) return this.remember({ ok: true, url, role, status: 200, origin: suppliedOrigin, fetchedAt: now, body: suppliedBody });
    const keptCopy = kept.get(url);
    const fromKept = (): Obtained | undefined =>
      // A kept copy of a fetched document is a cached one; a kept file given beside stays given.
      keptCopy?.body
        ? { ok: true, url, role, status: keptCopy.status, origin: keptCopy.origin === 'given' ? 'given' : 'cache', fetchedAt: keptCopy.fetchedAt, body: keptCopy.body }
        : undefined;
    if (!refresh) {
      const copy = fromKept();
      if (copy) return this.remember(copy);
    }
    let pending = this.pending.get(url);
    if (!pending) {
      pending = this.fromElsewhere(url, role, picture);
      this.pending.set(url, pending);
    }
    const got = await pending;
    if (got.ok) return this.remember({ ...got, role });
    // A copy kept from an earlier fetch still serves when fetching again fails.
    const copy = fromKept();
    return copy ? this.remember(copy) : got;
  }

  private async fromElsewhere(url: string, role: LinkRole, picture: boolean): Promise<Obtained | NotObtained> {
    if (!this.fetcher) {
      const cached = picture ? undefined : await this.options.cache?.get(url);
      if (cached && (cached.status === 200 || (cached.status === 410 && role === 'assertion'))) {
        return { ok: true, url, role, status: cached.status, origin: 'cache', fetchedAt: cached.fetchedAt, body: new TextEncoder().encode(cached.body) };
      }
      return { ok: false, url, role, reason: 'offline', message: `${roleWords[role]} is published at ${url} and was not fetched: the network is not in use.` };
    }
    // Plain http is never fetched (the safe fetcher refuses it): said in words, not as its error.
    if (!/^https:/i.test(url))
      return { ok: false, url, role, reason: 'failed', message: `${roleWords[role]} is published at ${url}, over plain http, which Badgefolio does not fetch.` };
    const answer = await this.fetcher.fetch(url, picture ? 'picture' : 'document');
    if (!answer.ok) return { ok: false, url, role, reason: 'failed', message: `${roleWords[role]} could not be had: ${answer.message}` };
    // Only a document as such is kept: an error page is never stored as the badge's description.
    // 410 is the one other answer that means something (a revoked hosted badge).
    if (answer.status === 200 || (answer.status === 410 && role === 'assertion')) {
      return { ok: true, url, role, status: answer.status, origin: 'network', fetchedAt: answer.fetchedAt, body: answer.body };
    }
    return { ok: false, url, role, reason: 'failed', message: `${roleWords[role]} could not be had: ${url} answered HTTP ${String(answer.status)}.` };
  }
}

/**
 * Gives the event loop a turn when this thread has worked more than `sliceMs` since the last:
 * once every document is in, storing a batch is a chain of promises that resolve at once, which
 * would otherwise keep the window's calls (and its events) waiting until the whole batch is in.
 */
export function turnTaker(sliceMs = 10): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise<void>((resolve) => {
      setImmediate(resolve);
    });
    since = performance.now();
  };
}

/** The documents the wallet keeps with the stored copy of this credential, if it holds one. */
export function keptFor(vault: Vault, credential: NormalizedCredential): Map<string, LinkedDocument> {
  const entry = vault.find(vault.idOf(credential.identity));
  const linked = entry?.credential.linked as { documents?: unknown } | undefined;
  if (!entry || !Array.isArray(linked?.documents) || linked.documents.length === 0) return new Map();
  try {
    return keptDocuments(vault.get(entry.id));
  } catch {
    // A damaged stored file only costs a fetch (the wallet check names it).
    return new Map();
  }
}

/**
 * A fetch cache that answers first with the documents one credential keeps (their own dates),
 * then with the wallet's cache: an offline check of that credential then says "as last
 * fetched on <date>" for each. Writes go to the wallet's cache.
 */
export function keptCache(kept: ReadonlyMap<string, LinkedDocument>, cache: FetchCache | undefined): FetchCache {
  return {
    get(url) {
      const document = kept.get(url);
      if (document?.body && document.role !== 'image' && document.role !== 'issuer-image') {
        return { url, status: document.status, body: decoder.decode(document.body), fetchedAt: document.fetchedAt };
      }
      return cache?.get(url);
    },
    set(entry) {
      return cache?.set(entry);
    },
  };
}
