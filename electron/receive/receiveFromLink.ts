import { recogniseReceiveLink, type ReceiveLink } from '../../shared/credential/receiveLink';
import { isRecord } from '../../shared/jsonValue';
import { msg } from '../../shared/credential/verificationMessages';
import { safeFetchBytes } from '../verify/safeFetch';
import { receiveOffer } from './openid4vci';
import { fetchFailure, hostOf, receiveFetchDefaults, ReceiveError } from './receiveNetwork';
import { withHostIdentity } from './hostIdentity';
import type { ReceivedItem, ReceiveSession } from './receiveSession';
import { interactionProtocols, receiveExchange, receiveRequestLink } from './vcApi';

/**
 * From a link to the credentials its issuer hands over: recognise the link, run its protocol
 * (asking the user first), and return what came back, not yet read or stored. Every failure
 * is a ReceiveError whose message is one sentence for the user.
 */
export interface LinkReceipt {
  readonly issuerHost: string;
  readonly items: readonly ReceivedItem[] | 'declined';
}

const decoder = new TextDecoder();

function protocolsIn(bytes: Uint8Array): { vcapi?: string; offer?: string } | undefined {
  if (bytes.length > 64 * 1024 || bytes[0] !== 0x7b) return undefined;
  try {
    const body = JSON.parse(decoder.decode(bytes)) as unknown;
    const protocols = isRecord(body) && isRecord(body.protocols) ? body.protocols : undefined;
    if (!protocols) return undefined;
    return {
      ...(typeof protocols.vcapi === 'string' ? { vcapi: protocols.vcapi } : {}),
      ...(typeof protocols.OID4VCI === 'string' ? { offer: protocols.OID4VCI } : {}),
    };
  } catch {
    return undefined;
  }
}

async function viaProtocols(session: ReceiveSession, host: string, protocols: { vcapi?: string; offer?: string }, depth: number): Promise<LinkReceipt> {
  if (protocols.vcapi) return { issuerHost: hostOf(protocols.vcapi), items: await receiveExchange(session, protocols.vcapi) };
  if (protocols.offer && depth === 0) return receive(session, recogniseReceiveLink(protocols.offer), depth + 1);
  throw new ReceiveError(msg('receive.noProtocol', { host }));
}

async function receive(session: ReceiveSession, link: ReceiveLink, depth: number): Promise<LinkReceipt> {
  switch (link.kind) {
    case 'unknown':
      throw new ReceiveError(link.reasonMessage);
    case 'openid4vci-offer':
      return { issuerHost: link.host ?? 'the issuer', items: await receiveOffer(session, link.offer) };
    case 'dcc-request':
      return { issuerHost: link.host, items: await receiveRequestLink(session, link.requestUrl, link.challenge, link.issuer) };
    case 'vc-api-interaction': {
      const protocols = await interactionProtocols(session, link.url);
      if (!protocols) throw new ReceiveError(msg('receive.interactionNoProtocols', { host: link.host }));
      return viaProtocols(session, link.host, protocols, depth);
    }
    case 'web-address': {
      // A public GET, as a browser would make: the hosted assertion, the JSON, the baked image.
      let fetched;
      try {
        fetched = await safeFetchBytes(link.url, { ...receiveFetchDefaults, maxRedirects: 3, ...session.fetchOptions });
      } catch (error) {
        throw fetchFailure(link.host, error);
      }
      if (fetched.status !== 200) throw new ReceiveError(msg('receive.noCredentialAt', { host: link.host, status: fetched.status }));
      const protocols = protocolsIn(fetched.bytes);
      if (protocols) return viaProtocols(session, link.host, protocols, depth);
      const answer = await session.ask({ protocol: 'web', issuerHost: hostOf(fetched.finalUrl), sends: [], receives: [] });
      if (!answer.consent) return { issuerHost: link.host, items: 'declined' };
      return { issuerHost: link.host, items: [{ credential: fetched.bytes, expectedTypes: [], label: fetched.finalUrl, fromWebAddress: true }] };
    }
  }
}

export function receiveFromLink(session: ReceiveSession, text: string): Promise<LinkReceipt> {
  // Every protocol's question passes here on its way to the user: the registry finding is added once.
  const registries = session.registries ?? [];
  return receive({ ...session, ask: (question) => session.ask(withHostIdentity(question, registries)) }, recogniseReceiveLink(text), 0);
}
