import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  bakeSvg,
  createDocumentLoader,
  generateEd25519Issuer,
  makeBadgeSvg,
  makeClrCredential,
  makeIssuerProfile,
  makeOb3Credential,
  signDataIntegrity,
} from '../support/credentials';
import { run } from '../support/pdfTools';
import { bytesInLink, linkAnnotations, qrCodesAt150Dpi, shortIdOf } from '../support/pdfLinks';
import { fragmentCredentialBytes, sameCredentialMeaning } from '../../electron/portfolio/cborldFragment';
import { clrContexts } from '../../electron/verify/contexts/clrContexts';
import { readPortfolioPdf } from '../../electron/portfolio/readPortfolioPdf';
import { createNewWallet, expect, test } from './fixtures';

const passphrase = 'lantern meadow 48 harbour';

// A US system: Letter is the paper the export starts with, until another is chosen.
test.use({ locale: 'en-US' });

/** Two signed badges, one of them expired, a signed CLR transcript carrying two courses, and a baked SVG badge. */
async function makeFiles(): Promise<string[]> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-export-'));
  const college = await generateEd25519Issuer(new Uint8Array(32).fill(41));
  const badge = async (file: string, name: string, seed: number, validUntil?: string): Promise<string> => {
    const credential = await signDataIntegrity(
      makeOb3Credential({
        issuer: makeIssuerProfile({ id: college.did, name: 'Harbour College' }),
        idSeed: seed,
        achievementName: name,
        achievementId: `https://badges.harbour.example/achievements/${String(seed)}`,
        validFrom: '2024-03-01T00:00:00Z',
        ...(validUntil ? { validUntil } : {}),
      }),
      college,
    );
    const target = path.join(folder, file);
    writeFileSync(target, JSON.stringify(credential));
    return target;
  };
  // Signed against 1EdTech's published CLR 2.0 context (the one the app bundles), with or without ../shared.
  const documentLoader = createDocumentLoader({ documents: new Map(clrContexts.map((context) => [context.url, structuredClone(context.document) as object])) });
  const clr = await makeClrCredential({ issuer: college, courseNames: ['Web basics', 'JavaScript'], name: 'Web development transcript', signing: { documentLoader } });
  const transcript = path.join(folder, 'transcript.json');
  writeFileSync(transcript, JSON.stringify(clr.credential));
  // Its picture is the SVG it is baked into: the PDF must draw it, not its initials.
  const svgBadge = await signDataIntegrity(
    makeOb3Credential({
      issuer: makeIssuerProfile({ id: college.did, name: 'Harbour College' }),
      idSeed: 703,
      achievementName: 'Accessible design',
      achievementId: 'https://badges.harbour.example/achievements/703',
      validFrom: '2024-05-01T00:00:00Z',
      image: null,
    }),
    college,
  );
  const svg = path.join(folder, 'accessible-design.svg');
  writeFileSync(svg, bakeSvg(makeBadgeSvg({ title: 'A11y', hue: 140 }), 'ob3', { json: JSON.stringify(svgBadge) }));
  return [await badge('ios.json', 'iOS App Development 🚀', 701), await badge('first-aid.json', 'First aid at work', 702, '2025-01-31T00:00:00Z'), transcript, svg];
}

function section(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true });
}

function savedPdf(downloads: string, recipient: string): string {
  const name = readdirSync(downloads).find((file) => file.includes(recipient));
  if (name === undefined) throw new Error(`no PDF for ${recipient} in ${downloads}`);
  return path.join(downloads, name);
}

test('paper remembered, a warning before exporting what does not check out, the PDF language, and Check a PDF', async ({ page, harness }) => {
  test.setTimeout(240_000);
  const files = await makeFiles();
  await page.goto(harness.url);
  await createNewWallet(page, passphrase);
  await page.getByTestId('import-input').setInputFiles(files);
  await expect(page.getByRole('status')).toContainText('Added 4');
  const region = page.getByRole('region', { name: 'Credentials' });
  // The card shows the rocket: the bundled emoji font draws it where the system has none.
  await expect(region.getByRole('article', { name: 'iOS App Development 🚀' })).toContainText('Verified');
  // The bundled face for the rocket loads from the app's own files (allowed by its CSP), system emoji font or not.
  const emojiFaces = await page.evaluate(async () => (await document.fonts.load('16px "Noto Emoji"', '🚀')).map((face) => face.family));
  expect(emojiFaces).toContain('Noto Emoji');
  await expect(region.getByRole('article', { name: 'First aid at work' })).toContainText('Expired');

  // The paper chosen is remembered: closed and opened again, Letter is still chosen.
  await page.getByRole('button', { name: 'Export PDF' }).click();
  let dialog = page.getByRole('dialog', { name: 'Export a portfolio PDF' });
  const paper = dialog.getByRole('group', { name: 'Paper size' });
  // The harness's Chromium runs in an en-US locale: a Letter country.
  await expect(paper.getByRole('radio', { name: 'Letter' })).toBeChecked();
  await paper.getByRole('radio', { name: 'A4' }).check();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: 'Export PDF' }).click();
  dialog = page.getByRole('dialog', { name: 'Export a portfolio PDF' });
  await expect(dialog.getByRole('group', { name: 'Paper size' }).getByRole('radio', { name: 'A4' })).toBeChecked();

  // The PDF in German, whatever the app's language; the PDF language defaults to the app's (English).
  const language = dialog.getByRole('group', { name: 'Language of the PDF' });
  await expect(language.getByRole('radio', { name: 'English' })).toBeChecked();
  await language.getByRole('radio', { name: 'Deutsch' }).check();
  await dialog.getByLabel('Who is it for? (optional)').fill('Nordwind GmbH');

  // Before anything is built: of the six credentials one is expired (the transcript verifies
  // offline, its CLR 2.0 context bundled); the person decides.
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Of the 6 credentials, 1 would be printed with a problem for the reader to see: 1 expired.', {
    timeout: 30_000,
  });
  await expect(dialog.getByRole('region', { name: 'Preview of the portfolio PDF' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Leave them out (1)' }).click();
  await expect(dialog.getByText('Left out: 1 that did not check out.')).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByRole('region', { name: 'Preview of the portfolio PDF' }).getByRole('img', { name: /^Page 1 of \d+$/ })).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Save PDF' }).click();
  await expect(dialog.getByText('Saved to')).toBeVisible({ timeout: 30_000 });

  const downloads = `${harness.vault}-downloads`;
  const german = savedPdf(downloads, 'Nordwind GmbH');
  const germanText = run('pdftotext', ['-enc', 'UTF-8', german, '-']).replace(/\s+/g, ' ');
  expect(germanText).toContain('Erstellt für Nordwind GmbH');
  expect(germanText).toContain('Seite 1 von');
  expect(germanText).toContain('iOS App Development 🚀');
  expect(germanText).not.toContain('First aid at work');
  expect(germanText).toContain('Web development transcript');
  expect(run('pdfinfo', [german])).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);

  // Export anyway keeps the expired one, in English this time.
  await language.getByRole('radio', { name: 'English' }).check();
  await dialog.getByLabel('Who is it for? (optional)').fill('Acme Ltd');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByRole('button', { name: 'Export anyway' }).click();
  await expect(dialog.getByRole('region', { name: 'Preview of the portfolio PDF' }).getByRole('img', { name: /^Page 1 of \d+$/ })).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Save PDF' }).click();
  await expect(dialog.getByText('Saved to')).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  const english = savedPdf(downloads, 'Acme Ltd');
  const englishText = run('pdftotext', ['-enc', 'UTF-8', english, '-']).replace(/\s+/g, ' ');
  expect(englishText).toContain('Prepared for Acme Ltd');
  expect(englishText).toContain('First aid at work');

  // Built in the renderer, every entry links to the published verifier page (package.json) with
  // its original bytes, the bytes attached; each QR code reads at 150 dpi as that link or its fallback.
  const verifier = 'https://badgefolio.github.io/badgefolio/verifier/';
  const englishBytes = new Uint8Array(readFileSync(english));
  const attached = (await readPortfolioPdf(englishBytes)).credentials;
  // A JSON-LD credential may travel in CBOR-LD (`vc1.c.`, where shorter): the same credential, not the same bytes.
  const links = (await linkAnnotations(englishBytes)).filter((link) => link.uri.startsWith(`${verifier}#vc1.`));
  expect(attached.length).toBe(6);
  for (const item of attached) {
    const own = links.filter((link) => link.name?.endsWith(`/${item.file}`));
    expect(own.length, item.file).toBe(2);
    for (const link of own) {
      const fragment = link.uri.slice(link.uri.indexOf('#') + 1);
      if (fragment.startsWith('vc1.c.')) {
        const carried = await fragmentCredentialBytes(fragment);
        expect(await sameCredentialMeaning(carried.bytes, item.bytes ?? new Uint8Array()), item.file).toBe(true);
      } else expect(bytesInLink(link.uri)).toEqual(item.bytes);
    }
  }
  const codes = qrCodesAt150Dpi(english);
  expect(codes.length).toBe(attached.length);
  for (const code of codes) {
    const carried = bytesInLink(code);
    const shortIds = attached.map((item) => shortIdOf(item.bytes ?? new Uint8Array()));
    expect(carried ? attached.some((item) => Buffer.from(item.bytes ?? []).equals(Buffer.from(carried))) : shortIds.some((id) => code === `${verifier}#id.${id}`), code).toBe(true);
  }
  expect(englishText).not.toMatch(/scan to verify/i);

  // The employer's side: one row per credential, the transcript's courses under the transcript.
  await section(page, 'Check a PDF').click();
  const check = page.getByRole('region', { name: 'Check a portfolio PDF' });
  await page.getByTestId('check-pdf-input').setInputFiles(english);
  const list = check.getByRole('list', { name: 'Credentials in this PDF' });
  await expect(list).toBeVisible({ timeout: 60_000 });
  const nested = list.getByRole('list', { name: 'Credentials in Web development transcript' });
  await expect(nested.getByRole('listitem')).toHaveCount(2);
  await expect(nested).toContainText('Web basics');
  await expect(nested).toContainText('JavaScript');
  // Each course is also a file of its own, intact: shown once, under the transcript. Four rows.
  await expect(list.locator(':scope > li')).toHaveCount(4);
  // Each link printed in the PDF carries exactly its file, and the reader is told so.
  await expect(list.locator('[data-link-check="matches-attachment"]').first()).toHaveText('Its verification link in the PDF carries exactly this file.');
  await expect(list.locator('[data-link-check]:not([data-link-check="matches-attachment"])')).toHaveCount(0);

  // A badge baked into an SVG prints with its picture (drawn at 192 px), not as initials.
  await section(page, 'Portfolio').click();
  await page.getByRole('button', { name: 'Export PDF' }).click();
  dialog = page.getByRole('dialog', { name: 'Export a portfolio PDF' });
  await dialog.getByRole('radio', { name: 'Credentials I choose' }).check();
  await dialog.getByRole('checkbox', { name: /Accessible design/ }).check();
  await dialog.getByLabel('Who is it for? (optional)').fill('Picture check');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('region', { name: 'Preview of the portfolio PDF' }).getByRole('img', { name: /^Page 1 of \d+$/ })).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Save PDF' }).click();
  await expect(dialog.getByText('Saved to')).toBeVisible({ timeout: 30_000 });
  const images = run('pdfimages', ['-list', savedPdf(downloads, 'Picture check')])
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((columns) => columns[2] === 'image');
  expect(images.map((columns) => Number(columns[3]))).toEqual([192]);
});
