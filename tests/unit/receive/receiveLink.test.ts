import { generateKeyPairSync } from 'node:crypto';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { describe, expect, it } from 'vitest';
import { holderDidKey } from '../../../electron/portfolio/holderSignature';
import { devHostsWarning, devNetwork, DevHostsError, parseDevHosts } from '../../../electron/receive/devHosts';
import { didAuthenticationPresentation } from '../../../electron/receive/didAuthentication';
import { recogniseReceiveLink } from '../../../shared/credential/receiveLink';
import { offlineDocumentLoader } from '../../support/credentials';

const offerByValue = { credential_issuer: 'https://issuer.example.edu', credential_configuration_ids: ['OpenBadgeCredential'], grants: {} };

describe('recognising a link', () => {
  it.each([
    [
      `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(offerByValue))}`,
      { kind: 'openid4vci-offer', byReference: false, host: 'issuer.example.edu' },
    ],
    ['openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fissuer.example.edu%2Foffers%2F42', { kind: 'openid4vci-offer', byReference: true, host: 'issuer.example.edu' }],
    [
      'https://wallet.example/offer?credential_offer_uri=https%3A%2F%2Fissuer.example.edu%2Foffers%2F42',
      { kind: 'openid4vci-offer', byReference: true, host: 'issuer.example.edu' },
    ],
    ['https://issuer.example.edu/interactions/abc?iuv=1', { kind: 'vc-api-interaction', url: 'https://issuer.example.edu/interactions/abc?iuv=1', host: 'issuer.example.edu' }],
    [
      'https://lcw.app/request.html?issuer=issuer.example.edu&auth_type=bearer&challenge=ch4ll&vc_request_url=https%3A%2F%2Fissuer.example.edu%2Frequest%2F9',
      { kind: 'dcc-request', requestUrl: 'https://issuer.example.edu/request/9', challenge: 'ch4ll', issuer: 'issuer.example.edu', host: 'issuer.example.edu' },
    ],
    [
      'dccrequest://request?challenge=c1&vc_request_url=https%3A%2F%2Fsign.example.org%2Fissue',
      { kind: 'dcc-request', requestUrl: 'https://sign.example.org/issue', challenge: 'c1', host: 'sign.example.org' },
    ],
    ['https://api.badgr.io/public/assertions/Xy12?format=json', { kind: 'web-address', host: 'api.badgr.io' }],
    ['  https://badges.example.org/badge.png  ', { kind: 'web-address', url: 'https://badges.example.org/badge.png' }],
  ])('%s', (link, expected) => {
    expect(recogniseReceiveLink(link)).toMatchObject(expected);
  });

  it('unwraps a badgefolio:// link once', () => {
    const inner = 'https://issuer.example.edu/interactions/abc?iuv=1';
    expect(recogniseReceiveLink(`badgefolio://receive?link=${encodeURIComponent(inner)}`)).toMatchObject({ kind: 'vc-api-interaction', url: inner });
    expect(recogniseReceiveLink('badgefolio://offer?credential_offer_uri=https%3A%2F%2Fissuer.example.edu%2Fo')).toMatchObject({ kind: 'openid4vci-offer', byReference: true });
    const twice = `badgefolio://receive?link=${encodeURIComponent(`badgefolio://receive?link=${encodeURIComponent(inner)}`)}`;
    expect(recogniseReceiveLink(twice)).toMatchObject({ kind: 'unknown', reason: 'This Badgefolio link wraps another Badgefolio link.' });
  });

  it.each([
    ['', /empty/],
    ['not a link at all', /not a link/],
    ['http://issuer.example.edu/badge.json', /not secure \(http\)/],
    ['ftp://issuer.example.edu/badge.json', /does not know links starting with “ftp:\/\/”/],
    ['https://user:pw@issuer.example.edu/badge.json', /user name or password/],
    ['openid-credential-offer://?something=else', /holds no offer/],
    ['dccrequest://request?challenge=c1&vc_request_url=http%3A%2F%2Fsign.example.org', /no https vc_request_url/],
    ['https://lcw.app/request.html?vc_request_url=https%3A%2F%2Fa.example%2Fb', /no challenge/],
    ['https://lcw.app/request.html?issuer=x', /no vc_request_url/],
    ['badgefolio://settings', /names nothing to receive/],
  ])('says why %j is no link to receive from', (link, reason) => {
    const recognised = recogniseReceiveLink(link);
    expect(recognised.kind).toBe('unknown');
    expect(recognised.kind === 'unknown' && recognised.reason).toMatch(reason);
  });
});

describe('the DID authentication presentation', () => {
  it('verifies with Digital Bazaar for its challenge and domain, and for no other', async () => {
    const privateKey = generateKeyPairSync('ed25519').privateKey;
    const key = { privateKey, ...holderDidKey(privateKey) };
    const presentation = await didAuthenticationPresentation(key, { challenge: 'c-123', domain: 'issuer.example.edu' });
    expect(presentation.holder).toBe(key.did);
    const check = (challenge: string, domain: string) =>
      vc.verify({
        presentation,
        suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
        documentLoader: offlineDocumentLoader,
        challenge,
        domain,
        unsignedPresentation: false,
      });
    expect((await check('c-123', 'issuer.example.edu')).verified).toBe(true);
    expect((await check('c-999', 'issuer.example.edu')).verified).toBe(false);
    expect((await check('c-123', 'evil.example')).verified).toBe(false);
  });
});

describe('developer hosts', () => {
  it('maps named hosts to loopback ports, from the flag and the variable', () => {
    expect([...parseDevHosts(['issuer.example=127.0.0.1:8443'], 'b.example:8080=localhost:9000, ')]).toEqual([
      ['issuer.example', 8443],
      ['b.example:8080', 9000],
    ]);
    expect(parseDevHosts([], undefined).size).toBe(0);
  });

  it('maps nothing but loopback, and needs the certificate authority', () => {
    expect(() => parseDevHosts(['issuer.example=192.168.1.4:443'], undefined)).toThrow(DevHostsError);
    expect(() => parseDevHosts(['issuer.example'], undefined)).toThrow(/NAME=127\.0\.0\.1:PORT/);
    expect(devNetwork([], {})).toBeUndefined();
    expect(() => devNetwork(['issuer.example=127.0.0.1:8443'], {})).toThrow(/NODE_EXTRA_CA_CERTS/);
    expect(devHostsWarning({ resolve: new Map([['issuer.example', 8443]]), ca: '' })).toMatch(/^WARNING: developer hosts are ON: issuer\.example -> 127\.0\.0\.1:8443/);
  });
});
