import { test as base, expect } from '@playwright/test';
import QRCode from 'qrcode';
import { startHarnessProcess } from '../support/harnessProcess';
import { startTestIssuer } from '../support/openid4vciIssuer';
import { createNewWallet } from './fixtures';
import { receiveHarnessTest } from './receiveHarness';

/**
 * Issue #20 in the app, beyond a pasted link: a picture of an issuer's QR code goes through the
 * same receive flow (asked first, nothing sent before yes), and the developer option that lets
 * the harness reach the local test issuer is shown loudly for as long as it is on. The issuer
 * is the real OpenID4VCI test issuer on the loopback internet, as in receiveLink.spec.ts.
 */
const test = receiveHarnessTest(['qr.issuer.example']);

const passphrase = 'harbour maple 42 lantern';

test('a picture of an offer’s QR code asks first, then the badge arrives verified', async ({ page, harness, internet }) => {
  const issuer = await startTestIssuer(internet, { host: 'qr.issuer.example', byReference: true });
  await page.goto(harness.url);
  await createNewWallet(page, passphrase);
  // The qrcode package draws the code, as an issuer's web page would show it.
  const picture = await QRCode.toBuffer(issuer.offerLink, { type: 'png', scale: 6, errorCorrectionLevel: 'M' });
  await page.getByTestId('import-input').setInputFiles({ name: 'offer-on-screen.png', mimeType: 'image/png', buffer: picture });

  const dialog = page.getByRole('dialog', { name: 'Receive credentials from qr.issuer.example?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Data Science Fundamentals' })).toBeVisible();
  // Reading the picture sent nothing: only the offer and the issuer's metadata were read.
  expect(issuer.requests.filter((request) => request.startsWith('POST'))).toEqual([]);
  expect(issuer.proofHolders).toEqual([]);
  await dialog.getByRole('button', { name: 'Receive' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('article', { name: 'Data Science Fundamentals' })).toContainText('Verified');
  // The picture itself was not kept as a certificate: the badge is the one credential.
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Files: 1.' })).toContainText('One file holds a credential offer in its QR code');
  expect(issuer.proofHolders).toHaveLength(1);
});

test('the developer option is shown loudly while it is on, in English and German', async ({ page, harness }) => {
  await page.goto(harness.url);
  const banner = page.getByRole('alert').filter({ hasText: 'Developer option on' });
  await expect(banner).toContainText('qr.issuer.example → 127.0.0.1:');
  await expect(banner).toContainText('ca.pem');
  await page.getByRole('banner').getByLabel('Language').selectOption('de');
  await expect(page.getByRole('alert').filter({ hasText: 'Entwickleroption aktiv' })).toContainText('qr.issuer.example → 127.0.0.1:');
  // It stays once the wallet is open.
  await page.getByRole('banner').getByLabel('Sprache').selectOption('en');
  await createNewWallet(page, passphrase);
  await expect(banner).toBeVisible();
});

base('without the developer option there is no such warning', async ({ page }) => {
  const harness = await startHarnessProcess();
  try {
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { name: 'Create your wallet' })).toBeVisible();
    await expect(page.getByText('Developer option on')).toHaveCount(0);
    expect(harness.output()).not.toContain('developer hosts are ON');
  } finally {
    await harness.stop();
  }
});

test('a receive that fails is explained in German in the German app', async ({ page, harness, internet }) => {
  const issuer = await startTestIssuer(internet, { host: 'qr.issuer.example', byReference: true, codeExpiresAt: new Date(Date.now() - 60_000) });
  await page.goto(harness.url);
  await createNewWallet(page, passphrase);
  await page.getByRole('banner').getByLabel('Language').selectOption('de');
  await page.getByRole('button', { name: 'Über einen Link hinzufügen' }).click();
  await page.getByLabel('Link zu einem Badge oder einem Nachweisangebot').fill(issuer.offerLink);
  await page.getByRole('button', { name: 'Über Link hinzufügen' }).click();
  await page.getByRole('dialog', { name: 'Nachweise von qr.issuer.example empfangen?' }).getByRole('button', { name: 'Empfangen' }).click();
  const failure = page.getByRole('alert').filter({ hasText: 'Nichts wurde empfangen.' });
  await expect(failure).toContainText('qr.issuer.example hat das Angebot abgelehnt: Es ist abgelaufen oder wurde schon genutzt (invalid_grant');
  await expect(failure).toContainText('Bitte den Aussteller um ein neues. Es wurde nichts gespeichert.');
  // None of the English sentence is left: the issuer's own error code is the only thing not translated.
  const text = (await failure.textContent()) ?? '';
  for (const english of ['refused the offer', 'has expired', 'Ask the issuer', 'Nothing was stored']) expect(text).not.toContain(english);
});
