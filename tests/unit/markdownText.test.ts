import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../../electron/portfolio/fontFiles';
import { markdownToPlainText } from '../../shared/credential/markdownText';
import { buildPortfolioPdf } from '../../shared/portfolio/portfolioPdf';
import { makeIssuerProfile, makeOb3Credential } from '../support/credentials';
import { run, tempDir, writePdf } from './portfolio/fixtures';
import { normaliseOne } from './verify/helpers';

/**
 * Open Badges allow Markdown in descriptions and criteria. Where it cannot be shown as
 * formatting (the PDF an employer reads), the words are printed, not the asterisks.
 */
const criteria = [
  '## How to earn it',
  '',
  'Learners **must**:',
  '',
  '1. complete the *five* welding modules;',
  '2. pass the [practical test](https://academy.example.org/welding/test).',
  '',
  '- safety briefing',
  '- logbook <b>signed</b> by a tutor',
  '',
  '<script>alert(1)</script>',
].join('\n');

describe('Markdown in credentials', () => {
  it('reads as plain text: headings, emphasis and lists as words, links with their address, HTML dropped', () => {
    expect(markdownToPlainText(criteria)).toBe(
      [
        'How to earn it',
        'Learners must:',
        '1. complete the five welding modules;',
        '2. pass the practical test (https://academy.example.org/welding/test).',
        '• safety briefing',
        '• logbook signed by a tutor',
      ].join('\n'),
    );
    // Plain sentences are left exactly as written.
    expect(markdownToPlainText('Awarded for 40 hours of supervised practice.')).toBe('Awarded for 40 hours of supervised practice.');
    expect(markdownToPlainText(undefined)).toBeUndefined();
  });

  it('the portfolio PDF prints the words of a Markdown criteria, not its markup', async () => {
    const credential = await normaliseOne(
      makeOb3Credential({ issuer: makeIssuerProfile({ id: 'did:example:academy', name: 'Harbour Academy' }), achievementName: 'Marine welding', criteriaNarrative: criteria }),
    );
    expect(credential.criteria?.narrative).toContain('**must**');
    const pdf = await buildPortfolioPdf({
      owner: { name: 'Jo Example' },
      credentials: [{ credential, status: 'unsigned', statusSentence: 'Not signed.', checkedAt: '2025-06-01T00:00:00Z' }],
      options: { paper: 'a4', generatedAt: new Date('2025-06-01T10:00:00Z'), fonts: loadFontSet() },
    });
    const text = run('pdftotext', ['-enc', 'UTF-8', writePdf(tempDir(), 'markdown.pdf', pdf), '-']).replace(/\s+/g, ' ');
    expect(text).toContain('Learners must:');
    expect(text).toContain('complete the five welding modules');
    expect(text).not.toMatch(/\*\*|##|<script>|\]\(/);
  });
});
