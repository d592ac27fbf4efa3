import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { IssuerRegistryStore } from '../../electron/core/issuerRegistryStore';
import { Vault } from '../../electron/vault/vault';
import { bundledRegistries } from '../../electron/verify/issuerRegistries';
import { safeFetch } from '../../electron/verify/safeFetch';
import type { NetworkUse } from '../../shared/preferences';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, seededBytes, signDataIntegrity } from '../support/credentials';
import { harnessHandlers, testWalletSession } from '../support/testHandlers';
import { testKdf } from '../support/walletFixtures';

/**
 * Settings › Issuer registries: the user's own lists (an employer's) are kept encrypted in the
 * wallet and consulted first; the DCC lists are refreshed from where they are published, and a
 * refresh that fails or brings an older list changes nothing. Credentials are signed by Digital
 * Bazaar's libraries.
 */
const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A registry host on loopback answering each path from a table (status and body), counting requests. */
async function registryHost(answers: Map<string, { status: number; body: string }>): Promise<{ origin: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    const answer = answers.get(request.url ?? '') ?? { status: 404, body: 'not found' };
    response.writeHead(answer.status, { 'content-type': 'application/json' });
    response.end(answer.body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { origin: `http://127.0.0.1:${String(address.port)}`, hits };
}

function handlersFor(folder: string, network: NetworkUse = 'offline') {
  const store: Record<string, unknown> = { network };
  return harnessHandlers(testWalletSession(folder, { networkUse: () => store.network as NetworkUse }), { store });
}

async function signedCredential(name: string, seed: number) {
  const issuer = await generateEd25519Issuer(seededBytes(32, seed));
  const credential = makeOb3Credential({ issuer: makeIssuerProfile({ id: issuer.did, name }), validFrom: '2024-01-01T00:00:00Z', achievementName: 'Welding safety' });
  const signed = await signDataIntegrity(credential, issuer, 'eddsa-rdfc-2022', { date: '2024-01-01T00:00:00Z' });
  return { did: issuer.did, bytes: new TextEncoder().encode(JSON.stringify(signed)) };
}

const registryFile = (entries: Record<string, { name: string; location?: string }>, updated = '2026-09-01T00:00:00Z') =>
  new TextEncoder().encode(JSON.stringify({ meta: { created: '2026-01-01T00:00:00Z', updated }, registry: entries }));

describe('issuer registries in the wallet', () => {
  it('a list the user adds names the issuer of a credential signed by a key on it; removing it takes that back', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-registries-'));
    const h = handlersFor(folder);
    await dispatch(h, 'createWallet', { passphrase: 'river lamp 12 ocean', remember: false });
    const { did, bytes } = await signedCredential('Harbour Uni', 701);
    await dispatch(h, 'importFiles', { files: [{ name: 'welding.json', bytes }] });
    const [card] = ((await dispatch(h, 'listCredentials', {})) as { value: { credentials: { id: string; issuerIdentity?: { level: string } }[] } }).value.credentials;
    expect(card?.issuerIdentity?.level).toBe('unconfirmed');

    const listed = await dispatch(h, 'addIssuerRegistry', {
      fileName: 'acme-hiring.json',
      bytes: registryFile({ [did]: { name: 'Harbour University', location: 'Bristol, UK' } }),
    });
    expect(listed).toMatchObject({ ok: true });
    const view = (listed as { value: { registries: { name: string; kind: string; issuers: number; asOf: string | null }[] } }).value;
    expect(view.registries[0]).toMatchObject({ name: 'acme-hiring.json', kind: 'own', issuers: 1, asOf: '2026-09-01T00:00:00.000Z' });
    expect(view.registries.slice(1).map((r) => r.name)).toEqual(bundledRegistries.map((r) => r.name));

    const checked = await dispatch(h, 'recheckCredential', { id: card?.id ?? '' });
    expect(checked).toMatchObject({ ok: true });
    const detail = await dispatch(h, 'credentialDetail', { id: card?.id ?? '' });
    expect(detail).toMatchObject({
      ok: true,
      value: { credential: { verification: { issuerIdentity: { level: 'registry', name: 'Harbour University', source: 'acme-hiring.json' } } } },
    });

    // Kept in the wallet, encrypted: the next unlock still consults it; the file holds no DID in the clear.
    const documents = readdirSync(path.join(folder, 'documents')).map((file) => readFileSync(path.join(folder, 'documents', file), 'latin1'));
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.some((text) => text.includes(did) || text.includes('Harbour University'))).toBe(false);
    await dispatch(h, 'lockWallet', {});
    await dispatch(h, 'unlockWallet', { passphrase: 'river lamp 12 ocean', remember: false });
    expect(((await dispatch(h, 'issuerRegistries', {})) as { value: { registries: { name: string }[] } }).value.registries[0]?.name).toBe('acme-hiring.json');

    await dispatch(h, 'removeIssuerRegistry', { name: 'acme-hiring.json' });
    await dispatch(h, 'recheckCredential', { id: card?.id ?? '' });
    expect(await dispatch(h, 'credentialDetail', { id: card?.id ?? '' })).toMatchObject({ value: { credential: { verification: { issuerIdentity: { level: 'unconfirmed' } } } } });
  });

  it('a file that is not a registry is refused with the reason and changes nothing', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-registries-'));
    const h = handlersFor(folder);
    await dispatch(h, 'createWallet', { passphrase: 'river lamp 12 ocean', remember: false });
    const before = await dispatch(h, 'issuerRegistries', {});
    await expect(dispatch(h, 'addIssuerRegistry', { fileName: 'notes.json', bytes: new TextEncoder().encode('{"hello": "world"}') })).resolves.toMatchObject({
      ok: false,
      error: { code: 'refused', message: 'notes.json is not an issuer registry: it has no "registry" object of DIDs.' },
    });
    await expect(dispatch(h, 'addIssuerRegistry', { fileName: 'broken.json', bytes: new TextEncoder().encode('{"registry": ') })).resolves.toMatchObject({
      ok: false,
      error: { message: 'broken.json could not be read as JSON.' },
    });
    await expect(dispatch(h, 'addIssuerRegistry', { fileName: 'DCC Member Registry', bytes: registryFile({ 'did:key:z6Mk1': { name: 'Spoof' } }) })).resolves.toMatchObject({
      ok: false,
    });
    expect(await dispatch(h, 'issuerRegistries', {})).toEqual(before);
  });

  it('refresh is refused while checking online is off; allowed, it fetches the DCC lists, keeps newer ones and keeps the copy in hand when a host fails', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-registries-'));
    const vault = await Vault.create(folder, 'river lamp 12 ocean', testKdf);
    const store = new IssuerRegistryStore(() => vault);
    const [member, pilot, community, sandbox] = bundledRegistries;
    if (!member || !pilot || !community || !sandbox) throw new Error('bundled registries missing');
    const newDid = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    const answers = new Map([
      // Newer, with one issuer more.
      [
        '/member',
        {
          status: 200,
          body: JSON.stringify({ meta: { updated: '2099-01-01T00:00:00Z' }, registry: { ...Object.fromEntries(member.entries), [newDid]: { name: 'New College' } } }),
        },
      ],
      // Older than the bundled snapshot: a stale mirror cannot take issuers away.
      ['/pilot', { status: 200, body: JSON.stringify({ meta: { updated: '2001-01-01T00:00:00Z' }, registry: { [newDid]: { name: 'Someone else' } } }) }],
      ['/community', { status: 500, body: 'oops' }],
      ['/sandbox', { status: 200, body: 'this is not json' }],
    ]);
    const host = await registryHost(answers);
    const routes = new Map([
      [member.url, '/member'],
      [pilot.url, '/pilot'],
      [community.url, '/community'],
      [sandbox.url, '/sandbox'],
    ]);
    const result = await store.refresh(
      (url) => safeFetch(`${host.origin}${routes.get(url) ?? '/missing'}`, { allowPrivateNetworkForTests: true }),
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(host.hits.sort()).toEqual(['/community', '/member', '/pilot', '/sandbox']);
    expect(result.updated).toEqual(['DCC Member Registry']);
    expect(result.failed.map((f) => [f.name, f.reason])).toEqual(
      expect.arrayContaining([
        ['DCC Pilot Registry', expect.stringContaining('older than the one in hand')],
        ['DCC Community Registry', 'the server answered 500'],
        ['DCC Sandbox Registry', 'the answer is not JSON'],
      ]),
    );
    const registries = store.registries();
    expect(registries.find((r) => r.name === 'DCC Member Registry')?.entries.get(newDid)?.name).toBe('New College');
    expect(registries.find((r) => r.name === 'DCC Pilot Registry')?.entries.get(newDid)).toBeUndefined();
    expect(registries.find((r) => r.name === 'DCC Pilot Registry')?.entries.size).toBe(pilot.entries.size);
    expect(store.list().find((r) => r.name === 'DCC Member Registry')?.refreshedAt).not.toBeNull();
    expect(store.refreshDue(new Date('2026-12-03T00:00:00Z'))).toBe(false);
    expect(store.refreshDue(new Date('2026-12-09T00:00:00Z'))).toBe(true);

    // Kept in the wallet: a store over the same wallet reads the refreshed copy.
    expect(new IssuerRegistryStore(() => vault).registries()[0]?.entries.get(newDid)?.name).toBe('New College');
    vault.lockWallet();

    const h = handlersFor(mkdtempSync(path.join(os.tmpdir(), 'badgefolio-registries-')), 'offline');
    await dispatch(h, 'createWallet', { passphrase: 'river lamp 12 ocean', remember: false });
    await expect(dispatch(h, 'refreshIssuerRegistries', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'refused', message: 'Checking online is turned off in Settings.' },
    });
  });
});
