import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { bakePngItxt, generateEd25519Issuer, makeBadgePng, makeIssuerProfile, makeOb2Assertion, makeOb3Credential, signDataIntegrity } from '../support/credentials';
import { createNewWallet, expect, test } from './fixtures';
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
  // Checked offline at import: a hosted OB 2.0 badge needs its issuer's server; an unsigned OB 3.0
  // is "Not signed" (its issuer made it without a signature: the holder did not make it up).
  await expect(page.getByRole('article', { name: 'Forklift safety' })).toContainText('Unverified');
  await expect(page.getByRole('article', { name: 'Python für Datenanalyse' })).toContainText('Not signed');
  await expect(page.getByRole('article', { name: 'Python für Datenanalyse' })).not.toContainText('Self-reported');
  await expect(page.getByRole('article', { name: 'Python für Datenanalyse' })).toBeVisible();
  // The badge picture comes from the vault (the baked PNG itself), not from the web.
  await expect
    // Card pictures are shrunk in a worker thread, which starts with the first of them.
    .poll(
      () =>
        page
          .getByRole('article', { name: 'Forklift safety' })
          .locator('img')
          .evaluate((img: HTMLImageElement) => img.naturalWidth),
      { timeout: 20_000 },
    )
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
  await createNewWallet(page, passphrase);

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

test('a signed credential shows as Verified, a tampered one as Invalid', async ({ page, harness }) => {
  test.setTimeout(60_000);
  const issuer = await generateEd25519Issuer(new Uint8Array(32).fill(11));
  const signed = await signDataIntegrity(
    makeOb3Credential({
      issuer: makeIssuerProfile({ id: issuer.did, name: 'Hanse Technical College' }),
      id: 'urn:uuid:7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      achievementName: 'Solar installer',
      validFrom: '2025-01-01T00:00:00Z',
    }),
    issuer,
  );
  const tampered = { ...signed, id: 'urn:uuid:7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4e', name: 'Solar installer (edited)' };
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-signed-'));
  writeFileSync(path.join(folder, 'solar.json'), JSON.stringify(signed));
  writeFileSync(
    path.join(folder, 'edited.json'),
    JSON.stringify({
      ...tampered,
      credentialSubject: { ...tampered.credentialSubject, achievement: { ...tampered.credentialSubject.achievement, name: 'Master solar installer' } },
    }),
  );

  await page.goto(harness.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Repeat passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create wallet' }).click();
  await page.getByTestId('import-input').setInputFiles([path.join(folder, 'solar.json'), path.join(folder, 'edited.json')]);
  await expect(page.getByRole('article', { name: 'Solar installer', exact: true })).toContainText('Verified');
  await expect(page.getByRole('article', { name: 'Master solar installer', exact: true })).toContainText('Invalid');
  // Signed with a did:key anyone can make: genuine and unchanged, but the college's name is only the signer's claim.
  await expect(page.getByRole('article', { name: 'Solar installer', exact: true })).toContainText('Issuer not confirmed');

  // The details say what was checked, in plain words, and can check again.
  await page.getByRole('button', { name: 'Details of Solar installer', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Solar installer' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Hanse Technical College');
  await expect(dialog.getByRole('region', { name: 'Verification' })).toContainText('Verified');
  await expect(dialog.getByRole('region', { name: 'Verification' })).toContainText(
    "Who issued it: Nothing confirms that the signer is “Hanse Technical College”: the name is the signer's own claim",
  );
  // The key is named in the checks, under "Technical details".
  await expect(
    dialog
      .getByRole('listitem')
      .filter({ hasText: issuer.did.slice(0, 20) })
      .first(),
  ).toBeHidden();
  await dialog.getByText('Technical details', { exact: true }).click();
  await expect(
    dialog
      .getByRole('listitem')
      .filter({ hasText: issuer.did.slice(0, 20) })
      .first(),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Check again' }).click();
  await expect(dialog.getByRole('region', { name: 'Verification' })).toContainText('Verified');
  await expect(dialog.getByRole('region', { name: 'Verification' })).toContainText('Who issued it: Nothing confirms that the signer is “Hanse Technical College”');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  const shot = test.info().outputPath('detail.png');
  await page.screenshot({ path: shot });
  keepScreenshot(shot, 'credential-detail-light.png');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // In German: the card's label and the details' sentence, with no English left in them.
  await page.getByRole('banner').getByLabel('Language').selectOption('de');
  const card = page.getByRole('article', { name: 'Solar installer', exact: true });
  await expect(card).toContainText('Aussteller nicht bestätigt');
  await expect(card).not.toContainText('Issuer not confirmed');
  await page.getByRole('button', { name: 'Details zu Solar installer', exact: true }).click();
  const german = page.getByRole('dialog', { name: 'Solar installer' }).getByRole('region', { name: 'Prüfung' });
  await expect(german).toContainText('Wer ihn ausgestellt hat: Nichts bestätigt, dass der Unterzeichner „Hanse Technical College“ ist: Den Namen hat er selbst angegeben');
  await expect(german).not.toContainText('Who issued it');
});
