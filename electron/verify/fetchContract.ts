// What a fetcher of the verification engine offers, apart from how it reaches the network:
// electron/verify/safeFetch.ts (node: sockets, DNS pinning) and the verifier page's
// browserFetch.ts (the browser's fetch) both give exactly this, so the engine runs on either.

export interface SafeFetchOptions {
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  /** Tests only: allow http:// and loopback/private addresses (a local test server). */
  readonly allowPrivateNetworkForTests?: boolean;
  /**
   * Tests only: a loopback internet (tests/support/loopbackInternet.ts). Named hosts are
   * reached on 127.0.0.1 at the given port, over https, trusting only the test's own CA; every
   * other address is treated as in production. Tests construct it and pass it in; the one
   * other source is the developer option of `badgefolio receive` (`--dev-host`,
   * BADGEFOLIO_DEV_HOSTS, electron/receive/devHosts.ts), off by default and announced on stderr
   * whenever it is on, so that issuers can test against Badgefolio.
   */
  readonly testNetwork?: TestNetwork;
}

export interface TestNetwork {
  /** `host` or `host:port` as in a URL -> the loopback port its server listens on. */
  readonly resolve: ReadonlyMap<string, number>;
  /** PEM of the test's certificate authority: the only root trusted for mapped hosts. */
  readonly ca: string;
}

export interface FetchResult {
  readonly url: string;
  readonly finalUrl: string;
  readonly status: number;
  readonly body: string;
  readonly fetchedAt: string;
}

/** A fetch of a picture: the bytes as sent, and the media type the server declared. */
export interface FetchBytesResult {
  readonly url: string;
  readonly finalUrl: string;
  readonly status: number;
  readonly bytes: Uint8Array;
  readonly contentType?: string;
  readonly fetchedAt: string;
}

export class FetchRefusedError extends Error {
  override readonly name = 'FetchRefusedError';
}

export const defaultFetchOptions = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 3 } as const;
