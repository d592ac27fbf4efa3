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
  | { readonly kind: 'unknown'; readonly reason: string };

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
  if (!byReference && !params.has('credential_offer')) return { kind: 'unknown', reason: 'This credential offer link holds no offer (no credential_offer or credential_offer_uri).' };
  const host = offerHost(params);
  // The library reads the offer from the query: the scheme it was given under does not matter.
  const offer = `openid-credential-offer://?${params.toString()}`;
  return { kind: 'openid4vci-offer', offer, byReference, ...(host ? { host } : {}) };
}

function fromRequestParams(params: URLSearchParams): ReceiveLink {
  const requestUrl = params.get('vc_request_url') ?? '';
  const challenge = params.get('challenge') ?? '';
  const url = parse(requestUrl);
  if (url?.protocol !== 'https:') return { kind: 'unknown', reason: 'This credential request link has no https vc_request_url to ask.' };
  if (challenge === '') return { kind: 'unknown', reason: 'This credential request link has no challenge: the issuer could not tell this request from another.' };
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
    if (inner !== null) return depth > 0 ? { kind: 'unknown', reason: 'This Badgefolio link wraps another Badgefolio link.' } : recogniseAt(inner, depth + 1);
    if (params.has('credential_offer') || params.has('credential_offer_uri')) return fromOfferParams(params);
    if (params.has('vc_request_url')) return fromRequestParams(params);
    return { kind: 'unknown', reason: 'This Badgefolio link names nothing to receive.' };
  }
  if (url.protocol === 'http:') return { kind: 'unknown', reason: 'This link is not secure (http): Badgefolio receives credentials over https only.' };
  if (url.protocol !== 'https:') return { kind: 'unknown', reason: `Badgefolio does not know links starting with “${url.protocol}//”.` };
  if (url.username || url.password) return { kind: 'unknown', reason: 'This link carries a user name or password: it is not followed.' };
  if (params.has('credential_offer') || params.has('credential_offer_uri')) return fromOfferParams(params);
  if (params.has('vc_request_url')) return fromRequestParams(params);
  if (url.hostname === 'lcw.app' && url.pathname.startsWith('/request')) {
    return { kind: 'unknown', reason: 'This Learner Credential Wallet link has no vc_request_url to ask.' };
  }
  if (params.get('iuv') === '1') return { kind: 'vc-api-interaction', url: url.href, host: url.host };
  return { kind: 'web-address', url: url.href, host: url.host };
}

function recogniseAt(text: string, depth: number): ReceiveLink {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'unknown', reason: 'The link is empty.' };
  if (trimmed.length > maxLinkLength) return { kind: 'unknown', reason: 'The link is too long to be a credential link.' };
  const url = parse(trimmed);
  if (!url) return { kind: 'unknown', reason: 'This is not a link: paste the whole address, starting with https:// or openid-credential-offer://.' };
  return recogniseUrl(url, depth);
}

/** Which kind of link this is, or why it is none Badgefolio can receive from. */
export function recogniseReceiveLink(text: string): ReceiveLink {
  return recogniseAt(text, 0);
}
