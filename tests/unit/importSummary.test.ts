import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { WalletSession } from '../../electron/core/walletSession';
import type { ImportOutcome } from '../../shared/credential/walletViews';
import { replaceFileOutcomes, summariseImport } from '../../renderer/src/home/importSummaryModel';
import { Intake } from '../../electron/intake/intake';
import { bakePngItxt, generateEd25519Issuer, makeBadgePng, makeBadgeSvg, makeClrCredential, makeOb2Assertion, makeZip } from '../support/credentials';
import { certificateScan, encodeJpeg, paper, verifyUrl } from './certificate/inputs';
import { testKdf } from '../support/walletFixtures';

const total = (counts: Readonly<Record<string, number>>): number => Object.values(counts).reduce((sum, n) => sum + n, 0);

describe('the import summary model', () => {
  it('gives one row per file, in the order dropped, and counts that add up to the files', () => {
    const outcomes: ImportOutcome[] = [
      { file: 'forklift.png', outcome: 'added', name: 'Forklift safety', id: 'a1' },
      { file: 'forklift copy.png', outcome: 'already-there', name: 'Forklift safety', id: 'a1' },
      { file: 'logo.png', outcome: 'not-a-credential', reason: 'This PNG picture carries no badge and no QR code.', picture: true },
      { file: 'broken.json', outcome: 'malformed', reason: 'The JSON is cut short.' },
      { file: 'hygiene.pdf', outcome: 'added', name: 'Food hygiene', id: 'c3', selfReported: true },
      { file: 'welding.json', outcome: 'not-replaced', name: 'Welding', id: 'd4', reason: 'The copy you hold checks better.' },
      { file: 'renewed.json', outcome: 'updated', name: 'Welding (renewed)', id: 'e5' },
    ];
    const model = summariseImport(outcomes);
    expect(model.rows.map((row) => [row.file, row.outcome])).toEqual([
      ['forklift.png', 'added'],
      ['forklift copy.png', 'already-there'],
      ['logo.png', 'not-a-credential'],
      ['broken.json', 'malformed'],
      ['hygiene.pdf', 'added'],
      ['welding.json', 'not-replaced'],
      ['renewed.json', 'updated'],
    ]);
    expect(model.counts).toEqual({ added: 2, 'already-there': 1, updated: 1, 'not-replaced': 1, 'not-a-credential': 1, malformed: 1, 'offer-found': 0 });
    expect(total(model.counts)).toBe(7);
    expect(model.files).toBe(7);
    expect(model.rows.filter((row) => row.picture).map((row) => row.file)).toEqual(['logo.png']);
    expect(model.selfReportedAdded).toEqual(['c3']);
    // One file, one credential each: nothing to explain about counting.
    expect(model.countingNote).toBe(false);
  });

  it('counts a transcript once under the best outcome, an archive’s files one by one, and a PDF’s attachments under the PDF', () => {
    const outcomes: ImportOutcome[] = [
      { file: 'transcript.json', outcome: 'already-there', name: 'Web development transcript', id: 't1' },
      { file: 'transcript.json', outcome: 'added', name: 'JavaScript', id: 't2' },
      { file: 'export.zip › a.png', outcome: 'added', name: 'First aid', id: 'z1', sourceFile: 'export.zip › a.png' },
      { file: 'export.zip › notes.txt', outcome: 'not-a-credential', reason: 'This text file is not a credential.', sourceFile: 'export.zip › notes.txt' },
      { file: 'export.zip › bad.json', outcome: 'malformed', reason: 'The JSON is cut short.', sourceFile: 'export.zip › bad.json' },
      { file: 'portfolio.pdf › badge.json', outcome: 'added', name: 'Welding', id: 'p1', sourceFile: 'portfolio.pdf' },
      { file: 'portfolio.pdf › odd.json', outcome: 'malformed', reason: 'No issuer.', sourceFile: 'portfolio.pdf' },
      { file: 'courses/sql.json', outcome: 'added', name: 'SQL', id: 's1' },
    ];
    const model = summariseImport(outcomes);
    expect(model.rows.map((row) => [row.file, row.outcome, row.credentials.length, row.problems.length])).toEqual([
      ['transcript.json', 'added', 2, 0],
      ['export.zip › a.png', 'added', 1, 0],
      ['export.zip › notes.txt', 'not-a-credential', 0, 1],
      ['export.zip › bad.json', 'malformed', 0, 1],
      ['portfolio.pdf', 'added', 1, 1],
      ['courses/sql.json', 'added', 1, 0],
    ]);
    expect(model.files).toBe(6);
    expect(total(model.counts)).toBe(model.files);
    expect(model.counts).toMatchObject({ added: 4, 'not-a-credential': 1, malformed: 1 });
    expect(model.credentials).toBe(5);
    expect(model.rows.filter((row) => row.inArchive).map((row) => row.file)).toEqual(['export.zip › a.png', 'export.zip › notes.txt', 'export.zip › bad.json']);
    expect(model.countingNote).toBe(true);
  });

  it('puts what keeping a picture gave in the picture’s row, the other rows unchanged', () => {
    const before: ImportOutcome[] = [
      { file: 'a.json', outcome: 'added', name: 'A', id: 'a' },
      { file: 'logo.png', outcome: 'not-a-credential', reason: 'no badge', picture: true },
      { file: 'b.json', outcome: 'added', name: 'B', id: 'b' },
    ];
    const after = replaceFileOutcomes(before, 'logo.png', [{ file: 'logo.png', outcome: 'added', name: 'logo', id: 'l', selfReported: true }]);
    const model = summariseImport(after);
    expect(model.rows.map((row) => [row.file, row.outcome, row.picture])).toEqual([
      ['a.json', 'added', false],
      ['logo.png', 'added', false],
      ['b.json', 'added', false],
    ]);
    expect(model.counts['not-a-credential']).toBe(0);
    expect(model.selfReportedAdded).toEqual(['l']);
  });
});

describe('an import’s outcomes from the wallet', () => {
  async function unlockedWallet(): Promise<WalletSession> {
    const session = new WalletSession({ folder: mkdtempSync(path.join(os.tmpdir(), 'badgefolio-import-summary-')), keyProtector: () => Promise.resolve(null), kdf: testKdf });
    await session.create('river lamp 12 ocean', false);
    return session;
  }

  it('names the file each outcome counts under, refuses a logo unless told to keep it, and marks self-reported entries', async () => {
    const wallet = await unlockedWallet();
    const badge = bakePngItxt(
      makeBadgePng(2_000, 3),
      'openbadges',
      JSON.stringify(makeOb2Assertion({ badgeName: 'First aid', assertionId: 'https://badges.example.org/a/1' }).assertion),
    );
    const logo = makeBadgePng(2_000, 17);
    const clr = await makeClrCredential({
      issuer: await generateEd25519Issuer(new Uint8Array(32).fill(9)),
      courseNames: ['Web basics', 'JavaScript'],
      name: 'Web development transcript',
    });
    const pdf = await PDFDocument.create();
    pdf.addPage([842, 595]).drawText('Ausgestellt am 12.03.2024', { x: 60, y: 400, size: 14, font: await pdf.embedFont(StandardFonts.Helvetica) });
    const outcomes = await wallet.import([
      { name: 'first-aid.png', bytes: badge },
      { name: 'logo.png', bytes: logo },
      {
        name: 'export.zip',
        bytes: makeZip([
          { name: 'inner/logo.png', bytes: logo },
          { name: 'transcript.json', bytes: JSON.stringify(clr.credential) },
        ]),
      },
      { name: 'kurs.pdf', bytes: await pdf.save() },
    ]);
    const model = summariseImport(outcomes);
    expect(model.rows.map((row) => [row.file, row.outcome, row.picture])).toEqual([
      ['first-aid.png', 'added', false],
      ['logo.png', 'not-a-credential', true],
      // Inside an archive too: the zip is sent again with that entry named.
      ['export.zip › inner/logo.png', 'not-a-credential', true],
      ['export.zip › transcript.json', 'added', false],
      ['kurs.pdf', 'added', false],
    ]);
    expect(model.rows[3]?.credentials.map((c) => c.name)).toEqual(['Web development transcript', 'Web basics', 'JavaScript']);
    const pdfEntry = outcomes.find((o) => o.file === 'kurs.pdf');
    expect(pdfEntry).toMatchObject({ selfReported: true });
    expect(wallet.list().find((c) => c.id === pdfEntry?.id)?.issuedOn).toBe('2024-03-12');

    // "Keep as a certificate": the same picture, with the user's word, is a self-reported entry, undated.
    const kept = await wallet.import([{ name: 'logo.png', bytes: logo, keepAsCertificate: true }]);
    expect(kept).toMatchObject([{ file: 'logo.png', outcome: 'added', selfReported: true }]);
    const entry = wallet.list().find((c) => c.id === kept[0]?.id);
    expect(entry).toMatchObject({ selfReported: true, name: 'logo' });
    expect(entry?.issuedOn).toBeUndefined();

    // The picture in the zip: the zip sent again with that entry named gives that entry alone,
    // now a self-reported entry; the transcript beside it is not read again.
    // (Another picture than logo.png above, kept already: this one is new to the wallet.)
    const zipped = makeZip([
      { name: 'inner/logo.png', bytes: makeBadgePng(2_000, 18) },
      { name: 'transcript.json', bytes: JSON.stringify(clr.credential) },
    ]);
    const keptInZip = await wallet.import([{ name: 'export.zip', bytes: zipped, keepEntries: ['export.zip › inner/logo.png'] }]);
    expect(keptInZip).toMatchObject([{ file: 'export.zip › inner/logo.png', outcome: 'added', selfReported: true }]);
    expect(keptInZip).toHaveLength(1);
    const replaced = summariseImport(replaceFileOutcomes(outcomes, 'export.zip › inner/logo.png', keptInZip));
    expect(replaced.rows.map((row) => [row.file, row.outcome])).toContainEqual(['export.zip › inner/logo.png', 'added']);
    expect(replaced.files).toBe(5);
  });
});

describe('a picture with no badge in it', () => {
  it('is not a credential (PNG, JPEG, SVG) unless it carries a QR code or the user says to keep it', async () => {
    const intake = new Intake();
    const pictures = [
      { name: 'logo.png', bytes: makeBadgePng(2_000, 5) },
      { name: 'team-photo.jpg', bytes: encodeJpeg(paper(400, 300, { grain: 30, marks: 80 }), 85) },
      { name: 'logo.svg', bytes: new TextEncoder().encode(makeBadgeSvg({ title: 'Harbour College' })) },
    ];
    for (const picture of pictures) {
      const [outcome, ...more] = await intake.inspect(picture);
      expect(more).toEqual([]);
      expect(outcome).toMatchObject({ outcome: 'not-a-credential', file: picture.name, picture: true });
      const [kept] = await intake.inspect({ ...picture, keepAsCertificate: true });
      if (kept?.outcome !== 'recognised') throw new Error(`${picture.name} not kept: ${JSON.stringify(kept)}`);
      expect(kept.credential).toMatchObject({ format: 'certificate', selfReported: true });
      expect(kept.credential.issuedOn).toBeUndefined();
    }
    // A scan whose QR code leads to a verification page is a certificate without being told.
    const [scan] = await intake.inspect({ name: 'scan.jpg', bytes: encodeJpeg(certificateScan(900, 640, verifyUrl, { grain: 10, scale: 4 }), 90) });
    expect(scan).toMatchObject({ outcome: 'recognised', credential: { selfReported: true, verification: { links: [verifyUrl] } } });
  });
});
