import { describe, expect, it } from 'vitest';
import { buildPortfolioPdf } from '../../../shared/portfolio/portfolioPdf';
import type { PortfolioInput } from '../../../shared/portfolio/types';
import { loadFontSet } from '../../../electron/portfolio/fontFiles';
import { readPortfolioPdf } from '../../../electron/portfolio/readPortfolioPdf';
import { ob3, run, tempDir, writePdf } from './fixtures';

/** The PDF's own words in the language chosen at export; what the credentials say stays as issued. */
async function portfolio(language: 'en' | 'de', ownerName = 'Jonas Beispiel'): Promise<{ text: string; pdf: Uint8Array }> {
  const credential = await ob3({
    seed: 41,
    name: 'Data literacy',
    id: 'https://badges.example.org/credentials/literacy-41',
    achievementId: 'urn:uuid:0e6d1f3e-7a4b-4c1d-9f11-41a7c2d04141',
    issuerName: 'Open Data Institute',
    skills: ['Statistics'],
  });
  const input: PortfolioInput = {
    owner: { name: ownerName },
    credentials: [
      { credential, status: 'verified', issuerIdentity: { level: 'unconfirmed', name: 'Open Data Institute', source: null, asOf: null, sentence: '' } },
      { credential: { ...credential, identity: 'urn:other', name: 'Spreadsheet basics' }, status: 'expired' },
    ],
    options: {
      paper: 'a4',
      generatedAt: new Date('2026-03-02T10:00:00Z'),
      fonts: loadFontSet(),
      language,
      locale: language === 'de' ? 'de-DE' : 'en-GB',
      recipientName: 'Nordwind GmbH',
      pathways: [
        { name: 'Data analyst track', completed: true, done: 2, required: 2 },
        { name: 'Cloud foundations', completed: false, done: 1, required: 3 },
      ],
    },
  };
  const pdf = await buildPortfolioPdf(input);
  const text = run('pdftotext', ['-enc', 'UTF-8', writePdf(tempDir(), `${language}.pdf`, pdf), '-']).replace(/\s+/g, ' ');
  return { text, pdf };
}

describe('the language of the portfolio PDF', () => {
  it('is German when asked: headings, statuses, dates, identity and page numbers', async () => {
    const { text } = await portfolio('de');
    for (const words of [
      'Erstellt für Nordwind GmbH',
      'Exportiert am 2. März 2026',
      'Überblick',
      'Inhalt',
      'Bestätigt',
      'Abgelaufen',
      'Aussteller: nicht bestätigt',
      'ORIGINALDATEI',
      'KOMPETENZEN',
      'Ziel erreicht',
      'Seite 1 von',
    ]) {
      expect(text, words).toContain(words);
    }
    // The credential's own words are printed as issued.
    expect(text).toContain('Data literacy');
    expect(text).not.toMatch(/Prepared for|Page 1 of|Summary|Contents|ORIGINAL FILE|…/);
  }, 60_000);

  it('is English by default', async () => {
    const { text } = await portfolio('en');
    for (const words of ['Prepared for Nordwind GmbH', 'Exported on 2 March 2026', 'Summary', 'Verified', 'Expired', 'Page 1 of']) expect(text, words).toContain(words);
  }, 60_000);

  it('names each pathway by its goal with its progress', async () => {
    expect((await portfolio('en')).text).toContain('Pathways: Data analyst track (completed, 2 of 2), Cloud foundations (1 of 3 done)');
    expect((await portfolio('de')).text).toContain('Lernpfade: Data analyst track (abgeschlossen, 2 von 2), Cloud foundations (1 von 3 erreicht)');
  }, 60_000);

  it('names the holder in its manifest only when the profile has a name', async () => {
    expect((await readPortfolioPdf((await portfolio('en')).pdf)).manifest?.owner).toBe('Jonas Beispiel');
    const unnamed = await portfolio('de', '');
    // No placeholder stands in for a person's name: the cover says what the document is.
    expect(unnamed.text).not.toMatch(/Ohne Namen|Unnamed/);
    expect(unnamed.text).toContain('Nachweis-Portfolio');
    expect((await readPortfolioPdf(unnamed.pdf)).manifest?.owner).toBe('');
  }, 60_000);
});
