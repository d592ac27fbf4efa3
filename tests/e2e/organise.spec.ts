import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  bakePngItxt,
  generateEd25519Issuer,
  makeBadgePng,
  makeClrCredential,
  makeIssuerProfile,
  makeOb2Assertion,
  makeOb3Credential,
  signDataIntegrity,
} from '../support/credentials';
import { decodeAllQr, renderPages, run } from '../support/pdfTools';
import { certificateScan, encodeJpeg } from '../unit/certificate/inputs';
import { createNewWallet, expect, test } from './fixtures';
import { keepScreenshot } from './screenshots';

const passphrase = 'orchard violin 57 compass';

interface Made {
  readonly folder: string;
  readonly files: string[];
  /** File name → the exact bytes written, to compare with what the PDF carries. */
  readonly bytes: Map<string, Buffer>;
}

/** Signed OB 3.0 badges from two issuers with skills and dates, a baked OB 2.0 badge and a CLR transcript. */
async function makeBadges(): Promise<Made> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-organise-'));
  const bytes = new Map<string, Buffer>();
  const write = (name: string, content: Buffer): string => {
    const file = path.join(folder, name);
    writeFileSync(file, content);
    bytes.set(name, content);
    return file;
  };
  const college = await generateEd25519Issuer(new Uint8Array(32).fill(21));
  const academy = await generateEd25519Issuer(new Uint8Array(32).fill(22));
  const specs = [
    { file: 'sql.json', issuer: college, issuerName: 'Riverbank College', name: 'SQL for analysts', date: '2024-02-10T00:00:00Z', skill: 'Querying databases', slug: 'sql' },
    { file: 'viz.json', issuer: college, issuerName: 'Riverbank College', name: 'Data visualisation', date: '2025-06-03T00:00:00Z', skill: 'Data visualisation', slug: 'viz' },
    { file: 'stats.json', issuer: academy, issuerName: 'Zenith Academy', name: 'Applied statistics', date: '2025-11-20T00:00:00Z', skill: 'Statistics', slug: 'stats' },
  ];
  const files: string[] = [];
  for (const [index, spec] of specs.entries()) {
    const credential = await signDataIntegrity(
      makeOb3Credential({
        issuer: makeIssuerProfile({ id: spec.issuer.did, name: spec.issuerName }),
        idSeed: 500 + index,
        achievementName: spec.name,
        achievementId: `https://badges.riverbank.example/achievements/${spec.slug}`,
        skills: [{ targetName: spec.skill, targetFramework: 'ESCO', targetCode: `S${String(index)}`, targetUrl: `http://data.europa.eu/esco/skill/${spec.slug}` }],
        creditsAvailable: 5,
        validFrom: spec.date,
      }),
      spec.issuer,
    );
    files.push(write(spec.file, Buffer.from(JSON.stringify(credential))));
  }
  const { assertion } = makeOb2Assertion({ badgeName: 'Forklift safety', issuerName: 'Northern Skills Academy' });
  files.push(write('forklift.png', Buffer.from(bakePngItxt(makeBadgePng(3_000, 9), 'openbadges', JSON.stringify(assertion)))));
  const clr = await makeClrCredential({ issuer: college, courseNames: ['Web basics', 'JavaScript'], name: 'Web development transcript' });
  files.push(write('transcript.json', Buffer.from(JSON.stringify(clr.credential))));
  return { folder, files, bytes };
}

async function createWallet(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await createNewWallet(page, passphrase);
}

async function noSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function articleNames(page: Page): Promise<string[]> {
  return page
    .getByRole('region', { name: 'Credentials' })
    .getByRole('article')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
}

function section(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true });
}

test('sort, filter, timeline, skills, a pathway, a collection and its PDF export', async ({ page, harness }, testInfo) => {
  test.setTimeout(120_000);
  const made = await makeBadges();
  await createWallet(page, harness.url);
  await page.getByTestId('import-input').setInputFiles(made.files);
  // Five files, one of them a transcript carrying two more credentials.
  await expect(page.getByRole('status')).toContainText('Files: 5. Added 5');
  await expect(page.getByRole('status')).toContainText('Credentials in them: 7.');
  const region = page.getByRole('region', { name: 'Credentials' });
  await expect(region.getByRole('article', { name: 'Applied statistics' })).toContainText('Verified');

  // Sort and filter.
  await page.getByLabel('Sort by').selectOption({ label: 'Name' });
  expect((await articleNames(page)).slice(0, 3)).toEqual(['Applied statistics', 'Data visualisation', 'Forklift safety']);
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByLabel('Issuer', { exact: true }).selectOption('Zenith Academy');
  expect(await articleNames(page)).toEqual(['Applied statistics']);
  await expect(page.getByText('Showing 1 of 7 credentials')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Unverified' });
  const unverified = await articleNames(page);
  expect(unverified).toContain('Forklift safety');
  expect(unverified).not.toContain('Applied statistics');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill('visual');
  expect(await articleNames(page)).toEqual(['Data visualisation']);
  await page.getByRole('searchbox', { name: 'Search' }).fill('');

  // Timeline: grouped by the month issued, newest first.
  await page.getByRole('radio', { name: 'Timeline' }).check();
  await expect(region.getByRole('heading', { name: 'November 2025' })).toBeVisible();
  // The oldest month is at the end: scrolled into view (the list only renders what is on screen).
  await region.evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(region.getByRole('heading', { name: 'February 2024' })).toBeVisible();
  const headings = await region.getByRole('heading', { level: 2 }).allTextContents();
  expect(headings.at(-1)).toBe('February 2024');
  await noSeriousAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('timeline.png') });
  keepScreenshot(testInfo.outputPath('timeline.png'), 'portfolio-timeline.png');
  await page.getByRole('radio', { name: 'Grid' }).check();

  // Skills, grouped by framework, each leading to its credentials.
  await section(page, 'Skills').click();
  const esco = page.getByRole('region', { name: 'ESCO' });
  await expect(esco.getByRole('heading', { name: 'Statistics' })).toBeVisible();
  await esco.getByRole('button', { name: 'Applied statistics' }).click();
  await expect(page.getByRole('dialog', { name: 'Applied statistics' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await noSeriousAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('skills.png') });
  keepScreenshot(testInfo.outputPath('skills.png'), 'skills.png');

  // A pathway: 2 of 3 steps needed, two fulfilled by credentials in the wallet.
  await section(page, 'Pathways').click();
  await page.getByRole('button', { name: 'New pathway' }).click();
  await page.getByLabel('Pathway name').fill('Data analytics certificate');
  await page.getByLabel('Step 1', { exact: true }).fill('Databases');
  await page.getByLabel('Credential for step 1').selectOption({ label: 'SQL for analysts · Riverbank College' });
  await page.getByRole('button', { name: 'Add a step' }).click();
  await page.getByLabel('Credential for step 2').selectOption({ label: 'Applied statistics · Zenith Academy' });
  await expect(page.getByLabel('Step 2', { exact: true })).toHaveValue('Applied statistics');
  await page.getByRole('button', { name: 'Add a step' }).click();
  await page.getByLabel('Step 3', { exact: true }).fill('Machine learning');
  await page.getByLabel('Steps needed to complete').fill('4');
  await page.getByRole('button', { name: 'Save pathway' }).click();
  // The form refuses more required steps than there are; nothing is saved.
  expect(await page.getByLabel('Steps needed to complete').evaluate((input: HTMLInputElement) => input.validity.rangeOverflow)).toBe(true);
  await expect(page.getByRole('article', { name: 'Data analytics certificate' })).toHaveCount(0);
  await page.getByLabel('Steps needed to complete').fill('2');
  await page.getByRole('button', { name: 'Save pathway' }).click();
  const pathway = page.getByRole('article', { name: 'Data analytics certificate' });
  await expect(pathway).toContainText('2 of 2 needed (3 steps in all)');
  await expect(pathway).toContainText('Complete');
  await expect(pathway).toContainText('Credits earned: 10');
  await expect(pathway.getByRole('progressbar', { name: 'Progress of Data analytics certificate' })).toHaveAttribute('value', '2');
  await page.getByRole('button', { name: 'Make a pathway from Web development transcript' }).click();
  await expect(page.getByRole('article', { name: 'Web development transcript' })).toContainText('2 of 2 needed');
  await noSeriousAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('pathways.png') });
  keepScreenshot(testInfo.outputPath('pathways.png'), 'pathways.png');

  // A collection for job applications, then its PDF.
  await section(page, 'Collections').click();
  await page.getByRole('button', { name: 'New collection' }).click();
  await page.getByLabel('Collection name').fill('Data analyst applications');
  await page.getByRole('checkbox', { name: /Applied statistics/ }).check();
  await page.getByRole('checkbox', { name: /SQL for analysts/ }).check();
  await page.getByRole('button', { name: 'Save collection' }).click();
  await expect(page.getByRole('article', { name: 'Data analyst applications' })).toContainText('2 credentials');
  await noSeriousAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('collections.png') });
  keepScreenshot(testInfo.outputPath('collections.png'), 'collections.png');

  await page.getByRole('button', { name: 'Export PDF of Data analyst applications' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export a portfolio PDF' });
  await expect(dialog.getByText('2 credentials will be included.')).toBeVisible();
  await dialog.getByLabel('Who is it for? (optional)').fill('Northwind Analytics');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = dialog.getByRole('region', { name: 'Preview of the portfolio PDF' });
  await expect(preview.getByRole('img', { name: /^Page 1 of \d+$/ })).toBeVisible({ timeout: 30_000 });
  // Every page is drawn (pdf.js, inside the page): as many pictures as the PDF has pages.
  const pageCount = Number(/(\d+) pages/.exec((await preview.getByText(/pages,/).textContent()) ?? '')?.[1]);
  await expect(preview.getByRole('img')).toHaveCount(pageCount);
  await noSeriousAxeViolations(page);
  await dialog.getByRole('button', { name: 'Save PDF' }).click();
  await expect(dialog.getByRole('status')).toContainText('Saved to');
  await page.screenshot({ path: testInfo.outputPath('export.png') });
  keepScreenshot(testInfo.outputPath('export.png'), 'export-pdf.png');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The saved PDF: QR codes lead to the verifier page, the originals ride along byte for byte.
  const downloads = `${harness.vault}-downloads`;
  const [saved] = readdirSync(downloads);
  expect(saved).toBe('Portfolio - Northwind Analytics.pdf');
  const pdf = path.join(downloads, saved ?? '');
  const text = run('pdftotext', [pdf, '-']);
  expect(text).toContain('Applied statistics');
  expect(text).toContain('Northwind Analytics');
  expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))?.[1])).toBe(pageCount);
  // Each code opens the verifier page (the project's published one, from package.json) with
  // the credential itself in the link, or, where that would not stay readable, its short id.
  const codes = renderPages(pdf, 110).flatMap((page) => decodeAllQr(page));
  expect(codes).toHaveLength(2);
  for (const code of codes) expect(code).toMatch(/^https:\/\/badgefolio\.github\.io\/badgefolio\/verifier\/#(vc1\.z\.[A-Za-z0-9_-]+|id\.[0-9a-f]{12})$/);
  const attachments = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-detach-'));
  run('pdfdetach', ['-saveall', '-o', attachments, pdf]);
  const attached = readdirSync(attachments).map((name) => readFileSync(path.join(attachments, name)));
  for (const name of ['sql.json', 'stats.json']) expect(attached.some((bytes) => bytes.equals(made.bytes.get(name) ?? Buffer.alloc(0)))).toBe(true);

  // Noted in the export history with whom it went to.
  await section(page, 'Export history').click();
  await expect(page.getByRole('table')).toContainText('Northwind Analytics');
  await expect(page.getByRole('table')).toContainText('Applied statistics');
});

test('details: CLR relations, save the original, remove a credential', async ({ page, harness }) => {
  test.setTimeout(90_000);
  const made = await makeBadges();
  await createWallet(page, harness.url);
  await page.getByTestId('import-input').setInputFiles(made.files.filter((file) => file.endsWith('transcript.json') || file.endsWith('forklift.png')));
  await expect(page.getByRole('status')).toContainText('Files: 2. Added 2');
  await page.getByRole('button', { name: 'Details of Web development transcript' }).click();
  const dialog = page.getByRole('dialog', { name: 'Web development transcript' });
  await expect(dialog.getByRole('heading', { name: 'Contains 2 credentials' })).toBeVisible();
  await dialog.getByRole('button', { name: 'JavaScript' }).click();
  const child = page.getByRole('dialog', { name: 'JavaScript' });
  await expect(child.getByRole('heading', { name: 'Part of' })).toBeVisible();
  await child.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Details of Forklift safety' }).click();
  const forklift = page.getByRole('dialog', { name: 'Forklift safety' });
  await forklift.getByRole('button', { name: 'Save original file' }).click();
  await expect(forklift.getByRole('status')).toContainText('forklift.png');
  const saved = readFileSync(path.join(`${harness.vault}-downloads`, 'forklift.png'));
  expect(saved.equals(made.bytes.get('forklift.png') ?? Buffer.alloc(0))).toBe(true);
  page.once('dialog', (confirm) => void confirm.accept());
  await forklift.getByRole('button', { name: 'Remove from wallet' }).click();
  await expect(page.getByRole('article', { name: 'Forklift safety' })).toHaveCount(0);
  await expect(page.getByText('3 credentials')).toBeVisible();

  // A picture of a certificate (no QR code on it): kept as self-reported when the user says so,
  // its title and issuer corrected by hand.
  const picture = path.join(made.folder, 'IMG_2041.png');
  writeFileSync(picture, makeBadgePng(2_000, 17));
  await page.getByTestId('import-input').setInputFiles([picture]);
  await expect(page.getByRole('status')).toContainText('Added 0');
  await page.getByRole('button', { name: 'Keep as a certificate' }).click();
  await expect(page.getByRole('status')).toContainText('Added 1');
  const card = page.getByRole('region', { name: 'Credentials' }).getByRole('article').filter({ hasText: 'Self-reported' });
  await card.getByRole('button').first().click();
  const certificate = page.getByRole('dialog');
  await certificate.getByRole('button', { name: 'Correct title, issuer or date' }).click();
  await certificate.getByLabel('Title').fill('Food hygiene level 2');
  await certificate.getByLabel('Issued by').fill('Highfield Qualifications');
  await certificate.getByLabel('Date issued').fill('2022-05-17');
  await certificate.getByRole('button', { name: 'Save corrections' }).click();
  await expect(page.getByRole('dialog', { name: 'Food hygiene level 2' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('article', { name: 'Food hygiene level 2' })).toContainText('Highfield Qualifications');
  await expect(page.getByRole('article', { name: 'Food hygiene level 2' })).toContainText('Self-reported');

  // A phone photo of a paper certificate (JPEG, 2600 x 1950): read off the main process, its QR
  // code found and offered as the certificate's verification link.
  const photo = path.join(made.folder, 'PXL_20260412.jpg');
  writeFileSync(photo, encodeJpeg(certificateScan(2600, 1950, 'https://verify.example.edu/certificates/2041', { grain: 16, marks: 600, scale: 6 }), 85));
  await page.getByTestId('import-input').setInputFiles([photo]);
  await expect(page.getByRole('status')).toContainText('Added 1');
  await page.getByRole('button', { name: 'Details of PXL 20260412' }).click();
  await expect(page.getByRole('dialog', { name: 'PXL 20260412' })).toContainText('Public verification link: https://verify.example.edu/certificates/2041');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
});
