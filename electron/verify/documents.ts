import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentOrigin, VerificationMessage } from '../../shared/credential/verification';
import { englishOf, msg } from '../../shared/credential/verificationMessages';
import type { FetchCache } from './fetchCache';
import { safeFetch, type SafeFetchOptions } from './safeFetch';

/**
 * Where verification gets the documents a credential points to (issuer profiles, keys, DID
 * documents, status lists, hosted assertions): a documents map given by the user (pre-fetched
 * files for air-gapped use and tests), then, only when the network is allowed, a safe https
 * fetch, whose answers are cached with their date; offline, the cache answers with that date.
 */
export interface DocumentSource {
  /** The document's text and how it was obtained, or undefined when this source has no copy. */
  lookup(url: string): LocalDocument | undefined;
  /** The document's bytes as they are (a picture), when this source can give them. */
  lookupBytes?(url: string): Uint8Array | undefined;
}

export interface LocalDocument {
  readonly body: string;
  readonly status?: number;
  /** For display: the file the map pointed to. */
  readonly file?: string;
  /**
   * A copy fetched earlier and kept (the wallet keeps what a credential links to): where it
   * came from and when, so that a check says "fetched on" or "as last fetched on", not
   * "from the documents you supplied". Absent for a documents map; `given` for a file given
   * beside the credential (electron/core/documentsBeside.ts).
   */
  readonly origin?: 'network' | 'cache' | 'given';
  readonly fetchedAt?: string;
}

/** A documents map: URL or DID -> file. Relative paths are relative to the map file. */
export class DocumentsMap implements DocumentSource {
  private readonly files = new Map<string, string>();
  private readonly texts = new Map<string, string>();

  constructor(entries: Readonly<Record<string, string>>, baseDir: string) {
    for (const [key, file] of Object.entries(entries)) this.files.set(normaliseKey(key), path.resolve(baseDir, file));
  }

  /** Reads `MAP.json` (`{ "https://…": "file.json", "did:web:…": "did.json" }`). */
  static fromFile(mapFile: string): DocumentsMap {
    const parsed: unknown = JSON.parse(readFileSync(mapFile, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`${mapFile} must be a JSON object mapping URLs and DIDs to files.`);
    }
    const entries: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value !== 'string') throw new Error(`${mapFile}: the entry for ${key} must be a file path.`);
      entries[key] = value;
    }
    return new DocumentsMap(entries, path.dirname(path.resolve(mapFile)));
  }

  /** Adds (or replaces) entries, e.g. several maps given together. */
  merge(other: DocumentsMap): this {
    for (const [key, file] of other.files) this.files.set(key, file);
    return this;
  }

  keys(): string[] {
    return [...this.files.keys()];
  }

  lookupBytes(url: string): Uint8Array | undefined {
    const file = this.files.get(normaliseKey(url));
    if (file === undefined) return undefined;
    try {
      return readFileSync(file);
    } catch {
      return undefined;
    }
  }

  lookup(url: string): LocalDocument | undefined {
    const key = normaliseKey(url);
    const file = this.files.get(key);
    if (file === undefined) return undefined;
    let body = this.texts.get(file);
    if (body === undefined) {
      try {
        body = readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
      this.texts.set(file, body);
    }
    return { body, file };
  }
}

/** In-memory documents (tests, the worker pool): URL -> JSON text or value. */
export class StaticDocuments implements DocumentSource {
  private readonly entries = new Map<string, string>();
  constructor(entries: Readonly<Record<string, unknown>> = {}) {
    for (const [key, value] of Object.entries(entries)) this.entries.set(normaliseKey(key), typeof value === 'string' ? value : JSON.stringify(value));
  }
  lookup(url: string): LocalDocument | undefined {
    const body = this.entries.get(normaliseKey(url));
    return body === undefined ? undefined : { body };
  }
}

function normaliseKey(key: string): string {
  return key.trim();
}

/** The answer to "give me this document". */
export type Resolution =
  | { readonly ok: true; readonly url: string; readonly body: string; readonly status: number; readonly origin: DocumentOrigin; readonly fetchedAt?: string }
  | {
      readonly ok: false;
      readonly url: string;
      readonly reason: 'offline' | 'unavailable' | 'refused';
      /** Why there is no document, in English. */
      readonly message: string;
      /** The same, as a message; a library's error text is only its technical detail. */
      readonly reasonMessage: VerificationMessage;
    };

type Failure = Resolution & { ok: false };

/** A document that could not be had, said once as a message and in English. */
function failure(url: string, reason: Failure['reason'], reasonMessage: VerificationMessage): Failure {
  return { ok: false, url, reason, message: englishOf(reasonMessage), reasonMessage };
}

export interface ResolverOptions {
  readonly network: 'offline' | 'allowed';
  readonly documents?: DocumentSource | undefined;
  readonly cache?: FetchCache | undefined;
  readonly fetchOptions?: SafeFetchOptions;
}

/**
 * One place that decides where a document comes from, so that every check can say it:
 * documents map first (the user's explicit choice), then the network if allowed (fresh
 * status beats a cached one), then the dated cache. Answers are memoised per verifier run.
 */
export class DocumentResolver {
  private readonly inFlight = new Map<string, Promise<Resolution>>();

  constructor(private readonly options: ResolverOptions) {}

  get network(): 'offline' | 'allowed' {
    return this.options.network;
  }

  /**
   * `maxBytes` raises the fetch's size cap for a document known to be large (a trusted list);
   * everything else keeps the fetch options' cap.
   */
  resolve(url: string, maxBytes?: number): Promise<Resolution> {
    let pending = this.inFlight.get(url);
    if (!pending) {
      pending = this.resolveUncached(url, maxBytes);
      this.inFlight.set(url, pending);
      if (this.inFlight.size > 5000) this.inFlight.clear();
    }
    return pending;
  }

  /** A JSON document, or why there is none. */
  async resolveJson(url: string): Promise<(Resolution & { ok: true; json: unknown }) | (Resolution & { ok: false })> {
    const resolution = await this.resolve(url);
    if (!resolution.ok) return resolution;
    try {
      return { ...resolution, json: JSON.parse(resolution.body) as unknown };
    } catch {
      return failure(url, 'unavailable', msg('fetch.notJson', { url }));
    }
  }

  private async resolveUncached(url: string, maxBytes: number | undefined): Promise<Resolution> {
    const local = this.options.documents?.lookup(url) ?? this.alternateLocal(url);
    if (local) {
      return { ok: true, url, body: local.body, status: local.status ?? 200, origin: local.origin ?? 'documents-map', ...(local.fetchedAt ? { fetchedAt: local.fetchedAt } : {}) };
    }
    const cache = this.options.cache;
    if (this.options.network === 'allowed' && /^https?:\/\//i.test(url)) {
      try {
        const fetched = await safeFetch(url, maxBytes === undefined ? this.options.fetchOptions : { ...this.options.fetchOptions, maxBytes });
        if (fetched.status === 200 || fetched.status === 410) {
          await cache?.set({ url, status: fetched.status, body: fetched.body, fetchedAt: fetched.fetchedAt });
          return { ok: true, url, body: fetched.body, status: fetched.status, origin: 'network', fetchedAt: fetched.fetchedAt };
        }
        const cached = await cache?.get(url);
        if (cached) return { ok: true, url, body: cached.body, status: cached.status, origin: 'cache', fetchedAt: cached.fetchedAt };
        return failure(url, 'unavailable', msg('fetch.http', { url, status: String(fetched.status) }));
      } catch (error) {
        const cached = await cache?.get(url);
        if (cached) return { ok: true, url, body: cached.body, status: cached.status, origin: 'cache', fetchedAt: cached.fetchedAt };
        const message = error instanceof Error ? error.message : String(error);
        return failure(url, error instanceof Error && error.name === 'FetchRefusedError' ? 'refused' : 'unavailable', msg('fetch.error', { url, error: message }));
      }
    }
    const cached = await cache?.get(url);
    if (cached) return { ok: true, url, body: cached.body, status: cached.status, origin: 'cache', fetchedAt: cached.fetchedAt };
    return failure(url, 'offline', msg('fetch.offline', { url }));
  }

  /** A did:web DID is also findable by its https address, and the other way round. */
  private alternateLocal(url: string): LocalDocument | undefined {
    const documents = this.options.documents;
    if (!documents) return undefined;
    if (url.startsWith('did:web:')) {
      const https = didWebUrl(url);
      return https ? documents.lookup(https) : undefined;
    }
    return undefined;
  }
}

/** did:web:example.com:user:alice -> https://example.com/user/alice/did.json */
export function didWebUrl(did: string): string | undefined {
  const bare = did.split('#')[0] ?? did;
  const parts = bare.slice('did:web:'.length).split(':');
  const host = parts.shift();
  if (!host) return undefined;
  const domain = decodeURIComponent(host);
  return parts.length === 0 ? `https://${domain}/.well-known/did.json` : `https://${domain}/${parts.map(decodeURIComponent).join('/')}/did.json`;
}
