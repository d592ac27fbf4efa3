// `badgefolio verify` fills in what credentials link to through the same routine as `import`
// (core/fillIn.ts): an Open Badges 2.0 badge baked with only the addresses of its BadgeClass and
// issuer shows their names when --online fetches them (here from the loopback internet, handed
// in the way only tests can) or --documents MAP supplies them, and says "details not fetched yet"
// (never an empty or made-up name) when neither does. Blockcerts issuer profiles given beside
// certificates are not certificates, and serve as the certificates' issuer documents.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeVerifyCommand, type VerifyResult } from '../../electron/cli/commands/verify';
import type { CliIo } from '../../electron/cli/command';
import { blockcertsV3Certificate, certificateFile, issuerProfileUrl } from '../support/blockcertsCertificates';
import { bakeOb2WithBakery, makeBadgePng, makeOb2Assertion } from '../support/credentials';
import { LoopbackInternet } from '../support/loopbackInternet';

let net: LoopbackInternet;
beforeAll(async () => {
  net = await LoopbackInternet.start();
});
afterAll(async () => {
  await net.close();
});

function io(cwd: string): CliIo & { out: string[] } {
  const out: string[] = [];
  return { out, stdout: (text) => out.push(text), stderr: (text) => out.push(text), env: {}, cwd, interactive: false };
}

async function hostedBadge(host: string, name: string, folder: string): Promise<{ file: string; documents: Record<string, object>; issuerId: string }> {
  const ob2 = makeOb2Assertion({ origin: `https://${host}`, embedBadge: false, embedIssuer: false, badgeName: name, issuerName: `${name} Academy` });
  const file = path.join(folder, `${name}.png`);
  writeFileSync(file, await bakeOb2WithBakery(makeBadgePng(2_000, 5), ob2.assertion));
  return { file, documents: ob2.documents, issuerId: ob2.issuer.id };
}

const command = () => makeVerifyCommand({ testNetwork: net.testNetwork, fetchOptions: { timeoutMs: 3000 } });

async function verifyJson(args: string[], cwd: string): Promise<{ code: number; results: VerifyResult[] }> {
  const run = io(cwd);
  const code = await command().run([...args, '--json', '--threads', '0'], run);
  return { code, results: JSON.parse(run.out.join('')) as VerifyResult[] };
}

describe('badgefolio verify and what badges link to', () => {
  it('--offline fetches nothing and says the details were not fetched; --online shows the badge and issuer names', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-verify-details-'));
    const { file, documents, issuerId } = await hostedBadge('verify.online.example', 'Welding basics', work);
    net.serveDocuments(documents);

    const offline = await verifyJson([file, '--offline'], work);
    expect(offline.code).toBe(1);
    expect(offline.results[0]).toMatchObject({ format: 'ob2', name: null, issuer: { id: null, name: null }, status: 'unverifiable', details: 'not-fetched' });
    const text = io(work);
    await command().run([file, '--offline', '--threads', '0'], text);
    expect(text.out.join('')).toMatch(/Welding basics\.png +ob2 +unverifiable +\(details not fetched yet\)/);
    expect(text.out.join('')).toMatch(/Details not fetched: use --online, or --documents MAP/);
    expect(text.out.join('')).not.toMatch(/Open Badge\b/);
    // In German the name column says why in German too.
    const german = io(work);
    await command().run([file, '--offline', '--threads', '0', '--language', 'de'], german);
    expect(german.out.join('')).toMatch(/Welding basics\.png +ob2 +nicht prüfbar +\(Details noch nicht abgerufen\)/);
    expect(german.out.join('')).not.toMatch(/details not fetched/);
    expect(net.statsFor('verify.online.example').requests).toBe(0);

    const online = await verifyJson([file, '--online'], work);
    expect(online.code).toBe(0);
    expect(online.results[0]).toMatchObject({
      name: 'Welding basics',
      issuer: { id: issuerId, name: 'Welding basics Academy' },
      status: 'verified',
      details: 'fetched',
      problems: [],
    });
    expect(online.results[0]?.issuerIdentity?.level).toBeDefined();
    // The hosted assertion, its BadgeClass and its issuer, each once: verification used the copies filled in.
    expect(net.statsFor('verify.online.example').requests).toBe(3);
  });

  it('worker threads verify with the documents this thread filled in, and fetch none again', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-verify-workers-'));
    const { file, documents } = await hostedBadge('verify.workers.example', 'Masonry', work);
    net.serveDocuments(documents);
    const run = io(work);
    // A worker is given no loopback internet: had it to fetch the hosted badge itself, it could not.
    const code = await command().run([file, '--online', '--json', '--threads', '1'], run);
    const results = JSON.parse(run.out.join('')) as VerifyResult[];
    expect(results[0]).toMatchObject({ name: 'Masonry', issuer: { name: 'Masonry Academy' }, status: 'verified' });
    expect(code).toBe(0);
    expect(net.statsFor('verify.workers.example').requests).toBe(3);
  });

  it('--online says what could not be had when the issuer does not answer, and shows no name', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-verify-failing-'));
    const { file, documents } = await hostedBadge('verify.failing.example', 'Rigging', work);
    const badgeUrl = Object.entries(documents).find(([, d]) => (d as { type?: string }).type === 'BadgeClass')?.[0] ?? '';
    net.serveDocuments(Object.fromEntries(Object.entries(documents).filter(([url]) => url !== badgeUrl)));
    net.serve(badgeUrl, { status: 500, body: 'down' });
    const { results } = await verifyJson([file, '--online'], work);
    expect(results[0]).toMatchObject({ name: null, details: 'incomplete' });
    expect(results[0]?.problems?.join(' ')).toContain(badgeUrl);
  });

  it('--online never fetches a plain http address, and says so', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-verify-http-'));
    const ob2 = makeOb2Assertion({ origin: 'http://verify.plain.example', embedBadge: false, embedIssuer: false, badgeName: 'Plumbing' });
    const file = path.join(work, 'plumbing.png');
    writeFileSync(file, await bakeOb2WithBakery(makeBadgePng(2_000, 5), ob2.assertion));
    net.serveDocuments(Object.fromEntries(Object.entries(ob2.documents).map(([url, document]) => [url.replace(/^http:/, 'https:'), document])));
    const badgeUrl = typeof ob2.assertion.badge === 'string' ? ob2.assertion.badge : '';
    expect(badgeUrl).toMatch(/^http:\/\/verify\.plain\.example\//);
    const { results } = await verifyJson([file, '--online'], work);
    expect(results[0]).toMatchObject({ name: null, details: 'incomplete' });
    expect(results[0]?.problems).toContain(`The badge's description is published at ${badgeUrl}, over plain http, which Badgefolio does not fetch.`);
    expect(net.statsFor('verify.plain.example').requests).toBe(0);
  });

  it('--documents MAP fills in and verifies from the supplied files, without the network', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-verify-map-'));
    const { file, documents, issuerId } = await hostedBadge('verify.map.example', 'Scaffolding', work);
    const map: Record<string, string> = {};
    Object.entries(documents).forEach(([url, document], index) => {
      writeFileSync(path.join(work, `doc${String(index)}.json`), JSON.stringify(document));
      map[url] = `doc${String(index)}.json`;
    });
    writeFileSync(path.join(work, 'map.json'), JSON.stringify(map));
    const { code, results } = await verifyJson([file, '--offline', '--documents', 'map.json'], work);
    expect(code).toBe(0);
    expect(results[0]).toMatchObject({ name: 'Scaffolding', issuer: { id: issuerId, name: 'Scaffolding Academy' }, status: 'verified', details: 'fetched' });
    expect(net.statsFor('verify.map.example').requests).toBe(0);
  });

  it('a documents map that is not one is a usage error', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-verify-badmap-'));
    writeFileSync(path.join(work, 'map.json'), '{"https://x.example/a": 3}');
    await expect(command().run(['x.png', '--documents', 'map.json'], io(work))).rejects.toThrow(/documents map .*map\.json cannot be used: .*must be a file path/);
  });

  it("takes a Blockcerts certificate's issuer from the issuer profile given beside it; the profile itself is not a credential", async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-verify-blockcerts-'));
    // Named nowhere, not even in a display: untitled, not "Blockchain certificate".
    writeFileSync(path.join(work, 'certificate.json'), certificateFile(blockcertsV3Certificate()));
    const profile = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://w3id.org/blockcerts/v3.2'],
      type: ['BlockcertsIssuerProfile'],
      id: issuerProfileUrl,
      name: 'Example University',
      url: 'https://www.example-university.edu',
      publicKey: [{ id: 'ecdsa-koblitz-pubkey:mgdWjvq4RYAAP5goUNagTRMx7Xw534S5am', created: '2024-01-01T00:00:00Z' }],
    };
    writeFileSync(path.join(work, 'profile.json'), JSON.stringify(profile));

    const alone = await verifyJson(['certificate.json', '--offline'], work);
    expect(alone.results[0]).toMatchObject({ format: 'blockcerts', name: null, issuer: { id: issuerProfileUrl, name: null } });

    const { results } = await verifyJson(['certificate.json', 'profile.json', '--offline'], work);
    const byFile = new Map(results.map((r) => [r.file, r]));
    expect(byFile.get('certificate.json')).toMatchObject({ name: null, issuer: { id: issuerProfileUrl, name: 'Example University' } });
    expect(byFile.get('profile.json')).toMatchObject({ status: 'not-a-credential' });
    expect(byFile.get('profile.json')?.summary).toBe(
      'Not a credential: This is a Blockcerts issuer profile: it describes an issuer, it is not a certificate. Used as the details of the credentials given beside it.',
    );

    const text = io(work);
    await command().run(['certificate.json', '--offline', '--threads', '0'], text);
    expect(text.out.join('')).toMatch(/certificate\.json +blockcerts +\S+ +\(untitled\)/);
    expect(text.out.join('')).not.toContain('Blockchain certificate');
  });
});
