import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { ReceiveFlows } from '../../electron/core/receiveFlow';
import type { ReceiveStep } from '../../shared/contract/receiveSchemas';
import type { IpcResult } from '../../shared/contract/result';
import { LoopbackInternet } from '../support/loopbackInternet';
import { startTestIssuer } from '../support/openid4vciIssuer';
import { harnessHandlers, testWalletSession } from '../support/testHandlers';

// Receiving from a link through the IPC contract (issue #20): a real wallet session, a real
// OpenID4VCI issuer on the loopback internet, the two channels the window uses.
let internet: LoopbackInternet;
beforeAll(async () => {
  internet = await LoopbackInternet.start();
});
afterAll(async () => {
  await internet.close();
});

async function openWallet() {
  const wallet = testWalletSession(mkdtempSync(path.join(os.tmpdir(), 'badgefolio-receive-channels-')), { testNetwork: internet.testNetwork });
  await wallet.create('cedar lamp 31 river', false);
  return wallet;
}

function step(result: IpcResult<unknown>): ReceiveStep {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ReceiveStep;
}

const posts = (requests: readonly string[]): string[] => requests.filter((r) => r.startsWith('POST'));

describe('receiveFromLink and answerReceiveConsent', () => {
  it('asks first, sends nothing before yes, and answers with summary rows after it', async () => {
    const wallet = await openWallet();
    const handlers = harnessHandlers(wallet);
    const issuer = await startTestIssuer(internet, { host: 'channels.issuer.example' });
    const asked = step(await dispatch(handlers, 'receiveFromLink', { link: issuer.offerLink }));
    expect(asked).toMatchObject({
      step: 'consent-needed',
      question: { issuerHost: 'channels.issuer.example', sends: [{ kind: 'holder-did', did: wallet.holderIdentity() }, { kind: 'signed-proof' }] },
    });
    expect(posts(issuer.requests)).toEqual([]);
    if (asked.step !== 'consent-needed') return;
    const done = step(await dispatch(handlers, 'answerReceiveConsent', { requestId: asked.requestId, answer: { consent: true } }));
    expect(done).toMatchObject({
      step: 'done',
      result: { state: 'received', issuerHost: 'channels.issuer.example' },
      rows: [{ file: 'channels.issuer.example', outcome: 'added', name: 'Data Science Fundamentals', status: 'verified', issuerIdentity: { level: 'unconfirmed' } }],
    });
    expect(wallet.list()).toHaveLength(1);
    // The question was answered: answering it again is refused, and nothing more is sent.
    const again = await dispatch(handlers, 'answerReceiveConsent', { requestId: asked.requestId, answer: { consent: true } });
    expect(again).toMatchObject({ ok: false, error: { code: 'refused' } });
    wallet.lock();
  });

  it('no sends nothing, and a bad link ends at once with a sentence', async () => {
    const wallet = await openWallet();
    const handlers = harnessHandlers(wallet);
    const issuer = await startTestIssuer(internet, { host: 'decline.issuer.example' });
    const asked = step(await dispatch(handlers, 'receiveFromLink', { link: issuer.offerLink }));
    if (asked.step !== 'consent-needed') throw new Error('not asked');
    const declined = step(await dispatch(handlers, 'answerReceiveConsent', { requestId: asked.requestId, answer: { consent: false } }));
    expect(declined).toEqual({ step: 'done', result: { state: 'declined', issuerHost: 'decline.issuer.example' }, rows: [] });
    expect(posts(issuer.requests)).toEqual([]);
    expect(issuer.proofHolders).toEqual([]);

    const bad = step(await dispatch(handlers, 'receiveFromLink', { link: 'http://insecure.example/badge.json' }));
    expect(bad).toMatchObject({ step: 'done', result: { state: 'failed' }, rows: [] });
    expect(bad.step === 'done' && bad.result.state === 'failed' && bad.result.reason).toMatch(/not secure/);
    expect(await dispatch(handlers, 'answerReceiveConsent', { requestId: 'x', answer: { consent: true } })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    wallet.lock();
  });

  it('a question nobody answers counts as no when its time is up; an answer after a lock counts as no', async () => {
    const wallet = await openWallet();
    const issuer = await startTestIssuer(internet, { host: 'timeout.issuer.example' });
    const flows = new ReceiveFlows({ receive: (link, ask) => wallet.receive(link, ask), consentTimeoutMs: 0 });
    const asked = await flows.start(issuer.offerLink);
    expect(asked.step).toBe('consent-needed');
    await vi.waitFor(() => {
      expect(flows.size).toBe(0);
    });
    if (asked.step === 'consent-needed') expect(() => flows.answer(asked.requestId, { consent: true })).toThrow(/no longer waiting/);
    expect(posts(issuer.requests)).toEqual([]);

    const patient = new ReceiveFlows({ receive: (link, ask) => wallet.receive(link, ask) });
    const second = await startTestIssuer(internet, { host: 'locked.issuer.example' });
    const waiting = await patient.start(second.offerLink);
    if (waiting.step !== 'consent-needed') throw new Error('not asked');
    wallet.lock();
    const after = await patient.answer(waiting.requestId, { consent: true });
    expect(after).toMatchObject({ step: 'done', result: { state: 'declined' } });
    expect(posts(second.requests)).toEqual([]);
  });

  it('only a few receives wait at once; cancelAll answers them no', async () => {
    const wallet = await openWallet();
    const flows = new ReceiveFlows({ receive: (link, ask) => wallet.receive(link, ask), maxWaiting: 2 });
    const issuers = await Promise.all(['one', 'two'].map((name) => startTestIssuer(internet, { host: `${name}.many.issuer.example` })));
    const steps = await Promise.all(issuers.map((issuer) => flows.start(issuer.offerLink)));
    expect(steps.map((s) => s.step)).toEqual(['consent-needed', 'consent-needed']);
    expect(() => flows.start(issuers[0]?.offerLink ?? '')).toThrow(/still waiting/);
    flows.cancelAll();
    await vi.waitFor(() => {
      expect(flows.size).toBe(0);
    });
    for (const issuer of issuers) expect(posts(issuer.requests)).toEqual([]);
    wallet.lock();
  });
});
