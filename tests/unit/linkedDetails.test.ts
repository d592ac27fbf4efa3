// Filling in what credentials point to (issue #16 §2), end to end through the app's session:
// intake, the real safe fetcher (over TLS, to a loopback internet with its own CA), the vault and
// the verifier. Badges are made by independent libraries: openbadges-bakery bakes the PNGs,
// Digital Bazaar's suites sign the did:web credentials.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WalletSession } from '../../electron/core/walletSession';
import type { NetworkUse } from '../../shared/preferences';
import {
  bakeOb2WithBakery,
  generateDidWebIssuer,
  makeBadgePng,
  makeBitstringStatusListCredential,
  makeOb2Assertion,
  makeOb3Credential,
  signDataIntegrity,
  type Ob2Documents,
} from '../support/credentials';
import { LoopbackInternet } from '../support/loopbackInternet';
import { testKdf } from '../support/walletFixtures';

let net: LoopbackInternet;
beforeAll(async () => {
  net = await LoopbackInternet.start();
});
afterAll(async () => {
  await net.close();
});

function session(network: { use: NetworkUse }, options: { timeoutMs?: number; maxBytes?: number } = {}): WalletSession {
  return new WalletSession({
    folder: mkdtempSync(path.join(os.tmpdir(), 'badgefolio-linked-')),
    keyProtector: () => Promise.resolve(null),
    kdf: testKdf,
    networkUse: () => network.use,
    testNetwork: net.testNetwork,
    fetchOptions: { timeoutMs: options.timeoutMs ?? 3000, ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}) },
  });
}

const issuerPicture = makeBadgePng(1_500, 11);
const badgePicture = makeBadgePng(1_800, 12);

/** A hosted OB 2.0 badge as Badgr or Canvas bake it: `badge` and the badge's `issuer` are addresses. */
function hostedBadge(host: string, name: string, serve = true): Ob2Documents {
  const ob2 = makeOb2Assertion({
    origin: `https://${host}`,
    embedBadge: false,
    embedIssuer: false,
    badgeName: name,
    issuerName: `Academy at ${host}`,
    image: `https://${host}/images/${encodeURIComponent(name)}.png`,
    recipientEmail: 'sam@example.com',
  });
  ob2.issuer.image = `https://${host}/images/issuer.png`;
  if (serve) {
    net.serveDocuments(ob2.documents);
    net.serve(`https://${host}/images/issuer.png`, { body: issuerPicture, contentType: 'image/png' });
    net.serve(ob2.badgeClass.image, { body: badgePicture, contentType: 'image/png' });
  }
  return ob2;
}

async function bake(ob2: Ob2Documents, seed = 4): Promise<Uint8Array> {
  return bakeOb2WithBakery(makeBadgePng(2_000, seed), ob2.assertion);
}

describe('what an OB 2.0 hosted badge points to', () => {
  it('is fetched at import when the network is allowed: name, issuer, criteria, picture, verified, kept with dates; later checked offline from what was kept', async () => {
    const host = 'badges.harbour.example';
    const ob2 = hostedBadge(host, 'Forklift safety');
    const network = { use: 'allowed' as NetworkUse };
    const wallet = session(network);
    await wallet.create('river lamp 12 ocean', false);
    const png = await bake(ob2);
    const json = new TextEncoder().encode(JSON.stringify({ ...ob2.assertion, id: `https://${host}/assertions/json-copy.json` }));
    net.serve(`https://${host}/assertions/json-copy.json`, { body: { ...ob2.assertion, id: `https://${host}/assertions/json-copy.json` } });

    const outcomes = await wallet.import([
      { name: 'forklift.png', bytes: png },
      { name: 'forklift.json', bytes: json },
    ]);
    expect(outcomes.map((o) => [o.outcome, o.name, o.details])).toEqual([
      ['added', 'Forklift safety', 'fetched'],
      ['added', 'Forklift safety', 'fetched'],
    ]);
    const id = outcomes[0]?.id ?? '';
    const detail = wallet.detail(id);
    expect(detail?.name).toBe('Forklift safety');
    expect(detail?.issuer).toMatchObject({ id: ob2.issuer.id, name: `Academy at ${host}`, url: `https://${host}/` });
    expect(detail?.criteria?.narrative).toBe('Three merged pull requests reviewed by two maintainers.');
    expect(detail?.skills[0]).toMatchObject({ name: 'Collaborate in teams', framework: 'Example Skills Framework', code: 'TW-1.8.1' });
    expect(detail?.description).toContain('Forklift safety');
    expect(detail?.verification?.status).toBe('verified');
    const hosted = detail?.verification?.checks.find((c) => c.id === 'hosted');
    expect(hosted?.evidence).toMatchObject({ origin: 'network', url: ob2.assertion.id });
    // Kept with the credential: the assertion, BadgeClass, Issuer and the issuer's picture, each dated; bytes stay in the main process.
    const kept = detail?.linked;
    expect(kept?.state).toBe('fetched');
    expect(kept?.documents.map((d) => d.role).sort()).toEqual(['assertion', 'badge', 'issuer', 'issuer-image']);
    expect(kept?.documents.every((d) => d.origin === 'network' && !Number.isNaN(Date.parse(d.fetchedAt)) && d.body === undefined)).toBe(true);
    expect(detail?.notes.join(' ')).not.toMatch(/Fetch details/);
    // The baked PNG is its own picture; the JSON copy gets the BadgeClass's picture, fetched and kept.
    expect(Buffer.from(wallet.image(id)?.bytes ?? [])).toEqual(Buffer.from(png));
    const jsonId = outcomes[1]?.id ?? '';
    expect(Buffer.from(wallet.image(jsonId)?.bytes ?? [])).toEqual(Buffer.from(badgePicture));
    expect(wallet.list().find((s) => s.id === jsonId)).toMatchObject({ name: 'Forklift safety', issuerName: `Academy at ${host}`, hasImage: true, details: 'fetched' });
    // Every document was fetched once: the verifier used what the fill-in fetched.
    const paths = net.statsFor(host).paths;
    expect(paths.length).toBe(new Set(paths).size);

    // Later, offline: checked again from the kept documents, with their date; nothing fetched.
    network.use = 'offline';
    const before = net.totalRequests;
    wallet.lock();
    await wallet.unlock('river lamp 12 ocean', false);
    const report = await wallet.recheck(id);
    expect(report.status).toBe('verified');
    expect(report.network).toBe('offline');
    const again = report.checks.find((c) => c.id === 'hosted');
    expect(again?.evidence?.origin).toBe('cache');
    expect(again?.evidence?.fetchedAt).toBe(kept?.documents.find((d) => d.role === 'assertion')?.fetchedAt);
    expect(again?.sentence).toMatch(/as last fetched on/);
    expect(net.totalRequests).toBe(before);

    // The same badge again: already there, with nothing fetched (the kept documents fill it in).
    network.use = 'allowed';
    const repeat = await wallet.import([{ name: 'forklift again.png', bytes: png }]);
    expect(repeat[0]).toMatchObject({ outcome: 'already-there', name: 'Forklift safety', details: 'fetched' });
    expect(net.totalRequests).toBe(before);
  });

  it('offline: stored at once as "details not fetched yet" without a request; "Fetch details" fills it in and keeps it', async () => {
    const host = 'badges.offline.example';
    const ob2 = hostedBadge(host, 'Crane signals');
    const network = { use: 'offline' as NetworkUse };
    const wallet = session(network);
    await wallet.create('river lamp 12 ocean', false);
    const outcomes = await wallet.import([{ name: 'crane.png', bytes: await bake(ob2) }]);
    expect(outcomes[0]).toMatchObject({ outcome: 'added', details: 'not-fetched' });
    expect(outcomes[0]?.name).toBeUndefined();
    expect(net.statsFor(host).requests).toBe(0);
    const id = outcomes[0]?.id ?? '';
    const summary = wallet.list().find((s) => s.id === id);
    // Never a made-up name: empty, with the state that says why.
    expect(summary).toMatchObject({ name: '', details: 'not-fetched', status: 'unverifiable' });
    expect(wallet.detail(id)?.notes.join(' ')).toMatch(/Fetch details/);
    const addedAt = summary?.addedAt;

    // The one click fetches, even with "offline only": it is the user's explicit yes.
    const [result] = await wallet.fetchDetails([id]);
    expect(result).toMatchObject({ id, name: 'Crane signals', details: 'fetched', status: 'verified', problems: [] });
    const after = wallet.list().find((s) => s.id === id);
    expect(after).toMatchObject({ name: 'Crane signals', issuerName: `Academy at ${host}`, details: 'fetched', status: 'verified', addedAt });
    expect(wallet.detail(id)?.notes.join(' ')).not.toMatch(/Fetch details/);
  });

  it('"ask": importing fetches nothing; checking online (the user said yes) fills it in', async () => {
    const host = 'badges.ask.example';
    const ob2 = hostedBadge(host, 'Rigging');
    const wallet = session({ use: 'ask' });
    await wallet.create('river lamp 12 ocean', false);
    const [outcome] = await wallet.import([{ name: 'rigging.png', bytes: await bake(ob2) }]);
    expect(outcome).toMatchObject({ outcome: 'added', details: 'not-fetched' });
    expect(net.statsFor(host).requests).toBe(0);
    const report = await wallet.recheck(outcome?.id ?? '', true);
    expect(report.status).toBe('verified');
    expect(wallet.list()[0]).toMatchObject({ name: 'Rigging', details: 'fetched' });
  });

  it('slow, failing and oversized answers: a clear finding each, the batch goes on, nothing wrong is stored', async () => {
    const good = hostedBadge('badges.good.example', 'Good badge');
    const slow = hostedBadge('badges.slow.example', 'Slow badge');
    const failing = hostedBadge('badges.failing.example', 'Failing badge');
    const huge = hostedBadge('badges.huge.example', 'Huge badge');
    const streamed = hostedBadge('badges.streamed.example', 'Streamed badge');
    net.serve(slow.badgeClass.id, { body: slow.badgeClass, delayMs: 4_000 });
    net.serve(failing.badgeClass.id, { status: 500, body: '<html>Internal error</html>', contentType: 'text/html' });
    net.serve(huge.badgeClass.id, { body: { ...huge.badgeClass, padding: 'x'.repeat(200_000) } });
    net.serve(streamed.badgeClass.id, { body: { ...streamed.badgeClass, padding: 'x'.repeat(200_000) }, streamed: true });
    // A timeout far above what a loaded machine needs, far below the slow server's delay.
    const wallet = session({ use: 'allowed' }, { timeoutMs: 2_000, maxBytes: 100_000 });
    await wallet.create('river lamp 12 ocean', false);
    const outcomes = await wallet.import(
      await Promise.all([good, slow, failing, huge, streamed].map(async (b, i) => ({ name: `${String(i)}.png`, bytes: await bake(b, i + 20) }))),
    );
    expect(outcomes.map((o) => o.outcome)).toEqual(['added', 'added', 'added', 'added', 'added']);
    expect(outcomes[0]).toMatchObject({ name: 'Good badge', details: 'fetched' });
    for (const o of outcomes.slice(1)) {
      expect(o.details).toBe('incomplete');
      expect(o.name).toBeUndefined();
    }
    const problems = outcomes.slice(1).map((o) => wallet.detail(o.id ?? '')?.linked?.problems.join(' ') ?? '');
    expect(problems[0]).toMatch(new RegExp(`The badge's description could not be had: ${slow.badgeClass.id} could not be fetched: No answer within 2000 ms`));
    expect(problems[1]).toMatch(/answered HTTP 500/);
    expect(problems[2]).toMatch(/larger than 100000 bytes/);
    expect(problems[3]).toMatch(/larger than 100000 bytes/);
    // Nothing from a failed fetch is kept: no error page as a description, no half document.
    for (const o of outcomes.slice(1)) {
      const detail = wallet.detail(o.id ?? '');
      expect(detail?.linked?.documents.some((d) => d.role === 'badge')).toBe(false);
      expect(detail?.description).toBeUndefined();
      expect(detail?.verification?.status).toBe('unverifiable');
    }
    expect(wallet.detail(outcomes[0]?.id ?? '')?.verification?.status).toBe('verified');
  });

  it('never has more than 4 requests in flight to one host (yet more than one), and fetches the shared issuer profile once', async () => {
    const host = 'badges.busy.example';
    const badges = Array.from({ length: 24 }, (_, i) => hostedBadge(host, `Busy badge ${String(i)}`, false));
    for (const b of badges) net.serveDocuments(b.documents, { delayMs: 60 });
    net.serve(`https://${host}/images/issuer.png`, { body: issuerPicture, contentType: 'image/png', delayMs: 60 });
    const wallet = session({ use: 'allowed' });
    await wallet.create('river lamp 12 ocean', false);
    const outcomes = await wallet.import(await Promise.all(badges.map(async (b, i) => ({ name: `${String(i)}.png`, bytes: await bake(b, i + 40) }))));
    expect(outcomes.every((o) => o.outcome === 'added' && o.details === 'fetched')).toBe(true);
    const stats = net.statsFor(host);
    expect(stats.maxInFlight).toBeLessThanOrEqual(4);
    expect(stats.maxInFlight).toBeGreaterThan(1);
    // The shared issuer profile and picture were fetched once for all 24 badges.
    expect(stats.paths.filter((p) => p === '/issuers/academy.json')).toHaveLength(1);
  });
});

describe('did:web issuers', () => {
  const cases = [
    { did: 'did:web:issuer.example', url: 'https://issuer.example/.well-known/did.json' },
    { did: 'did:web:issuer.example:users:alice', url: 'https://issuer.example/users/alice/did.json' },
    { did: 'did:web:ports.example%3A8443', url: 'https://ports.example:8443/.well-known/did.json' },
  ];
  for (const { did, url } of cases) {
    it(`${did}: its document is fetched from ${url}, the credential verified online and checked again offline`, async () => {
      const issuer = await generateDidWebIssuer(did);
      net.serve(url, { body: issuer.didDocument, contentType: 'application/did+json' });
      const pictureUrl = `https://${new URL(url).host}/achievements/${encodeURIComponent(did)}.png`;
      net.serve(pictureUrl, { body: badgePicture, contentType: 'image/png' });
      const credential = await signDataIntegrity(
        makeOb3Credential({ issuer: { id: did, type: ['Profile'], name: 'Example Issuer' }, name: 'Data stewardship', achievementName: 'Data stewardship', image: pictureUrl }),
        issuer,
      );
      const network = { use: 'allowed' as NetworkUse };
      const wallet = session(network);
      await wallet.create('river lamp 12 ocean', false);
      const [outcome] = await wallet.import([{ name: 'stewardship.json', bytes: new TextEncoder().encode(JSON.stringify(credential)) }]);
      expect(outcome).toMatchObject({ outcome: 'added', name: 'Data stewardship', details: 'fetched' });
      const detail = wallet.detail(outcome?.id ?? '');
      expect(detail?.verification?.status).toBe('verified');
      expect(detail?.verification?.issuerIdentity?.level).toBe('domain');
      expect(detail?.linked?.documents.map((d) => [d.role, d.url]).sort()).toEqual([
        ['did-document', url],
        ['image', pictureUrl],
      ]);
      expect(Buffer.from(wallet.image(outcome?.id ?? '')?.bytes ?? [])).toEqual(Buffer.from(badgePicture));
      network.use = 'offline';
      const before = net.totalRequests;
      const report = await wallet.recheck(outcome?.id ?? '');
      expect(report.status).toBe('verified');
      expect(net.totalRequests).toBe(before);
    });
  }
});

describe('status lists', () => {
  it("the issuer's status list is fetched once at import, kept, and the revocation check is dated when checked again offline", async () => {
    const did = 'did:web:status.example';
    const issuer = await generateDidWebIssuer(did);
    net.serve('https://status.example/.well-known/did.json', { body: issuer.didDocument });
    const listUrl = 'https://status.example/lists/2024';
    const list = await signDataIntegrity(makeBitstringStatusListCredential({ url: listUrl, issuer: did, setIndexes: [3] }), issuer);
    net.serve(listUrl, { body: list });
    const credential = await signDataIntegrity(
      makeOb3Credential({
        issuer: { id: did, type: ['Profile'], name: 'Status College' },
        achievementName: 'Lab safety',
        credentialStatus: { statusListCredential: listUrl, statusListIndex: 7 },
      }),
      issuer,
    );
    const network = { use: 'allowed' as NetworkUse };
    const wallet = session(network);
    await wallet.create('river lamp 12 ocean', false);
    const [outcome] = await wallet.import([{ name: 'lab.json', bytes: new TextEncoder().encode(JSON.stringify(credential)) }]);
    const id = outcome?.id ?? '';
    const detail = wallet.detail(id);
    expect(detail?.verification?.status).toBe('verified');
    expect(detail?.linked?.documents.map((d) => d.role).sort()).toEqual(['did-document', 'status-list']);
    expect(net.statsFor('status.example').paths.filter((p) => p === '/lists/2024')).toHaveLength(1);
    network.use = 'offline';
    const report = await wallet.recheck(id);
    expect(report.status).toBe('verified');
    const status = report.checks.find((c) => c.id === 'status');
    expect(status?.evidence).toMatchObject({ url: listUrl, origin: 'cache', fetchedAt: detail?.linked?.documents.find((d) => d.role === 'status-list')?.fetchedAt });
  });
});
