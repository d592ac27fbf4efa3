import type * as DnsPromises from 'node:dns/promises';
import type * as Http from 'node:http';
import type * as Https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { SecureContext } from 'node:tls';
import { isIP } from 'node:net';
import { defaultFetchOptions, FetchRefusedError, type FetchBytesResult, type FetchResult, type SafeFetchOptions, type TestNetwork } from './fetchContract';

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
export { defaultFetchOptions, FetchRefusedError, type FetchBytesResult, type FetchResult, type SafeFetchOptions, type TestNetwork } from './fetchContract';

type Settings = Required<Omit<SafeFetchOptions, 'testNetwork'>> & { readonly testNetwork?: TestNetwork };

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

/** The loopback port a test maps this address's host to, if any. */
function testRoute(url: URL, network: TestNetwork | undefined): number | undefined {
  if (!network) return undefined;
  return network.resolve.get(url.host.toLowerCase()) ?? network.resolve.get(url.hostname.toLowerCase());
}

/**
 * One TLS context (its CA alone trusted) and one connection pool per test network: not a
 * context per connection, and never a kept-alive connection made under another network's trust.
 */
const testRoutes = new WeakMap<TestNetwork, Promise<{ secureContext: SecureContext; agent: Https.Agent }>>();
function testRouting(network: TestNetwork): Promise<{ secureContext: SecureContext; agent: Https.Agent }> {
  let routing = testRoutes.get(network);
  if (!routing) {
    routing = Promise.all([import('node:tls'), loadHttp()]).then(([tls, { https }]) => ({
      secureContext: tls.createSecureContext({ ca: network.ca }),
      agent: new https.Agent({ keepAlive: true }),
    }));
    testRoutes.set(network, routing);
  }
  return routing;
}

/** A mapped host resolves to 127.0.0.1 and nothing else: the test server, whatever DNS says. */
const loopbackLookup: LookupFunction = (_hostname, options, callback) => {
  if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
};

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

interface Answer {
  readonly status: number;
  readonly location?: string;
  readonly body: Buffer;
  readonly contentType?: string;
  readonly wwwAuthenticate?: string;
}

/** What a request other than a plain GET sends (OpenID4VCI and VC-API exchanges POST JSON or forms). */
export interface SafeRequestSpec {
  readonly method: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** What comes back from `safeRequest`: the answer as sent; a redirect is returned, not followed. */
export interface SafeRequestResult {
  readonly url: string;
  readonly status: number;
  readonly body: string;
  readonly contentType?: string;
  readonly location?: string;
  readonly wwwAuthenticate?: string;
}

/**
 * How many times a GET is sent again after a kept-alive connection turned out closed. Each
 * such failure uses up one pooled connection, so a few cover a pool gone stale at once.
 */
const staleConnectionRetries = 4;

async function getOnce(url: URL, options: Settings, accept: string, spec: SafeRequestSpec = { method: 'GET' }, staleRetries = staleConnectionRetries): Promise<Answer> {
  const { http, https, lookup } = await loadHttp();
  const testPort = testRoute(url, options.testNetwork);
  // A mapped host (tests only) is reached on loopback, with the Host header and the TLS name
  // of the real address, trusting only the test's CA; https is still required.
  const route =
    testPort !== undefined && url.protocol === 'https:' && options.testNetwork
      ? { lookup: loopbackLookup, port: testPort, ...(await testRouting(options.testNetwork)), servername: url.hostname }
      : { lookup: checkedLookup(options.allowPrivateNetworkForTests, lookup) };
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
    const succeed = (value: Answer): void => {
      if (!settled) {
        settled = true;
        resolve(value);
      }
    };
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      {
        method: spec.method,
        headers: {
          accept,
          'user-agent': 'Badgefolio-verifier',
          ...spec.headers,
          ...(spec.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(spec.body)) }),
          ...(testPort !== undefined ? { host: url.host } : {}),
        },
        ...route,
        timeout: options.timeoutMs,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (status >= 300 && status < 400 && location) {
          response.resume();
          succeed({ status, location, body: Buffer.alloc(0) });
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
          const contentType = response.headers['content-type'];
          const wwwAuthenticate = response.headers['www-authenticate'];
          succeed({ status, body: Buffer.concat(chunks), ...(contentType ? { contentType } : {}), ...(wwwAuthenticate ? { wwwAuthenticate } : {}) });
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
    request.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive connection the server had already closed (its idle timeout ran out as this
      // request went out) fails with ECONNRESET, "socket hang up", before any answer. A GET
      // changes nothing on the server, so it goes out again on another connection: Node's own
      // remedy (ClientRequest.reusedSocket). A new connection that fails is reported as it is,
      // and a POST is never sent twice.
      if (!settled && spec.method === 'GET' && request.reusedSocket && error.code === 'ECONNRESET' && staleRetries > 0) {
        settled = true;
        request.destroy();
        getOnce(url, options, accept, spec, staleRetries - 1).then(resolve, reject);
        return;
      }
      fail(error);
    });
    request.end(spec.body);
  });
}

const jsonAccept = 'application/ld+json, application/json;q=0.9, */*;q=0.1';
const imageAccept = 'image/png, image/svg+xml, image/jpeg, image/gif, image/webp;q=0.9, */*;q=0.1';

/** The settings a request runs with, and its address read as a URL (refused when it is none). */
function startRequest(address: string, options: SafeFetchOptions): { settings: Settings; url: URL } {
  const settings: Settings = { ...defaultFetchOptions, allowPrivateNetworkForTests: false, ...options };
  try {
    return { settings, url: new URL(address) };
  } catch {
    throw new FetchRefusedError(`Not a web address: ${address}`);
  }
}

async function fetchFollowing(address: string, options: SafeFetchOptions, accept: string): Promise<{ finalUrl: string; answer: Answer }> {
  const start = startRequest(address, options);
  const settings = start.settings;
  let url = start.url;
  for (let hop = 0; hop <= settings.maxRedirects; hop++) {
    checkUrl(url, settings.allowPrivateNetworkForTests);
    const answer = await getOnce(url, settings, accept);
    if (answer.location === undefined) return { finalUrl: url.href, answer };
    url = new URL(answer.location, url);
  }
  throw new FetchRefusedError(`More than ${String(settings.maxRedirects)} redirects`);
}

export async function safeFetch(address: string, options: SafeFetchOptions = {}): Promise<FetchResult> {
  const { finalUrl, answer } = await fetchFollowing(address, options, jsonAccept);
  return { url: address, finalUrl, status: answer.status, body: answer.body.toString('utf8'), fetchedAt: new Date().toISOString() };
}

/** The same safe GET for a picture: its bytes are kept as they are, never decoded as text. */
export async function safeFetchBytes(address: string, options: SafeFetchOptions = {}): Promise<FetchBytesResult> {
  const { finalUrl, answer } = await fetchFollowing(address, options, imageAccept);
  return {
    url: address,
    finalUrl,
    status: answer.status,
    // A copy: small answers share Node's pooled buffer, which must not travel on with them.
    bytes: new Uint8Array(answer.body),
    ...(answer.contentType ? { contentType: answer.contentType } : {}),
    fetchedAt: new Date().toISOString(),
  };
}

/**
 * One request with the same guards (https, no private addresses, timeout, size cap), for the
 * protocols that POST (OpenID4VCI token and credential requests, VC-API exchanges). A redirect
 * is never followed here: a POST that redirects is an odd answer the caller refuses, and a
 * body is never re-sent to an address the user did not consent to.
 */
export async function safeRequest(address: string, spec: SafeRequestSpec, options: SafeFetchOptions = {}): Promise<SafeRequestResult> {
  const { settings, url } = startRequest(address, options);
  checkUrl(url, settings.allowPrivateNetworkForTests);
  const answer = await getOnce(url, settings, spec.headers?.accept ?? 'application/json, */*;q=0.1', spec);
  return {
    url: url.href,
    status: answer.status,
    body: answer.body.toString('utf8'),
    ...(answer.contentType ? { contentType: answer.contentType } : {}),
    ...(answer.location ? { location: answer.location } : {}),
    ...(answer.wwwAuthenticate ? { wwwAuthenticate: answer.wwwAuthenticate } : {}),
  };
}
