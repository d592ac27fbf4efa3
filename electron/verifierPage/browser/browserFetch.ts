/**
 * safeFetch for the verifier page (the build puts this module in place of
 * electron/verify/safeFetch.ts, whose sockets and DNS pinning a browser cannot have). The same
 * exports and rules where a browser can keep them: https only, a time limit, a size cap read
 * as the body streams, JSON asked for. Private addresses cannot be checked before connecting
 * here; the browser's own private-network rules apply instead.
 *
 * Every request is recorded (fetchLog) so that the page lists what left the browser, and a
 * request the browser refused (CORS, or no answer: fetch gives the page no way to tell them
 * apart) says so in words an employer can act on.
 */
import { defaultFetchOptions, FetchRefusedError, type FetchBytesResult, type FetchResult, type SafeFetchOptions } from '../../verify/fetchContract';
import { concatBytes } from '../../../shared/encoding/bytes';

export { defaultFetchOptions, FetchRefusedError, type FetchBytesResult, type FetchResult, type SafeFetchOptions, type TestNetwork } from '../../verify/fetchContract';

/** The browser decides private-network access itself; nothing is private by name here. */
export function isPrivateAddress(_address: string): boolean {
  return false;
}

export type FetchOutcome = 'answered' | 'refused-by-browser' | 'not-https' | 'too-large' | 'timed-out';

export interface FetchLogEntry {
  readonly url: string;
  readonly outcome: FetchOutcome;
  readonly status?: number;
}

const log: FetchLogEntry[] = [];

/** The requests made since the last call, in order; the log starts empty again. */
export function takeFetchLog(): FetchLogEntry[] {
  return log.splice(0, log.length);
}

/** Refused by the browser: the words the check's sentence carries (fetch.error's {error}). */
export const refusedByBrowser = 'the browser could not read it: the host does not allow web pages to read it (CORS) or could not be reached';

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new FetchRefusedError(`The answer is larger than ${String(maxBytes)} bytes`);
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FetchRefusedError(`The answer is larger than ${String(maxBytes)} bytes`);
    }
    parts.push(value);
  }
  return concatBytes(parts);
}

async function get(address: string, options: SafeFetchOptions, accept: string): Promise<{ response: Response; bytes: Uint8Array }> {
  const settings = { ...defaultFetchOptions, ...options };
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchRefusedError(`Not a web address: ${address}`);
  }
  if (url.protocol !== 'https:') {
    log.push({ url: address, outcome: 'not-https' });
    throw new FetchRefusedError(`Only https addresses are fetched: ${address}`);
  }
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, settings.timeoutMs);
  try {
    let response: Response;
    try {
      // No cookies or credentials, no referrer: the host learns only that a browser asked.
      response = await fetch(url.href, {
        headers: { accept },
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        redirect: 'follow',
        signal: controller.signal,
        cache: 'no-store',
      });
    } catch (error) {
      const timedOut = controller.signal.aborted;
      log.push({ url: address, outcome: timedOut ? 'timed-out' : 'refused-by-browser' });
      throw new Error(timedOut ? `no answer within ${String(settings.timeoutMs / 1000)} s` : refusedByBrowser, { cause: error });
    }
    if (new URL(response.url || url.href).protocol !== 'https:') {
      log.push({ url: address, outcome: 'not-https', status: response.status });
      throw new FetchRefusedError(`Redirected away from https: ${address}`);
    }
    try {
      const bytes = await readCapped(response, settings.maxBytes);
      log.push({ url: address, outcome: 'answered', status: response.status });
      return { response, bytes };
    } catch (error) {
      log.push({ url: address, outcome: controller.signal.aborted ? 'timed-out' : 'too-large', status: response.status });
      throw error;
    }
  } finally {
    clearTimeout(timer);
  }
}

const jsonAccept = 'application/ld+json, application/json;q=0.9, */*;q=0.1';
const imageAccept = 'image/png, image/svg+xml, image/jpeg, image/*;q=0.8';

export async function safeFetch(address: string, options: SafeFetchOptions = {}): Promise<FetchResult> {
  const { response, bytes } = await get(address, options, jsonAccept);
  return { url: address, finalUrl: response.url || address, status: response.status, body: new TextDecoder().decode(bytes), fetchedAt: new Date().toISOString() };
}

export async function safeFetchBytes(address: string, options: SafeFetchOptions = {}): Promise<FetchBytesResult> {
  const { response, bytes } = await get(address, options, imageAccept);
  const contentType = response.headers.get('content-type') ?? undefined;
  return { url: address, finalUrl: response.url || address, status: response.status, bytes, ...(contentType ? { contentType } : {}), fetchedAt: new Date().toISOString() };
}
