import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/command';
import { makeImportCommand } from '../../../electron/cli/commands/import';
import { exportPdfCommand } from '../../../electron/cli/commands/portfolioPdf';
import { Vault } from '../../../electron/vault/vault';
import { bakeOb2WithBakery, makeBadgePng, makeOb2Assertion } from '../../support/credentials';
import { testKdf } from '../../support/walletFixtures';
import { run } from './fixtures';

/**
 * An Open Badges 2.0 badge whose name lives at its issuer, imported offline: the employer's PDF
 * says its details were not fetched yet (as the app's card does), on the cover's contents and
 * on its entry, never "Untitled credential" as if the issuer had given it no name.
 */

const passphrase = 'river lamp 12 ocean';
let work: string;
let vault: string;

function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (text) => out.push(text), stderr: (text) => err.push(text), env: { BADGEFOLIO_PASSPHRASE: passphrase }, cwd: work, interactive: false };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-pdf-not-fetched-'));
  vault = path.join(work, 'wallet');
  (await Vault.create(vault, passphrase, testKdf)).lockWallet();
  const ob2 = makeOb2Assertion({ origin: 'https://badges.not-fetched.example', embedBadge: false, embedIssuer: false, badgeName: 'Welding basics', issuerName: 'Weld Academy' });
  writeFileSync(path.join(work, 'welding.png'), await bakeOb2WithBakery(makeBadgePng(2_000, 5), ob2.assertion));
  const imported = io();
  expect(await makeImportCommand().run(['welding.png', '--vault', vault, '--offline'], imported)).toBe(0);
  expect(imported.out.join('')).toContain('details not fetched yet');
}, 60_000);

async function pdfText(language: 'en' | 'de'): Promise<string> {
  const out = path.join(work, `${language}.pdf`);
  const exported = io();
  expect(await exportPdfCommand.run(['--out', out, '--vault', vault, '--offline', '--language', language], exported)).toBe(0);
  return run('pdftotext', ['-enc', 'UTF-8', out, '-']).replace(/\s+/g, ' ');
}

describe('a badge whose details were not fetched, in the portfolio PDF', () => {
  it('says "Details not fetched yet" in English, on the contents and the entry', async () => {
    const text = await pdfText('en');
    // Once in the cover's contents, once as the entry's heading.
    expect(text.match(/Details not fetched yet/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text).not.toContain('Untitled credential');
    // The name the issuer publishes was never fetched: it is not made up.
    expect(text).not.toContain('Welding basics');
  }, 60_000);

  it('says "Details noch nicht abgerufen" in German', async () => {
    const text = await pdfText('de');
    expect(text.match(/Details noch nicht abgerufen/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text).not.toContain('Nachweis ohne Titel');
    expect(text).not.toMatch(/not fetched|Untitled/);
  }, 60_000);
});
