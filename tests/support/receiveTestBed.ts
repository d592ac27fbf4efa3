import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { ConsentAnswer, ConsentQuestion } from '../../shared/credential/receiving';
import { Vault } from '../../electron/vault/vault';
import { LoopbackInternet } from './loopbackInternet';
import { testKdf } from './walletFixtures';

/**
 * What every receive test stands on: a loopback internet for the file's issuers, and a fresh
 * encrypted wallet for each test (locked after it). Call once at the top of a test file.
 */
export function receiveTestBed(folderPrefix: string) {
  let internet: LoopbackInternet | undefined;
  let vault: Vault | undefined;
  beforeAll(async () => {
    internet = await LoopbackInternet.start();
  });
  afterAll(async () => {
    await internet?.close();
  });
  beforeEach(async () => {
    vault = await Vault.create(mkdtempSync(path.join(os.tmpdir(), folderPrefix)), 'river lamp 12 ocean', testKdf);
  });
  afterEach(() => {
    vault?.lockWallet();
  });
  const bed = {
    get internet(): LoopbackInternet {
      if (!internet) throw new Error('the loopback internet starts before the tests');
      return internet;
    },
    get vault(): Vault {
      if (!vault) throw new Error('each test gets its wallet in beforeEach');
      return vault;
    },
    /** receiveCredentials' options: this wallet, offline verification, the loopback internet. */
    options: (timeoutMs?: number) => ({
      vault: bed.vault,
      verification: 'offline' as const,
      fetchOptions: { testNetwork: bed.internet.testNetwork, ...(timeoutMs ? { timeoutMs } : {}) },
    }),
  };
  return bed;
}

/** A user who answers every consent question the same way; `asked` keeps the questions. */
export function consenting(answer: ConsentAnswer = { consent: true }) {
  const asked: ConsentQuestion[] = [];
  return {
    asked,
    ask: (question: ConsentQuestion) => {
      asked.push(question);
      return Promise.resolve(answer);
    },
  };
}
