import { describe, expect, it } from 'vitest';
import { receiveCredentials, walletIdentifier } from '../../../electron/core/receiveCredentials';
import { startTestExchange } from '../../support/vcApiExchange';
import { consenting, receiveTestBed } from '../../support/receiveTestBed';

// VC-API exchanges (DCC style) against a local exchange server whose DID-authentication check
// is Digital Bazaar's verifier: the wallet's signature, challenge and domain must all pass it.
const bed = receiveTestBed('badgefolio-vcapi-');
const options = bed.options;

describe('receiving through a VC-API exchange', () => {
  it('answers DID authentication with a presentation Digital Bazaar verifies, and stores the credential', async () => {
    const exchange = await startTestExchange(bed.internet, { host: 'exchange.issuer.example' });
    const { asked, ask } = consenting();
    const result = await receiveCredentials(exchange.interactionUrl, ask, options());
    expect(result).toMatchObject({ state: 'received', issuerHost: 'exchange.issuer.example', outcomes: [{ outcome: 'added', status: 'verified', name: 'Exchange Badge' }] });
    const did = walletIdentifier(bed.vault);
    expect(exchange.checks).toEqual([{ verified: true, holder: did, challenge: expect.any(String) as string, domain: 'exchange.issuer.example', errors: [] }]);
    expect(asked).toEqual([
      {
        protocol: 'vc-api',
        issuerHost: 'exchange.issuer.example',
        sends: [
          { kind: 'holder-did', did },
          { kind: 'signed-proof', what: 'did-authentication' },
        ],
        receives: [],
      },
    ]);
    expect(bed.vault.list()).toHaveLength(1);
  });

  it('takes the DCC request-link form (vc_request_url and challenge)', async () => {
    const exchange = await startTestExchange(bed.internet, { host: 'request.issuer.example' });
    const result = await receiveCredentials(exchange.requestLink, consenting().ask, options());
    expect(result).toMatchObject({ state: 'received', outcomes: [{ outcome: 'added', status: 'verified' }] });
    expect(exchange.checks.map((c) => [c.verified, c.holder])).toEqual([[true, walletIdentifier(bed.vault)]]);
  });

  it('starts nothing when the user says no: not even the empty POST', async () => {
    const exchange = await startTestExchange(bed.internet, { host: 'no.issuer.example' });
    const result = await receiveCredentials(exchange.interactionUrl, consenting({ consent: false }).ask, options());
    expect(result.state).toBe('declined');
    expect(exchange.requests.every((r) => r.startsWith('GET '))).toBe(true);
  });

  it('refuses an exchange that asks for credentials from the wallet, sending nothing signed', async () => {
    const exchange = await startTestExchange(bed.internet, { host: 'greedy.issuer.example', askForCredentials: true });
    const result = await receiveCredentials(exchange.interactionUrl, consenting().ask, options());
    expect(result.state === 'failed' && result.reason).toMatch(/asks for more than your wallet's identifier \(DIDAuthentication, QueryByExample\).*Nothing was sent/);
    expect(exchange.checks).toHaveLength(0);
    expect(bed.vault.list()).toHaveLength(0);
  });

  it('says an exchange that is gone is gone', async () => {
    const exchange = await startTestExchange(bed.internet, { host: 'gone.issuer.example', expired: true });
    const result = await receiveCredentials(exchange.interactionUrl, consenting().ask, options());
    expect(result.state === 'failed' && result.reason).toMatch(/no longer open/);
  });
});
