import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, seededBytes, signDataIntegrity } from '../support/credentials';
import { createNewWallet, expect, test } from './fixtures';

const passphrase = 'maple cinema 81 harbour';

test('Settings › Issuer registries: an employer list added from a file names the issuer of a credential signed by a key on it', async ({ page, harness }) => {
  test.setTimeout(90_000);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-registries-'));
  const issuer = await generateEd25519Issuer(seededBytes(32, 901));
  const credential = makeOb3Credential({
    issuer: makeIssuerProfile({ id: issuer.did, name: 'Harbour Uni' }),
    validFrom: '2025-01-01T00:00:00Z',
    achievementName: 'Marine welding',
  });
  const badge = path.join(folder, 'welding.json');
  writeFileSync(badge, JSON.stringify(await signDataIntegrity(credential, issuer, 'eddsa-rdfc-2022', { date: '2025-01-01T00:00:00Z' })));
  const list = path.join(folder, 'acme-hiring.json');
  writeFileSync(
    list,
    JSON.stringify({
      meta: { created: '2026-01-01T00:00:00Z', updated: '2026-09-01T00:00:00Z' },
      registry: { [issuer.did]: { name: 'Harbour University', location: 'Bristol, UK' } },
    }),
  );
  const notAList = path.join(folder, 'notes.json');
  writeFileSync(notAList, JSON.stringify({ hello: 'world' }));

  try {
    await page.goto(harness.url);
    await createNewWallet(page, passphrase);
    await page.getByTestId('import-input').setInputFiles([badge]);
    const card = page.getByRole('article', { name: 'Marine welding' });
    await expect(card).toContainText('Issuer not confirmed');

    await page.getByRole('button', { name: 'Settings' }).click();
    const panel = page.getByRole('group', { name: 'Issuer registries' });
    await expect(panel.getByRole('listitem')).toHaveCount(4);
    await expect(panel.getByRole('listitem').first()).toContainText('DCC Member Registry');
    await expect(panel.getByRole('listitem').last()).toContainText('test issuers only');
    // "Ask each time" (the default): the button is the user's yes. Offline only: no refresh, and the panel says why.
    await expect(panel.getByRole('button', { name: 'Refresh now' })).toBeEnabled();
    await page.getByRole('radio', { name: /^Offline only/ }).check();
    await expect(panel.getByRole('button', { name: 'Refresh now' })).toBeDisabled();
    await expect(panel).toContainText('Checking online is turned off, so the registries are not refreshed');

    await panel.getByTestId('registry-input').setInputFiles([notAList]);
    await expect(panel.getByRole('alert')).toHaveText('notes.json is not an issuer registry: it has no "registry" object of DIDs.');
    await expect(panel.getByRole('listitem')).toHaveCount(4);

    await panel.getByTestId('registry-input').setInputFiles([list]);
    await expect(panel.getByRole('status')).toHaveText('acme-hiring.json was added.');
    await expect(panel.getByRole('listitem').first()).toContainText('acme-hiring.json');
    await expect(panel.getByRole('listitem').first()).toContainText('Your list · 1 issuer');
    await expect(panel.getByRole('button', { name: 'Remove acme-hiring.json' })).toBeVisible();

    const axe = await new AxeBuilder({ page }).include('.registries').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // Checked again, the credential's issuer is named as the list names it.
    await page.getByRole('button', { name: 'Portfolio' }).click();
    await card.getByRole('button', { name: 'Details of Marine welding' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Check again' }).click();
    await expect(dialog).toContainText('Harbour University');
    await expect(dialog).toContainText('acme-hiring.json');
    await page.keyboard.press('Escape');
    await expect(card).toContainText('Issuer listed in acme-hiring.json');

    // In German too.
    await page.getByRole('banner').getByLabel('Language').selectOption('de');
    await page.getByRole('button', { name: 'Einstellungen' }).click();
    const german = page.getByRole('group', { name: 'Aussteller-Verzeichnisse' });
    await expect(german.getByRole('listitem').first()).toContainText('Deine Liste · 1 Aussteller');
    await german.getByRole('button', { name: 'acme-hiring.json entfernen' }).click();
    await expect(german.getByRole('status')).toHaveText('acme-hiring.json wurde entfernt.');
    await expect(german.getByRole('listitem')).toHaveCount(4);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
