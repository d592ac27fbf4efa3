import { safeFetch, safeFetchBytes, type SafeFetchOptions } from './safeFetch';

/**
 * Fetching what credentials link to, for a whole import at once: every address once (two
 * hundred badges from one issuer share its profile), through the safe fetcher, at most a few
 * requests in flight to any one host, all hosts side by side.
 *
 * The per-host limit is a small queue here rather than a package: it is a dozen lines, it needs
 * a queue per host (p-limit gives one limiter; a map of them is the same code plus a package),
 * and the command line bundles everything it imports.
 */

/** At most `limit` tasks run at once per host; the others wait in the order they came. */
export class HostLimiter {
  private readonly hosts = new Map<string, { active: number; waiting: (() => void)[] }>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('The per-host limit must be a whole number of at least 1.');
  }

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    let slot = this.hosts.get(host);
    if (!slot) {
      slot = { active: 0, waiting: [] };
      this.hosts.set(host, slot);
    }
    if (slot.active >= this.limit) {
      const queue = slot.waiting;
      await new Promise<void>((resolve) => {
        queue.push(resolve);
      });
    } else slot.active++;
    try {
      return await task();
    } finally {
      // The slot passes straight to the next waiter (active stays the same), else it is freed.
      const next = slot.waiting.shift();
      if (next) next();
      else {
        slot.active--;
        if (slot.active === 0) this.hosts.delete(host);
      }
    }
  }
}

export type LinkedFetch =
  | { readonly ok: true; readonly status: number; readonly body: Uint8Array; readonly fetchedAt: string; readonly contentType?: string }
  | { readonly ok: false; readonly message: string };

export interface LinkedFetcherOptions {
  /** Timeouts, size cap and, in tests only, the loopback internet. */
  readonly fetchOptions?: SafeFetchOptions;
  /** Requests in flight to one host at most (4). */
  readonly perHostLimit?: number;
  /** Called whenever a fetch starts or ends: documents done of those asked for so far. */
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
}

export const defaultPerHostLimit = 4;

export class LinkedFetcher {
  private readonly limiter: HostLimiter;
  private readonly fetches = new Map<string, Promise<LinkedFetch>>();
  private done = 0;

  constructor(private readonly options: LinkedFetcherOptions = {}) {
    this.limiter = new HostLimiter(options.perHostLimit ?? defaultPerHostLimit);
  }

  /** The document at `url` (JSON text or a picture's bytes): fetched once, however often asked. */
  fetch(url: string, kind: 'document' | 'picture'): Promise<LinkedFetch> {
    const key = `${kind} ${url}`;
    let pending = this.fetches.get(key);
    if (!pending) {
      pending = this.fetchOnce(url, kind);
      this.fetches.set(key, pending);
      this.report();
    }
    return pending;
  }

  get total(): number {
    return this.fetches.size;
  }

  private report(): void {
    this.options.onProgress?.({ done: this.done, total: this.fetches.size });
  }

  private async fetchOnce(url: string, kind: 'document' | 'picture'): Promise<LinkedFetch> {
    let host: string;
    try {
      host = new URL(url).host.toLowerCase();
    } catch {
      return { ok: false, message: `${url} is not a web address.` };
    }
    try {
      return await this.limiter.run(host, async (): Promise<LinkedFetch> => {
        if (kind === 'picture') {
          const answer = await safeFetchBytes(url, this.options.fetchOptions);
          return { ok: true, status: answer.status, body: answer.bytes, fetchedAt: answer.fetchedAt, ...(answer.contentType ? { contentType: answer.contentType } : {}) };
        }
        const answer = await safeFetch(url, this.options.fetchOptions);
        return { ok: true, status: answer.status, body: new TextEncoder().encode(answer.body), fetchedAt: answer.fetchedAt };
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, message: `${url} could not be fetched: ${reason.replace(/\.$/, '')}.` };
    } finally {
      this.done++;
      this.report();
    }
  }
}
