import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { bakePngItxt, makeBadgePng, makeOb2Assertion, makeOb3Credential } from '../support/credentials';
import { expect, test } from './fixtures';
import { keepScreenshot } from './screenshots';

const passphrase = 'maple cinema 81 harbour';

function badgeFiles(): string[] {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-badges-'));
  const { assertion } = makeOb2Assertion({ badgeName: 'Forklift safety', issuerName: 'Northern Skills Academy' });
  const png = path.join(folder, 'forklift.png');
  writeFileSync(png, bakePngItxt(makeBadgePng(3_000, 9), 'openbadges', JSON.stringify(assertion)));
  const json = path.join(folder, 'python.json');
  writeFileSync(
    json,
    JSON.stringify(makeOb3Credential({ issuer: 'did:example:university', id: 'urn:uuid:0c1f5a3e-7d2b-4c88-9a61-3e2f1d0b9c77', achievementName: 'Python für Datenanalyse' })),
  );
  const notes = path.join(folder, 'notes.txt');
  writeFileSync(notes, 'remember to update my CV');
  return [png, json, notes];
}

test('create a wallet, import badges, search, lock and unlock', async ({ page, harness }, testInfo) => {
  test.setTimeout(60_000);
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Create your wallet' })).toBeVisible();
  await expect(page.getByText('Nobody can recover a lost passphrase')).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill('short');
  await expect(page.getByText('This passphrase is short.')).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Repeat passphrase').fill(`${passphrase}!`);
  await page.getByRole('button', { name: 'Create wallet' }).click();
  await expect(page.getByRole('alert')).toHaveText('The two passphrases differ.');
  await page.getByLabel('Repeat passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create wallet' }).click();

  await expect(page.getByRole('heading', { name: 'Your portfolio' })).toBeVisible();
  await expect(page.getByText('No badges yet.')).toBeVisible();
  await page.getByTestId('import-input').setInputFiles(badgeFiles());
  await expect(page.getByRole('status')).toContainText('Added 2, already there 0, updated 0, not added 1.');
  await expect(page.getByRole('article', { name: 'Forklift safety' })).toContainText('Northern Skills Academy');
  await expect(page.getByRole('article', { name: 'Python für Datenanalyse' })).toBeVisible();
  // The badge picture comes from the vault (the baked PNG itself), not from the web.
  await expect
    .poll(() => page.getByRole('article', { name: 'Forklift safety' }).locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  const shot = testInfo.outputPath('portfolio.png');
  await page.screenshot({ path: shot, fullPage: true });
  keepScreenshot(shot, 'portfolio-light.png');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await page.getByRole('searchbox', { name: 'Search' }).fill('forklift');
  await expect(page.getByRole('article')).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search' }).fill('');

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your wallet' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(0);
  const unlockShot = testInfo.outputPath('unlock.png');
  await page.screenshot({ path: unlockShot });
  keepScreenshot(unlockShot, 'unlock-light.png');
  await page.getByLabel('Passphrase', { exact: true }).fill('wrong passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('That passphrase does not open this wallet.');
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('article')).toHaveCount(2);

  // After a reload (a restart of the window) the wallet is still unlocked in the main process.
  await page.reload();
  await expect(page.getByRole('article', { name: 'Forklift safety' })).toBeVisible();
});

test('files dropped anywhere on the window are imported', async ({ page, harness }) => {
  test.setTimeout(60_000);
  await page.goto(harness.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Repeat passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create wallet' }).click();
  await expect(page.getByRole('heading', { name: 'Your portfolio' })).toBeVisible();

  const credential = JSON.stringify(makeOb3Credential({ issuer: 'did:example:issuer', id: 'urn:uuid:5b7e3f21-1c2d-4e5f-8a9b-0c1d2e3f4a5b', achievementName: 'Dropped badge' }));
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return transfer;
  }, credential);
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(page.getByRole('article', { name: 'Dropped badge' })).toBeVisible();
});
