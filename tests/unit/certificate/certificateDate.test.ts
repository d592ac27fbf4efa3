import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPdfCertificate } from '../../../electron/intake/certificate/pdfCertificate';
import { issueDateFromText } from '../../../electron/intake/certificate/textDate';
import { Intake } from '../../../electron/intake/intake';
import { defaultIntakeLimits } from '../../../electron/intake/limits';

/** Fixed, so the "not years ahead" bound does not move under the tests. */
const now = new Date('2026-06-01T12:00:00Z');

describe('the issue date in a certificate’s words', () => {
  it.each([
    ['This certifies that Jane Doe has completed Data Science Basics.\nIssued on 12 March 2024', '2024-03-12'],
    ['Awarded to Sam Lee on March 12, 2024 for outstanding work', '2024-03-12'],
    ['Date of issue: 12th of March, 2024', '2024-03-12'],
    ['Completed: Mar. 5th 2023', '2023-03-05'],
    ['Issue date 2024-03-12', '2024-03-12'],
    ['Certificate of Attendance\nFirst aid at work\n12 March 2024', '2024-03-12'],
    ['Zertifikat\nDatum: 12.03.2024', '2024-03-12'],
    ['Teilnahmebescheinigung\nausgestellt am 12. März 2024', '2024-03-12'],
    ['Berlin, den 1.9.2025\nUnterschrift', '2025-09-01'],
    ['Verliehen am 3. Okt. 2022', '2022-10-03'],
    ['Hiermit wird bestätigt, dass Max Muster erfolgreich teilgenommen hat.\nMünchen, 07.11.2023', '2023-11-07'],
    ['Issued 28/02/2024', '2024-02-28'],
    ['Issued 02/28/2024', '2024-02-28'],
  ])('%j is dated %s', (text, date) => {
    expect(issueDateFromText(text, now)).toBe(date);
  });

  it('takes the date the words call the issue date over the others (a birthday, a course’s days, an expiry)', () => {
    const text = [
      'Jane Doe, born on 4 July 1990,',
      'attended the course from 1 March 2024 to 5 March 2024',
      'and passed the examination.',
      'Issued on 12 March 2024',
      'Valid until 12 March 2027',
    ].join('\n');
    expect(issueDateFromText(text, now)).toBe('2024-03-12');
    const german = ['Max Mustermann, geboren am 04.07.1990,', 'hat vom 01.03.2024 bis 05.03.2024 teilgenommen.', 'Ausgestellt am 12.03.2024', 'Gültig bis 12.03.2027'].join('\n');
    expect(issueDateFromText(german, now)).toBe('2024-03-12');
  });

  it('leaves the date empty when the words do not make it clear', () => {
    // Nothing to tell which of two dates is the issue date.
    expect(issueDateFromText('Module one 3 May 2024\nModule two 9 June 2024', now)).toBeUndefined();
    // Only a course's span, or only a birthday.
    expect(issueDateFromText('Kurs vom 01.03.2024 bis 05.03.2024', now)).toBeUndefined();
    expect(issueDateFromText('Date of birth: 04.07.1990', now)).toBeUndefined();
    // 03/04/2024: 3 April or 4 March.
    expect(issueDateFromText('Issued 03/04/2024', now)).toBeUndefined();
    // No such day; years ahead; no date at all.
    expect(issueDateFromText('Issued on 31 April 2024', now)).toBeUndefined();
    expect(issueDateFromText('Issued on 12 March 2031', now)).toBeUndefined();
    expect(issueDateFromText('Certificate of Completion\nData Science', now)).toBeUndefined();
  });
});

describe('the words on a PDF certificate’s pages', () => {
  it('reads text drawn with a standard font (WinAnsi) and with an embedded TrueType font (Identity-H and its ToUnicode map)', async () => {
    const document = await PDFDocument.create();
    document.registerFontkit(fontkit);
    const page = document.addPage([842, 595]);
    const helvetica = await document.embedFont(StandardFonts.Helvetica);
    const noto = await document.embedFont(
      readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans/package.json')), 'files', 'noto-sans-latin-400-normal.woff')),
      { subset: true },
    );
    page.drawText('Certificate of Completion – Ärger € 5', { x: 60, y: 500, size: 28, font: helvetica });
    page.drawText('Zertifikat für Jörg Müller', { x: 60, y: 440, size: 16, font: noto });
    page.drawText('Ausgestellt am 12. März 2024', { x: 60, y: 400, size: 12, font: noto });
    const findings = await readPdfCertificate(await document.save(), defaultIntakeLimits);
    expect(findings.text.split('\n').filter((line) => line !== '')).toEqual([
      'Certificate of Completion – Ärger € 5',
      'Zertifikat für Jörg Müller',
      'Ausgestellt am 12. März 2024',
    ]);
  });

  it('reads kerned TJ arrays (wide gaps as spaces), escaped strings, a renamed glyph and text inside a form', async () => {
    const document = await PDFDocument.create();
    const page = document.addPage([595, 842]);
    const font = document.context.obj({
      Type: 'Font',
      Subtype: 'Type1',
      BaseFont: 'Helvetica',
      Encoding: { Type: 'Encoding', BaseEncoding: 'WinAnsiEncoding', Differences: [128, 'adieresis'] },
    });
    const fontRef = document.context.register(font);
    const formContent = 'BT /F1 12 Tf 60 300 Td (Datum: 12.03.2024) Tj ET';
    const form = document.context.flateStream(formContent, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 595, 842], Resources: { Font: { F1: fontRef } } });
    const formRef = document.context.register(form);
    const content = ['BT /F1 20 Tf 1 0 0 1 60 700 Tm [(Zertifikat)-30(s)-600(f\\374r)] TJ', '0 -30 Td [(Sch\\200fer \\(Kurs\\))] TJ ET', '/X1 Do'].join('\n');
    const stream = document.context.flateStream(content);
    page.node.set(PDFName.of('Contents'), document.context.register(stream));
    page.node.set(PDFName.of('Resources'), document.context.obj({ Font: { F1: fontRef }, XObject: { X1: formRef } }));
    const findings = await readPdfCertificate(await document.save(), defaultIntakeLimits);
    expect(findings.text.split('\n').filter((line) => line !== '')).toEqual(['Zertifikats für', 'Schäfer (Kurs)', 'Datum: 12.03.2024']);
  });

  it('dates a self-reported PDF certificate from its words, not from when the file was made', async () => {
    const document = await PDFDocument.create();
    document.setTitle('Food hygiene level 2');
    document.setCreationDate(new Date('2026-05-30T09:30:00Z'));
    const page = document.addPage([842, 595]);
    const font = await document.embedFont(StandardFonts.TimesRoman);
    page.drawText('Certificate of Achievement', { x: 60, y: 500, size: 28, font });
    page.drawText('This is to certify that Alex Smith passed Food hygiene level 2', { x: 60, y: 440, size: 14, font });
    page.drawText('Issued on 17 May 2022', { x: 60, y: 400, size: 12, font });
    const [outcome] = await new Intake().inspect({ name: 'hygiene.pdf', bytes: await document.save() });
    if (outcome?.outcome !== 'recognised') throw new Error(`not recognised: ${JSON.stringify(outcome)}`);
    expect(outcome.credential.selfReported).toBe(true);
    expect(outcome.credential.issuedOn).toBe('2022-05-17');
    expect(outcome.credential.notes.join(' ')).not.toContain('the date it was issued is not known');
  });
});
