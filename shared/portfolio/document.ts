import { AFRelationship, PDFDocument, type PDFPage } from 'pdf-lib';
import type { NormalizedCredential } from '../credential/model';
import { identityLine } from '../credential/issuerIdentityText';
import { bytesToBase64 } from '../encoding/base64';
import { attachmentFileName, manifestEntry, manifestFileName, manifestType, type ManifestEntry, type PortfolioManifest } from './attachments';
import { FontBook } from './fontCoverage';
import { ImageCache } from './images';
import { rule } from './pageOps';
import { formatDate, shownStatus, statusLook, themes, type Theme } from './pdfLayout';
import { sha256, sha256Hex } from './sha256';
import { cleanText, drawLine, fitLine } from './textShaping';
import type { OwnerProfile, PortfolioEntry, PresentationSigner, PrepareImage, FontSet, ThemeName } from './types';
import { bestVerificationLink, noPublicLinkSentence } from './verificationLink';
import { allWords, pdfWords, statusLabel, type PdfWords } from './pdfWords';

/** What the portfolio and the certificate share: the document, fonts, images, attachments, metadata. */

export interface DocumentSetup {
  readonly doc: PDFDocument;
  readonly book: FontBook;
  readonly theme: Theme;
  readonly images: ImageCache;
  readonly locale: string;
}

export async function createDocument(options: {
  fonts: FontSet;
  theme?: ThemeName;
  locale?: string;
  prepareImage?: PrepareImage;
  /** Every text that will be printed in regular, and in bold: their fonts are embedded up front. */
  regularText: string;
  boldText: string;
  /** The PDF's own words: their letters (ä, ß...) are embedded with the rest. */
  words?: PdfWords;
}): Promise<DocumentSetup> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const book = new FontBook(doc, options.fonts);
  const words = options.words ? allWords(options.words) : '';
  await book.prepare(`${options.regularText} ${words}`, false);
  await book.prepare(`${options.boldText} ${words.toUpperCase()} ${words}`, true);
  return {
    doc,
    book,
    theme: themes[options.theme ?? 'navy'],
    images: new ImageCache(doc, options.prepareImage),
    locale: options.locale ?? 'en-GB',
  };
}

/** Labels the builders print, for font preparation. */
export const fixedLabels =
  'Credential portfolio Summary Skills Contents Credentials Verified Expired Revoked Failed verification Unreadable Could not be checked Self-reported Not signed Not yet valid Not checked ' +
  'checked at export Issued Expires Valid from Description Criteria Credits Evidence Original file Attached as SHA-256 Verify this credential Page of Prepared for Exported on awarded to by on ' +
  'credentials skills credits pathways completed kind badges certificates diplomas transcripts endorsements verified more DIGITAL BADGE CERTIFICATE DIPLOMA LEARNING RECORD ENDORSEMENT CREDENTIAL ' +
  '0123456789+-–—·•…()[]:;,.\'"/?&=%#@ ' +
  noPublicLinkSentence;

/** The line under an entry's status saying who stands behind it ("Issuer: key published at credly.com"); empty when the entry has no identity. */
export function entryIdentityLine(entry: PortfolioEntry, locale: string, words?: PdfWords): string {
  if (!entry.issuerIdentity) return '';
  const line = words ? words.identityLine : identityLine;
  return cleanText(line(entry.issuerIdentity, entry.status, (iso) => formatDate(iso, locale)));
}

/** All printable text of one credential entry. */
export function credentialText(entry: PortfolioEntry, locale: string, verifierUrl: string | undefined, words: PdfWords = pdfWords.en): { regular: string; bold: string } {
  const c = entry.credential;
  const regular = [
    c.issuer.name,
    c.description,
    c.criteria?.narrative,
    ...c.skills.map((skill) => skill.name),
    ...c.evidence.flatMap((e) => [e.name, e.id, e.narrative, e.description]),
    ...c.credits.map((credit) => credit.unit),
    entry.statusSentence,
    entryIdentityLine(entry, locale, words),
    c.original.fileName,
    bestVerificationLink(c)?.url,
    // The verifier page's address is printed in the entry's sentence.
    verifierUrl,
    formatDate(c.issuedOn ?? c.validFrom, locale),
    formatDate(c.expires, locale),
    formatDate(entry.checkedAt, locale),
    c.recipient?.name,
  ];
  return {
    regular: regular.filter((t) => t !== undefined).join(' '),
    bold: [c.name, c.issuer.name, statusLook(shownStatus(entry)).label, statusLabel(words, shownStatus(entry)), formatDate(entry.checkedAt, locale)]
      .filter((t) => t !== undefined)
      .join(' '),
  };
}

export function ownerText(owner: OwnerProfile): string {
  return [owner.name, owner.headline, owner.email, owner.phone, owner.website, owner.location, owner.about, ...(owner.links ?? []).flatMap((l) => [l.label, l.url])]
    .filter((t) => t !== undefined)
    .join(' ');
}

export function formatBytes(bytes: number, words: PdfWords = pdfWords.en): string {
  return words.bytes(bytes);
}

export function initialsOf(name: string): string {
  const words = cleanText(name)
    .split(' ')
    .filter((w) => /\p{L}/u.test(w));
  const letters = words.length >= 2 ? [words[0], words[words.length - 1]] : [words[0]];
  return letters
    .map((w) => Array.from(w ?? '').find((char) => /\p{L}/u.test(char)) ?? '')
    .join('')
    .toUpperCase()
    .slice(0, 2);
}

export function kindLabel(credential: NormalizedCredential, words: PdfWords = pdfWords.en): string {
  return words.kinds[credential.kind].label;
}

export interface AttachedFile {
  readonly file: string;
  readonly credential: NormalizedCredential;
}

/** File names for the originals, fixed before drawing so that pages can print them. */
export function planAttachments(entries: readonly PortfolioEntry[]): AttachedFile[] {
  const taken = new Set<string>([manifestFileName]);
  return entries.map((entry, index) => ({ file: attachmentFileName(entry.credential, index + 1, taken), credential: entry.credential }));
}

/** The unsigned presentation covering the set: the credentials themselves and the SHA-256 of every attached file. */
export async function unsignedPresentation(holder: string, entries: readonly PortfolioEntry[], files: readonly AttachedFile[]): Promise<Record<string, unknown>> {
  const verifiableCredential: unknown[] = [];
  for (const { credential } of entries) {
    const payload = credential.original.payload?.trim();
    if (payload === undefined || payload === '') continue;
    if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/.test(payload)) {
      verifiableCredential.push({ '@context': 'https://www.w3.org/ns/credentials/v2', id: `data:application/vc+jwt,${payload}`, type: 'EnvelopedVerifiableCredential' });
      continue;
    }
    try {
      const json: unknown = JSON.parse(payload);
      if (typeof json === 'object' && json !== null) verifiableCredential.push(json);
    } catch {
      // Not JSON (an XML credential, a certificate's text): covered by its file's digest below.
    }
  }
  const relatedResource = await Promise.all(
    files.map(async ({ file, credential }) => ({
      id: `urn:badgefolio:attachment:${encodeURIComponent(file)}`,
      mediaType: credential.original.mediaType,
      digestSRI: `sha256-${bytesToBase64(await sha256(credential.original.bytes))}`,
    })),
  );
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiablePresentation'],
    holder,
    verifiableCredential,
    relatedResource,
  };
}

/**
 * Attaches every original (byte for byte), the optional signed presentation and the manifest.
 * `pages` gives each entry's page number (1-based) for the manifest.
 */
export async function attachFiles(
  doc: PDFDocument,
  meta: { title: string; owner: string; generatedAt: Date },
  entries: readonly PortfolioEntry[],
  files: readonly AttachedFile[],
  pages: readonly (number | undefined)[],
  presentation: PresentationSigner | undefined,
): Promise<PortfolioManifest> {
  // Digests all at once: WebCrypto answers asynchronously, and one at a time that is a
  // round trip per credential.
  const manifestEntries: ManifestEntry[] = await Promise.all(
    files.map(({ file, credential }, index) => manifestEntry(credential, file, entries[index]?.status ?? '', entries[index]?.checkedAt, pages[index])),
  );
  for (const { file, credential } of files) {
    await doc.attach(credential.original.bytes, file, {
      mimeType: credential.original.mediaType,
      description: `Original credential: ${cleanText(credential.name)} (${credential.identity})`.slice(0, 500),
      creationDate: meta.generatedAt,
      modificationDate: meta.generatedAt,
      afRelationship: AFRelationship.Source,
    });
  }
  let presentationRecord: PortfolioManifest['presentation'];
  if (presentation) {
    const signed = await presentation.sign(await unsignedPresentation(presentation.holder, entries, files));
    const extension = /^[a-z0-9]{1,8}$/i.test(signed.extension) ? signed.extension : 'bin';
    const file = `presentation.${extension}`;
    await doc.attach(signed.bytes, file, {
      mimeType: signed.mediaType,
      description: `Presentation of these credentials, signed by their holder (${presentation.holder})`,
      creationDate: meta.generatedAt,
      modificationDate: meta.generatedAt,
      afRelationship: AFRelationship.Supplement,
    });
    presentationRecord = { file, mediaType: signed.mediaType, sha256: await sha256Hex(signed.bytes) };
  }
  const manifest: PortfolioManifest = {
    type: manifestType,
    version: 1,
    generatedAt: meta.generatedAt.toISOString(),
    title: meta.title,
    owner: meta.owner,
    credentials: manifestEntries,
    ...(presentationRecord ? { presentation: presentationRecord } : {}),
  };
  await doc.attach(new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), manifestFileName, {
    mimeType: 'application/json',
    description: 'List of the attached credentials with their SHA-256 digests (written by Badgefolio)',
    creationDate: meta.generatedAt,
    modificationDate: meta.generatedAt,
    afRelationship: AFRelationship.Data,
  });
  return manifest;
}

export function setMetadata(doc: PDFDocument, meta: { title: string; author: string; subject: string; keywords: readonly string[]; generatedAt: Date; locale: string }): void {
  doc.setTitle(cleanText(meta.title), { showInWindowTitleBar: true });
  doc.setAuthor(cleanText(meta.author));
  doc.setSubject(cleanText(meta.subject));
  doc.setKeywords(meta.keywords.map((k) => cleanText(k)).filter((k) => k !== ''));
  doc.setCreator('Badgefolio');
  doc.setProducer('Badgefolio (pdf-lib)');
  doc.setCreationDate(meta.generatedAt);
  doc.setModificationDate(meta.generatedAt);
  doc.setLanguage(meta.locale);
}

/** Footer on every page: a left note and "Page n of N". */
export function drawFooters(setup: DocumentSetup, pages: readonly PDFPage[], left: string, margin: number, words: PdfWords = pdfWords.en): void {
  const style = { size: 7.5, color: setup.theme.faint };
  pages.forEach((page, index) => {
    const width = page.getWidth();
    rule(page, margin, 40, width - margin, 40, 0.5, setup.theme.rule);
    const right = words.page(index + 1, pages.length);
    const rightWidth = setup.book.widthOf(right, false, style.size);
    drawLine(page, setup.book, fitLine(setup.book, left, style, width - margin * 2 - rightWidth - 20), margin, 28, style);
    drawLine(page, setup.book, right, width - margin - rightWidth, 28, style);
  });
}
