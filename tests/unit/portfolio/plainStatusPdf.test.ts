import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontSet } from '../../../electron/portfolio/fontFiles';
import { prepareImageNode } from '../../../electron/portfolio/prepareImage';
import { hasTechnicalText, withoutTechnicalAsides } from '../../../shared/credential/technicalText';
import { statusSentenceFor } from '../../../shared/portfolio/pdfLayout';
import { buildPortfolioPdf } from '../../../shared/portfolio/portfolioPdf';
import type { PdfLanguage, PortfolioEntry } from '../../../shared/portfolio/types';
import { ob3, run, tempDir, writePdf } from './fixtures';

/**
 * The employer's portfolio PDF speaks plainly: the engine's sentences name keys (DIDs), the
 * addresses it fetched (JSON-LD contexts, status lists) and network error codes; none of that is
 * printed, and an entry that is not verified always says why in one sentence.
 */

/** What the engine writes for the situations that matter here (its English, as stored in reports). */
const engineSentences = {
  unreachable:
    "Not fully checked: The issuer's status list could not be checked: https://status.example.org/lists/3 could not be fetched: getaddrinfo ENOTFOUND status.example.org",
  contexts:
    'Not fully checked: Checking the signature needs the JSON-LD context https://w3id.org/security/suites/ed25519-2020/v1, which Badgefolio does not have; it was not fetched.',
  tampered:
    'Not genuine: The signature does not match: the credential was changed after signing, or signed with another key (did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK).',
  verified: "Signed and unchanged, but nothing confirms that the signer is “Harbour Uni”: the name is the signer's own claim.",
} as const;

interface Case {
  readonly name: string;
  readonly status: string;
  readonly sentence?: string;
  /** An entry the holder added (a certificate with no signed credential), not an issuer's. */
  readonly selfReported?: true;
}

const cases: readonly Case[] = [
  { name: 'Status list offline', status: 'unverifiable', sentence: engineSentences.unreachable },
  { name: 'Context missing', status: 'unverifiable', sentence: engineSentences.contexts },
  { name: 'Never explained', status: 'unverifiable' },
  { name: 'Edited afterwards', status: 'invalid', sentence: engineSentences.tampered },
  { name: 'Signed and sound', status: 'verified', sentence: engineSentences.verified },
  { name: 'Typed in by hand', status: 'unsigned', selfReported: true },
  { name: 'Issued unsigned', status: 'unsigned' },
  { name: 'Long expired', status: 'expired' },
];

/** The PDF's text with its lines joined (sentences wrap), by pdftotext. */
async function pdfText(language: PdfLanguage): Promise<string> {
  const entries: PortfolioEntry[] = [];
  for (const [index, c] of cases.entries()) {
    const credential = await ob3({
      seed: 300 + index,
      name: c.name,
      id: `urn:uuid:00000000-0000-4000-8000-0000000003${String(index).padStart(2, '0')}`,
      achievementId: `urn:uuid:00000000-0000-4000-9000-0000000003${String(index).padStart(2, '0')}`,
      issuerName: 'Harbour Uni',
    });
    entries.push({
      credential: c.selfReported ? { ...credential, selfReported: true } : credential,
      status: c.status,
      ...(c.sentence ? { statusSentence: c.sentence } : {}),
      checkedAt: '2025-03-01T09:58:00Z',
    });
  }
  const pdf = await buildPortfolioPdf({
    owner: { name: 'Jo Tester' },
    credentials: entries,
    options: { paper: 'a4', generatedAt: new Date('2025-03-01T10:00:00Z'), fonts: loadFontSet(), prepareImage: prepareImageNode, language },
  });
  const file = writePdf(tempDir(), `plain-${language}.pdf`, pdf);
  return run('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(/\s+/g, ' ');
}

describe('the portfolio PDF says its statuses plainly', () => {
  let english: string;
  let german: string;

  beforeAll(async () => {
    [english, german] = await Promise.all([pdfText('en'), pdfText('de')]);
  }, 60_000);

  it('prints no DID, no JSON-LD context or status list address and no network error code', () => {
    for (const text of [english, german]) {
      expect(text).not.toMatch(/did:[a-z0-9]+:/i);
      expect(text).not.toContain('w3id.org');
      expect(text).not.toContain('www.w3.org');
      expect(text).not.toContain('purl.imsglobal.org');
      expect(text).not.toContain('status.example.org');
      expect(text).not.toMatch(/getaddrinfo|ENOTFOUND/);
    }
  });

  it('gives every entry that is not verified one sentence saying why, and keeps what the engine said plainly', () => {
    expect(english).toContain(
      "It could not be fully checked when this PDF was made: something the check needs from the issuer's web site (its key or revocation list) was not available.",
    );
    // Each of the three unverifiable entries carries that reason: two had only technical words, one had none.
    expect(english.split('It could not be fully checked when this PDF was made').length - 1).toBe(3);
    // The tampered one keeps the engine's sentence, without the key in brackets.
    expect(english).toContain('Not genuine: The signature does not match: the credential was changed after signing, or signed with another key.');
    expect(english).toContain(engineSentences.verified);
    expect(english).toContain('The holder added it: it carries no signature that could be checked.');
    // An issuer's credential without a signature is not the holder's own claim: it says who did not sign it.
    expect(english).toContain('Its issuer did not sign it, so nothing can confirm who issued it or that it is unchanged.');
    expect(english.split('The holder added it').length - 1).toBe(1);
    expect(english).toContain('Self-reported');
    expect(english).toContain('Not signed');
    expect(german).toContain('Die Inhaberin oder der Inhaber hat ihn selbst hinzugefügt');
    expect(german).toContain('Sein Aussteller hat ihn nicht signiert, daher kann nichts bestätigen, wer ihn ausgestellt hat oder dass er unverändert ist.');
    expect(german).toContain('Nicht signiert');
    expect(english).toContain('It is genuine, but its period of validity has ended.');
    expect(german.split('Er ließ sich beim Erstellen dieses PDFs nicht vollständig prüfen').length - 1).toBe(3);
    expect(german).toContain('Er ist echt, aber seine Gültigkeit ist abgelaufen.');
  });
});

describe('technical words', () => {
  it('are found in DIDs, addresses and error codes, not in plain sentences', () => {
    expect(hasTechnicalText('The key did:web:example.org#key-1 was not found.')).toBe(true);
    expect(hasTechnicalText('https://example.org/status/3 answered HTTP 404.')).toBe(true);
    expect(hasTechnicalText('fetch failed: getaddrinfo ENOTFOUND example.org')).toBe(true);
    expect(hasTechnicalText('self-signed certificate: DEPTH_ZERO_SELF_SIGNED_CERT')).toBe(true);
    expect(hasTechnicalText('Genuine: signed with a key published at example.org; unchanged since.')).toBe(false);
    expect(hasTechnicalText('ESCO skills and an EU trust list seal (JAdES).')).toBe(false);
  });

  it('are dropped with their brackets; a sentence built around them is given up', () => {
    expect(withoutTechnicalAsides('The signature matches the issuer’s key (did:key:z6Mk…), decoded from it.')).toBe('The signature matches the issuer’s key, decoded from it.');
    expect(withoutTechnicalAsides('Genuine but expired: This credential expired on 3 March 2024 (a Sunday).')).toBe(
      'Genuine but expired: This credential expired on 3 March 2024 (a Sunday).',
    );
    expect(withoutTechnicalAsides('https://example.org/list could not be fetched: ECONNREFUSED')).toBeUndefined();
  });

  it('leave an entry that is not verified with a reason even when the engine gave none', () => {
    for (const status of ['unverifiable', 'invalid', 'expired', 'not-yet-valid', 'revoked', 'malformed', 'unsigned', '', 'something new']) {
      for (const language of ['en', 'de'] as const) {
        const sentence = statusSentenceFor(status, undefined, language);
        expect(sentence, `${status} in ${language}`).not.toBe('');
        expect(hasTechnicalText(sentence)).toBe(false);
      }
    }
    expect(statusSentenceFor('verified', undefined)).toBe('');
  });
});
