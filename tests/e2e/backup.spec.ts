import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { bakePngItxt, makeBadgePng, makeOb2Assertion } from '../support/credentials';
import { startHarnessProcess } from '../support/harnessProcess';
import { createNewWallet, expect, test } from './fixtures';

async function createWallet(page: Page, url: string, passphrase: string): Promise<void> {
  await page.goto(url);
  await createNewWallet(page, passphrase);
}

test('a new wallet offers a backup; the backup restores into another wallet, twice without duplicates', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await createWallet(page, harness.url, 'lantern meadow 33 copper');
  await expect(page.getByText('save an encrypted backup now')).toBeVisible();
  const { assertion } = makeOb2Assertion({ badgeName: 'Crane operation', issuerName: 'Northern Skills Academy' });
  await page
    .getByTestId('import-input')
    .setInputFiles([{ name: 'crane.png', mimeType: 'image/png', buffer: Buffer.from(bakePngItxt(makeBadgePng(2_000, 5), 'openbadges', JSON.stringify(assertion))) }]);
  await expect(page.getByRole('status')).toContainText('Added 1');

  await page.getByRole('button', { name: 'Make a backup' }).click();
  await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible();
  const save = page.getByRole('form', { name: 'Save a backup' });
  await save.getByLabel('Backup passphrase', { exact: true }).fill('backup words 91');
  await save.getByLabel('Repeat backup passphrase').fill('backup words 19');
  await save.getByRole('button', { name: 'Save a backup' }).click();
  await expect(save.getByRole('alert')).toHaveText('The two backup passphrases differ.');
  await save.getByLabel('Repeat backup passphrase').fill('backup words 91');
  await save.getByRole('button', { name: 'Save a backup' }).click();
  await expect(save.getByRole('status')).toContainText('Backup of 1 credential saved to');
  const downloads = `${harness.vault}-downloads`;
  const [file] = readdirSync(downloads).filter((name) => name.endsWith('.badgefolio-backup'));
  expect(file).toBeDefined();

  // Another computer: a fresh wallet restores the backup.
  const other = await startHarnessProcess();
  try {
    const second = await page.context().newPage();
    await createWallet(second, other.url, 'another wallet 77 pass');
    await second.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
    const restore = second.getByRole('form', { name: 'Restore from a backup' });
    await restore.getByTestId('restore-input').setInputFiles(path.join(downloads, file ?? ''));
    await restore.getByLabel('Passphrase of that backup').fill('wrong words');
    await restore.getByRole('button', { name: 'Restore' }).click();
    await expect(restore.getByRole('alert')).toContainText('passphrase');
    await restore.getByLabel('Passphrase of that backup').fill('backup words 91');
    await restore.getByRole('button', { name: 'Restore' }).click();
    await expect(restore.getByRole('status')).toHaveText('Restored: 1 added, 0 updated, 0 already in your wallet.');
    await restore.getByTestId('restore-input').setInputFiles(path.join(downloads, file ?? ''));
    await restore.getByLabel('Passphrase of that backup').fill('backup words 91');
    await restore.getByRole('button', { name: 'Restore' }).click();
    await expect(restore.getByRole('status')).toHaveText('Restored: 0 added, 0 updated, 1 already in your wallet.');
    await second.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Portfolio' }).click();
    await expect(second.getByRole('article', { name: 'Crane operation' })).toBeVisible();
  } finally {
    await other.stop();
  }
});
