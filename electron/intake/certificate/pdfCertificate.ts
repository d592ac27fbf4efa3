import { msg } from '../../../shared/credential/verificationMessages';
import { PDFDocument } from 'pdf-lib';
import { formatBytes, MalformedInputError, type IntakeLimits } from '../limits';
import { readAttachments } from './pdfAttachments';
import { findQrCodesInPdfImages } from './pdfImages';
import { readLinks } from './pdfLinks';
import { readMetadata } from './pdfMetadata';
import { PdfObjects } from './pdfObjects';
import { readPages } from './pdfPages';
import { qrReaderReady } from './qrScan';
import { readPageLines } from './pdfText';
import { titleFromText } from './textTitle';

/** What a PDF certificate tells about itself without a machine-readable credential in it. */
export interface PdfFindings {
  /** The document's Title metadata. */
  readonly title?: string;
  /** Author metadata: often the issuer. */
  readonly author?: string;
  readonly subject?: string;
  /** CreationDate as an ISO 8601 string (UTC). */
  readonly createdOn?: string;
  /** http(s) addresses of the pages' URI actions (link annotations), deduplicated, in page order. */
  readonly links: string[];
  /** Texts of the QR codes found in the PDF's images, deduplicated. */
  readonly qrCodes: string[];
  /** Embedded files: the /EmbeddedFiles name tree, associated files and file attachment annotations. */
  readonly attachments: { name: string; mediaType?: string; bytes: Uint8Array }[];
  readonly pageCount: number;
  /** The words on the first pages, a line of text per line (empty when none can be read). */
  readonly text: string;
  /** The line the words set largest as a title (textTitle.ts), when one stands out. */
  readonly textTitle?: string;
}

/** Turns pdf-lib's parser messages into a reason for a person, and the byte offset it stopped at. */
function unreadable(bytes: Uint8Array, error: unknown): MalformedInputError {
  const detail = error instanceof Error ? error.message : '';
  const offset = /offset=(\d+)/.exec(detail)?.[1];
  const where = offset === undefined ? undefined : `byte ${offset}`;
  if (/No PDF header found/i.test(detail)) return new MalformedInputError(msg('damaged.pdfNoHeader'), where);
  // pdf-lib decodes object streams while parsing, so an encrypted one fails here, before
  // the encryption dictionary is known; the raw bytes still say so.
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('/Encrypt')) {
    return new MalformedInputError(msg('damaged.pdfEncrypted'), where);
  }
  return new MalformedInputError(msg('damaged.pdfDamaged'), where);
}

/**
 * Reads what a PDF certificate offers: its metadata, the web links on its pages, QR codes in
 * its images, and the files embedded in it (an issuer may attach the signed badge itself).
 * Nothing is fetched. Throws MalformedInputError for a file that is not a readable PDF or
 * that breaks a limit (see readAttachments); anything else odd inside is skipped.
 *
 * An encrypted PDF (typically one "protected" against editing, with an empty open password)
 * is read for what needs no decryption: its page count. Its strings and streams are
 * ciphertext, so metadata, links, attachments and QR codes are left out rather than
 * returned as garbage.
 */
export async function readPdfCertificate(bytes: Uint8Array, limits: IntakeLimits): Promise<PdfFindings> {
  if (bytes.length > limits.maxFileBytes) {
    throw new MalformedInputError(msg('damaged.pdfTooLarge', { size: formatBytes(bytes.length), limit: formatBytes(limits.maxFileBytes) }));
  }
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch (error) {
    throw unreadable(bytes, error);
  }
  const objects = new PdfObjects(document.context);
  const catalog = objects.dict(document.context.trailerInfo.Root);
  if (!catalog) throw new MalformedInputError(msg('damaged.pdfNoCatalog'));
  const pages = readPages(objects, catalog);
  if (document.isEncrypted) return { links: [], qrCodes: [], attachments: [], pageCount: pages.length, text: '' };
  // Attachments first: a file that breaks a limit refuses the PDF before any time goes into images.
  const attachments = readAttachments(objects, catalog, pages, limits);
  const { text, sizes } = readPageLines(objects, pages);
  const textTitle = titleFromText(text, sizes);
  await qrReaderReady();
  return {
    ...readMetadata(objects, objects.dict(document.context.trailerInfo.Info)),
    links: readLinks(objects, pages),
    qrCodes: findQrCodesInPdfImages(objects, pages, limits),
    attachments,
    pageCount: pages.length,
    text,
    ...(textTitle === undefined ? {} : { textTitle }),
  };
}
