// `badgefolio import` fills in what badges link to, as the app does: --online fetches (here from
// the loopback internet, handed in the way only tests can), --offline fetches nothing and says
// so, --documents MAP supplies the documents instead of the network.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeImportCommand } from '../../electron/cli/commands/import';
import type { CliIo } from '../../electron/cli/command';
import { Vault } from '../../electron/vault/vault';
import { bakeOb2WithBakery, makeBadgePng, makeOb2Assertion } from '../support/credentials';
import { LoopbackInternet } from '../support/loopbackInternet';
import { testKdf } from '../support/walletFixtures';

let net: LoopbackInternet;
beforeAll(async () => {
  net = await LoopbackInternet.start();
});
afterAll(async () => {
  await net.close();
});

async function walletFolder(): Promise<string> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-cli-details-'));
  (await Vault.create(folder, 'river lamp 12 ocean', testKdf)).lockWallet();
  return folder;
}

function io(cwd: string): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env: { BADGEFOLIO_PASSPHRASE: 'river lamp 12 ocean' },
    cwd,
    interactive: false,
  };
}

interface Row {
  outcome: string;
  name?: string;
  status?: string;
  details?: string;
  problems?: string[];
}

async function badge(host: string, name: string, folder: string): Promise<{ file: string; documents: Record<string, object> }> {
  const ob2 = makeOb2Assertion({ origin: `https://${host}`, embedBadge: false, embedIssuer: false, badgeName: name, issuerName: `${name} Academy` });
  const file = path.join(folder, `${name}.png`);
  writeFileSync(file, await bakeOb2WithBakery(makeBadgePng(2_000, 5), ob2.assertion));
  return { file, documents: ob2.documents };
}

describe('badgefolio import and what badges link to', () => {
  it('--offline fetches nothing and says the details are not fetched yet; --online fills them in', async () => {
    const vault = await walletFolder();
    const work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-cli-badges-'));
    const { file, documents } = await badge('cli.online.example', 'Welding basics', work);
    net.serveDocuments(documents);
    const command = makeImportCommand({ testNetwork: net.testNetwork, fetchOptions: { timeoutMs: 3000 } });

    const offline = io(work);
    expect(await command.run([file, '--vault', vault, '--offline'], offline)).toBe(0);
    expect(offline.out.join('')).toMatch(/^added {2}.*Welding basics\.png {2}\[unverifiable\] {2}\(details not fetched yet\)/m);
    expect(offline.out.join('')).toMatch(/details could not be filled in yet: import again with --online/);
    expect(net.statsFor('cli.online.example').requests).toBe(0);

    const online = io(work);
    expect(await command.run([file, '--vault', vault, '--online', '--json'], online)).toBe(0);
    const rows = JSON.parse(online.out.join('')) as Row[];
    expect(rows[0]).toMatchObject({ outcome: 'updated', name: 'Welding basics', status: 'verified', details: 'fetched', problems: [] });
    expect(net.statsFor('cli.online.example').requests).toBe(3);

    // Kept: importing again offline is "already there", filled in from the wallet.
    const again = io(work);
    expect(await command.run([file, '--vault', vault, '--offline', '--json'], again)).toBe(0);
    expect((JSON.parse(again.out.join('')) as Row[])[0]).toMatchObject({ outcome: 'already-there', name: 'Welding basics', details: 'fetched' });
  });

  it('--documents MAP fills in and verifies from the supplied files, without the network', async () => {
    const vault = await walletFolder();
    const work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-cli-map-'));
    const { file, documents } = await badge('cli.map.example', 'Scaffolding', work);
    const map: Record<string, string> = {};
    Object.entries(documents).forEach(([url, document], index) => {
      writeFileSync(path.join(work, `doc${String(index)}.json`), JSON.stringify(document));
      map[url] = `doc${String(index)}.json`;
    });
    writeFileSync(path.join(work, 'map.json'), JSON.stringify(map));
    const run = io(work);
    expect(await makeImportCommand({ testNetwork: net.testNetwork }).run([file, '--vault', vault, '--offline', '--documents', 'map.json', '--json'], run)).toBe(0);
    expect((JSON.parse(run.out.join('')) as Row[])[0]).toMatchObject({ outcome: 'added', name: 'Scaffolding', status: 'verified', details: 'fetched' });
    expect(net.statsFor('cli.map.example').requests).toBe(0);
    const wallet = await Vault.unlock(vault, 'river lamp 12 ocean');
    try {
      const stored = wallet.list()[0];
      expect(stored?.credential.name).toBe('Scaffolding');
      expect((stored?.credential.issuer as { name?: string }).name).toBe('Scaffolding Academy');
      expect((stored?.verification as { summary?: string }).summary).toBeDefined();
    } finally {
      wallet.lockWallet();
    }
  });

  it('a documents map that is not one is a usage error, and nothing is imported', async () => {
    const vault = await walletFolder();
    const work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-cli-badmap-'));
    writeFileSync(path.join(work, 'map.json'), '["not", "a", "map"]');
    await expect(makeImportCommand().run(['x.png', '--vault', vault, '--documents', 'map.json'], io(work))).rejects.toThrow(
      /documents map .*map\.json cannot be used: .*must be a JSON object/,
    );
  });
});
