import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { receiveCredentials, walletIdentifier } from '../../../electron/core/receiveCredentials';
import { Vault } from '../../../electron/vault/vault';
import type { ConsentAnswer, ConsentQuestion } from '../../../shared/credential/receiving';
import { LoopbackInternet } from '../../support/loopbackInternet';
import { startTestExchange } from '../../support/vcApiExchange';
import { testKdf } from '../../support/walletFixtures';

// VC-API exchanges (DCC style) against a local exchange server whose DID-authentication check
// is Digital Bazaar's verifier: the wallet's signature, challenge and domain must all pass it.
let internet: LoopbackInternet;
let vault: Vault;

beforeAll(async () => {
  internet = await LoopbackInternet.start();
});
afterAll(async () => {
  await internet.close();
});
beforeEach(async () => {
  vault = await Vault.create(mkdtempSync(path.join(os.tmpdir(), 'badgefolio-vcapi-')), 'river lamp 12 ocean', testKdf);
});
afterEach(() => {
  vault.lockWallet();
});

function consenting(answer: ConsentAnswer = { consent: true }) {
  const asked: ConsentQuestion[] = [];
  return { asked, ask: (question: ConsentQuestion) => (asked.push(question), Promise.resolve(answer)) };
}
const options = () => ({ vault, verification: 'offline' as const, fetchOptions: { testNetwork: internet.testNetwork } });

describe('receiving through a VC-API exchange', () => {
  it('answers DID authentication with a presentation Digital Bazaar verifies, and stores the credential', async () => {
    const exchange = await startTestExchange(internet, { host: 'exchange.issuer.example' });
    const { asked, ask } = consenting();
    const result = await receiveCredentials(exchange.interactionUrl, ask, options());
    expect(result).toMatchObject({ state: 'received', issuerHost: 'exchange.issuer.example', outcomes: [{ outcome: 'added', status: 'verified', name: 'Exchange Badge' }] });
    const did = walletIdentifier(vault);
    expect(exchange.checks).toEqual([{ verified: true, holder: did, challenge: expect.any(String) as string, domain: 'exchange.issuer.example', errors: [] }]);
    expect(asked).toEqual([
      { protocol: 'vc-api', issuerHost: 'exchange.issuer.example', sends: [{ kind: 'holder-did', did }, { kind: 'signed-proof', what: 'did-authentication' }], receives: [] },
    ]);
    expect(vault.list()).toHaveLength(1);
  });

  it('takes the DCC request-link form (vc_request_url and challenge)', async () => {
    const exchange = await startTestExchange(internet, { host: 'request.issuer.example' });
    const result = await receiveCredentials(exchange.requestLink, consenting().ask, options());
    expect(result).toMatchObject({ state: 'received', outcomes: [{ outcome: 'added', status: 'verified' }] });
    expect(exchange.checks.map((c) => [c.verified, c.holder])).toEqual([[true, walletIdentifier(vault)]]);
  });

  it('starts nothing when the user says no: not even the empty POST', async () => {
    const exchange = await startTestExchange(internet, { host: 'no.issuer.example' });
    const result = await receiveCredentials(exchange.interactionUrl, consenting({ consent: false }).ask, options());
    expect(result.state).toBe('declined');
    expect(exchange.requests.every((r) => r.startsWith('GET '))).toBe(true);
  });

  it('refuses an exchange that asks for credentials from the wallet, sending nothing signed', async () => {
    const exchange = await startTestExchange(internet, { host: 'greedy.issuer.example', askForCredentials: true });
    const result = await receiveCredentials(exchange.interactionUrl, consenting().ask, options());
    expect(result.state === 'failed' && result.reason).toMatch(/asks for more than your wallet's identifier \(DIDAuthentication, QueryByExample\).*Nothing was sent/);
    expect(exchange.checks).toHaveLength(0);
    expect(vault.list()).toHaveLength(0);
  });

  it('says an exchange that is gone is gone', async () => {
    const exchange = await startTestExchange(internet, { host: 'gone.issuer.example', expired: true });
    const result = await receiveCredentials(exchange.interactionUrl, consenting().ask, options());
    expect(result.state === 'failed' && result.reason).toMatch(/no longer open/);
  });
});
