import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, makePngImage, signDataIntegrity } from '../support/credentials';
import { expect, test } from './fixtures';
import { keepScreenshot } from './screenshots';

const passphrase = 'maple cinema 81 harbour';

/** Folders a test made for its input files, and the harness's downloads folder: removed afterwards. */
const leftovers: string[] = [];
function tempFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
  leftovers.push(folder);
  return folder;
}

test.afterEach(({ harness }) => {
  for (const folder of [...leftovers.splice(0), `${harness.vault}-downloads`]) rmSync(folder, { recursive: true, force: true });
});

async function createWallet(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Repeat passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create wallet' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
}

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true }).click();
}

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
}

async function shoot(page: Page, name: string): Promise<void> {
  const file = test.info().outputPath(name);
  await page.screenshot({ path: file, fullPage: true });
  keepScreenshot(file, name);
}

test('settings are saved as they change and survive a reload', async ({ page, harness }) => {
  test.setTimeout(60_000);
  await createWallet(page, harness.url);
  await openSection(page, 'Settings');
  const settings = page.getByRole('region', { name: 'Settings' });
  await expect(settings.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await shoot(page, 'settings-light.png');

  await settings.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await settings.getByRole('radiogroup', { name: 'Checking online' }).getByRole('radio', { name: 'Offline only' }).check();
  // Each choice says what going online means, read out with the choice.
  await expect(settings.getByRole('radio', { name: 'Allowed' })).toHaveAccessibleDescription(/status lists, issuer keys and hosted badges.*nothing about you is sent/);
  await settings.getByLabel('Lock the wallet after').selectOption({ label: '5 minutes' });
  await settings.getByRole('checkbox', { name: 'Notify me about expiring or revoked credentials' }).check();
  await settings.getByRole('checkbox', { name: 'Check for updates' }).check();

  // An http feed is refused with its own sentence and not saved; the https one is.
  const feed = settings.getByLabel('Update feed');
  await feed.fill('http://updates.example.org/badgefolio');
  await feed.press('Enter');
  await expect(settings.getByRole('alert')).toHaveText('Only secure addresses starting with https:// are allowed here.');
  await expect(feed).toHaveAttribute('aria-invalid', 'true');
  await feed.fill('https://updates.example.org/badgefolio');
  await feed.press('Tab');
  await expect(settings.getByRole('alert')).toHaveCount(0);
  // The verifier page the PDF links every credential to: empty, it shows the published one it stands for.
  const verifier = settings.getByLabel('Verifier page');
  await expect(verifier).toHaveValue('');
  await expect(verifier).toHaveAttribute('placeholder', 'https://badgefolio.github.io/badgefolio/verifier/');
  await verifier.fill('http://verify.example.net/badgefolio/');
  await verifier.press('Enter');
  await expect(settings.getByRole('alert')).toHaveText('Only secure addresses starting with https:// are allowed here.');
  await verifier.fill('verify.example.net/badgefolio/');
  await verifier.press('Enter');
  await expect(verifier).toHaveValue('https://verify.example.net/badgefolio/');
  await expectNoSeriousAxeViolations(page);
  await shoot(page, 'settings-dark.png');

  // Switching the language switches this screen too, and the header follows.
  await settings.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  await page.getByRole('region', { name: 'Einstellungen' }).getByRole('combobox', { name: 'Sprache' }).selectOption({ label: 'English' });
  await expect(settings).toBeVisible();

  await page.reload();
  await openSection(page, 'Settings');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(settings.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(settings.getByRole('radio', { name: 'Offline only' })).toBeChecked();
  await expect(settings.getByLabel('Lock the wallet after')).toHaveValue('5');
  await expect(settings.getByRole('checkbox', { name: 'Notify me about expiring or revoked credentials' })).toBeChecked();
  await expect(settings.getByRole('checkbox', { name: 'Check for updates' })).toBeChecked();
  await expect(settings.getByLabel('Update feed')).toHaveValue('https://updates.example.org/badgefolio');
  await expect(verifier).toHaveValue('https://verify.example.net/badgefolio/');

  // Emptying the verifier field goes back to the published page, and that survives a reload too.
  await verifier.fill('');
  await verifier.press('Enter');
  await expect(settings.getByText('Saved.')).toBeVisible();
  await page.reload();
  await openSection(page, 'Settings');
  await expect(verifier).toHaveValue('');
  await expect(verifier).toHaveAttribute('placeholder', 'https://badgefolio.github.io/badgefolio/verifier/');
});

test('the profile is checked, saved with a photo and kept', async ({ page, harness }) => {
  test.setTimeout(60_000);
  await createWallet(page, harness.url);
  await openSection(page, 'Profile');
  const profile = page.getByRole('region', { name: 'Profile' });
  await expect(profile.getByText('No photo.')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await profile.getByLabel('Your name').fill('Alex Example');
  await profile.getByLabel('Headline').fill('Data analyst and trainer');
  await profile.getByLabel('E-mail addresses').fill('alex@example.org\nalex at example dot org');
  await profile.getByLabel('Phone').fill('+49 30 1234567');
  await profile.getByLabel('Website').fill('alex.example.org');
  await profile.getByLabel('Location').fill('Berlin, Germany');
  await profile.getByLabel('About you').fill('I turn messy data into decisions.');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  // Nothing is saved while one address is wrong; the field says so and has the focus.
  await expect(profile.getByRole('alert')).toHaveText('“alex at example dot org” is not an e-mail address.');
  await expect(profile.getByLabel('E-mail addresses')).toBeFocused();
  await expect(profile.getByText('Profile saved.')).toHaveCount(0);

  await profile.getByLabel('E-mail addresses').fill('alex@example.org\nalex.work@example.com');
  await profile.getByRole('button', { name: 'Add a link' }).click();
  await expect(profile.getByLabel('Label of link 1')).toBeFocused();
  await profile.getByLabel('Label of link 1').fill('GitHub');
  await profile.getByLabel('Address of link 1').fill('http://github.com/alex-example');
  await profile.getByRole('button', { name: 'Add a link' }).click();
  await profile.getByLabel('Label of link 2').fill('Old blog');
  await profile.getByLabel('Address of link 2').fill('https://blog.example.org');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(profile.getByRole('alert')).toHaveText('Link 1: Only secure addresses starting with https:// are allowed here.');
  await profile.getByLabel('Address of link 1').fill('https://github.com/alex-example');
  await profile.getByRole('button', { name: 'Remove link 2' }).click();
  await expect(profile.getByLabel('Label of link 2')).toHaveCount(0);
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(profile.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
  await expect(profile.getByLabel('Website')).toHaveValue('https://alex.example.org');

  // A 1200 x 800 picture is stored at most 512 px wide, as a PNG, in the wallet.
  const folder = tempFolder('badgefolio-e2e-photo-');
  const photo = path.join(folder, 'portrait.png');
  writeFileSync(photo, makePngImage(1200, 800, 5));
  await page.getByTestId('profile-photo-input').setInputFiles(photo);
  await expect(profile.getByRole('status').filter({ hasText: 'Photo saved.' })).toBeVisible();
  await expect(profile.getByRole('img', { name: 'Your photo' })).toBeVisible();
  const stored = await page.evaluate(async () => {
    const result = await window.wallet.profilePhoto({});
    if (!result.ok || !result.value.image) return null;
    const bitmap = await createImageBitmap(new Blob([result.value.image.bytes as Uint8Array<ArrayBuffer>]));
    return { width: bitmap.width, height: bitmap.height, mediaType: result.value.image.mediaType };
  });
  expect(stored).toEqual({ width: 512, height: 341, mediaType: 'image/png' });
  const notAPhoto = path.join(folder, 'notes.png');
  writeFileSync(notAPhoto, 'remember to update my CV');
  await page.getByTestId('profile-photo-input').setInputFiles(notAPhoto);
  await expect(profile.getByRole('alert')).toHaveText('The photo must be a PNG or JPEG image.');
  await expect(profile.getByRole('img', { name: 'Your photo' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await shoot(page, 'profile-light.png');

  await page.reload();
  await openSection(page, 'Profile');
  await expect(profile.getByLabel('Your name')).toHaveValue('Alex Example');
  await expect(profile.getByLabel('E-mail addresses')).toHaveValue('alex@example.org\nalex.work@example.com');
  await expect(profile.getByLabel('Label of link 1')).toHaveValue('GitHub');
  await expect(profile.getByLabel('Address of link 1')).toHaveValue('https://github.com/alex-example');
  await expect(profile.getByRole('img', { name: 'Your photo' })).toBeVisible();
  await profile.getByRole('button', { name: 'Remove photo' }).click();
  await expect(profile.getByText('No photo.')).toBeVisible();
  await expect(profile.getByRole('button', { name: 'Choose a photo' })).toBeFocused();
});

test('an export is logged, its PDF checks out, and the log can be cleared', async ({ page, harness }) => {
  test.setTimeout(90_000);
  const issuer = await generateEd25519Issuer(new Uint8Array(32).fill(23));
  const signed = await signDataIntegrity(
    makeOb3Credential({
      issuer: makeIssuerProfile({ id: issuer.did, name: 'Hanse Technical College' }),
      id: 'urn:uuid:2f6d0b1e-9a3c-4c5e-8f1a-6b7c8d9e0f12',
      achievementName: 'Solar installer',
      validFrom: '2025-01-01T00:00:00Z',
    }),
    issuer,
  );
  const folder = tempFolder('badgefolio-e2e-export-');
  writeFileSync(path.join(folder, 'solar.json'), JSON.stringify(signed));
  const notPdf = path.join(folder, 'cv.pdf');
  writeFileSync(notPdf, 'this is not a PDF at all');

  await createWallet(page, harness.url);
  await openSection(page, 'Export history');
  const log = page.getByRole('region', { name: 'Export history' });
  await expect(log.getByText('Nothing exported yet. Export PDF makes a portfolio for a job application')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The real export: the harness saves into its downloads folder instead of asking where.
  await page.getByTestId('import-input').setInputFiles(path.join(folder, 'solar.json'));
  await openSection(page, 'Portfolio');
  await expect(page.getByRole('article', { name: 'Solar installer', exact: true })).toContainText('Verified');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export a portfolio PDF' });
  await exportDialog.getByLabel('Who is it for? (optional)').fill('Northwind Analytics');
  await exportDialog.getByRole('button', { name: 'Preview' }).click();
  await exportDialog.getByRole('button', { name: 'Save PDF' }).click();
  await expect(exportDialog.getByText('Saved to')).toBeVisible({ timeout: 30_000 });
  await exportDialog.getByRole('button', { name: 'Close' }).click();

  await openSection(page, 'Export history');
  const table = log.getByRole('table', { name: 'Portfolio PDFs you exported' });
  await expect(table.getByRole('columnheader', { name: 'For' })).toBeVisible();
  const row = table.getByRole('row').filter({ hasText: 'Northwind Analytics' });
  await expect(row).toContainText('Solar installer');
  const today = new Date().toLocaleDateString('en', { day: 'numeric', month: 'long', year: 'numeric' });
  await expect(row.getByRole('button', { name: `Delete entry for Northwind Analytics, ${today}` })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await shoot(page, 'export-history-light.png');

  // The employer's side, on the file just saved.
  const downloads = `${harness.vault}-downloads`;
  const saved = readdirSync(downloads).find((name) => name.endsWith('.pdf'));
  expect(saved).toBeDefined();
  await openSection(page, 'Check a PDF');
  const check = page.getByRole('region', { name: 'Check a portfolio PDF' });
  // The setting says "ask" (the default): the person decides for this check.
  await expect(check.getByRole('checkbox', { name: 'Also check online' })).not.toBeChecked();
  await page.getByTestId('check-pdf-input').setInputFiles(path.join(downloads, saved ?? ''));
  await expect(check.getByText('Every credential is exactly as exported, and each one was verified.')).toBeVisible({ timeout: 30_000 });
  const item = check.getByRole('list', { name: 'Credentials in this PDF' }).getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Solar installer');
  await expect(item).toContainText('Hanse Technical College');
  await expect(item.locator('.status-verified')).toHaveText('Verified');
  await expect(item).toContainText('is exactly the file exported.');
  await expectNoSeriousAxeViolations(page);
  await shoot(page, 'check-pdf-light.png');
  await page.getByTestId('check-pdf-input').setInputFiles(notPdf);
  await expect(check.getByRole('alert')).toHaveText('This PDF could not be read: it is damaged or not a PDF.');

  // Deleting: one entry, then (after confirming) everything.
  await openSection(page, 'Export history');
  await row.getByRole('button', { name: /^Delete entry for Northwind Analytics/ }).click();
  await expect(log.getByText('Nothing exported yet.')).toBeVisible();
  await page.evaluate(async () => {
    const ids = await window.wallet.listCredentials({});
    if (!ids.ok) throw new Error(ids.error.message);
    const pdf = new TextEncoder().encode('%PDF-1.7\n% a stand-in saved twice to fill the log\n');
    for (const recipient of ['Contoso', 'Fabrikam']) {
      await window.wallet.saveExport({ bytes: pdf, fileName: `${recipient}.pdf`, recipient, paper: 'a4', credentialIds: ids.value.credentials.map((c) => c.id) });
    }
  });
  await page.reload();
  await openSection(page, 'Export history');
  await expect(table.getByRole('row')).toHaveCount(3);
  await log.getByRole('button', { name: 'Delete all' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the whole export history?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(table.getByRole('row')).toHaveCount(3);
  await log.getByRole('button', { name: 'Delete all' }).click();
  await confirm.getByRole('button', { name: 'Yes, delete all' }).click();
  await expect(log.getByText('Nothing exported yet.')).toBeVisible();
  const organiser = await page.evaluate(() => window.wallet.organiser({}));
  expect(organiser.ok && organiser.value.exports).toEqual([]);
});
