import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { Intake } from '../../../electron/intake/intake';
import { credentialName, readPortfolioPdf } from '../../../electron/portfolio/readPortfolioPdf';
import { loadFontSet } from '../../../electron/portfolio/fontFiles';
import { buildPortfolioPdf } from '../../../shared/portfolio/portfolioPdf';
import { groupedRows, type CheckedItem } from '../../../renderer/src/exports/checkedRows';
import { ob3 } from './fixtures';

/** A certificate as a PDF, with nothing signed in it: the wallet keeps it as self-reported. */
async function plainCertificate(title: string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setTitle(title);
  document.setAuthor('Example Training Ltd');
  document.addPage([842, 595]);
  return document.save();
}

describe('Check a PDF: names', () => {
  it('shows a self-reported certificate by the name its holder corrected, and a signed one by what its issuer signed', async () => {
    const outcomes = await new Intake().inspect({ name: 'certificate.pdf', bytes: await plainCertificate('Certifcate of complation') });
    const first = outcomes[0];
    if (first?.outcome !== 'recognised') throw new Error('the certificate was not recognised');
    expect(first.credential.selfReported).toBe(true);
    const corrected = { ...first.credential, name: 'Certificate of Completion: Forklift Safety' };
    const signed = await ob3({
      seed: 51,
      name: 'Warehouse logistics',
      id: 'https://badges.example.org/credentials/logistics-51',
      achievementId: 'urn:uuid:6f1c2d3e-4b5a-4c6d-8e9f-515151515151',
      issuerName: 'Logistics Academy',
    });
    const pdf = await buildPortfolioPdf({
      owner: { name: 'Sam Example' },
      credentials: [
        { credential: corrected, status: 'unsigned' },
        // A manifest name that differs from what was signed must not rename a signed credential.
        { credential: { ...signed, name: 'Something else' }, status: 'verified' },
      ],
      options: { paper: 'a4', generatedAt: new Date('2026-02-01T09:00:00Z'), fonts: loadFontSet() },
    });
    const report = await readPortfolioPdf(pdf);
    const [certificate, badge] = report.credentials;
    if (!certificate || !badge) throw new Error('two attachments expected');
    expect(certificate.credentials[0]?.name).not.toBe(corrected.name);
    expect(credentialName(certificate, 0)).toBe('Certificate of Completion: Forklift Safety');
    expect(credentialName(badge, 0)).toBe('Warehouse logistics');
  }, 60_000);
});

describe('Check a PDF: rows', () => {
  const row = (file: string, name: string, extra: Partial<CheckedItem> = {}): CheckedItem => ({
    file,
    integrity: 'intact',
    sentence: '',
    name,
    status: 'verified',
    identity: `urn:${name}`,
    ...extra,
  });

  it('lists a CLR’s credentials under it, and a course also exported on its own once, unless its own file differs', () => {
    const rows = [
      row('01-badge.json', 'Badge'),
      row('02-clr.json', 'Transcript', { status: 'unverifiable' }),
      row('02-clr.json', 'Course A', { partOf: 'urn:Transcript' }),
      row('02-clr.json', 'Course B', { partOf: 'urn:Transcript' }),
      row('03-course-a.json', 'Course A'),
      row('04-course-b.json', 'Course B', { integrity: 'altered' }),
    ];
    const grouped = groupedRows(rows);
    expect(grouped.map(({ item, nested }) => [item.name, item.file, nested.map((child) => child.name)])).toEqual([
      ['Badge', '01-badge.json', []],
      ['Transcript', '02-clr.json', ['Course A', 'Course B']],
      ['Course B', '04-course-b.json', []],
    ]);
  });

  it('keeps a credential whose CLR is in another attachment as a row of its own', () => {
    const grouped = groupedRows([row('01-clr.json', 'Transcript'), row('02-course.json', 'Course', { partOf: 'urn:Transcript' })]);
    expect(grouped.map(({ item }) => item.name)).toEqual(['Transcript', 'Course']);
  });
});
