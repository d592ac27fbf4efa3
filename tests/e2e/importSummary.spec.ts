import type { Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { generateDidWebIssuer, generateEd25519Issuer, makeBadgePng, makeIssuerProfile, makeOb3Credential, signDataIntegrity } from '../support/credentials';
import { createNewWallet, expect, test } from './fixtures';

const passphrase = 'copper window 47 meadow';

interface DroppedFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

/** Drops files on the window as the OS would: a drop event carrying them, on the document. */
async function drop(page: Page, files: readonly DroppedFile[]): Promise<void> {
  const list = files.map((file) => ({ name: file.name, type: file.type, data: Buffer.from(file.bytes).toString('base64') }));
  await page.evaluate((items) => {
    const transfer = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.data), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], item.name, { type: item.type }));
    }
    document.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, list);
}

/** The five kinds of file people drop at once: a badge, the same badge again, a PDF certificate, a logo, a broken file. */
async function mixedDrop(): Promise<DroppedFile[]> {
  const issuer = await generateEd25519Issuer(new Uint8Array(32).fill(31));
  const badge = await signDataIntegrity(
    makeOb3Credential({
      issuer: makeIssuerProfile({ id: issuer.did, name: 'Riverbank College' }),
      idSeed: 731,
      achievementName: 'SQL for analysts',
      validFrom: '2025-02-10T00:00:00Z',
    }),
    issuer,
  );
  const badgeBytes = new TextEncoder().encode(JSON.stringify(badge));
  const pdf = await PDFDocument.create();
  pdf.setTitle('Food hygiene level 2');
  // When the file was made is not when the certificate was issued: the words say that.
  pdf.setCreationDate(new Date('2026-11-30T10:00:00Z'));
  const page = pdf.addPage([842, 595]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText('Certificate of Achievement', { x: 60, y: 480, size: 28, font });
  page.drawText('Alex Smith has passed Food hygiene level 2', { x: 60, y: 420, size: 16, font });
  page.drawText('Issued on 17 May 2022', { x: 60, y: 380, size: 12, font });
  return [
    { name: 'sql.json', type: 'application/json', bytes: badgeBytes },
    { name: 'sql (copy).json', type: 'application/json', bytes: badgeBytes },
    { name: 'hygiene.pdf', type: 'application/pdf', bytes: await pdf.save() },
    { name: 'college-logo.png', type: 'image/png', bytes: makeBadgePng(2_000, 17) },
    { name: 'broken.json', type: 'application/json', bytes: new TextEncoder().encode('{"@context": ["https://www.w3.org/ns/credentials/v2", ') },
  ];
}

test('a dropped mix: a row per file, counts that add up, a logo kept as a certificate, and the review of self-reported entries', async ({ page, harness }) => {
  test.setTimeout(90_000);
  const files = await mixedDrop();
  await page.goto(harness.url);
  await createNewWallet(page, passphrase);

  await drop(page, files);
  const status = page.getByRole('status');
  // Reading a PDF and searching a picture for a QR code happen in worker threads: on a busy machine that takes a while.
  await expect(status).toContainText('Files: 5. Added 2, already there 1, updated 0, not added 2. Of those not added: not a credential 1, damaged or not readable 1.', {
    timeout: 30_000,
  });
  const rows = page.getByRole('list', { name: 'What happened to each file' }).getByRole('listitem');
  await expect(rows).toHaveText([
    'sql.json: added — SQL for analysts',
    'sql (copy).json: already in your wallet — SQL for analysts',
    'hygiene.pdf: added — Food hygiene level 2 (self-reported)',
    /^college-logo\.png: not a credential \(a picture with no badge or QR code in it \(a logo or a photo\?\)\)\s*Keep as a certificate$/,
    /^broken\.json: damaged or not readable \(.+\)$/,
  ]);
  // The logo is not in the portfolio until the user says it is a certificate.
  const portfolio = page.getByRole('region', { name: 'Credentials' });
  await expect(portfolio.getByRole('article')).toHaveCount(2);

  await rows.filter({ hasText: 'college-logo.png' }).getByRole('button', { name: 'Keep as a certificate' }).click();
  await expect(status).toContainText('Files: 5. Added 3, already there 1, updated 0, not added 1. Of those not added: damaged or not readable 1.', { timeout: 30_000 });
  await expect(rows.filter({ hasText: 'college-logo.png' })).toHaveText('college-logo.png: added — college logo (self-reported)');
  await expect(portfolio.getByRole('article')).toHaveCount(3);

  // Two self-reported entries came in: the first opens at its corrections, its date read from its words.
  await expect(page.getByText('Self-reported entries added: 2.')).toBeVisible();
  await page.getByRole('button', { name: 'Review self-reported entries' }).click();
  const dialog = page.getByRole('dialog', { name: 'Food hygiene level 2' });
  await expect(dialog.getByLabel('Title')).toHaveValue('Food hygiene level 2');
  await expect(dialog.getByLabel('Date issued')).toHaveValue('2022-05-17');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The logo has no date: the timeline files it under "Without a date", not under this month.
  await page.getByRole('radio', { name: 'Timeline' }).check();
  await expect(portfolio.getByRole('heading', { name: 'May 2022' })).toBeVisible();
  await expect(portfolio.getByRole('heading', { name: 'Without a date' })).toBeVisible();
  const headings = await portfolio.getByRole('heading', { level: 2 }).allTextContents();
  expect(headings).toEqual(['February 2025', 'May 2022', 'Without a date']);
});

test('"Ask each time": one question for the whole import, and "Check online now" in the details of a credential not checked online', async ({ page, harness }) => {
  test.setTimeout(90_000);
  // Signed with keys published at the issuer's web address: offline, nothing can check them.
  const issuer = await generateDidWebIssuer('did:web:badges.harbour-college.example', new Uint8Array(32).fill(41));
  const files: DroppedFile[] = [];
  for (const [index, name] of ['Sailing basics', 'Knots and lines', 'Radio licence'].entries()) {
    const credential = await signDataIntegrity(
      makeOb3Credential({ issuer: makeIssuerProfile({ id: issuer.did, name: 'Harbour College' }), idSeed: 900 + index, achievementName: name, validFrom: '2025-04-01T00:00:00Z' }),
      issuer,
    );
    files.push({ name: `badge-${String(index)}.json`, type: 'application/json', bytes: new TextEncoder().encode(JSON.stringify(credential)) });
  }
  await page.goto(harness.url);
  await createNewWallet(page, passphrase);

  await drop(page, files);
  await expect(page.getByRole('status')).toContainText('Files: 3. Added 3');
  // The setting is "Ask each time" (the default): asked once for the three, not once per file.
  await expect(page.getByText('3 of these could not be fully checked without the network. Check them online now?')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Check online now' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Details of Knots and lines' }).click();
  const dialog = page.getByRole('dialog', { name: 'Knots and lines' });
  await expect(dialog.getByRole('button', { name: 'Check online now' })).toBeVisible();
});
