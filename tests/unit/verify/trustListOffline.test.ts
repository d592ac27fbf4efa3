// A Europass seal found on the EU trust list online is found on it offline later (issue #16:
// "used to re-verify offline later with dated evidence"). On the loopback internet (HTTPS on
// 127.0.0.1, the test's CA) a member state's list of 6 MB (larger than the earlier cache's 512 KB
// and than the fetcher's usual 5 MB cap: real lists run to 10 MB) is fetched once, kept in a real wallet, and read from there when
// the wallet is opened again without network: the same `trust-list` identity, with the date the
// list was fetched. A flipped byte in the kept list never makes the seal "not genuine": the list
// reads as not kept, and the next online check fetches it again.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaultFetchCache } from '../../../electron/core/vaultFetchCache';
import { Vault } from '../../../electron/vault/vault';
import { checkWallet } from '../../../electron/vault/walletCheck';
import { defaultFetchOptions } from '../../../electron/verify/fetchContract';
import { createVerifier } from '../../../electron/verify/verifier';
import type { NormalizedCredential } from '../../../shared/credential/model';
import type { LoopbackInternet } from '../../support/loopbackInternet';
import { flipByte, testKdf } from '../../support/walletFixtures';
import { authority, belgianAuthorities, belgianInternet, belgianList, belgianTsl, sealedBy } from './trustListBuilders';

const now = new Date('2026-12-01T00:00:00Z');
const passphrase = 'orange kettle 47 violin';
let net: LoopbackInternet;
let seal: NormalizedCredential;
let listBytes: number;
let folder: string;

beforeAll(async () => {
  const { listedCa, formerCa } = await belgianAuthorities();
  const filler = await authority('C=BE, O=Other Provider, CN=Other Qualified CA');
  seal = await sealedBy(listedCa, 'C=BE, O=Acme Academy, CN=Acme Seal 2026');
  const list = belgianTsl(listedCa, formerCa, { filler, minBytes: 6 * 1024 * 1024 });
  listBytes = Buffer.byteLength(list);
  net = await belgianInternet(list);
  folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-trustlist-'));
  (await Vault.create(folder, passphrase, testKdf)).lockWallet();
}, 60_000);
afterAll(async () => {
  await net.close();
  rmSync(folder, { recursive: true, force: true });
});

const verifier = (vault: Vault, network: 'allowed' | 'offline') =>
  createVerifier({ network, now, cache: new VaultFetchCache(() => vault), registries: [], fetchOptions: { testNetwork: net.testNetwork } });

/** Opens the wallet, runs `use`, locks it again. */
async function withWallet<T>(use: (vault: Vault) => Promise<T>): Promise<T> {
  const vault = await Vault.unlock(folder, passphrase, { write: true });
  try {
    return await use(vault);
  } finally {
    vault.lockWallet();
  }
}

describe('a Europass seal and a trust list kept in the wallet', () => {
  it('gives the same trust-list identity offline later, dated by the fetch of the list', async () => {
    expect(listBytes).toBeGreaterThan(defaultFetchOptions.maxBytes);
    const online = await withWallet((vault) => verifier(vault, 'allowed').verify(seal));
    const onlineTrust = online.checks.find((c) => c.id === 'trust-chain');
    expect(onlineTrust).toMatchObject({ outcome: 'passed', evidence: { url: belgianList, origin: 'network' } });
    expect(online.issuerIdentity).toMatchObject({ level: 'trust-list', name: 'Acme Academy', asOf: '2026-11-15T00:00:00Z' });
    const fetchedAt = onlineTrust?.evidence?.fetchedAt;
    expect(fetchedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const requests = net.totalRequests;
    const offline = await withWallet((vault) => verifier(vault, 'offline').verify(seal));
    expect(net.totalRequests).toBe(requests);
    expect(offline.status).toBe(online.status);
    expect(offline.issuerIdentity).toEqual(online.issuerIdentity);
    const offlineTrust = offline.checks.find((c) => c.id === 'trust-chain');
    expect(offlineTrust).toMatchObject({ outcome: 'passed', evidence: { url: belgianList, origin: 'cache', fetchedAt } });
    expect(offlineTrust?.sentence).toMatch(/as last fetched on \d+ \w+ \d{4}/);
  });

  it('never calls the seal "not genuine" when the kept list is damaged: the list reads as not kept and is fetched again online', async () => {
    const genuine = await withWallet((vault) => verifier(vault, 'offline').verify(seal));
    await withWallet(async (vault) => {
      const entry = vault
        .fetchedDocuments()
        .index()
        .entries.find((e) => e.url === belgianList);
      if (!entry) throw new Error('the list was not kept');
      flipByte(path.join(folder, vault.fetchedDocuments().file(entry.blob)), 100);
      await Promise.resolve();
    });

    const damaged = await withWallet((vault) => verifier(vault, 'offline').verify(seal));
    expect(damaged.status).not.toBe('invalid');
    expect(damaged.checks.find((c) => c.id === 'signature')?.outcome).toBe(genuine.checks.find((c) => c.id === 'signature')?.outcome);
    expect(damaged.checks.find((c) => c.id === 'trust-chain')?.outcome).toBe('skipped');
    expect(damaged.issuerIdentity?.level).toBe('unconfirmed');

    const found = await withWallet((vault) => Promise.resolve(checkWallet(vault).damaged));
    expect(found.map((item) => [item.document, item.url])).toEqual([['fetched-document', belgianList]]);

    const requests = net.totalRequests;
    const again = await withWallet((vault) => verifier(vault, 'allowed').verify(seal));
    expect(net.totalRequests).toBeGreaterThan(requests);
    expect(again.issuerIdentity?.level).toBe('trust-list');
    const offline = await withWallet((vault) => verifier(vault, 'offline').verify(seal));
    expect(offline.issuerIdentity).toEqual(again.issuerIdentity);
    expect(offline.checks.find((c) => c.id === 'trust-chain')?.evidence?.origin).toBe('cache');
  });
});
