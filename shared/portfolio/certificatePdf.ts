import type { PDFPage } from 'pdf-lib';
import { chips, imageBox, statusPill, textBlock, type Surface } from './blocks';
import {
  attachFiles,
  createDocument,
  credentialText,
  entryIdentityLine,
  fixedLabels,
  formatBytes,
  initialsOf,
  kindLabel,
  ownerText,
  planAttachments,
  setMetadata,
} from './document';
import { formatDate, paperSizes, shownStatus, statusLook, statusSentenceFor } from './pdfLayout';
import { cleanText } from './textShaping';
import type { CertificateInput } from './types';
import { markdownToPlainText } from '../credential/markdownText';
import { planEntryLinks } from './entryLinks';
import { statusLabel, titleOf, wordsFor } from './pdfWords';
import { allCertificateWords, certificateWordsFor } from './certificateWords';
import { verifyBlock } from './verifyBlock';

/**
 * A one-credential certificate: a landscape page that reads like a printed certificate (what
 * was achieved, by whom, from whom, when), with its verification status as checked at export,
 * a QR code to the best public verification link, and the original credential attached byte
 * for byte (with the same manifest as a portfolio, so `verify-pdf` reads both).
 */

const margin = 54;

function frame(surface: Surface, page: PDFPage): void {
  const width = page.getWidth();
  const height = page.getHeight();
  page.drawRectangle({ x: 22, y: 22, width: width - 44, height: height - 44, borderColor: surface.theme.accent, borderWidth: 2.2 });
  page.drawRectangle({ x: 29, y: 29, width: width - 58, height: height - 58, borderColor: surface.theme.accent, borderWidth: 0.6, opacity: 0 });
  page.drawRectangle({ x: 22, y: height - 22 - 9, width: width - 44, height: 9, color: surface.theme.accent });
}

export async function buildCertificatePdf(input: CertificateInput): Promise<Uint8Array> {
  const { owner, entry, options } = input;
  const credential = entry.credential;
  const locale = options.locale ?? 'en-GB';
  // The certificate's own words in the language chosen at export (English unless given).
  const words = wordsFor(options.language);
  const own = certificateWordsFor(options.language);
  const text = credentialText(entry, locale, options.verifierUrl, words);
  const holder = cleanText(owner.name) || cleanText(credential.recipient?.name) || '';
  const setup = await createDocument({
    fonts: options.fonts,
    ...(options.theme ? { theme: options.theme } : {}),
    locale,
    ...(options.prepareImage ? { prepareImage: options.prepareImage } : {}),
    regularText: [fixedLabels, text.regular, ownerText(owner), credential.name, formatDate(options.generatedAt.toISOString(), locale), allCertificateWords(own)].join(' '),
    boldText: [fixedLabels, text.bold, holder, kindLabel(credential, words).toUpperCase(), initialsOf(credential.name)].join(' '),
    words,
  });
  const { doc, theme } = setup;
  const surface: Surface = { doc, book: setup.book, theme };
  const [short, long] = paperSizes[options.paper];
  const page = doc.addPage([long, short]);
  const width = page.getWidth();
  const height = page.getHeight();
  const contentWidth = width - margin * 2;
  frame(surface, page);

  const image = await setup.images.get(credential.image?.bytes, { maxPixels: 320, maxBytes: 64 * 1024 });
  const imageSize = 78;
  const center = { align: 'center' as const };
  const issuer = cleanText(credential.issuer.name) || own.issuerNotNamed;
  const skills = [...new Set(credential.skills.map((s) => cleanText(s.name)).filter((n) => n !== ''))];
  // The main block, measured first (page null) and then drawn centred between the top band and the bottom band.
  const mainBlock = (p: PDFPage | null, start: number): number => {
    let y = start;
    imageBox(surface, p, image, initialsOf(credential.name), (width - imageSize) / 2, y, imageSize);
    y -= imageSize + 14;
    y -= textBlock(surface, p, kindLabel(credential, words).toUpperCase(), { size: 9.5, bold: true, color: theme.accent }, margin, y, contentWidth, { ...center, maxLines: 1 });
    y -= 4;
    y -= textBlock(surface, p, titleOf(credential, words), { size: 24, bold: true, color: theme.ink }, margin + 40, y, contentWidth - 80, {
      ...center,
      maxLines: 2,
      lineGap: 1.18,
    });
    if (holder !== '') {
      y -= 8;
      y -= textBlock(surface, p, own.awardedTo, { size: 10, color: theme.muted }, margin, y, contentWidth, { ...center, maxLines: 1 });
      y -= textBlock(surface, p, holder, { size: 18, bold: true, color: theme.ink }, margin, y, contentWidth, { ...center, maxLines: 1 });
    }
    y -= 6;
    const issued = formatDate(credential.issuedOn ?? credential.validFrom, locale);
    const expires = formatDate(credential.expires, locale);
    const byLine = own.byLine(issuer, issued, expires);
    y -= textBlock(surface, p, byLine, { size: 11, color: theme.ink }, margin, y, contentWidth, { ...center, maxLines: 2 });
    const summary = cleanText(markdownToPlainText(credential.criteria?.narrative ?? credential.description), true).replace(/\n+/g, ' ');
    if (summary !== '') {
      y -= 8;
      y -= textBlock(surface, p, summary, { size: 9, color: theme.muted }, margin + 70, y, contentWidth - 140, { ...center, maxLines: 3 });
    }
    if (skills.length > 0) {
      y -= 10;
      const chipsWidth = Math.min(contentWidth - 200, 480);
      y -= chips(surface, p, skills, (width - chipsWidth) / 2, y, chipsWidth, 8, 'center');
    }
    return start - y;
  };
  const available = height - 62 - 190;
  const mainHeight = mainBlock(null, 0);
  mainBlock(page, height - 62 - Math.max(0, (available - mainHeight) / 2));

  // Bottom band: status on the left, QR code on the right, the attachment note between.
  const files = planAttachments([entry]);
  const attached = files[0];
  const qrWidth = 74;
  const links = await planEntryLinks(credential, options.verifierUrl, qrWidth);
  const bottomTop = 172;
  const qrX = width - margin - qrWidth - 6;
  // Without a code, the sentence that stands in for it gets more width.
  const blockWidth = qrWidth + (links.qr ? 0 : 60);
  const blockX = links.qr ? qrX : qrX - 60;
  const file = attached?.file ?? '';
  const qrHeight = verifyBlock(surface, null, links, file, words, blockX, bottomTop, blockWidth);
  verifyBlock(surface, page, links, file, words, blockX, Math.max(bottomTop, 48 + qrHeight), blockWidth);
  const leftX = margin + 6;
  const leftWidth = 250;
  const identity = entryIdentityLine(entry, locale, words);
  // The identity line takes room below the status: the band starts higher (the main block ends above 190).
  let ly = identity === '' ? 140 : 152;
  const checked = formatDate(entry.checkedAt ?? options.generatedAt.toISOString(), locale);
  const look = { ...statusLook(shownStatus(entry)), label: statusLabel(words, shownStatus(entry)) };
  ly -= statusPill(surface, page, look, checked === undefined ? look.label : words.checked(look.label, checked), leftX, ly, leftWidth);
  if (identity !== '') ly -= 4 + textBlock(surface, page, identity, { size: 8.5, color: theme.ink }, leftX, ly - 4, leftWidth, { maxLines: 2 });
  const sentence = cleanText(statusSentenceFor(shownStatus(entry), entry.statusSentence, options.language));
  if (sentence !== '') textBlock(surface, page, sentence, { size: 8, color: theme.muted }, leftX, ly - 5, leftWidth, { maxLines: 3 });
  if (attached) {
    const note = own.attachedNote(attached.file, formatBytes(credential.original.bytes.length, words));
    textBlock(surface, page, note, { size: 7.5, color: theme.faint }, margin + 60, 70, contentWidth - 120, { ...center, maxLines: 2 });
  }

  const title = `${kindLabel(credential, words)}: ${titleOf(credential, words)}`;
  await attachFiles(doc, { title, owner: holder, generatedAt: options.generatedAt }, [entry], files, [1], undefined);
  setMetadata(doc, {
    title,
    author: holder === '' ? cleanText(credential.issuer.name) : holder,
    subject: own.subject(kindLabel(credential, words), issuer, holder),
    keywords: ['micro-credential', 'digital badge', 'certificate', 'verifiable credential', cleanText(credential.issuer.name), ...skills.slice(0, 10)],
    generatedAt: options.generatedAt,
    locale,
  });
  return doc.save({ useObjectStreams: true });
}
