import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, signDataIntegrity } from '../support/credentials';
import { createNewWallet, expect, test } from './fixtures';

const passphrase = 'maple cinema 81 harbour';

/** The same credential as issued in 2024 and as its issuer renewed it in 2025, both genuine. */
async function credentialFiles(folder: string): Promise<{ first: string; renewed: string }> {
  const issuer = await generateEd25519Issuer(new Uint8Array(32).fill(23));
  const write = async (file: string, name: string, validFrom: string, achievementDescription: string): Promise<string> => {
    const signed = await signDataIntegrity(
      makeOb3Credential({
        issuer: makeIssuerProfile({ id: issuer.did, name: 'Harbour Academy' }),
        id: 'urn:uuid:5d2a9c7e-3b1f-4e6a-9c08-7f1e2d3c4b5a',
        achievementId: 'https://harbour.example.org/achievements/welding',
        achievementName: name,
        achievementDescription,
        validFrom,
      }),
      issuer,
      'eddsa-rdfc-2022',
      { date: validFrom },
    );
    const target = path.join(folder, file);
    writeFileSync(target, JSON.stringify(signed));
    return target;
  };
  return {
    first: await write('welding.json', 'Welding', '2024-01-01T00:00:00Z', 'Safe MIG welding of mild steel.'),
    renewed: await write('welding-2025.json', 'Welding (renewed 2025)', '2025-01-01T00:00:00Z', 'Safe MIG and TIG welding of mild and stainless steel.'),
  };
}

test('a newer copy replaces a credential; its earlier version is kept, and restoring it brings it back', async ({ page, harness }) => {
  test.setTimeout(90_000);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-history-'));
  try {
    const { first, renewed } = await credentialFiles(folder);
    await page.goto(harness.url);
    await createNewWallet(page, passphrase);

    await page.getByTestId('import-input').setInputFiles([first]);
    await expect(page.getByRole('article', { name: 'Welding', exact: true })).toContainText('Verified');
    await page.getByTestId('import-input').setInputFiles([renewed]);
    await expect(page.getByRole('status')).toContainText('Added 0, already there 0, updated 1, not added 0.');
    await expect(page.getByRole('article', { name: 'Welding (renewed 2025)', exact: true })).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(1);

    await page.getByRole('button', { name: 'Details of Welding (renewed 2025)', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: 'Welding (renewed 2025)', level: 2 })).toBeVisible();
    const versions = dialog.getByRole('region', { name: 'Earlier versions' });
    await expect(versions.getByRole('listitem')).toHaveCount(1);
    const earlier = versions.getByRole('listitem').first();
    await expect(earlier).toContainText(/Replaced on \w+/);
    await expect(earlier).toContainText('Then titled “Welding”');
    await expect(earlier).toContainText('Issued Jan 1, 2024');
    await expect(earlier).toContainText(/Verified when it was last checked, on \w+/);
    const axe = await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // Asked first; dismissing changes nothing.
    let asked = '';
    page.once('dialog', (question) => {
      asked = question.message();
      void question.dismiss();
    });
    await earlier.getByRole('button', { name: /^Restore this version \(replaced on .+\)$/ }).click();
    await expect
      .poll(() => asked)
      .toMatch(/^Make the version of “Welding \(renewed 2025\)” that was replaced on .+ current again\? The version you have now is kept under Earlier versions/);
    await expect(dialog.getByRole('heading', { name: 'Welding (renewed 2025)', level: 2 })).toBeVisible();

    page.once('dialog', (question) => void question.accept());
    await earlier.getByRole('button', { name: /^Restore this version/ }).click();
    await expect(versions.getByRole('status')).toContainText(/The version replaced on .+ is current again\./);
    // The details now show the first version, as it was, and checked as it was.
    await expect(dialog.getByRole('heading', { name: 'Welding', exact: true, level: 2 })).toBeVisible();
    await expect(dialog).toContainText('Safe MIG welding of mild steel.');
    await expect(dialog.getByRole('region', { name: 'Verification' })).toContainText('Verified');
    // The version it replaced waits in the history in turn.
    await expect(versions.getByRole('listitem')).toHaveCount(1);
    await expect(versions.getByRole('listitem').first()).toContainText('Then titled “Welding (renewed 2025)”');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('article', { name: 'Welding', exact: true })).toBeVisible();
    await expect(page.getByRole('article', { name: 'Welding (renewed 2025)', exact: true })).toHaveCount(0);

    // In German too.
    await page.getByRole('banner').getByLabel('Language').selectOption('de');
    await page.getByRole('button', { name: 'Details zu Welding', exact: true }).click();
    const german = page.getByRole('dialog').getByRole('region', { name: 'Frühere Fassungen' });
    await expect(german.getByRole('button', { name: /^Diese Fassung wiederherstellen \(ersetzt am .+\)$/ })).toBeVisible();
    await expect(german).toContainText('Damals mit dem Titel „Welding (renewed 2025)“');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
