import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { bakePngItxt, generateEd25519Issuer, makeBadgePng, makeIssuerProfile, makeOb2Assertion, makeOb3Credential, signDataIntegrity } from '../support/credentials';
import { createNewWallet, expect, test } from './fixtures';

/**
 * The details say the verdict in one plain sentence; keys (DIDs), addresses and error codes are
 * there for whoever wants them, under a collapsed "Technical details".
 */

const passphrase = 'copper lantern 19 meadow';

async function openDetails(page: Page, name: string, language: 'en' | 'de') {
  const label = language === 'en' ? `Details of ${name}` : `Details zu ${name}`;
  await page.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog.getByRole('region', { name: language === 'en' ? 'Verification' : 'Prüfung' })).toBeVisible();
  return dialog;
}

test('the details show DIDs, addresses and error codes only inside the collapsed "Technical details"', async ({ page, harness }) => {
  test.setTimeout(90_000);
  const folder = test.info().outputPath('files');
  mkdirSync(folder, { recursive: true });
  const issuer = await generateEd25519Issuer(new Uint8Array(32).fill(31));
  const signed = await signDataIntegrity(
    makeOb3Credential({
      issuer: makeIssuerProfile({ id: issuer.did, name: 'Hanse Technical College' }),
      id: 'urn:uuid:9a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c51',
      achievementName: 'Solar installer',
      validFrom: '2025-01-01T00:00:00Z',
    }),
    issuer,
  );
  // Hosted at its issuer: offline, it cannot be checked, and the engine's reason is an address.
  const { assertion } = makeOb2Assertion({ badgeName: 'Forklift safety', issuerName: 'Northern Skills Academy' });
  writeFileSync(path.join(folder, 'solar.json'), JSON.stringify(signed));
  writeFileSync(path.join(folder, 'forklift.png'), bakePngItxt(makeBadgePng(2_000, 5), 'openbadges', JSON.stringify(assertion)));

  await page.goto(harness.url);
  await createNewWallet(page, passphrase);
  await page.getByTestId('import-input').setInputFiles([path.join(folder, 'solar.json'), path.join(folder, 'forklift.png')]);
  await expect(page.getByRole('article')).toHaveCount(2);

  const solar = await openDetails(page, 'Solar installer', 'en');
  const technical = solar.getByRole('group', { name: 'Technical details' });
  await expect(technical).toBeVisible();
  await expect(technical).not.toHaveAttribute('open');
  // What the eye reads: no DID anywhere, the issuer by name.
  expect(await solar.innerText()).not.toContain('did:');
  await expect(solar.getByText(issuer.did).first()).toBeHidden();
  await expect(solar.getByRole('definition').filter({ hasText: 'Hanse Technical College' })).toBeVisible();
  await technical.getByText('Technical details', { exact: true }).click();
  await expect(technical).toHaveAttribute('open');
  await expect(technical.getByRole('definition').filter({ hasText: issuer.did })).toBeVisible();
  await expect(
    technical
      .getByRole('listitem')
      .filter({ hasText: issuer.did.slice(0, 20) })
      .first(),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(solar).toHaveCount(0);

  const forklift = await openDetails(page, 'Forklift safety', 'en');
  const verdict = forklift.getByRole('region', { name: 'Verification' }).locator('p').first();
  // One plain sentence beside the status: what was missing and what to do, no address.
  await expect(verdict).toHaveText(
    'Unverified Not fully checked: the check needs something from the issuer’s web site (such as its key or revocation list), and Badgefolio did not go online. Check it again online to finish.',
  );
  // The report, the facts and the sharing part (the evidence list links to what the holder made, by its address).
  const visible = [
    await forklift.getByRole('region', { name: 'Verification' }).innerText(),
    await forklift.locator('dl.facts').first().innerText(),
    await forklift.getByRole('region', { name: 'Share and keep' }).innerText(),
  ].join('\n');
  expect(visible).not.toMatch(/https?:\/\//);
  expect(visible).not.toMatch(/ENOTFOUND|getaddrinfo/);
  // The engine's own sentence, with the address it needed, is kept for whoever opens the disclosure.
  const forkliftTechnical = forklift.getByRole('group', { name: 'Technical details' });
  await expect(forkliftTechnical.getByText('What the check reported')).toBeHidden();
  await forkliftTechnical.getByText('Technical details', { exact: true }).click();
  await expect(forkliftTechnical.getByText('What the check reported')).toBeVisible();
  await expect(forkliftTechnical).toContainText(assertion.id);
  await page.keyboard.press('Escape');

  // In German, the same, under "Technische Details".
  await page.getByRole('banner').getByLabel('Language').selectOption('de');
  const german = await openDetails(page, 'Solar installer', 'de');
  const germanTechnical = german.getByRole('group', { name: 'Technische Details' });
  await expect(germanTechnical).toBeVisible();
  await expect(germanTechnical).not.toHaveAttribute('open');
  expect(await german.innerText()).not.toContain('did:');
});
