import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { de } from '../../renderer/src/i18n/de';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, seededBytes, signDataIntegrity } from '../support/credentials';
import { startHarnessProcess, type HarnessProcess } from '../support/harnessProcess';
import { LoopbackInternet } from '../support/loopbackInternet';
import { startTestIssuer } from '../support/openid4vciIssuer';
import { Sweep } from './germanLeaks';

/**
 * Issue #17, "German, completely", the screens germanSweep.spec.ts does not reach: a new wallet
 * made in German, Settings with each of its panels in use (issuer registries with a list added,
 * checking offline, the verifier address refused and saved, the wallet's identifier), adding from
 * a link (the panel, its error, the consent dialog of a real OpenID4VCI issuer on the loopback
 * internet, and what came of it) and the notice the wallet check gives after an unlock that
 * found a damaged file. Every step is read for English as the main sweep reads it.
 */

const passphrase = 'Kiefer Nebel 58 Leuchtturm';

/** The credentials' and the test issuer's own words (and the files'): their text, not the app's. */
const content = ['Marine welding', 'Harbour Uni', 'Harbour University', 'Example University', 'Data Science Fundamentals', 'acme-hiring.json', 'issuer.example'];

test('in German, Settings, adding from a link and the wallet check notice say nothing in English', async ({ page }) => {
  test.setTimeout(180_000);
  const sweep = new Sweep(content);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-german-settings-'));
  const internet = await LoopbackInternet.start();
  let harness: HarnessProcess | undefined;
  try {
    // The harness reaches the test issuer through the developer option, as in receiveLink.spec.ts.
    writeFileSync(path.join(folder, 'ca.pem'), internet.ca);
    harness = await startHarnessProcess(undefined, {
      args: ['--dev-host', `issuer.example=127.0.0.1:${String(internet.port)}`],
      env: { NODE_EXTRA_CA_CERTS: path.join(folder, 'ca.pem') },
    });
    const issuer = await startTestIssuer(internet, { host: 'issuer.example' });
    const signer = await generateEd25519Issuer(seededBytes(32, 1711));
    const badge = path.join(folder, 'welding.json');
    writeFileSync(
      badge,
      JSON.stringify(
        await signDataIntegrity(
          makeOb3Credential({ issuer: makeIssuerProfile({ id: signer.did, name: 'Harbour Uni' }), validFrom: '2025-01-01T00:00:00Z', achievementName: 'Marine welding' }),
          signer,
        ),
      ),
    );
    writeFileSync(path.join(folder, 'notes.json'), JSON.stringify({ notes: ['not a registry'] }));
    writeFileSync(path.join(folder, 'acme-hiring.json'), JSON.stringify({ meta: { updated: '2026-09-01T00:00:00Z' }, registry: { [signer.did]: { name: 'Harbour University' } } }));

    // A wallet made in German from the first screen on.
    await page.goto(harness.url);
    await page.getByRole('banner').getByLabel('Language').selectOption('de');
    await page.getByLabel(de['wallet.passphrase'], { exact: true }).fill(passphrase);
    await page.getByLabel(de['wallet.confirm']).fill(passphrase);
    await page.getByRole('button', { name: de['wallet.createButton'] }).click();
    await expect(page.getByRole('heading', { name: de['portfolio.title'] })).toBeVisible();
    await page.getByTestId('import-input').setInputFiles([badge]);
    await expect(page.getByRole('article', { name: 'Marine welding' })).toBeVisible();

    // Adding from a link: the panel, a link missing, then an offer and its consent dialog.
    await page.getByRole('button', { name: de['receive.open'] }).click();
    await expect(page.getByLabel(de['receive.field'])).toBeVisible();
    await sweep.screen(page, 'add from a link');
    await page.getByRole('button', { name: de['receive.submit'] }).click();
    await expect(page.getByText(de['receive.empty'])).toBeVisible();
    await sweep.screen(page, 'add from a link, no link given');
    await page.getByLabel(de['receive.field']).fill(issuer.offerLink);
    await page.getByRole('button', { name: de['receive.submit'] }).click();
    const consent = page.getByRole('dialog', { name: de['receive.consent.title'].replace('{host}', 'issuer.example') });
    await expect(consent.getByRole('listitem').filter({ hasText: 'Data Science Fundamentals' })).toBeVisible({ timeout: 30_000 });
    await sweep.screen(page, 'consent dialog');
    await consent.getByRole('button', { name: de['receive.consent.accept'], exact: true }).click();
    await expect(consent).toBeHidden();
    await expect(page.getByRole('list', { name: de['receive.result.rows'] }).getByRole('listitem')).toContainText('Data Science Fundamentals');
    await sweep.screen(page, 'what came of a link');

    // Settings, each panel in use.
    await page.getByRole('navigation').getByRole('button', { name: de['nav.settings'], exact: true }).click();
    await expect(page.getByRole('group', { name: de['identifier.title'] })).toContainText('did:key:');
    await sweep.screen(page, 'settings');
    const registries = page.getByRole('group', { name: de['registries.title'] });
    // A file that is no registry is refused in German (the main process's reason as a catalogue message).
    await registries.getByTestId('registry-input').setInputFiles([path.join(folder, 'notes.json')]);
    await expect(registries.getByRole('alert')).toContainText('ist kein Ausstellerverzeichnis');
    await sweep.screen(page, 'settings, a file refused as no registry');
    await registries.getByTestId('registry-input').setInputFiles([path.join(folder, 'acme-hiring.json')]);
    await expect(registries.getByRole('listitem').first()).toContainText('acme-hiring.json');
    await page.getByRole('radio', { name: new RegExp(`^${de['settings.network.offline']}`) }).check();
    await expect(registries.getByRole('button', { name: de['registries.refresh'] })).toBeDisabled();
    await sweep.screen(page, 'settings, a registry added and checking offline');
    const verifier = page.getByLabel(de['settings.verifier']);
    await verifier.fill('http://verify.example.net/badgefolio/');
    await verifier.press('Enter');
    await expect(verifier).toHaveAttribute('aria-invalid', 'true');
    await sweep.screen(page, 'settings, an insecure verifier address');
    await verifier.fill('verify.example.net/badgefolio/');
    await verifier.press('Enter');
    await expect(verifier).toHaveValue('https://verify.example.net/badgefolio/');
    await page.getByRole('button', { name: de['identifier.copy'] }).click();
    await expect(page.getByText(new RegExp(`^(${de['identifier.copied']}|${de['identifier.copyFailed']})$`))).toBeVisible();
    await sweep.screen(page, 'settings, a verifier address saved and the identifier copied');

    // The wallet check's notice: a record damaged while the wallet was locked.
    await page.getByRole('button', { name: de['wallet.lock'] }).click();
    await expect(page.getByRole('heading', { name: de['wallet.unlock.title'] })).toBeVisible();
    const records = path.join(harness.vault, 'records');
    const [record] = readdirSync(records).filter((name) => name.endsWith('.rec'));
    const file = path.join(records, record ?? '');
    const bytes = readFileSync(file);
    bytes[60] = (bytes[60] ?? 0) ^ 0x01;
    writeFileSync(file, bytes);
    await page.getByLabel(de['wallet.passphrase'], { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: de['wallet.unlockButton'] }).click();
    const attention = page.getByRole('region', { name: de['attention.title'] });
    await expect(attention.getByRole('listitem')).toHaveCount(1, { timeout: 30_000 });
    await sweep.screen(page, 'the wallet check notice');
    await attention.getByRole('button', { name: de['damage.notice.open'] }).click();
    const check = page.getByRole('group', { name: de['check.title'] });
    await check.getByRole('button', { name: de['check.button'], exact: true }).click();
    await expect(check.getByRole('listitem')).toHaveCount(1, { timeout: 30_000 });
    await sweep.screen(page, 'settings, the wallet checked with a damaged file');

    expect(sweep.visited.length).toBe(11);
    expect(sweep.leaks, `English in German:\n${sweep.leaks.join('\n')}`).toEqual([]);
  } finally {
    await harness?.stop();
    await internet.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
