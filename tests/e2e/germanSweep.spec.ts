import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Vault } from '../../electron/vault/vault';
import {
  bakePngItxt,
  generateDidWebIssuer,
  generateEd25519Issuer,
  makeBadgePng,
  makeBitstringStatusListCredential,
  makeIssuerProfile,
  makeOb2Assertion,
  makeOb3Credential,
  seededBytes,
  signDataIntegrity,
} from '../support/credentials';
import { runBin } from '../support/cliRun';
import { startHarnessProcess, type HarnessProcess } from '../support/harnessProcess';
import { testKdf } from '../support/walletFixtures';
import { expect, test } from './fixtures';
import { Sweep } from './germanLeaks';

/**
 * Issue #17, "German, completely": with German chosen, every screen, dialog, report, notice
 * and the portfolio PDF speak German. The sweep visits each one and reads what a person would
 * see or hear (the page's text, and the accessible names, titles and placeholders a screen
 * reader or a tooltip gives), and fails on any English from the catalogues or common English
 * words. What the test credentials themselves say (their names, issuers, descriptions) is the
 * issuer's text, not the app's, and is taken out first.
 */

const passphrase = 'Kiefer Nebel 58 Leuchtturm';

/** The test credentials' own words (and file names): the issuer's text, shown as written. */
const credentialContent = [
  'Marine welding',
  'Ship painting',
  'Crane operation',
  'Harbour safety',
  'Port logistics',
  'Harbour Uni',
  'Dockside College',
  'Certificate of Completion: Rope access',
  'Rope access',
  'Riverside Training',
  'Awarded to Kim Beispiel',
  'Kim Beispiel',
  'Open Source Contributor',
  'Hot work safety',
  'knots.png',
  'Northwind Analytics',
];

async function certificatePdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setTitle('Certificate of Completion: Rope access');
  document.setAuthor('Riverside Training');
  document.setSubject('Awarded to Kim Beispiel');
  document.setCreationDate(new Date('2024-05-01T10:00:00Z'));
  const page = document.addPage([842, 595]);
  const font = await document.embedFont(StandardFonts.Helvetica);
  page.drawText('Rope access', { x: 60, y: 400, size: 36, font });
  return document.save();
}

/**
 * A wallet holding one credential of each verdict, each with the report the real engine gives
 * it (the revoked one against its status list, supplied as a document): verified, tampered
 * (invalid), expired, revoked, not fully checked (a did:web key that cannot be had offline),
 * and a self-reported PDF certificate.
 */
async function seededWallet(): Promise<string> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-german-sweep-'));
  const issuer = await generateEd25519Issuer(seededBytes(32, 1701));
  const web = await generateDidWebIssuer('did:web:credentials.dockside.example', seededBytes(32, 1702));
  const profile = makeIssuerProfile({ id: issuer.did, name: 'Harbour Uni' });
  const skills = [{ targetName: 'Hot work safety', targetFramework: 'ESCO', targetCode: 'S1.2' }];
  // The issuer's own words in German, so that only the names are English (and allowed as the issuer's).
  const content = {
    achievementDescription: 'Schweißen und Schneiden von Stahl auf einer Werft.',
    criteriaNarrative: 'Drei Prüfstücke, von zwei Meistern abgenommen.',
    tags: ['Werft'],
    evidence: [{ id: 'https://harbour.example/nachweise/1', type: ['Evidence'] as ['Evidence'], name: 'Prüfstücke', narrative: 'Drei abgenommene Prüfstücke.' }],
    skills,
  };
  const listUrl = 'https://status.harbour.example/lists/1';
  const list = await signDataIntegrity(makeBitstringStatusListCredential({ url: listUrl, issuer: issuer.did, setIndexes: [7] }), issuer);
  const signed = (options: Parameters<typeof makeOb3Credential>[0]) =>
    signDataIntegrity(makeOb3Credential({ ...content, ...options }), issuer, 'eddsa-rdfc-2022', { date: '2025-01-01T00:00:00Z' });
  // "Program" is not on Open Badges 3.0's list of achievement types: a conformance note, the verdict unchanged.
  const verified = await signed({ issuer: profile, validFrom: '2025-01-01T00:00:00Z', achievementName: 'Marine welding', achievementType: 'Program' });
  const tampered = {
    ...((await signed({ issuer: profile, validFrom: '2025-01-01T00:00:00Z', achievementName: 'Ship painting' })) as unknown as Record<string, unknown>),
    validFrom: '2020-01-01T00:00:00Z',
  };
  const expired = await signed({ issuer: profile, validFrom: '2024-01-01T00:00:00Z', validUntil: '2025-01-01T00:00:00Z', achievementName: 'Crane operation' });
  const revoked = await signed({
    issuer: profile,
    validFrom: '2025-01-01T00:00:00Z',
    achievementName: 'Harbour safety',
    credentialStatus: { statusListCredential: listUrl, statusListIndex: 7 },
  });
  const unverifiable = await signDataIntegrity(
    makeOb3Credential({ ...content, issuer: makeIssuerProfile({ id: web.did, name: 'Dockside College' }), validFrom: '2025-01-01T00:00:00Z', achievementName: 'Port logistics' }),
    web,
    'eddsa-rdfc-2022',
  );
  const files = [
    { name: 'welding.json', bytes: JSON.stringify(verified) },
    { name: 'painting.json', bytes: JSON.stringify(tampered) },
    { name: 'crane.json', bytes: JSON.stringify(expired) },
    { name: 'safety.json', bytes: JSON.stringify(revoked) },
    { name: 'logistics.json', bytes: JSON.stringify(unverifiable) },
  ].map(({ name, bytes }): { name: string; bytes: Uint8Array } => ({ name, bytes: new TextEncoder().encode(bytes) }));
  files.push({ name: 'rope-access.pdf', bytes: await certificatePdf() });
  const incoming = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-german-incoming-'));
  try {
    for (const file of files) writeFileSync(path.join(incoming, file.name), file.bytes);
    writeFileSync(path.join(incoming, 'status-list.json'), JSON.stringify(list));
    writeFileSync(path.join(incoming, 'documents.json'), JSON.stringify({ [listUrl]: 'status-list.json' }));
    // Created here with the test KDF (fast), then filled by the real command line, which verifies each one as the app does.
    (await Vault.create(folder, passphrase, testKdf)).lockWallet();
    const imported = runBin(['import', '--vault', folder, '--offline', '--documents', path.join(incoming, 'documents.json'), ...files.map((f) => path.join(incoming, f.name))], {
      env: { BADGEFOLIO_PASSPHRASE: passphrase },
    });
    if (imported.status !== 0) throw new Error(`badgefolio import failed:\n${imported.stdout}\n${imported.stderr}`);
  } finally {
    rmSync(incoming, { recursive: true, force: true });
  }
  return folder;
}

function section(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('button', { name, exact: true });
}

async function details(page: Page, sweep: Sweep, name: string, status: string, also?: string): Promise<void> {
  await page
    .getByRole('article', { name })
    .first()
    .getByRole('button', { name: `Details zu ${name}` })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('region', { name: 'Prüfung' })).toContainText(status);
  if (also) await expect(dialog.getByRole('region', { name: 'Prüfung' })).toContainText(also);
  await sweep.screen(page, `details of “${name}” (${status})`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

// Every wait is for something the app does at once; a long one means a step went wrong.
test.use({ actionTimeout: 20_000 });

test('in German, every screen, dialog, report and the portfolio PDF say nothing in English', async ({ page, harness }) => {
  test.setTimeout(240_000);
  const sweep = new Sweep(credentialContent);
  let seeded: HarnessProcess | undefined;
  const vault = await seededWallet();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-german-files-'));
  try {
    // First run, on a new wallet: the welcome and the form to create one.
    await page.goto(harness.url);
    await page.getByRole('banner').getByLabel('Language').selectOption('de');
    await expect(page.getByRole('heading', { name: 'Willkommen bei Badgefolio' })).toBeVisible();
    await page.getByLabel('Passphrase', { exact: true }).fill('kurz');
    await sweep.screen(page, 'first run');

    // The seeded wallet, locked: the unlock screen, then the portfolio.
    seeded = await startHarnessProcess(vault);
    await page.goto(seeded.url);
    await page
      .getByRole('banner')
      .getByLabel(/^(Language|Sprache)$/)
      .selectOption('de');
    await expect(page.getByRole('heading', { name: 'Brieftasche entsperren' })).toBeVisible();
    await sweep.screen(page, 'unlock');
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Passphrase', { exact: true }).press('Enter');
    await expect(page.getByRole('heading', { name: 'Dein Portfolio' })).toBeVisible();
    await expect(page.getByRole('article', { name: 'Marine welding' })).toBeVisible();

    for (const layout of ['Raster', 'Liste', 'Zeitleiste']) {
      await page.getByRole('radio', { name: layout }).check();
      await expect(page.getByRole('article', { name: 'Harbour safety' })).toBeVisible();
      await sweep.screen(page, `portfolio (${layout})`);
    }
    await page.getByRole('radio', { name: 'Raster' }).check();
    await page.getByRole('button', { name: /^Filter/ }).click();
    await sweep.screen(page, 'portfolio filters');

    await details(page, sweep, 'Marine welding', 'Geprüft', 'Die Angabe „Art der Leistung“ (credentialSubject.achievement.achievementType) hat den Wert „Program“');
    await details(page, sweep, 'Ship painting', 'Ungültig');
    await details(page, sweep, 'Crane operation', 'Abgelaufen');
    await details(page, sweep, 'Harbour safety', 'Widerrufen');
    await details(page, sweep, 'Port logistics', 'Nicht geprüft');
    const certificate = 'Certificate of Completion: Rope access';
    await details(page, sweep, certificate, 'Selbst angegeben');
    // A self-reported certificate's correction form.
    await page
      .getByRole('article', { name: certificate })
      .getByRole('button', { name: `Details zu ${certificate}` })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Titel, Aussteller oder Datum korrigieren' }).click();
    await sweep.screen(page, 'correcting a self-reported certificate');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();

    // An import: a badge whose details live at its issuer (not fetched: the setting asks), and a damaged file.
    const { assertion } = makeOb2Assertion({ assertionId: 'https://badges.example.org/assertions/knots.json', embedBadge: false, issuedOn: '2025-03-01T00:00:00Z' });
    writeFileSync(path.join(folder, 'knots.png'), bakePngItxt(makeBadgePng(800, 5), 'openbadges', JSON.stringify(assertion)));
    writeFileSync(path.join(folder, 'notes.json'), '{"just": "notes"}');
    await page.getByTestId('import-input').setInputFiles([path.join(folder, 'knots.png'), path.join(folder, 'notes.json')]);
    await expect(page.getByText('Was mit jeder Datei geschah')).toBeVisible({ timeout: 30_000 });
    const notFetched = page.getByRole('article').filter({ hasText: 'Details noch nicht abgerufen' });
    await expect(notFetched).toBeVisible();
    await sweep.screen(page, 'import summary');
    await page.getByText('Was mit jeder Datei geschah').click();
    await sweep.screen(page, 'import summary, each file');
    await notFetched.getByRole('button', { name: /^Details zu / }).click();
    await expect(page.getByRole('dialog').getByRole('region', { name: 'Prüfung' })).toBeVisible();
    await sweep.screen(page, 'details of a badge whose details were not fetched');
    await page.keyboard.press('Escape');

    await section(page, 'Kompetenzen').click();
    await expect(page.getByText('Hot work safety').first()).toBeVisible();
    await sweep.screen(page, 'skills');

    await section(page, 'Lernpfade').click();
    await sweep.screen(page, 'pathways');
    await page.getByRole('button', { name: 'Neuer Lernpfad' }).first().click();
    await page.getByLabel('Name des Lernpfads').fill('Hafen');
    await page.getByRole('button', { name: 'Schritt hinzufügen' }).click();
    await page.getByRole('textbox', { name: 'Schritt 1' }).fill('Schweißen');
    await page.getByRole('combobox', { name: 'Nachweis für Schritt 1' }).selectOption({ label: 'Marine welding · Harbour Uni' });
    await page.getByRole('textbox', { name: 'Schritt 2' }).fill('Anstrich');
    await sweep.screen(page, 'pathway editor');
    await page.getByRole('button', { name: 'Lernpfad speichern' }).click();
    await expect(page.getByRole('heading', { name: 'Hafen' })).toBeVisible();
    await sweep.screen(page, 'pathways with a pathway');

    await section(page, 'Sammlungen').click();
    await sweep.screen(page, 'collections');
    await page.getByRole('button', { name: 'Neue Sammlung' }).first().click();
    await page.getByLabel('Name der Sammlung').fill('Werft');
    await page.getByLabel('Nachweise suchen').fill('a');
    await sweep.screen(page, 'collection editor and picker');
    await page.getByRole('button', { name: 'Abbrechen' }).click();

    await section(page, 'Profil').click();
    await sweep.screen(page, 'profile');

    await section(page, 'Einstellungen').click();
    await page.getByRole('button', { name: 'Brieftasche prüfen' }).click();
    await expect(
      page
        .getByRole('group', { name: 'Brieftasche prüfen' })
        .getByRole('status')
        .or(page.getByRole('group', { name: 'Brieftasche prüfen' }).locator('p').last()),
    ).toBeVisible();
    await expect(page.getByRole('group', { name: 'Brieftasche prüfen' })).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
    await sweep.screen(page, 'settings, with the wallet checked');

    // The portfolio PDF, in German: the dialog, its preview, the saved file.
    await section(page, 'Portfolio').click();
    await page.getByRole('button', { name: 'PDF exportieren', exact: true }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Portfolio als PDF exportieren' });
    await sweep.screen(page, 'export PDF dialog');
    // The PDF's language follows the app's; chosen here as a person sending it to a German employer would.
    const pdfLanguage = exportDialog.getByRole('group', { name: 'Sprache des PDFs' }).getByRole('radio', { name: 'Deutsch' });
    await pdfLanguage.check();
    await expect(pdfLanguage).toBeChecked();
    await exportDialog.getByLabel('Für wen? (optional)').fill('Northwind Analytics');
    await exportDialog.getByRole('button', { name: 'Vorschau' }).click();
    // Expired, revoked and unchecked credentials are in it: the dialog asks first, and all of them go in.
    await expect(exportDialog.getByRole('button', { name: 'Trotzdem exportieren' })).toBeVisible({ timeout: 60_000 });
    await sweep.screen(page, 'export PDF, asking about credentials that do not check out');
    await exportDialog.getByRole('button', { name: 'Trotzdem exportieren' }).click();
    await expect(exportDialog.getByRole('button', { name: 'PDF speichern' })).toBeEnabled({ timeout: 60_000 });
    // Its pages and size, counted and written as German writes them ("3 Seiten, 0,42 MB").
    await expect(exportDialog.getByText(/^\d+ Seiten, \d+,\d{1,2} MB$/)).toBeVisible();
    await sweep.screen(page, 'export PDF preview');
    await exportDialog.getByRole('button', { name: 'PDF speichern' }).click();
    await expect(exportDialog.getByText('Gespeichert unter')).toBeVisible({ timeout: 60_000 });
    await sweep.screen(page, 'export PDF saved');
    await exportDialog.getByRole('button', { name: 'Schließen' }).first().click();

    const downloads = `${seeded.vault}-downloads`;
    const saved = readdirSync(downloads).find((name) => name.endsWith('.pdf'));
    expect(saved, 'the portfolio PDF was saved').toBeDefined();
    const pdf = path.join(downloads, saved ?? '');
    const pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('Marine welding');
    // German, not merely free of the English found so far: its own words are there.
    expect(pdfText).toContain('Widerrufen');
    expect(pdfText).toContain('Abgelaufen');
    sweep.text('portfolio PDF', pdfText);

    await section(page, 'Exportverlauf').click();
    await expect(page.getByRole('row').filter({ hasText: 'Northwind Analytics' })).toBeVisible();
    await sweep.screen(page, 'export history');

    await section(page, 'PDF prüfen').click();
    await sweep.screen(page, 'check a PDF');
    await page.getByTestId('check-pdf-input').setInputFiles(pdf);
    await expect(page.getByRole('list', { name: 'Nachweise in diesem PDF' })).toBeVisible({ timeout: 60_000 });
    await sweep.screen(page, 'check a PDF, with its result');

    expect(sweep.visited.length).toBeGreaterThan(25);
    expect(sweep.leaks, `English in German:\n${sweep.leaks.join('\n')}`).toEqual([]);
  } finally {
    await seeded?.stop();
    rmSync(vault, { recursive: true, force: true });
    rmSync(`${vault}-downloads`, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  }
});
