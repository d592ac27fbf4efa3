import { isRecord } from '../../shared/jsonValue';
import type { ConsentQuestion } from '../../shared/credential/receiving';
import { didAuthenticationPresentation } from './didAuthentication';
import { hostOf, ReceiveError } from './receiveNetwork';
import { msg, type ReceiveMessageKey } from '../../shared/credential/verificationMessages';
import type { ReceivedItem, ReceiveSession } from './receiveSession';

/**
 * VC-API exchanges as the Digital Credentials Consortium's issuers run them: an interaction
 * URL answers `protocols.vcapi` (the exchange); the wallet POSTs `{}` to start it; the exchange
 * asks for DID authentication (a `verifiablePresentationRequest` with a `challenge` and a
 * `domain`); the wallet answers with a presentation signed by its holder key; the exchange
 * answers with a presentation holding the credentials. The older request-link form
 * (`vc_request_url` + `challenge`) takes the signed presentation at once.
 *
 * Consent comes first: before `{}` is posted (an exchange may be single-use) and before any
 * signature leaves. Anything the exchange asks beyond DID authentication (credentials from the
 * wallet, another host) is refused: nothing is sent that the user did not agree to.
 */

const maxRounds = 3;

function question(exchangeUrl: string, session: ReceiveSession, issuerName?: string): ConsentQuestion {
  return {
    protocol: 'vc-api',
    issuerHost: hostOf(exchangeUrl),
    ...(issuerName ? { issuerName } : {}),
    sends: [
      { kind: 'holder-did', did: session.holder.did },
      { kind: 'signed-proof', what: 'did-authentication' },
    ],
    receives: [],
  };
}

function requireHttps(url: unknown, whatKey: ReceiveMessageKey): string {
  const what = msg(whatKey);
  if (typeof url !== 'string') throw new ReceiveError(msg('receive.vc.noAddress', { what }));
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ReceiveError(msg('receive.vc.badAddress', { what }));
  }
  if (parsed.protocol !== 'https:') throw new ReceiveError(msg('receive.vc.notHttps', { what, protocol: parsed.protocol }));
  return parsed.href;
}

/** The credentials a presentation (or a bare credential) holds. */
function credentialsIn(value: unknown, host: string): unknown[] {
  const presentation = isRecord(value) && isRecord(value.verifiablePresentation) ? value.verifiablePresentation : value;
  if (isRecord(presentation)) {
    const types = Array.isArray(presentation.type) ? presentation.type : [presentation.type];
    if (types.includes('VerifiablePresentation')) {
      const held = presentation.verifiableCredential;
      const list = Array.isArray(held) ? held : held === undefined ? [] : [held];
      if (list.length === 0) throw new ReceiveError(msg('receive.vc.emptyPresentation', { host }));
      return list;
    }
    if (types.includes('VerifiableCredential')) return [presentation];
  }
  if (typeof presentation === 'string' && presentation.split('.').length === 3) return [presentation];
  throw new ReceiveError(msg('receive.vc.noCredential', { host }));
}

function asItems(credentials: unknown[], host: string): ReceivedItem[] {
  return credentials.map((credential) => ({ credential, expectedTypes: [], label: host }));
}

/** What the request asks to be signed: DID authentication only, with its challenge and domain. */
function didAuthenticationRequest(request: Record<string, unknown>, host: string): { challenge: string; domain?: string } {
  const queries = Array.isArray(request.query) ? request.query : [request.query];
  const types = queries.map((q) => (isRecord(q) ? q.type : undefined));
  if (types.length === 0 || types.some((t) => t !== 'DIDAuthentication')) {
    // Query types are the protocol's own names (QueryByExample); one without a name is said in words.
    const names = types.filter((t): t is string => typeof t === 'string');
    const unnamed = msg('receive.vc.unknownQuery');
    const asked = names.length === 0 ? unnamed : names.length < types.length ? msg('join.semicolon', { first: names.join(', '), rest: unnamed }) : names.join(', ');
    throw new ReceiveError(msg('receive.vc.asksMore', { host, asked }));
  }
  if (typeof request.challenge !== 'string' || request.challenge === '') throw new ReceiveError(msg('receive.vc.noChallenge', { host }));
  return { challenge: request.challenge, ...(typeof request.domain === 'string' ? { domain: request.domain } : {}) };
}

/** Where the signed presentation goes: the exchange itself, or its unmediated presentation service on the same host. */
function answerUrl(request: Record<string, unknown>, exchangeUrl: string): string {
  const interact = isRecord(request.interact) ? request.interact : undefined;
  const services = Array.isArray(interact?.service) ? interact.service : [];
  const service = services.find((s): s is Record<string, unknown> => isRecord(s) && s.type === 'UnmediatedHttpPresentationService2021');
  if (!service) return exchangeUrl;
  const endpoint = requireHttps(service.serviceEndpoint, 'receive.what.presentationService');
  if (hostOf(endpoint) !== hostOf(exchangeUrl)) throw new ReceiveError(msg('receive.vc.otherHost', { host: hostOf(exchangeUrl), other: hostOf(endpoint) }));
  return endpoint;
}

export async function receiveExchange(session: ReceiveSession, exchangeAddress: string, issuerName?: string): Promise<ReceivedItem[] | 'declined'> {
  const exchangeUrl = requireHttps(exchangeAddress, 'receive.what.exchange');
  const host = hostOf(exchangeUrl);
  const answer = await session.ask(question(exchangeUrl, session, issuerName));
  if (!answer.consent) return 'declined';
  let reply = await session.network.postJson(exchangeUrl, {});
  for (let round = 0; round < maxRounds; round++) {
    if (reply.status === 404 || reply.status === 410) throw new ReceiveError(msg('receive.vc.closed', { host }));
    if (reply.status < 200 || reply.status >= 300) throw new ReceiveError(statusMessage('receive.vc.status', 'receive.vc.statusSaid', host, reply));
    const body = reply.json;
    if (!isRecord(body)) throw new ReceiveError(msg('receive.vc.notJson', { host }));
    if (body.verifiablePresentation !== undefined) return asItems(credentialsIn(body, host), host);
    if (!isRecord(body.verifiablePresentationRequest)) throw new ReceiveError(msg('receive.vc.ended', { host }));
    const request = body.verifiablePresentationRequest;
    const auth = didAuthenticationRequest(request, host);
    const target = answerUrl(request, exchangeUrl);
    const presentation = await didAuthenticationPresentation(session.holder, auth);
    reply = await session.network.postJson(target, { verifiablePresentation: presentation });
  }
  throw new ReceiveError(msg('receive.vc.kept', { host }));
}

/** The DCC request-link form: the signed DID authentication goes straight to `vc_request_url`. */
export async function receiveRequestLink(session: ReceiveSession, requestUrl: string, challenge: string, issuerName?: string): Promise<ReceivedItem[] | 'declined'> {
  const url = requireHttps(requestUrl, 'receive.what.requestLink');
  const host = hostOf(url);
  const answer = await session.ask(question(url, session, issuerName));
  if (!answer.consent) return 'declined';
  const presentation = await didAuthenticationPresentation(session.holder, { challenge });
  const reply = await session.network.postJson(url, presentation);
  if (reply.status === 404 || reply.status === 410) throw new ReceiveError(msg('receive.vc.requestClosed', { host }));
  if (reply.status < 200 || reply.status >= 300) throw new ReceiveError(statusMessage('receive.vc.requestStatus', 'receive.vc.requestStatusSaid', host, reply));
  return asItems(credentialsIn(reply.json, host), host);
}

/** An interaction URL: which protocols the issuer offers there. */
export async function interactionProtocols(session: ReceiveSession, url: string): Promise<{ vcapi?: string; offer?: string } | undefined> {
  const body = await session.network.getJson(url);
  const protocols = isRecord(body) && isRecord(body.protocols) ? body.protocols : undefined;
  if (!protocols) return undefined;
  const vcapi = typeof protocols.vcapi === 'string' ? protocols.vcapi : undefined;
  const offer = typeof protocols.OID4VCI === 'string' ? protocols.OID4VCI : undefined;
  return { ...(vcapi ? { vcapi } : {}), ...(offer ? { offer } : {}) };
}

/** An unexpected status, with what the exchange said about it (its own words, as technical detail) when it said anything. */
function statusMessage(plain: ReceiveMessageKey, withDetail: ReceiveMessageKey, host: string, reply: { status: number; json: unknown }) {
  const said = isRecord(reply.json) ? (reply.json.message ?? reply.json.error_description ?? reply.json.error) : undefined;
  return typeof said === 'string' ? msg(withDetail, { host, status: reply.status, detail: said.slice(0, 200) }) : msg(plain, { host, status: reply.status });
}
