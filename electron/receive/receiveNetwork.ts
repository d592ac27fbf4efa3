import type { VerificationMessage } from '../../shared/credential/verification';
import { englishOf, msg } from '../../shared/credential/verificationMessages';
import { FetchRefusedError, safeRequest, type SafeFetchOptions, type SafeRequestResult } from '../verify/safeFetch';

/**
 * Every request made while receiving a credential goes through here, and from here only
 * through the safe fetcher (https, a timeout, a size cap, never a private address). Redirects
 * are never followed: an issuer that redirects a protocol request is answering oddly, and
 * following it would send what the user consented to give one host to another.
 */
export class ReceiveError extends Error {
  override readonly name = 'ReceiveError';
  /** The sentence as a catalogue message (receiveCatalogueEn.ts), for the reader's language; `message` is its English. */
  readonly reasonMessage: VerificationMessage;

  constructor(reasonMessage: VerificationMessage) {
    super(englishOf(reasonMessage));
    this.reasonMessage = reasonMessage;
  }
}

/** Caps for protocol answers: a credential response is small; a minute is generous for an issuer. */
export const receiveFetchDefaults = { timeoutMs: 20_000, maxBytes: 2 * 1024 * 1024, maxRedirects: 0 } as const;

export class ReceiveNetwork {
  constructor(private readonly options: SafeFetchOptions = {}) {}

  private settings(): SafeFetchOptions {
    return { ...receiveFetchDefaults, ...this.options };
  }

  /** One request, its failures said as a sentence naming the host. */
  async request(url: string, init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }): Promise<SafeRequestResult> {
    const host = hostOf(url);
    let answer: SafeRequestResult;
    try {
      answer = await safeRequest(url, init, this.settings());
    } catch (error) {
      throw fetchFailure(host, error);
    }
    if (answer.status >= 300 && answer.status < 400) {
      throw new ReceiveError(answer.location ? msg('receive.redirect', { host, target: safeHost(answer.location, url) }) : msg('receive.redirectNowhere', { host }));
    }
    return answer;
  }

  async getJson(url: string): Promise<unknown> {
    const answer = await this.request(url, { method: 'GET', headers: { accept: 'application/json' } });
    if (answer.status !== 200) throw new ReceiveError(msg('receive.answeredStatusFor', { host: hostOf(url), status: answer.status, url }));
    return parseJson(answer.body, url);
  }

  async postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
    const answer = await this.request(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: answer.status, json: answer.body.trim() === '' ? undefined : parseJsonOrUndefined(answer.body) };
  }

  /**
   * A `fetch` for the OpenID4VCI library, backed by the safe fetcher. The library builds
   * its own requests (token, nonce, credential); each goes through `request` above.
   */
  readonly fetch: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'POST') throw new ReceiveError(msg('receive.httpMethod', { method }));
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const body = init?.body;
    if (body !== undefined && body !== null && typeof body !== 'string' && !(body instanceof URLSearchParams)) throw new ReceiveError(msg('receive.libraryBody'));
    const text = body === undefined || body === null ? undefined : body.toString();
    if (body instanceof URLSearchParams && !headers['content-type']) headers['content-type'] = 'application/x-www-form-urlencoded';
    const answer = await this.request(url, { method, headers, ...(text === undefined ? {} : { body: text }) });
    const responseHeaders = new Headers();
    if (answer.contentType) responseHeaders.set('content-type', answer.contentType);
    if (answer.wwwAuthenticate) responseHeaders.set('www-authenticate', answer.wwwAuthenticate);
    const response = new Response(answer.status === 204 ? null : answer.body, { status: answer.status, headers: responseHeaders });
    // The library reads `response.url` in messages; a Response made here has none of its own.
    Object.defineProperty(response, 'url', { value: answer.url });
    return response;
  };
}

/**
 * Why the safe fetcher refused, as a clause in the reader's language: its refusals are few and
 * worded in one place (electron/verify/safeFetch.ts); one not listed here is said as it is.
 */
const refusals: readonly [RegExp, (match: RegExpExecArray) => VerificationMessage][] = [
  [/^(.+) resolves only to private or loopback addresses$/, (m) => msg('receive.why.resolvesPrivate', { name: m[1] ?? '' })],
  [/^(.+) is a private or loopback address$/, (m) => msg('receive.why.private', { name: m[1] ?? '' })],
  [/^Only https addresses are fetched, not (.+)$/, (m) => msg('receive.why.httpsOnly', { protocol: m[1] ?? '' })],
  [/^Addresses with credentials are not fetched$/, () => msg('receive.why.userInfo')],
  [/^The document is larger than (\d+) bytes$/, (m) => msg('receive.why.tooLarge', { bytes: m[1] ?? '' })],
  [/^More than (\d+) redirects$/, (m) => msg('receive.why.redirects', { count: m[1] ?? '' })],
];

function refusalClause(text: string): VerificationMessage {
  for (const [pattern, message] of refusals) {
    const match = pattern.exec(text);
    if (match) return message(match);
  }
  return msg('receive.detail', { detail: lowerFirst(text) });
}

/** A failed request as one sentence: too slow, refused by the safe fetcher, or unreachable. */
export function fetchFailure(host: string, error: unknown): ReceiveError {
  const late = error instanceof Error ? /^No answer within (\d+) ms/.exec(error.message) : null;
  if (late?.[1]) return new ReceiveError(msg('receive.noAnswerWithin', { host, ms: late[1] }));
  if (error instanceof FetchRefusedError) return new ReceiveError(msg('receive.refused', { host, why: refusalClause(error.message.replace(/\.$/, '')) }));
  return new ReceiveError(msg('receive.noAnswer', { host, why: msg('receive.detail', { detail: error instanceof Error ? lowerFirst(error.message) : String(error) }) }));
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function safeHost(location: string, base: string): string | VerificationMessage {
  try {
    return new URL(location, base).host;
  } catch {
    return msg('receive.unreadableAddress');
  }
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function parseJson(text: string, url: string): unknown {
  const value = parseJsonOrUndefined(text);
  if (value === undefined) throw new ReceiveError(msg('receive.notJson', { host: hostOf(url), url }));
  return value;
}
