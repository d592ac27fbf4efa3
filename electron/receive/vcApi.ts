import { isRecord } from '../../shared/jsonValue';
import type { ConsentQuestion } from '../../shared/credential/receiving';
import { didAuthenticationPresentation } from './didAuthentication';
import { hostOf, ReceiveError } from './receiveNetwork';
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

function requireHttps(url: unknown, what: string): string {
  if (typeof url !== 'string') throw new ReceiveError(`${what} gives no address.`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ReceiveError(`${what} gives an address that cannot be read.`);
  }
  if (parsed.protocol !== 'https:') throw new ReceiveError(`${what} is not an https address (${parsed.protocol}//…): Badgefolio does not use it.`);
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
      if (list.length === 0) throw new ReceiveError(`${host} answered with a presentation holding no credential.`);
      return list;
    }
    if (types.includes('VerifiableCredential')) return [presentation];
  }
  if (typeof presentation === 'string' && presentation.split('.').length === 3) return [presentation];
  throw new ReceiveError(`${host} answered without a credential.`);
}

function asItems(credentials: unknown[], host: string): ReceivedItem[] {
  return credentials.map((credential) => ({ credential, expectedTypes: [], label: host }));
}

/** What the request asks to be signed: DID authentication only, with its challenge and domain. */
function didAuthenticationRequest(request: Record<string, unknown>, host: string): { challenge: string; domain?: string } {
  const queries = Array.isArray(request.query) ? request.query : [request.query];
  const types = queries.map((q) => (isRecord(q) ? q.type : undefined));
  if (types.length === 0 || types.some((t) => t !== 'DIDAuthentication')) {
    const asked = types.map((t) => (typeof t === 'string' ? t : 'an unknown query')).join(', ');
    throw new ReceiveError(`${host} asks for more than your wallet's identifier (${asked}): Badgefolio only answers DID authentication. Nothing was sent.`);
  }
  if (typeof request.challenge !== 'string' || request.challenge === '') throw new ReceiveError(`${host} asks for DID authentication without a challenge. Nothing was sent.`);
  return { challenge: request.challenge, ...(typeof request.domain === 'string' ? { domain: request.domain } : {}) };
}

/** Where the signed presentation goes: the exchange itself, or its unmediated presentation service on the same host. */
function answerUrl(request: Record<string, unknown>, exchangeUrl: string): string {
  const interact = isRecord(request.interact) ? request.interact : undefined;
  const services = Array.isArray(interact?.service) ? interact.service : [];
  const service = services.find((s): s is Record<string, unknown> => isRecord(s) && s.type === 'UnmediatedHttpPresentationService2021');
  if (!service) return exchangeUrl;
  const endpoint = requireHttps(service.serviceEndpoint, 'The exchange’s presentation service');
  if (hostOf(endpoint) !== hostOf(exchangeUrl)) {
    throw new ReceiveError(`The exchange at ${hostOf(exchangeUrl)} asks for the answer to go to another host (${hostOf(endpoint)}), which you did not agree to. Nothing was sent.`);
  }
  return endpoint;
}

export async function receiveExchange(session: ReceiveSession, exchangeAddress: string, issuerName?: string): Promise<ReceivedItem[] | 'declined'> {
  const exchangeUrl = requireHttps(exchangeAddress, 'The VC-API exchange');
  const host = hostOf(exchangeUrl);
  const answer = await session.ask(question(exchangeUrl, session, issuerName));
  if (!answer.consent) return 'declined';
  let reply = await session.network.postJson(exchangeUrl, {});
  for (let round = 0; round < maxRounds; round++) {
    if (reply.status === 404 || reply.status === 410) throw new ReceiveError(`The exchange at ${host} is no longer open (it has expired or was already used). Ask the issuer for a new link.`);
    if (reply.status < 200 || reply.status >= 300) throw new ReceiveError(`The exchange at ${host} answered ${String(reply.status)}${errorText(reply.json)}.`);
    const body = reply.json;
    if (!isRecord(body)) throw new ReceiveError(`The exchange at ${host} answered with something that is not JSON.`);
    if (body.verifiablePresentation !== undefined) return asItems(credentialsIn(body, host), host);
    if (!isRecord(body.verifiablePresentationRequest)) throw new ReceiveError(`The exchange at ${host} ended without giving a credential.`);
    const request = body.verifiablePresentationRequest;
    const auth = didAuthenticationRequest(request, host);
    const target = answerUrl(request, exchangeUrl);
    const presentation = await didAuthenticationPresentation(session.holder, auth);
    reply = await session.network.postJson(target, { verifiablePresentation: presentation });
  }
  throw new ReceiveError(`The exchange at ${host} kept asking without giving a credential.`);
}

/** The DCC request-link form: the signed DID authentication goes straight to `vc_request_url`. */
export async function receiveRequestLink(session: ReceiveSession, requestUrl: string, challenge: string, issuerName?: string): Promise<ReceivedItem[] | 'declined'> {
  const url = requireHttps(requestUrl, 'The request link');
  const host = hostOf(url);
  const answer = await session.ask(question(url, session, issuerName));
  if (!answer.consent) return 'declined';
  const presentation = await didAuthenticationPresentation(session.holder, { challenge });
  const reply = await session.network.postJson(url, presentation);
  if (reply.status === 404 || reply.status === 410) throw new ReceiveError(`The request at ${host} is no longer open (it has expired or was already used). Ask the issuer for a new link.`);
  if (reply.status < 200 || reply.status >= 300) throw new ReceiveError(`${host} answered ${String(reply.status)}${errorText(reply.json)}.`);
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

function errorText(json: unknown): string {
  if (!isRecord(json)) return '';
  const said = json.message ?? json.error_description ?? json.error;
  return typeof said === 'string' ? `: ${said.slice(0, 200)}` : '';
}
