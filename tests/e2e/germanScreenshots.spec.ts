import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { Intake } from '../../electron/intake/intake';
import { Vault } from '../../electron/vault/vault';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, seededBytes, signDataIntegrity } from '../support/credentials';
import { runBin } from '../support/cliRun';
import { startHarnessProcess, type HarnessProcess } from '../support/harnessProcess';
import { testKdf } from '../support/walletFixtures';
import { expect, test } from './fixtures';
import { keepScreenshot } from './screenshots';

/**
 * Review screenshots of the German app on a full-HD screen with a wallet a job seeker might
 * have after a few years (56 credentials from six issuers, with skills, credits and every
 * verdict): the portfolio as grid, list and timeline, a credential's details, skills, the
 * Export dialog and a checked PDF. `BADGEFOLIO_UPDATE_SCREENSHOTS=1` copies them to
 * docs/screenshots (…-de-1920.png), where they are looked at. Each screen is also held to
 * what a reader would notice first: nothing wider than the window.
 */

const passphrase = 'Wacholder Kessel 48 Hafen';
const count = 56;

const courses = [
  'Datenanalyse mit Python',
  'Erste Hilfe im Betrieb',
  'Projektmanagement nach PRINCE2',
  'Staplerschein',
  'Grundlagen der Netzwerktechnik',
  'Barrierefreies Webdesign',
  'Arbeitssicherheit auf Baustellen',
  'Kundenkommunikation am Telefon',
];
const issuers = ['Volkshochschule Köln', 'IHK Akademie München', 'Technische Hochschule Nürnberg', 'Deutsches Rotes Kreuz', 'Handwerkskammer Hamburg', 'Open Data Institut'];
/** Where each issuer publishes its key (the identity line of a credential whose key is on the web). */
const domains = ['vhs-koeln.example.de', 'ihk-akademie.example.de', 'th-nuernberg.example.de', 'drk.example.de', 'hwk-hamburg.example.de', 'opendata.example.de'];
const skills = ['Datenvisualisierung', 'Teamarbeit', 'Erste Hilfe', 'Arbeitsschutz', 'Python', 'Kommunikation', 'Netzwerke'];
const verdicts = ['verified', 'verified', 'verified', 'expired', 'unverifiable', 'revoked', 'unsigned', 'invalid'] as const;

/** The wallet, written through intake into a vault with the test KDF, each with a stored verdict; German chosen in its preferences. */
async function seededWallet(): Promise<string> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-screens-de-'));
  const intake = new Intake();
  const signers = await Promise.all(issuers.map((_, n) => generateEd25519Issuer(seededBytes(32, 4100 + n))));
  const vault = await Vault.create(folder, passphrase, testKdf);
  try {
    for (let i = 0; i < count; i++) {
      const signer = signers[i % signers.length];
      if (!signer) throw new Error('no signer');
      const issued = new Date(Date.UTC(2018, 2, 1) + ((i * 4093) % 2400) * 86_400_000);
      const credential = await signDataIntegrity(
        makeOb3Credential({
          issuer: makeIssuerProfile({ id: signer.did, name: issuers[i % issuers.length] ?? '' }),
          id: `https://nachweise.example.de/c/${String(i)}`,
          achievementName: `${courses[i % courses.length] ?? ''}${i >= courses.length ? ` – Modul ${String(Math.floor(i / courses.length))}` : ''}`,
          achievementDescription: 'Teilnahme an allen Präsenzterminen und bestandene Abschlussprüfung mit praktischem Teil.',
          criteriaNarrative: 'Mindestens 80 % Anwesenheit, Abschlussprojekt mit einer Bewertung von mindestens „gut“.',
          validFrom: issued,
          ...(i % 4 === 0 ? { creditsAvailable: 5 } : {}),
          skills: [0, 3].map((k) => ({ targetName: skills[(i + k) % skills.length] ?? '', targetFramework: 'ESCO', targetCode: `S${String((i + k) % 9)}` })),
        }),
        signer,
      );
      const [outcome] = await intake.inspect({ name: `nachweis-${String(i)}.json`, bytes: new TextEncoder().encode(JSON.stringify(credential)) });
      if (outcome?.outcome !== 'recognised') throw new Error(`nachweis-${String(i)}.json was not recognised`);
      vault.put(outcome.credential);
      vault.setVerification(outcome.credential.identity, {
        status: verdicts[i % verdicts.length],
        checkedAt: '2026-11-30T09:00:00Z',
        now: '2026-11-30T09:00:00Z',
        network: 'offline',
        // The app words the sentence from the status in the reader's language.
        summary: '',
        checks: [],
        issuerIdentity: {
          level: i % 3 === 0 ? 'domain' : 'unconfirmed',
          name: issuers[i % issuers.length] ?? null,
          source: i % 3 === 0 ? (domains[i % domains.length] ?? null) : null,
          asOf: null,
          sentence: '',
        },
      });
    }
  } finally {
    vault.lockWallet();
  }
  writeFileSync(path.join(folder, 'preferences.json'), JSON.stringify({ language: 'de' }));
  return folder;
}

/** Nothing reaches past the window's right edge. */
async function expectNoSidewaysOverflow(page: Page, where: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${where}: wider than the window`).toBe(true);
}

async function shoot(page: Page, name: string): Promise<void> {
  await expectNoSidewaysOverflow(page, name);
  const file = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  keepScreenshot(file, `${name}-de-1920.png`);
}

// A German user's system: German dates and numbers, A4 paper.
test.use({ viewport: { width: 1920, height: 1080 }, locale: 'de-DE', actionTimeout: 20_000 });

test('German screens at 1920×1080 with 56 credentials', async ({ page }) => {
  test.setTimeout(240_000);
  const vault = await seededWallet();
  let harness: HarnessProcess | undefined;
  try {
    harness = await startHarnessProcess(vault);
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { name: 'Brieftasche entsperren' })).toBeVisible();
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Passphrase', { exact: true }).press('Enter');
    await expect(page.getByRole('heading', { name: 'Dein Portfolio' })).toBeVisible();
    await expect(page.getByRole('article').first()).toBeVisible();
    await shoot(page, 'portfolio-grid');

    await page.getByRole('radio', { name: 'Liste' }).check();
    await expect(page.getByRole('article').first()).toBeVisible();
    await shoot(page, 'portfolio-list');
    await page.getByRole('radio', { name: 'Zeitleiste' }).check();
    await expect(page.getByRole('article').first()).toBeVisible();
    await shoot(page, 'portfolio-timeline');
    await page.getByRole('radio', { name: 'Raster' }).check();

    // The newest credential's details: the first card.
    await page
      .getByRole('article')
      .first()
      .getByRole('button', { name: /^Details zu / })
      .click();
    await expect(page.getByRole('dialog').getByRole('region', { name: 'Prüfung' })).toBeVisible();
    await shoot(page, 'credential-detail');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();

    await page.getByRole('navigation').getByRole('button', { name: 'Kompetenzen', exact: true }).click();
    await expect(page.getByText('Datenvisualisierung').first()).toBeVisible();
    await shoot(page, 'skills');

    await page.getByRole('navigation').getByRole('button', { name: 'Portfolio', exact: true }).click();
    await page.getByRole('button', { name: 'PDF exportieren', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Portfolio als PDF exportieren' })).toBeVisible();
    await shoot(page, 'export-dialog');
    await page.keyboard.press('Escape');

    // A German portfolio PDF of eight of them, made by the command line, then checked in the app.
    const listed = runBin(['list', '--json', '--vault', vault], { env: { BADGEFOLIO_PASSPHRASE: passphrase } });
    const ids = (JSON.parse(listed.stdout) as { id: string }[]).slice(0, 8).map((entry) => entry.id);
    const pdf = path.join(vault, 'bewerbung.pdf');
    const exported = runBin(['export-pdf', '--out', pdf, '--offline', '--ids', ids.join(','), '--vault', vault], { env: { BADGEFOLIO_PASSPHRASE: passphrase } });
    expect(exported.stdout).toContain('bewerbung.pdf geschrieben: 8 Nachweise');
    await page.getByRole('navigation').getByRole('button', { name: 'PDF prüfen', exact: true }).click();
    await page.getByTestId('check-pdf-input').setInputFiles(pdf);
    await expect(page.getByRole('list', { name: 'Nachweise in diesem PDF' })).toBeVisible({ timeout: 60_000 });
    await shoot(page, 'check-pdf');
  } finally {
    await harness?.stop();
    rmSync(vault, { recursive: true, force: true });
    rmSync(`${vault}-downloads`, { recursive: true, force: true });
  }
});
