import { createServer, type Server } from 'node:http';
import { RegistryClient } from '@digitalcredentials/issuer-registry-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dccCommunity from '../../../electron/verify/registries/dcc-community.json';
import dccMember from '../../../electron/verify/registries/dcc-member.json';
import dccPilot from '../../../electron/verify/registries/dcc-pilot.json';
import dccSandbox from '../../../electron/verify/registries/dcc-sandbox.json';
import { bundledRegistries, findInRegistries, readRegistry } from '../../../electron/verify/issuerRegistries';
import { createVerifier } from '../../../electron/verify/verifier';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, seededBytes, signDataIntegrity } from '../../support/credentials';
import { normaliseOne } from './helpers';

/**
 * Registry membership judged beside the Digital Credentials Consortium's own reader of its
 * registries (@digitalcredentials/issuer-registry-client, which its verifier-core and Learner
 * Credential Wallet use): the same lists, served over loopback, must give the same answer for
 * every DID they hold and for DIDs they do not, and a credential signed by a listed key must be
 * named as that client names it.
 */
let server: Server;
let origin = '';
const served = new Map<string, unknown>();

beforeAll(async () => {
  server = createServer((request, response) => {
    const body = served.get(request.url ?? '');
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
    response.end(body === undefined ? '{}' : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${String(address.port)}`;
});

afterAll(() => {
  server.close();
});

const documents: readonly [string, unknown][] = [
  ['DCC Member Registry', dccMember],
  ['DCC Pilot Registry', dccPilot],
  ['DCC Community Registry', dccCommunity],
  ['DCC Sandbox Registry', dccSandbox],
];

describe('registry membership beside DCC issuer-registry-client', () => {
  it('lists the same DIDs, each under a registry that holds it and with the name given there', async () => {
    const config = documents.map(([name, document], index) => {
      served.set(`/registry-${String(index)}.json`, document);
      return { name, url: `${origin}/registry-${String(index)}.json` };
    });
    const client = new RegistryClient();
    const loaded = await client.load({ config });
    expect(loaded.every((entry) => entry.loaded)).toBe(true);

    const allDids = new Set(bundledRegistries.flatMap((registry) => [...registry.entries.keys()]));
    expect(allDids.size).toBeGreaterThan(20);
    const unknown = ['did:key:z6MkpLDL3RoAoMRTwTgo3rs39ZwssfaPKtGdZw7AGRN7CK4Z', 'did:web:not-listed.example', 'did:web:example.edu'];
    for (const did of [...allDids, ...unknown]) {
      const theirs = client.didEntry(did);
      const ours = findInRegistries(bundledRegistries, [did]);
      expect(ours !== undefined, did).toBe(theirs !== undefined);
      if (!ours || !theirs) continue;
      const theirRegistries = [...(theirs.inRegistries ?? [])].map((r) => r.name);
      expect(theirRegistries, did).toContain(ours.registry.name);
      // The name as that registry gives it (the client keeps whichever list answered first).
      const raw = (documents.find(([name]) => name === ours.registry.name)?.[1] as { registry: Record<string, { name: string }> }).registry[did];
      expect(ours.entry.name, did).toBe(raw?.name.trim());
    }
  });

  it('a credential signed by a key on an employer list is named as the DCC client names that DID', async () => {
    const issuer = await generateEd25519Issuer(seededBytes(32, 811));
    const list = {
      meta: { created: '2026-01-01T00:00:00Z', updated: '2026-10-01T00:00:00Z' },
      registry: { [issuer.did]: { name: 'Northfield Polytechnic', location: 'Leeds, UK', url: 'https://northfield.example' } },
    };
    served.set('/employer.json', list);
    const client = new RegistryClient();
    await client.load({ config: [{ name: 'Employer list', url: `${origin}/employer.json` }] });

    const credential = makeOb3Credential({
      issuer: makeIssuerProfile({ id: issuer.did, name: 'Northfield Poly' }),
      validFrom: '2025-01-01T00:00:00Z',
      achievementName: 'CNC machining',
    });
    const signed = await signDataIntegrity(credential, issuer, 'eddsa-rdfc-2022', { date: '2025-01-01T00:00:00Z' });
    const verifier = createVerifier({ network: 'offline', now: new Date('2026-11-01T00:00:00Z'), registries: [readRegistry(list, 'Employer list'), ...bundledRegistries] });
    const report = await verifier.verify(await normaliseOne(signed));
    expect(report.status).toBe('verified');
    expect(report.issuerIdentity).toMatchObject({ level: 'registry', source: 'Employer list', name: client.didEntry(issuer.did)?.name });

    // A key on no list: the DCC client knows nothing of it, and neither do we.
    const stranger = await generateEd25519Issuer(seededBytes(32, 812));
    expect(client.didEntry(stranger.did)).toBeUndefined();
    const unlisted = await signDataIntegrity(
      makeOb3Credential({ issuer: makeIssuerProfile({ id: stranger.did, name: 'Northfield Polytechnic' }), validFrom: '2025-01-01T00:00:00Z' }),
      stranger,
      'eddsa-rdfc-2022',
      {
        date: '2025-01-01T00:00:00Z',
      },
    );
    expect((await verifier.verify(await normaliseOne(unlisted))).issuerIdentity).toMatchObject({ level: 'unconfirmed' });
  });
});
