import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { Intake } from '../../../electron/intake/intake';

/**
 * A self-reported PDF certificate is named by the title its words give: the line set largest
 * that is not certificate boilerplate nor the holder's name. The PDFs are written here with
 * pdf-lib, independently of the reader under test.
 */

async function certificatePdf(lines: readonly (readonly [string, number])[], title?: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (title !== undefined) pdf.setTitle(title);
  const page = pdf.addPage([842, 595]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  let y = 520;
  for (const [text, size] of lines) {
    page.drawText(text, { x: 80, y, size, font });
    y -= size * 2.2;
  }
  return pdf.save();
}

async function nameOf(name: string, bytes: Uint8Array): Promise<string | undefined> {
  const [outcome] = await new Intake().inspect({ name, bytes });
  if (outcome?.outcome !== 'recognised') throw new Error(`${name} not read: ${JSON.stringify(outcome)}`);
  expect(outcome.credential.selfReported).toBe(true);
  return outcome.credential.name;
}

describe('the title of a self-reported PDF certificate', () => {
  it('is the large line that is neither boilerplate nor the holder (English)', async () => {
    const bytes = await certificatePdf(
      [
        ['CERTIFICATE OF COMPLETION', 26],
        ['This is to certify that', 12],
        ['Jane Doe', 30],
        ['has successfully completed the course', 12],
        ['Advanced Data Analysis', 22],
        ['Issued on 12 March 2024', 10],
        ['Harbour College, 1 Quay Street', 10],
      ],
      'Microsoft Word - certificate template.docx',
    );
    expect(await nameOf('scan-0042.pdf', bytes)).toBe('Advanced Data Analysis');
  });

  it('is the large line that is neither boilerplate nor the holder (German)', async () => {
    const bytes = await certificatePdf([
      ['Teilnahmebescheinigung', 30],
      ['Hiermit wird bescheinigt, dass', 12],
      ['Max Mustermann', 24],
      ['am Lehrgang', 12],
      ['Projektmanagement Grundlagen', 20],
      ['erfolgreich teilgenommen hat.', 12],
      ['Datum: 12.03.2024', 11],
    ]);
    expect(await nameOf('bescheinigung.pdf', bytes)).toBe('Projektmanagement Grundlagen');
  });

  it('keeps the Title metadata, else the file name, when no line stands out', async () => {
    const flat: (readonly [string, number])[] = [
      ['Certificate', 12],
      ['Food hygiene level 2', 12],
      ['Issued on 12 March 2024', 12],
    ];
    expect(await nameOf('hygiene.pdf', await certificatePdf(flat, 'Food hygiene (level 2)'))).toBe('Food hygiene (level 2)');
    expect(await nameOf('food-hygiene.pdf', await certificatePdf(flat))).toBe('food hygiene');
    // Only boilerplate set large: nothing to name it by.
    expect(
      await nameOf(
        'food-hygiene.pdf',
        await certificatePdf([
          ['ZERTIFIKAT', 30],
          ['Issued on 12 March 2024', 12],
          ['Food hygiene level 2', 12],
        ]),
      ),
    ).toBe('food hygiene');
  });
});
