import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCertificatePdf } from '../../../shared/portfolio/certificatePdf';
import { loadFontSet } from '../../../electron/portfolio/fontFiles';
import { runBin } from '../../support/cliRun';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, signDataIntegrity } from '../../support/credentials';
import { ob3, run, tempDir, writePdf } from './fixtures';

/**
 * German, when German is chosen: the one-credential certificate's own words (read back by
 * poppler's pdftotext, not by our code), and `verify-pdf`'s report of a portfolio PDF.
 */

async function certificateText(language: 'en' | 'de'): Promise<string> {
  const credential = await ob3({
    seed: 43,
    name: 'Data literacy',
    id: 'https://badges.example.org/credentials/literacy-43',
    achievementId: 'urn:uuid:0e6d1f3e-7a4b-4c1d-9f11-41a7c2d04143',
    issuerName: 'Open Data Institute',
    skills: ['Statistics'],
  });
  const pdf = await buildCertificatePdf({
    owner: { name: 'Jonas Beispiel' },
    entry: { credential, status: 'expired', checkedAt: '2026-03-01T09:00:00Z' },
    options: { paper: 'a4', generatedAt: new Date('2026-03-02T10:00:00Z'), fonts: loadFontSet(), language, locale: language === 'de' ? 'de-DE' : 'en-GB' },
  });
  return run('pdftotext', ['-enc', 'UTF-8', writePdf(tempDir(), `certificate-${language}.pdf`, pdf), '-']).replace(/\s+/g, ' ');
}

describe('the single-certificate PDF', () => {
  it('is written in German when German is chosen, the credential as issued', async () => {
    const text = await certificateText('de');
    for (const words of [
      'DIGITALES BADGE',
      'verliehen an',
      'Jonas Beispiel',
      'von Open Data Institute',
      'Abgelaufen, geprüft am 1. März 2026',
      'Der Originalnachweis ist diesem PDF',
    ]) {
      expect(text, words).toContain(words);
    }
    expect(text).toContain('Data literacy');
    for (const english of ['awarded to', 'by Open Data Institute', 'checked', 'Expired', 'The original credential']) expect(text, english).not.toContain(english);
  }, 60_000);

  it('stays English by default', async () => {
    const text = await certificateText('en');
    for (const words of ['DIGITAL BADGE', 'awarded to', 'by Open Data Institute', 'Expired, checked 1 March 2026', 'The original credential is attached'])
      expect(text, words).toContain(words);
  }, 60_000);
});

describe('badgefolio verify-pdf --language de', () => {
  it('reports in German, and in English without it', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-verify-pdf-de-'));
    const vault = path.join(folder, 'wallet');
    const env = { BADGEFOLIO_PASSPHRASE: 'plum tractor 99 seaside', BADGEFOLIO_VAULT: vault };
    const issuer = await generateEd25519Issuer(new Uint8Array(32).fill(12));
    const signed = await signDataIntegrity(
      makeOb3Credential({
        issuer: makeIssuerProfile({ id: issuer.did, name: 'Open Data Institute' }),
        id: 'https://badges.example.org/credentials/de-1',
        achievementName: 'Datenkompetenz',
        validFrom: '2025-01-01T00:00:00Z',
      }),
      issuer,
    );
    writeFileSync(path.join(folder, 'badge.json'), JSON.stringify(signed));
    expect(runBin(['init'], { env }).status).toBe(0);
    expect(runBin(['import', path.join(folder, 'badge.json'), '--offline'], { env }).status).toBe(0);
    const pdf = path.join(folder, 'portfolio.pdf');
    expect(runBin(['export-pdf', '--out', pdf, '--offline'], { env }).status).toBe(0);

    const german = runBin(['verify-pdf', pdf, '--offline', '--language', 'de'], { env });
    expect(german.status, german.stderr).toBe(0);
    for (const words of ['ANHANG', 'AUSSTELLER', 'unverändert', 'Bestätigt', 'nicht bestätigt', 'Jeder Nachweis in diesem PDF ist unverändert und bestätigt.'])
      expect(german.stdout, words).toContain(words);
    for (const english of ['ATTACHMENT', 'intact', 'verified', 'Every credential']) expect(german.stdout, english).not.toContain(english);

    const english = runBin(['verify-pdf', pdf, '--offline'], { env });
    expect(english.stdout).toContain('Every credential in this PDF is intact and verified.');
    expect(runBin(['verify-pdf', pdf, '--language', 'fr'], { env }).status).not.toBe(0);
  }, 120_000);
});
