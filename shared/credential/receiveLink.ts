import type { VerificationMessage } from './verification';
import { englishOf, msg, type MessageParams, type ReceiveMessageKey } from './verificationMessages';

/**
 * What a pasted, dropped, scanned or deep-linked address is, before anything is fetched: an
 * OpenID4VCI credential offer, a VC-API interaction URL, a DCC / Learner Credential Wallet
 * request link, or a plain web address (a hosted Open Badges 2.0 assertion, a credential's
 * JSON, a baked badge image, or an interaction URL that only says so when asked). Pure: the
 * app's paste dialog, the deep-link hand-off and `badgefolio receive` all start here.
 */
export type ReceiveLink =
  /** `offer` is the link as the OpenID4VCI library takes it (`openid-credential-offer://?…`). */
  | { readonly kind: 'openid4vci-offer'; readonly offer: string; readonly host?: string; readonly byReference: boolean }
  /** A VC-API interaction URL (`?iuv=1`): GET it for `protocols.vcapi`. */
  | { readonly kind: 'vc-api-interaction'; readonly url: string; readonly host: string }
  /** A DCC request link: POST a DID authentication with `challenge` to `requestUrl`. */
  | { readonly kind: 'dcc-request'; readonly requestUrl: string; readonly challenge: string; readonly issuer?: string; readonly host: string }
  /** An https address to fetch: a credential, a badge image, or an interaction URL answering `protocols`. */
  | { readonly kind: 'web-address'; readonly url: string; readonly host: string }
  /** `reason` is the English of `reasonMessage`, which says it in the reader's language. */
  | { readonly kind: 'unknown'; readonly reason: string; readonly reasonMessage: VerificationMessage };

function unknown(key: ReceiveMessageKey, params?: MessageParams): ReceiveLink {
  const reasonMessage = msg(key, params);
  return { kind: 'unknown', reason: englishOf(reasonMessage), reasonMessage };
}

const offerSchemes = new Set(['openid-credential-offer:', 'haip:', 'openid-vc:']);
const maxLinkLength = 64 * 1024;

function parse(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** The offer's host when the offer says (by reference: the offer URI's; by value: `credential_issuer`). */
function offerHost(params: URLSearchParams): string | undefined {
  const uri = params.get('credential_offer_uri');
  if (uri) return parse(uri)?.host;
  const value = params.get('credential_offer');
  if (!value) return undefined;
  try {
    const offer = JSON.parse(value) as { credential_issuer?: unknown };
    return typeof offer.credential_issuer === 'string' ? parse(offer.credential_issuer)?.host : undefined;
  } catch {
    return undefined;
  }
}

function fromOfferParams(params: URLSearchParams): ReceiveLink {
  const byReference = params.has('credential_offer_uri');
  if (!byReference && !params.has('credential_offer')) return unknown('receive.link.noOffer');
  const host = offerHost(params);
  // The library reads the offer from the query: the scheme it was given under does not matter.
  const offer = `openid-credential-offer://?${params.toString()}`;
  return { kind: 'openid4vci-offer', offer, byReference, ...(host ? { host } : {}) };
}

function fromRequestParams(params: URLSearchParams): ReceiveLink {
  const requestUrl = params.get('vc_request_url') ?? '';
  const challenge = params.get('challenge') ?? '';
  const url = parse(requestUrl);
  if (url?.protocol !== 'https:') return unknown('receive.link.noRequestUrl');
  if (challenge === '') return unknown('receive.link.noChallenge');
  const issuer = params.get('issuer') ?? undefined;
  return { kind: 'dcc-request', requestUrl: url.href, challenge, host: url.host, ...(issuer ? { issuer } : {}) };
}

function recogniseUrl(url: URL, depth: number): ReceiveLink {
  const params = url.searchParams;
  if (offerSchemes.has(url.protocol)) return fromOfferParams(params);
  if (url.protocol === 'dccrequest:') return fromRequestParams(params);
  if (url.protocol === 'badgefolio:') {
    // badgefolio://receive?link=… wraps any of the others (once: a wrapper of a wrapper is refused).
    const inner = params.get('link') ?? params.get('url');
    if (inner !== null) return depth > 0 ? unknown('receive.link.wrapsWrapper') : recogniseAt(inner, depth + 1);
    if (params.has('credential_offer') || params.has('credential_offer_uri')) return fromOfferParams(params);
    if (params.has('vc_request_url')) return fromRequestParams(params);
    return unknown('receive.link.namesNothing');
  }
  if (url.protocol === 'http:') return unknown('receive.link.http');
  if (url.protocol !== 'https:') return unknown('receive.link.unknownScheme', { scheme: url.protocol });
  if (url.username || url.password) return unknown('receive.link.userInfo');
  if (params.has('credential_offer') || params.has('credential_offer_uri')) return fromOfferParams(params);
  if (params.has('vc_request_url')) return fromRequestParams(params);
  if (url.hostname === 'lcw.app' && url.pathname.startsWith('/request')) {
    return unknown('receive.link.lcwNoRequest');
  }
  if (params.get('iuv') === '1') return { kind: 'vc-api-interaction', url: url.href, host: url.host };
  return { kind: 'web-address', url: url.href, host: url.host };
}

function recogniseAt(text: string, depth: number): ReceiveLink {
  const trimmed = text.trim();
  if (trimmed === '') return unknown('receive.link.empty');
  if (trimmed.length > maxLinkLength) return unknown('receive.link.tooLong');
  const url = parse(trimmed);
  if (!url) return unknown('receive.link.notALink');
  return recogniseUrl(url, depth);
}

/** Which kind of link this is, or why it is none Badgefolio can receive from. */
export function recogniseReceiveLink(text: string): ReceiveLink {
  return recogniseAt(text, 0);
}

/**
 * Whether the text of a QR code (on a picture or a PDF) is a link to receive credentials from:
 * an OpenID4VCI offer, a VC-API interaction URL, a DCC / LCW request link, or any link to
 * Badgefolio itself (`badgefolio://…`). A plain https address is not: on a certificate it is
 * most often the issuer's verification page, which the certificate keeps as its link.
 */
export function receivableCode(text: string): ReceiveLink | undefined {
  const link = recogniseReceiveLink(text);
  if (link.kind === 'unknown') return undefined;
  if (link.kind === 'web-address') return /^badgefolio:/i.test(text.trim()) ? link : undefined;
  return link;
}

/** The host a recognised link asks, for the sentence that names it ("a credential offer from issuer.example"). */
export function receiveLinkHost(link: ReceiveLink): string | undefined {
  return link.kind === 'unknown' ? undefined : link.host;
}
