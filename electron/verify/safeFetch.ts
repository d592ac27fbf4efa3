import type * as DnsPromises from 'node:dns/promises';
import type * as Http from 'node:http';
import type * as Https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';

// Node's HTTP stack and resolver are loaded on the first fetch: most verifications are offline,
// and loading them cost every command-line run about 8 ms before it did anything.
let httpModules: Promise<{ http: typeof Http; https: typeof Https; lookup: typeof DnsPromises.lookup }> | undefined;
function loadHttp() {
  httpModules ??= Promise.all([import('node:http'), import('node:https'), import('node:dns/promises')]).then(([http, https, dns]) => ({ http, https, lookup: dns.lookup }));
  return httpModules;
}

/**
 * The only way verification reaches the network: GET over https, with a timeout, a size cap,
 * a bounded number of redirects (each re-checked), and never to loopback, private or
 * link-local addresses, checked on the address actually connected to (the lookup is done
 * here and its answer pinned, so DNS cannot switch to an internal address in between).
 * Plain http and private addresses are allowed only by the explicit test setting.
 */
export interface SafeFetchOptions {
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  /** Tests only: allow http:// and loopback/private addresses (a local test server). */
  readonly allowPrivateNetworkForTests?: boolean;
}

export interface FetchResult {
  readonly url: string;
  readonly finalUrl: string;
  readonly status: number;
  readonly body: string;
  readonly fetchedAt: string;
}

export class FetchRefusedError extends Error {
  override readonly name = 'FetchRefusedError';
}

export const defaultFetchOptions = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 3 } as const;

function ipv4Private(address: string): boolean {
  const [a = 0, b = 0] = address.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}

/** Loopback, private, link-local, unique-local, multicast, unspecified: never fetched. */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return ipv4Private(address);
  if (version !== 6) return true;
  const lower = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped?.[1]) return ipv4Private(mapped[1]);
  return lower === '::' || lower === '::1' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || lower.startsWith('ff');
}

function checkedLookup(allowPrivate: boolean, lookup: typeof DnsPromises.lookup): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { all: true, family: options.family ?? 0 }).then(
      (addresses) => {
        const usable = addresses.filter((a) => allowPrivate || !isPrivateAddress(a.address));
        const first = usable[0];
        if (!first) {
          callback(new FetchRefusedError(`${hostname} resolves only to private or loopback addresses`), '', 4);
          return;
        }
        if (options.all) callback(null, usable);
        else callback(null, first.address, first.family);
      },
      (error: unknown) => {
        callback(error instanceof Error ? error : new Error(String(error)), '', 4);
      },
    );
  };
}

function checkUrl(url: URL, allowPrivate: boolean): void {
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    throw new FetchRefusedError(`Only https addresses are fetched, not ${url.protocol}`);
  }
  if (url.username || url.password) throw new FetchRefusedError('Addresses with credentials are not fetched');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && isPrivateAddress(host)))) {
    throw new FetchRefusedError(`${host} is a private or loopback address`);
  }
}

async function getOnce(url: URL, options: Required<SafeFetchOptions>): Promise<{ status: number; location?: string; body: string }> {
  const { http, https, lookup } = await loadHttp();
  return new Promise((resolve, reject) => {
    let settled = false;
    // Settle once, then tear the connection down without re-emitting the error anywhere.
    const fail = (error: Error): void => {
      if (!settled) {
        settled = true;
        reject(error);
      }
      request.destroy();
    };
    const succeed = (value: { status: number; location?: string; body: string }): void => {
      if (!settled) {
        settled = true;
        resolve(value);
      }
    };
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      {
        method: 'GET',
        headers: { accept: 'application/ld+json, application/json;q=0.9, */*;q=0.1', 'user-agent': 'Badgefolio-verifier' },
        lookup: checkedLookup(options.allowPrivateNetworkForTests, lookup),
        timeout: options.timeoutMs,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (status >= 300 && status < 400 && location) {
          response.resume();
          succeed({ status, location, body: '' });
          return;
        }
        const declared = Number(response.headers['content-length'] ?? 0);
        response.on('error', (error) => {
          fail(error);
        });
        if (declared > options.maxBytes) {
          fail(new FetchRefusedError(`The document is larger than ${String(options.maxBytes)} bytes`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            fail(new FetchRefusedError(`The document is larger than ${String(options.maxBytes)} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => {
          succeed({ status, body: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    // One deadline for the whole exchange, not only for idle sockets.
    const deadline = setTimeout(() => {
      fail(new FetchRefusedError(`No answer within ${String(options.timeoutMs)} ms`));
    }, options.timeoutMs);
    request.on('close', () => {
      clearTimeout(deadline);
    });
    request.on('timeout', () => {
      fail(new FetchRefusedError(`No answer within ${String(options.timeoutMs)} ms`));
    });
    request.on('error', fail);
    request.end();
  });
}

export async function safeFetch(address: string, options: SafeFetchOptions = {}): Promise<FetchResult> {
  const settings: Required<SafeFetchOptions> = { ...defaultFetchOptions, allowPrivateNetworkForTests: false, ...options };
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchRefusedError(`Not a web address: ${address}`);
  }
  for (let hop = 0; hop <= settings.maxRedirects; hop++) {
    checkUrl(url, settings.allowPrivateNetworkForTests);
    const answer = await getOnce(url, settings);
    if (answer.location === undefined) {
      return { url: address, finalUrl: url.href, status: answer.status, body: answer.body, fetchedAt: new Date().toISOString() };
    }
    url = new URL(answer.location, url);
  }
  throw new FetchRefusedError(`More than ${String(settings.maxRedirects)} redirects`);
}
