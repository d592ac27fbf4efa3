import { describe, expect, it } from 'vitest';
import { buildPortfolioPdf } from '../../../shared/portfolio/portfolioPdf';
import { loadFontSet } from '../../../electron/portfolio/fontFiles';
import { ob3, run, tempDir, writePdf } from './fixtures';

/**
 * Emoji in credential names are part of the name ("iOS App Development 🚀"): the PDF draws
 * them with the bundled monochrome Noto Emoji, as real glyphs a reader can copy, and leaves
 * out only what no font has (never a box or a question mark in their place).
 */
describe('emoji in the portfolio PDF', () => {
  it('keeps the rocket in "iOS App Development 🚀", drawn with Noto Emoji, and drops only the modifiers', async () => {
    const rocket = await ob3({
      seed: 31,
      name: 'iOS App Development 🚀',
      id: 'https://badges.example.org/credentials/ios-31',
      achievementId: 'urn:uuid:5b7b3f53-1d0a-4d7e-8c8e-0c4a3b9e3131',
      issuerName: 'Mobile Academy',
    });
    const coder = await ob3({
      seed: 32,
      // A skin tone and a joiner: without emoji shaping they would print as stray swatches.
      name: 'Pair programming 👩🏽‍💻',
      id: 'https://badges.example.org/credentials/pair-32',
      achievementId: 'urn:uuid:5b7b3f53-1d0a-4d7e-8c8e-0c4a3b9e3232',
      issuerName: 'Mobile Academy',
    });
    const pdf = await buildPortfolioPdf({
      owner: { name: 'Kai Example' },
      credentials: [
        { credential: rocket, status: 'verified' },
        { credential: coder, status: 'verified' },
      ],
      options: { paper: 'a4', generatedAt: new Date('2026-01-10T09:00:00Z'), fonts: loadFontSet() },
    });
    const file = writePdf(tempDir(), 'emoji.pdf', pdf);
    const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    expect(text).toContain('iOS App Development 🚀');
    expect(text).toContain('Pair programming 👩💻');
    expect(text).not.toMatch(/\uFFFD|\p{Emoji_Modifier}/u);
    const fonts = run('pdffonts', [file]);
    expect(fonts).toMatch(/NotoEmoji/);
  }, 60_000);

  it('leaves out a pictograph no bundled font draws instead of printing a replacement box', async () => {
    const credential = await ob3({
      seed: 33,
      name: 'Launch week',
      id: 'https://badges.example.org/credentials/launch-33',
      achievementId: 'urn:uuid:5b7b3f53-1d0a-4d7e-8c8e-0c4a3b9e3333',
      issuerName: 'Mobile Academy',
    });
    // U+1FAE9 is reserved as a pictograph but assigned to no emoji any font here draws.
    const pdf = await buildPortfolioPdf({
      owner: { name: 'Kai Example' },
      credentials: [{ credential: { ...credential, name: 'Launch week \u{1FAE9}' }, status: 'verified' }],
      options: { paper: 'a4', generatedAt: new Date('2026-01-10T09:00:00Z'), fonts: loadFontSet() },
    });
    const text = run('pdftotext', ['-enc', 'UTF-8', writePdf(tempDir(), 'unknown-emoji.pdf', pdf), '-']);
    expect(text).toContain('Launch week');
    expect(text).not.toMatch(/\uFFFD|Launch week \?/u);
  }, 60_000);
});
