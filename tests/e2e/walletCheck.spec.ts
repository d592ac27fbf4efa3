import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { bakePngItxt, makeBadgePng, makeOb2Assertion, makeOb3Credential } from '../support/credentials';
import { createNewWallet, expect, test } from './fixtures';

const passphrase = 'maple cinema 81 harbour';

test('a damaged record is found after unlock, named in a notice and in Settings › Check the wallet', async ({ page, harness }) => {
  test.setTimeout(90_000);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-check-'));
  const forklift = path.join(folder, 'forklift.png');
  const { assertion } = makeOb2Assertion({ badgeName: 'Forklift safety', issuerName: 'Northern Skills Academy' });
  writeFileSync(forklift, bakePngItxt(makeBadgePng(3_000, 9), 'openbadges', JSON.stringify(assertion)));
  const python = path.join(folder, 'python.json');
  writeFileSync(
    python,
    JSON.stringify(makeOb3Credential({ issuer: 'did:example:university', id: 'urn:uuid:0c1f5a3e-7d2b-4c88-9a61-3e2f1d0b9c78', achievementName: 'Python für Datenanalyse' })),
  );

  try {
    await page.goto(harness.url);
    await createNewWallet(page, passphrase);

    // One credential first, to know which record file is its own (their names reveal nothing).
    await page.getByTestId('import-input').setInputFiles([forklift]);
    await expect(page.getByRole('article', { name: 'Forklift safety' })).toBeVisible();
    const records = path.join(harness.vault, 'records');
    const [forkliftRecord] = readdirSync(records).filter((name) => name.endsWith('.rec'));
    expect(forkliftRecord).toBeDefined();
    await page.getByTestId('import-input').setInputFiles([python]);
    await expect(page.getByRole('article')).toHaveCount(2);

    // Locking leaves a fresh catalog: the next unlock reads no record file.
    await page.getByRole('button', { name: 'Lock' }).click();
    await expect(page.getByRole('heading', { name: 'Unlock your wallet' })).toBeVisible();
    const file = path.join(records, forkliftRecord ?? '');
    const bytes = readFileSync(file);
    bytes[60] = (bytes[60] ?? 0) ^ 0x01;
    writeFileSync(file, bytes);

    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { name: 'Your portfolio' })).toBeVisible();

    // The check runs in the background after the unlock and names what it found.
    const attention = page.getByRole('region', { name: 'Needs your attention' });
    await expect(attention).toContainText('The wallet check found damaged files and moved them to quarantine:');
    await expect(attention.getByRole('listitem')).toHaveText(['“Forklift safety”: its record']);
    // Set aside: the portfolio no longer shows it as a healthy credential.
    await expect(page.getByRole('article')).toHaveCount(1);
    await expect(page.getByRole('article', { name: 'Python für Datenanalyse' })).toBeVisible();

    await attention.getByRole('button', { name: 'Open Settings › Check the wallet' }).click();
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    const check = page.getByRole('group', { name: 'Wallet check' });
    await expect(check.getByRole('button', { name: 'Check the wallet', exact: true })).toBeFocused();
    await check.getByRole('button', { name: 'Check the wallet', exact: true }).click();
    await expect(check.getByRole('status')).toHaveText(/^Checked 2 credentials and \d+ stored files: 1 file is damaged\.$/);
    await expect(check.getByRole('listitem')).toHaveCount(1);
    await expect(check.getByRole('listitem')).toContainText('“Forklift safety”: its record — changed or damaged on disk');
    await expect(check.getByRole('listitem')).toContainText(`File: ${path.join('records', forkliftRecord ?? '')}`);
    await expect(check.getByRole('listitem')).toContainText('Kept in quarantine: quarantine');
    await expect(check).toContainText(`Damaged files are moved to the wallet’s quarantine folder, where they are kept for rescue: ${path.join(harness.vault, 'quarantine')}`);
    await expect(check).toContainText('To get them back, restore a backup made before the damage (Backups › Restore from a backup, below).');
    expect(readdirSync(path.join(harness.vault, 'quarantine'))).toEqual([expect.stringMatching(new RegExp(`^${(forkliftRecord ?? '').slice(0, -4)}\\.[0-9a-z]+\\.rec$`))]);

    const axe = await new AxeBuilder({ page }).include('.wallet-check').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // In German too.
    await page.getByRole('banner').getByLabel('Language').selectOption('de');
    await expect(page.getByRole('group', { name: 'Brieftasche prüfen' }).getByRole('listitem')).toContainText(
      '„Forklift safety“: sein Datensatz — auf dem Datenträger verändert oder beschädigt',
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a sound wallet checks clean', async ({ page, harness }) => {
  test.setTimeout(60_000);
  await page.goto(harness.url);
  await createNewWallet(page, passphrase);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  // Settings shows the wallet's identifier, made on first use and kept in the wallet: its key is
  // the one stored file of a wallet that holds no credential yet.
  await expect(page.getByRole('group', { name: 'Your wallet’s identifier' }).getByText(/^did:key:z6Mk/)).toBeVisible();
  const check = page.getByRole('group', { name: 'Wallet check' });
  await check.getByRole('button', { name: 'Check the wallet', exact: true }).click();
  await expect(check.getByRole('status')).toHaveText('Checked 0 credentials and 1 stored file: nothing is damaged.');
  await expect(check.getByRole('listitem')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Needs your attention' })).toHaveCount(0);
});
