import type { PDFPage } from 'pdf-lib';
import type { NormalizedCredential } from '../credential/model';
import { chips, imageBox, rowLabel, statusPill, textBlock, type Surface } from './blocks';
import {
  attachFiles,
  createDocument,
  credentialText,
  drawFooters,
  entryIdentityLine,
  fixedLabels,
  formatBytes,
  initialsOf,
  kindLabel,
  ownerText,
  planAttachments,
  setMetadata,
  type AttachedFile,
  type DocumentSetup,
} from './document';
import { dot, rule } from './pageOps';
import { addLink, formatDate, paperSizes, roundedRect, shownStatus, statusLook, statusSentenceFor } from './pdfLayout';
import { cleanText, drawLine, fitLine, type TextStyle } from './textShaping';
import type { PlacedImage } from './pngStream';
import type { PortfolioEntry, PortfolioInput } from './types';
import { markdownToPlainText } from '../credential/markdownText';
import { isPublicHttpsUrl } from './verificationLink';
import { planEntryLinks, type EntryLinks } from './entryLinks';
import { creditUnit, drawCover, formatNumber, summarise, type Summary } from './portfolioCover';
import { qrPrintedWidth } from './qrModules';
import { verifyBlock } from './verifyBlock';
import { statusLabel, titleOf, wordsFor, type PdfWords } from './pdfWords';

/**
 * The portfolio PDF a job seeker sends with an application: a cover with the person and a
 * summary (counts, skills, credits, pathways, a linked table of contents), then one entry per
 * credential (image, name, issuer, dates, status as checked at export, criteria, skills,
 * evidence, its verification link and QR code: entryLinks.ts), page numbers and clickable links
 * throughout; every original attached byte for byte, so that anyone can verify it offline.
 */

const margin = 50;
const bottom = 56;
/** Badge images print at 64 pt: 192 px is 216 dpi, sharp on paper. */
const imageTarget = { maxPixels: 192, maxBytes: 40 * 1024 };
const photoTarget = { maxPixels: 320, maxBytes: 64 * 1024 };

function datesLine(credential: NormalizedCredential, locale: string, words: PdfWords): string {
  const parts: string[] = [];
  const issued = formatDate(credential.issuedOn ?? credential.validFrom, locale);
  if (issued !== undefined) parts.push(words.issued(issued));
  const expires = formatDate(credential.expires, locale);
  if (expires !== undefined) parts.push(words.expires(expires));
  return parts.join('  ·  ');
}

function statusText(entry: PortfolioEntry, generatedAt: Date, locale: string, words: PdfWords): string {
  const label = statusLabel(words, shownStatus(entry));
  const checked = formatDate(entry.checkedAt ?? generatedAt.toISOString(), locale);
  return checked === undefined ? label : words.checked(label, checked);
}

/** The status's colours, with its label in the PDF's language. */
function lookIn(words: PdfWords, status: string): ReturnType<typeof statusLook> {
  return { ...statusLook(status), label: statusLabel(words, status) };
}

interface EntryContext {
  readonly setup: DocumentSetup;
  readonly surface: Surface;
  readonly input: PortfolioInput;
  readonly images: Map<NormalizedCredential, PlacedImage | null>;
  readonly words: PdfWords;
  /** Each entry's links, by its position in the portfolio. */
  readonly links: readonly EntryLinks[];
}

/** One credential's card; returns its height (draws only when `page` is given). */
function renderEntry(ctx: EntryContext, page: PDFPage | null, entry: PortfolioEntry, attached: AttachedFile, index: number, x: number, top: number, width: number): number {
  const { surface: s, setup, words } = ctx;
  const { theme, locale } = setup;
  const c = entry.credential;
  const pad = 16;
  const inner = width - pad * 2;
  const imageSize = 64;
  const qrWidth = qrPrintedWidth;
  const gap = 14;
  const textX = x + pad + imageSize + gap;
  const textWidth = inner - imageSize - gap - qrWidth - gap;
  const left = x + pad;
  let y = top - pad;

  // Header: image | name, issuer, dates, status | QR.
  let headerLeft = 0;
  headerLeft += textBlock(
    s,
    page,
    `${String(index + 1).padStart(2, '0')}  ·  ${kindLabel(c, words).toUpperCase()}`,
    { size: 7, bold: true, color: theme.accent },
    textX,
    y,
    textWidth,
    { maxLines: 1 },
  );
  headerLeft += 2;
  headerLeft += textBlock(s, page, titleOf(c, words), { size: 14, bold: true, color: theme.ink }, textX, y - headerLeft, textWidth, {
    maxLines: 3,
    lineGap: 1.22,
  });
  headerLeft += 2;
  const issuerName = cleanText(c.issuer.name) || words.issuerNotNamed;
  const issuerLink = isPublicHttpsUrl(c.issuer.url) ? c.issuer.url : undefined;
  headerLeft += textBlock(s, page, issuerName, { size: 10, color: issuerLink ? theme.link : theme.muted }, textX, y - headerLeft, textWidth, {
    maxLines: 2,
    ...(issuerLink ? { link: issuerLink } : {}),
  });
  const dates = datesLine(c, locale, words);
  if (dates !== '') headerLeft += textBlock(s, page, dates, { size: 8.5, color: theme.muted }, textX, y - headerLeft - 1, textWidth, { maxLines: 2 }) + 1;
  headerLeft += 6;
  headerLeft += statusPill(s, page, lookIn(words, shownStatus(entry)), statusText(entry, ctx.input.options.generatedAt, locale, words), textX, y - headerLeft, textWidth);
  const identity = entryIdentityLine(entry, locale, words);
  if (identity !== '') headerLeft += 4 + textBlock(s, page, identity, { size: 8.5, color: theme.ink }, textX, y - headerLeft - 4, textWidth, { maxLines: 2 });
  // Plain words only: no keys, addresses or error codes, and a reason for every status but verified.
  const sentence = cleanText(statusSentenceFor(shownStatus(entry), entry.statusSentence, ctx.input.options.language));
  if (sentence !== '') headerLeft += 4 + textBlock(s, page, sentence, { size: 8, color: theme.muted }, textX, y - headerLeft - 4, textWidth, { maxLines: 3 });

  imageBox(s, page, ctx.images.get(c) ?? null, initialsOf(c.name), left, y, imageSize);
  const qrHeight = verifyBlock(s, page, ctx.links[index] ?? {}, attached.file, words, x + width - pad - qrWidth, y, qrWidth);
  y -= Math.max(headerLeft, imageSize, qrHeight) + 12;

  // Body rows: label | value.
  const labelWidth = 74;
  const valueX = left + labelWidth + 10;
  const valueWidth = inner - labelWidth - 10;
  const body: TextStyle = { size: 8.8, color: theme.ink };
  const row = (label: string, draw: (top: number) => number): void => {
    if (page) rule(page, left, y + 5, left + inner, y + 5, 0.4, theme.rule);
    const height = Math.max(rowLabel(s, page, label, left, y, labelWidth), draw(y));
    y -= height + 9;
  };
  // Markdown (as Open Badges allow) printed as its words, not its asterisks.
  const description = cleanText(markdownToPlainText(c.description), true);
  if (description !== '') row(words.rows.description, (t) => textBlock(s, page, description, body, valueX, t, valueWidth, { maxLines: 4 }));
  const criteria = cleanText(markdownToPlainText(c.criteria?.narrative), true);
  const criteriaId = c.criteria?.id;
  const criteriaLink = isPublicHttpsUrl(criteriaId) ? criteriaId : undefined;
  if (criteria !== '' || criteriaLink !== undefined) {
    row(words.rows.criteria, (t) => {
      let h = criteria === '' ? 0 : textBlock(s, page, criteria, body, valueX, t, valueWidth, { maxLines: 5 });
      if (criteriaLink !== undefined) h += textBlock(s, page, criteriaLink, { size: 8, color: theme.link }, valueX, t - h, valueWidth, { maxLines: 2, link: criteriaLink });
      return h;
    });
  }
  const skills = [...new Set(c.skills.map((skill) => cleanText(skill.name)).filter((n) => n !== ''))];
  if (skills.length > 0) row(words.rows.skills, (t) => chips(s, page, skills, valueX, t, valueWidth, 16));
  const credits = c.credits.filter((credit) => Number.isFinite(credit.value)).map((credit) => `${formatNumber(credit.value, locale)} ${creditUnit(words, credit.unit)}`);
  if (credits.length > 0) row(words.rows.credits, (t) => textBlock(s, page, credits.join('  ·  '), body, valueX, t, valueWidth, { maxLines: 2 }));
  const evidence = c.evidence.filter((e) => (e.name ?? e.id ?? e.narrative ?? e.description) !== undefined);
  if (evidence.length > 0) {
    row(words.rows.evidence, (t) => {
      let h = 0;
      for (const item of evidence.slice(0, 4)) {
        const title = cleanText(item.name ?? item.description ?? item.narrative) || words.evidence;
        h += textBlock(s, page, `• ${title}`, { ...body, size: 8.5 }, valueX, t - h, valueWidth, { maxLines: 2 });
        if (isPublicHttpsUrl(item.id)) h += textBlock(s, page, item.id, { size: 7.8, color: theme.link }, valueX + 8, t - h, valueWidth - 8, { maxLines: 2, link: item.id });
        h += 2;
      }
      if (evidence.length > 4) h += textBlock(s, page, words.moreEvidence(evidence.length - 4), { size: 8, color: theme.muted }, valueX, t - h, valueWidth);
      return h;
    });
  }
  row(words.rows.original, (t) =>
    textBlock(s, page, words.attachedAs(attached.file, formatBytes(c.original.bytes.length, words)), { size: 8, color: theme.muted }, valueX, t, valueWidth, {
      maxLines: 3,
    }),
  );
  const height = top - y + pad - 9;
  if (page) roundedRect(page, x, top, width, height, 8, { border: theme.rule, borderWidth: 0.8 });
  return height;
}

/** The running header on entry and contents pages. */
function pageHeader(setup: DocumentSetup, page: PDFPage, left: string, right: string): number {
  const width = page.getWidth();
  const top = page.getHeight() - 34;
  const style = { size: 7.5, bold: true, color: setup.theme.accent };
  const rightStyle = { size: 7.5, color: setup.theme.faint };
  const rightWidth = setup.book.widthOf(right, false, 7.5);
  drawLine(page, setup.book, fitLine(setup.book, left, style, width - margin * 2 - rightWidth - 20), margin, top, style);
  drawLine(page, setup.book, right, width - margin - rightWidth, top, rightStyle);
  rule(page, margin, top - 7, width - margin, top - 7, 0.8, setup.theme.accent);
  return page.getHeight() - 62;
}

const contentsRowHeight = 19;

/** One row of the table of contents, linked to the entry's page. */
function contentsRow(ctx: EntryContext, page: PDFPage, entry: PortfolioEntry, index: number, target: PDFPage, pageNumber: number, top: number): void {
  const { setup } = ctx;
  const { book, theme } = setup;
  const width = page.getWidth();
  const contentWidth = width - margin * 2;
  const baseline = top - 12.5;
  const numberStyle: TextStyle = { size: 8.5, bold: true, color: theme.accent };
  const nameStyle: TextStyle = { size: 9, bold: true, color: theme.ink };
  const issuerStyle: TextStyle = { size: 8.5, color: theme.muted };
  const look = lookIn(ctx.words, shownStatus(entry));
  const statusStyle: TextStyle = { size: 8, color: look.color };
  const pageLabel = String(pageNumber);
  const statusWidth = 98;
  const nameWidth = contentWidth * 0.46;
  const issuerX = margin + 26 + nameWidth + 10;
  const issuerWidth = contentWidth - 26 - nameWidth - 10 - statusWidth - 40;
  drawLine(page, book, String(index + 1).padStart(2, '0'), margin, baseline, numberStyle);
  drawLine(page, book, fitLine(book, titleOf(entry.credential, ctx.words), nameStyle, nameWidth), margin + 26, baseline, nameStyle);
  drawLine(page, book, fitLine(book, cleanText(entry.credential.issuer.name), issuerStyle, issuerWidth), issuerX, baseline, issuerStyle);
  const statusX = width - margin - 30 - statusWidth;
  dot(page, statusX + 3, baseline + 3, 2.6, look.color);
  drawLine(page, book, fitLine(book, look.label, statusStyle, statusWidth - 10), statusX + 10, baseline, statusStyle);
  const pageWidth = book.widthOf(pageLabel, false, 8.5);
  drawLine(page, book, pageLabel, width - margin - pageWidth, baseline, { size: 8.5, color: theme.muted });
  rule(page, margin, top - contentsRowHeight, width - margin, top - contentsRowHeight, 0.35, theme.rule);
  addLink(setup.doc, page, { x: margin, y: top - contentsRowHeight, width: contentWidth, height: contentsRowHeight }, target.ref);
}

/** Everything a builder prints, for font preparation. */
function collectText(input: PortfolioInput, summary: Summary, locale: string, words: PdfWords): { regular: string; bold: string } {
  const regular: string[] = [
    fixedLabels,
    ownerText(input.owner),
    input.options.title ?? '',
    input.options.recipientName ?? '',
    formatDate(input.options.generatedAt.toISOString(), locale) ?? '',
    summary.verifiedIdentities,
    ...summary.pathwayLines,
  ];
  const bold: string[] = [fixedLabels, input.owner.name, (input.options.title ?? '').toUpperCase(), initialsOf(input.owner.name)];
  for (const pathway of input.options.pathways ?? []) regular.push(pathway.name);
  for (const entry of input.credentials) {
    const text = credentialText(entry, locale, input.options.verifierUrl, words);
    regular.push(text.regular, entry.credential.name);
    bold.push(text.bold, kindLabel(entry.credential, words).toUpperCase(), initialsOf(entry.credential.name));
  }
  return { regular: regular.join(' '), bold: bold.join(' ') };
}

export async function buildPortfolioPdf(input: PortfolioInput): Promise<Uint8Array> {
  const { owner, options } = input;
  const locale = options.locale ?? 'en-GB';
  const words = wordsFor(options.language);
  const summary = summarise(input, words);
  const text = collectText(input, summary, locale, words);
  const setup = await createDocument({
    fonts: options.fonts,
    ...(options.theme ? { theme: options.theme } : {}),
    locale,
    ...(options.prepareImage ? { prepareImage: options.prepareImage } : {}),
    regularText: text.regular,
    boldText: text.bold,
    words,
  });
  const { doc } = setup;
  const surface: Surface = { doc, book: setup.book, theme: setup.theme };
  await setup.images.prepareAll([
    ...input.credentials.map((entry) => ({ bytes: entry.credential.image?.bytes, target: imageTarget })),
    { bytes: owner.photo?.bytes, target: photoTarget },
  ]);
  const images = new Map<NormalizedCredential, PlacedImage | null>();
  for (const entry of input.credentials) images.set(entry.credential, await setup.images.get(entry.credential.image?.bytes, imageTarget));
  const photo = await setup.images.get(owner.photo?.bytes, photoTarget);
  const links = await Promise.all(input.credentials.map((entry) => planEntryLinks(entry.credential, options.verifierUrl, undefined, entry.linkFragment)));
  const ctx: EntryContext = { setup, surface, input, images, words, links };
  const files = planAttachments(input.credentials);
  const [pageWidth, pageHeight] = paperSizes[options.paper];
  const ownerName = cleanText(owner.name);
  const title = cleanText(options.title) || (ownerName === '' ? words.portfolio : words.portfolioOf(ownerName));
  // Running heads and footers name the holder, or, without a name in the profile, the document.
  const heading = ownerName || words.portfolio;

  // Cover, then as many contents pages as the table needs.
  const cover = doc.addPage([pageWidth, pageHeight]);
  const { contentsTop } = drawCover(ctx, cover, summary, photo);
  const contentsPages: { page: PDFPage; top: number; rows: number }[] = [];
  let rowsLeft = input.credentials.length;
  const coverRows = Math.max(0, Math.floor((contentsTop - bottom) / contentsRowHeight));
  contentsPages.push({ page: cover, top: contentsTop, rows: Math.min(rowsLeft, coverRows) });
  rowsLeft -= Math.min(rowsLeft, coverRows);
  while (rowsLeft > 0) {
    const page = doc.addPage([pageWidth, pageHeight]);
    const top = pageHeader(setup, page, `${heading}  ·  ${words.contents}`, '') - 4;
    const rows = Math.min(rowsLeft, Math.floor((top - bottom) / contentsRowHeight));
    contentsPages.push({ page, top, rows });
    rowsLeft -= rows;
  }

  // Entries, flowing two or three to a page.
  const entryPages: PDFPage[] = [];
  const entryPageNumbers: number[] = [];
  let page: PDFPage | undefined;
  let y = 0;
  const width = pageWidth - margin * 2;
  for (const [index, entry] of input.credentials.entries()) {
    const attached = files[index];
    if (!attached) continue;
    const height = renderEntry(ctx, null, entry, attached, index, margin, 0, width);
    if (!page || y - height < bottom) {
      page = doc.addPage([pageWidth, pageHeight]);
      y = pageHeader(
        setup,
        page,
        ownerName === '' ? title : `${ownerName}  ·  ${title === words.portfolioOf(ownerName) ? words.portfolio : title}`,
        formatDate(options.generatedAt.toISOString(), locale) ?? '',
      );
    }
    renderEntry(ctx, page, entry, attached, index, margin, y, width);
    entryPages.push(page);
    entryPageNumbers.push(doc.getPageIndices().length);
    y -= height + 14;
  }

  // The table of contents, now that pages are known.
  let row = 0;
  for (const contents of contentsPages) {
    for (let i = 0; i < contents.rows; i++, row++) {
      const entry = input.credentials[row];
      const target = entryPages[row];
      const number = entryPageNumbers[row];
      if (entry && target && number !== undefined) contentsRow(ctx, contents.page, entry, row, target, number, contents.top - i * contentsRowHeight);
    }
  }
  if (input.credentials.length === 0) {
    textBlock(surface, cover, words.nothingChosen, { size: 9.5, color: setup.theme.muted }, margin, contentsTop, width);
  }

  const exported = formatDate(options.generatedAt.toISOString(), locale) ?? '';
  drawFooters(setup, doc.getPages(), words.footer(heading, exported), margin, words);
  // The manifest names the holder only when the profile does.
  await attachFiles(doc, { title, owner: cleanText(owner.name), generatedAt: options.generatedAt }, input.credentials, files, entryPageNumbers, options.presentation);
  const recipient = cleanText(options.recipientName);
  setMetadata(doc, {
    title,
    author: ownerName,
    subject: words.subject(heading, recipient, input.credentials.length),
    keywords: [
      ...new Set(['micro-credentials', 'digital badges', 'Open Badges', 'verifiable credentials', 'portfolio', ...(options.keywords ?? []), ...summary.skills.slice(0, 20)]),
    ],
    generatedAt: options.generatedAt,
    locale,
  });
  return doc.save({ useObjectStreams: true });
}
