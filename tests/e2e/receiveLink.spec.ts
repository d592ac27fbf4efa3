import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { startTestIssuer } from '../support/openid4vciIssuer';
import { createNewWallet } from './fixtures';
import { receiveHarnessTest } from './receiveHarness';

/**
 * Issue #20 in the app: a link pasted in "Add from a link", or opened with the app (a deep
 * link the shell hands over), asks before anything is sent and stores what the issuer gives.
 * The issuer is a real OpenID4VCI issuer (tests/support/openid4vciIssuer.ts) on the loopback
 * internet; the harness reaches it through the developer option (--dev-host, and the test's
 * certificate authority in NODE_EXTRA_CA_CERTS), exactly as an issuer testing against
 * Badgefolio would.
 */
const test = receiveHarnessTest(['issuer.example', 'pin.issuer.example']);

const passphrase = 'harbour maple 42 lantern';

async function pasteLink(page: Page, link: string): Promise<void> {
  await page.getByRole('button', { name: 'Add from a link' }).click();
  await page.getByLabel('Link to a badge or a credential offer').fill(link);
  await page.getByRole('button', { name: 'Add from link' }).click();
}

test('a pasted offer link asks first, then the badge arrives verified', async ({ page, harness, internet }) => {
  const issuer = await startTestIssuer(internet, { host: 'issuer.example' });
  expect(harness.output()).toContain('WARNING: developer hosts are ON');
  await page.goto(harness.url);
  await createNewWallet(page, passphrase);
  await pasteLink(page, issuer.offerLink);

  const dialog = page.getByRole('dialog', { name: 'Receive credentials from issuer.example?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('It calls itself “Example University” (its own claim).');
  await expect(dialog).toContainText('Your wallet’s identifier: did:key:z6Mk');
  await expect(dialog).toContainText('A proof signed with your wallet’s key');
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Data Science Fundamentals' })).toBeVisible();
  // Only the offer and the issuer's published metadata were read: nothing of the user's went out yet.
  expect(issuer.requests.filter((request) => request.startsWith('POST'))).toEqual([]);
  const violations = (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).include('dialog').analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(violations.map((v) => v.id)).toEqual([]);

  await dialog.getByRole('button', { name: 'Receive' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'From issuer.example:' })).toContainText('Added 1');
  const row = page.getByRole('list', { name: 'What came of each credential' }).getByRole('listitem');
  await expect(row).toContainText('Data Science Fundamentals: added — Issuer not confirmed');
  await expect(page.getByRole('article', { name: 'Data Science Fundamentals' })).toContainText('Verified');

  // Settings shows the identifier the credential was made out to.
  const did = await page.evaluate(async () => {
    const result = await window.wallet.holderIdentity({});
    return result.ok ? result.value.did : '';
  });
  expect(issuer.proofHolders).toEqual([did]);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('group', { name: 'Your wallet’s identifier' })).toContainText(did);
});

test('Cancel and Escape send nothing; focus goes back to where it was', async ({ page, harness, internet }) => {
  const issuer = await startTestIssuer(internet, { host: 'issuer.example' });
  await page.goto(harness.url);
  await createNewWallet(page, passphrase);
  await pasteLink(page, issuer.offerLink);
  const dialog = page.getByRole('dialog', { name: 'Receive credentials from issuer.example?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled: nothing was sent to issuer.example.' })).toBeVisible();

  const field = page.getByLabel('Link to a badge or a credential offer');
  await field.fill(issuer.offerLink);
  await field.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled: nothing was sent to issuer.example.' })).toBeVisible();
  await expect(field).toBeFocused();

  // A link dragged from a browser onto the window goes the same way.
  await page.evaluate((link) => {
    const transfer = new DataTransfer();
    transfer.setData('text/uri-list', `# dragged\n${link}`);
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, issuer.offerLink);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  expect(issuer.requests.filter((request) => request.startsWith('POST'))).toEqual([]);
  expect(issuer.proofHolders).toEqual([]);
  expect(await page.getByRole('article').count()).toBe(0);
});

test('an offer that needs a PIN has a numeric field for it', async ({ page, harness, internet }) => {
  const issuer = await startTestIssuer(internet, { host: 'pin.issuer.example', txCode: '493536', byReference: true });
  await page.goto(harness.url);
  await createNewWallet(page, passphrase);
  await pasteLink(page, issuer.offerLink);
  const dialog = page.getByRole('dialog', { name: 'Receive credentials from pin.issuer.example?' });
  await expect(dialog).toContainText('The transaction code (PIN) the issuer sent you');
  const pin = dialog.getByLabel('Transaction code (PIN)');
  await expect(pin).toHaveAttribute('inputmode', 'numeric');
  await expect(dialog).toContainText('The issuer says: “The PIN in the e-mail we sent you” 6 characters');
  // Receive without the PIN: the dialog says what is missing and sends nothing.
  await dialog.getByRole('button', { name: 'Receive' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Type the transaction code the issuer sent you.');
  expect(issuer.requests.filter((request) => request.startsWith('POST'))).toEqual([]);
  await pin.fill('493536');
  await dialog.getByRole('button', { name: 'Receive' }).click();
  await expect(page.getByRole('article', { name: 'Data Science Fundamentals' })).toContainText('Verified');
});

test('a deep link opened before the wallet exists waits, then lands in the same flow', async ({ page, request, harness, internet }) => {
  const issuer = await startTestIssuer(internet, { host: 'issuer.example' });
  await page.goto(harness.url);
  const html = await (await request.get(harness.url)).text();
  const token = /name="badgefolio-harness-token" content="([^"]+)"/.exec(html)?.[1] ?? '';
  const link = `badgefolio://receive?link=${encodeURIComponent(issuer.offerLink)}`;
  expect((await request.post(`${harness.url}__harness/open-links`, { headers: { 'X-Badgefolio-Token': token }, data: { links: [link] } })).status()).toBe(200);
  expect((await request.post(`${harness.url}__harness/open-links`, { data: { links: [link] } })).status()).toBe(403);
  // Nothing is asked of the issuer while the wallet is not open.
  expect(issuer.requests).toEqual([]);

  await createNewWallet(page, passphrase);
  const dialog = page.getByRole('dialog', { name: 'Receive credentials from issuer.example?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Receive' }).click();
  await expect(page.getByRole('article', { name: 'Data Science Fundamentals' })).toContainText('Verified');
});
