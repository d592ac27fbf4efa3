import type { PdfLanguage } from './types';

/**
 * The words only the one-credential certificate prints (the rest are the portfolio's, in
 * pdfWords.ts), in each language the PDF can be written in: a German holder hands a German
 * employer a German certificate. What the credential says is printed as its issuer wrote it.
 */
export interface CertificateWords {
  readonly awardedTo: string;
  readonly issuerNotNamed: string;
  /** "by Acme, on 3 May 2025 · valid until 3 May 2027" (dates already written in the PDF's locale). */
  readonly byLine: (issuer: string, issued: string | undefined, expires: string | undefined) => string;
  readonly attachedNote: (file: string, size: string) => string;
  readonly subject: (kind: string, issuer: string, holder: string) => string;
}

const english: CertificateWords = {
  awardedTo: 'awarded to',
  issuerNotNamed: 'an issuer not named in the credential',
  byLine: (issuer, issued, expires) => `by ${issuer}${issued === undefined ? '' : `, on ${issued}`}${expires === undefined ? '' : `  ·  valid until ${expires}`}`,
  attachedNote: (file, size) => `The original credential is attached to this PDF as ${file} (${size}): open your PDF reader's attachments panel to verify it offline.`,
  subject: (kind, issuer, holder) => `${kind} issued by ${issuer}${holder === '' ? '' : ` to ${holder}`}, with the original credential attached`,
};

const german: CertificateWords = {
  awardedTo: 'verliehen an',
  issuerNotNamed: 'einen im Nachweis nicht genannten Aussteller',
  byLine: (issuer, issued, expires) => `von ${issuer}${issued === undefined ? '' : `, am ${issued}`}${expires === undefined ? '' : `  ·  gültig bis ${expires}`}`,
  attachedNote: (file, size) =>
    `Der Originalnachweis ist diesem PDF als ${file} (${size}) beigefügt: Im Anhänge-Bereich des PDF-Programms lässt er sich öffnen und offline prüfen.`,
  subject: (kind, issuer, holder) => `${kind}, ausgestellt von ${issuer}${holder === '' ? '' : ` für ${holder}`}, mit beigefügtem Originalnachweis`,
};

const certificateWords: Readonly<Record<PdfLanguage, CertificateWords>> = { en: english, de: german };

export function certificateWordsFor(language: PdfLanguage | undefined): CertificateWords {
  return certificateWords[language ?? 'en'];
}

/** Every fixed word of a language, so the fonts they need are embedded before drawing. */
export function allCertificateWords(words: CertificateWords): string {
  return [words.awardedTo, words.issuerNotNamed, words.byLine('', '', ''), words.attachedNote('', ''), words.subject('', '', 'x')].join(' ');
}
