import { describe, expect, it } from 'vitest';
import { receiveCredentials } from '../../../electron/core/receiveCredentials';
import { bakePngItxt, generateEd25519Issuer, makeBadgePng, makeOb3Credential, signDataIntegrity } from '../../support/credentials';
import { startTestIssuer } from '../../support/openid4vciIssuer';
import { consenting, receiveTestBed } from '../../support/receiveTestBed';

// Web addresses of credentials, and issuers that answer oddly: each ends in one sentence, with
// nothing stored and nothing sent beyond what the user agreed to.
const bed = receiveTestBed('badgefolio-receive-bad-');
const options = bed.options;

async function signedBadge(name: string) {
  const issuer = await generateEd25519Issuer();
  return signDataIntegrity(makeOb3Credential({ issuer: issuer.did, name, achievementName: name }), issuer, 'eddsa-rdfc-2022');
}

describe('receiving from the web address of a credential', () => {
  it('takes a credential’s JSON and a baked badge picture, after asking', async () => {
    bed.internet.serve('https://badges.example.org/credentials/1.json', { body: await signedBadge('Hosted JSON Badge') });
    bed.internet.serve('https://badges.example.org/credentials/2.png', {
      body: bakePngItxt(makeBadgePng(2_000, 3), 'openbadgecredential', JSON.stringify(await signedBadge('Baked Picture Badge'))),
      contentType: 'image/png',
    });
    const json = consenting();
    expect(await receiveCredentials('https://badges.example.org/credentials/1.json', json.ask, options())).toMatchObject({
      state: 'received',
      outcomes: [{ outcome: 'added', name: 'Hosted JSON Badge', status: 'verified' }],
    });
    expect(json.asked).toEqual([{ protocol: 'web', issuerHost: 'badges.example.org', sends: [], receives: [] }]);
    expect(await receiveCredentials('https://badges.example.org/credentials/2.png', consenting().ask, options())).toMatchObject({
      outcomes: [{ outcome: 'added', name: 'Baked Picture Badge', status: 'verified' }],
    });
    expect(await receiveCredentials('https://badges.example.org/credentials/1.json', consenting().ask, options())).toMatchObject({ outcomes: [{ outcome: 'already-there' }] });
  });

  it('says when there is nothing at the address, or it is not a credential', async () => {
    const missing = await receiveCredentials('https://badges.example.org/nothing.json', consenting().ask, options());
    expect(missing).toMatchObject({ state: 'failed', reason: 'badges.example.org answered 404: there is no credential at this address.' });
    bed.internet.serve('https://badges.example.org/page.html', { body: '<html><body>Congratulations!</body></html>', contentType: 'text/html' });
    const page = await receiveCredentials('https://badges.example.org/page.html', consenting().ask, options());
    expect(page).toMatchObject({ state: 'received', outcomes: [{ outcome: 'not-a-credential' }] });
    expect(bed.vault.list()).toHaveLength(0);
  });
});

describe('issuers that answer oddly', () => {
  it('does not follow a redirect of a protocol request, and stores nothing', async () => {
    const issuer = await startTestIssuer(bed.internet, { host: 'redirecting.issuer.example' });
    // The token endpoint now sends the wallet elsewhere: the pre-authorized code must not follow.
    bed.internet.serve('https://redirecting.issuer.example/token', { status: 307, body: '', contentType: 'text/plain', headers: { location: 'https://elsewhere.example/token' } });
    const result = await receiveCredentials(issuer.offerLink, consenting().ask, options());
    expect(result.state).toBe('failed');
    expect(result.state === 'failed' && result.reason).toMatch(/redirecting\.issuer\.example answered with a redirect to elsewhere\.example, which Badgefolio does not follow/);
    expect(bed.internet.statsFor('elsewhere.example').requests).toBe(0);
    expect(bed.vault.list()).toHaveLength(0);
  });

  it('gives up on an issuer that does not answer, with a sentence', async () => {
    bed.internet.serve('https://slow.issuer.example/offers/1', { hang: true });
    const result = await receiveCredentials('openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fslow.issuer.example%2Foffers%2F1', consenting().ask, options(300));
    expect(result.state === 'failed' && result.reason).toBe('The credential offer could not be read: slow.issuer.example did not answer within 300 ms.');
  });

  it('says an offer that is not JSON is malformed', async () => {
    const result = await receiveCredentials('openid-credential-offer://?credential_offer=%7Bnot-json', consenting().ask, options());
    expect(result.state === 'failed' && result.reason).toMatch(/^The credential offer could not be read/);
  });

  it('refuses an offer that needs the authorization code flow, before asking', async () => {
    const offer = { credential_issuer: 'https://auth.issuer.example', credential_configuration_ids: ['x'], grants: { authorization_code: { issuer_state: 's' } } };
    const { asked, ask } = consenting();
    const result = await receiveCredentials(`openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`, ask, options());
    expect(result.state === 'failed' && result.reason).toMatch(/sign in at the issuer/);
    expect(asked).toHaveLength(0);
  });
});
