import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { startHarnessProcess, type HarnessProcess } from '../support/harnessProcess';
import { LoopbackInternet } from '../support/loopbackInternet';

/**
 * The end-to-end tests of issue #20 stand on this: a loopback internet for the test's issuers,
 * and the harness reaching the named `hosts` there through the developer option (--dev-host,
 * and the internet's certificate authority in NODE_EXTRA_CA_CERTS), exactly as an issuer
 * testing against Badgefolio would run it.
 */
export function receiveHarnessTest(hosts: readonly string[]) {
  return base.extend<{ internet: LoopbackInternet; harness: HarnessProcess }>({
    // eslint-disable-next-line no-empty-pattern -- the loopback internet needs no other fixture
    internet: async ({}, use) => {
      const internet = await LoopbackInternet.start();
      await use(internet);
      await internet.close();
    },
    harness: async ({ internet }, use) => {
      const caFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-ca-')), 'ca.pem');
      writeFileSync(caFile, internet.ca);
      const args = hosts.flatMap((host) => ['--dev-host', `${host}=127.0.0.1:${String(internet.port)}`]);
      const harness = await startHarnessProcess(undefined, { args, env: { NODE_EXTRA_CA_CERTS: caFile } });
      await use(harness);
      await harness.stop();
    },
  });
}
