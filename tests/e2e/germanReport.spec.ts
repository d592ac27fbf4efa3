import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { templateOf, verificationMessageKeys } from '../../shared/credential/verificationMessages';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, seededBytes, signDataIntegrity } from '../support/credentials';
import { createNewWallet, expect, test } from './fixtures';

const passphrase = 'maple cinema 81 harbour';

/** The English catalogue's prose around its values: none of it may show in the German details. */
const englishProse: readonly string[] = verificationMessageKeys.flatMap((key) => {
  const template = templateOf(key, 'en');
  const forms = typeof template === 'string' ? [template] : [template.other];
  return forms.flatMap((text) =>
    text
      .split(/\{[^}]*\}/)
      .map((part) => part.trim())
      .filter((part) => part.split(/\s+/).length >= 3 && /\b(the|is|not|of|and|has|was|by|it|its|this|which|to|an?|no|cannot|could)\b/i.test(part)),
  );
});

async function verificationIn(page: Page, name: string): Promise<Locator> {
  await page
    .getByRole('article', { name })
    .getByRole('button', { name: `Details zu ${name}` })
    .click();
  const dialog = page.getByRole('dialog');
  const section = dialog.getByRole('region', { name: 'Prüfung' });
  // The checks, with the keys they name, are under "Technische Details".
  await section.getByText('Technische Details', { exact: true }).click();
  await expect(section.locator('.checks li').first()).toBeVisible();
  return section;
}

async function expectNoEnglishCheckSentence(section: Locator): Promise<void> {
  const text = await section.innerText();
  for (const prose of englishProse) expect(text, `English “${prose}” in the German report`).not.toContain(prose);
}

test('in German, the details of a verified and of a tampered credential say the verdict and every check in German', async ({ page, harness }) => {
  test.setTimeout(90_000);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-german-'));
  const issuer = await generateEd25519Issuer(seededBytes(32, 1601));
  const credential = (achievementName: string) =>
    makeOb3Credential({ issuer: makeIssuerProfile({ id: issuer.did, name: 'Harbour Uni' }), validFrom: '2025-01-01T00:00:00Z', achievementName });
  const genuine = path.join(folder, 'welding.json');
  writeFileSync(genuine, JSON.stringify(await signDataIntegrity(credential('Marine welding'), issuer, 'eddsa-rdfc-2022', { date: '2025-01-01T00:00:00Z' })));
  // Signed, then its dates changed: the signature no longer matches.
  const signed = (await signDataIntegrity(credential('Ship painting'), issuer, 'eddsa-rdfc-2022', { date: '2025-01-01T00:00:00Z' })) as unknown as Record<string, unknown>;
  const tampered = path.join(folder, 'painting.json');
  writeFileSync(tampered, JSON.stringify({ ...signed, validFrom: '2020-01-01T00:00:00Z' }));

  try {
    await page.goto(harness.url);
    await createNewWallet(page, passphrase);
    await page.getByTestId('import-input').setInputFiles([genuine, tampered]);
    await expect(page.getByRole('article', { name: 'Marine welding' })).toBeVisible();
    await expect(page.getByRole('article', { name: 'Ship painting' })).toBeVisible();
    await page.getByRole('banner').getByLabel('Language').selectOption('de');

    const verified = await verificationIn(page, 'Marine welding');
    await expect(verified.locator('p').first()).toHaveText(
      'Geprüft Signiert und unverändert, aber nichts bestätigt, dass der Unterzeichner „Harbour Uni“ ist: Den Namen hat er selbst angegeben.',
    );
    const checks = verified.locator('.checks li');
    await expect(checks.filter({ hasText: /^✓ Signatur: / })).toContainText('Die Signatur passt zum Schlüssel des Ausstellers (did:key:');
    await expect(checks.filter({ hasText: /^✓ Signatur: / })).toContainText('direkt aus dem did:key gelesen.');
    await expect(checks.filter({ hasText: /^✓ Schlüssel des Ausstellers: / })).toContainText('Der Schlüssel gehört dem Aussteller (did:key:');
    await expect(checks.filter({ hasText: /^✓ Gültigkeit: / })).toHaveText('✓ Gültigkeit: Der Nachweis ist gültig: seit dem 1. Januar 2025, ohne Ablaufdatum.');
    await expect(checks.filter({ hasText: /^– Widerruf: / })).toHaveText(
      '– Widerruf: Der Aussteller hat diesem Nachweis keine Widerrufsliste mitgegeben, es gibt also nichts zu prüfen.',
    );
    await expectNoEnglishCheckSentence(verified);
    await page.keyboard.press('Escape');

    const invalid = await verificationIn(page, 'Ship painting');
    // The visible verdict without the key in brackets; the checks below still name it.
    await expect(invalid.locator('p').first()).toHaveText(
      'Ungültig Nicht echt: Die Signatur passt nicht: Der Nachweis wurde nach dem Signieren verändert oder mit einem anderen Schlüssel signiert.',
    );
    await expect(invalid.locator('.checks li').filter({ hasText: /^✗ Signatur: / })).toContainText(
      'Die Signatur passt nicht: Der Nachweis wurde nach dem Signieren verändert oder mit einem anderen Schlüssel signiert',
    );
    await expectNoEnglishCheckSentence(invalid);
    await page.keyboard.press('Escape');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
