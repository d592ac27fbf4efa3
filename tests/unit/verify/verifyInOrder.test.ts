import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { NormalizedCredential } from '../../../shared/credential/model';
import type { VerificationReport } from '../../../shared/credential/verification';
import { verifyOffThread } from '../../../electron/verify/signatureCheck';
import { verifyInOrder } from '../../../electron/verify/verifyInOrder';
import type { Verifier } from '../../../electron/verify/verifier';

describe('signature checks on the thread pool', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const data = new TextEncoder().encode('canonical credential hash');
  const signature = sign(null, data, privateKey);

  it('accepts the signature made by the key, refuses a changed message, another key or another algorithm', async () => {
    expect(await verifyOffThread(data, publicKey, signature)).toBe(true);
    expect(await verifyOffThread(new TextEncoder().encode('canonical credential hasH'), publicKey, signature)).toBe(false);
    expect(await verifyOffThread(data, generateKeyPairSync('ed25519').publicKey, signature)).toBe(false);
    expect(await verifyOffThread(data, generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey, signature)).toBe(false);
  });
});

describe('several checks under way on this thread', () => {
  /** A verifier whose checks finish when the test says, in any order: the schedule, not verification, is under test. */
  function heldVerifier() {
    const held: { id: string; finish: () => void; fail: () => void }[] = [];
    let underWay = 0;
    let most = 0;
    const verifier: Verifier = {
      verify: (credential) =>
        new Promise<VerificationReport>((resolve, reject) => {
          underWay++;
          most = Math.max(most, underWay);
          let settled = false;
          const done = () => {
            if (!settled) underWay--;
            settled = true;
          };
          held.push({
            id: credential.identity,
            finish: () => {
              done();
              resolve({ status: 'verified', summary: credential.identity } as VerificationReport);
            },
            fail: () => {
              done();
              reject(new Error(`could not check ${credential.identity}`));
            },
          });
        }),
    };
    return { verifier, held, most: () => most };
  }
  const credentials = Array.from({ length: 10 }, (_, i) => ({ identity: `c${String(i)}` }) as NormalizedCredential);
  const settleTurn = () => new Promise((resolve) => setImmediate(resolve));

  it('keeps at most the given number under way, answers in input order, and turns a failed check into an Error value', async () => {
    const { verifier, held, most } = heldVerifier();
    const reports = verifyInOrder(verifier, credentials, 3);
    await settleTurn();
    expect(held.map((h) => h.id)).toEqual(['c0', 'c1', 'c2']);
    // Finish out of order: the third first, then fail the first.
    held[2]?.finish();
    await settleTurn();
    held[0]?.fail();
    await settleTurn();
    expect(held).toHaveLength(5);
    for (let i = 0; i < 20 && !held.some((h) => h.id === 'c9'); i++) {
      for (const h of held.slice(1)) h.finish();
      await settleTurn();
    }
    for (const h of held) h.finish();
    const outcomes = await Promise.all(reports);
    expect(outcomes[0]).toBeInstanceOf(Error);
    expect(outcomes.slice(1).map((o) => (o instanceof Error ? 'error' : o.summary))).toEqual(credentials.slice(1).map((c) => c.identity));
    expect(most()).toBe(3);
  });
});
