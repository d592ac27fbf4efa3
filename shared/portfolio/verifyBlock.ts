import type { PDFPage } from 'pdf-lib';
import { textBlock, type Surface } from './blocks';
import { qrVerifies, shortAddress, type EntryLinks, type QrTarget } from './entryLinks';
import { addActionLink, entryLinkName, uriAction } from './linkAnnotations';
import { roundedRect } from './pageOps';
import type { PdfWords } from './pdfWords';
import { drawQr } from './qrModules';
import { drawLine, fitLine, type TextStyle } from './textShaping';

/**
 * An entry's verification block, measured (page null) or drawn: the QR code, the words under it
 * saying what it opens, the printed verifier address (clickable, carrying the whole link), and,
 * where the QR code cannot carry the credential, where the link and the verifier page are. The
 * links are named after the entry's attached file (linkAnnotations.ts), so that verify-pdf can
 * compare what each link carries with that file.
 */

type BlockWords = Pick<PdfWords, 'qrLabels' | 'openLinkOrDrop' | 'dropPdfOn' | 'noPublicLink'>;

function labelFor(words: BlockWords, target: QrTarget): string {
  if (qrVerifies(target)) return words.qrLabels.verify;
  return target === 'verifier-page' ? words.qrLabels.verifierPage : words.qrLabels.issuerPage;
}

export function verifyBlock(s: Surface, page: PDFPage | null, links: EntryLinks, file: string, words: BlockWords, x: number, top: number, width: number): number {
  const { verifierLink, qr, verifierAddress } = links;
  if (verifierLink === undefined && qr === undefined) {
    // Nothing public to open: the plain sentence where the code would be.
    const style: TextStyle = { size: 7.5, color: s.theme.muted };
    const height = textBlock(s, null, words.noPublicLink, style, x + 8, top - 8, width - 16) + 16;
    if (page) {
      roundedRect(page, x, top, width, height, 6, { fill: s.theme.panel });
      textBlock(s, page, words.noPublicLink, style, x + 8, top - 8, width - 16);
    }
    return height;
  }
  const center = { align: 'center' as const };
  // One action for the whole link, however many places click through to it.
  const linkAction = page && verifierLink !== undefined ? uriAction(s.doc, verifierLink) : undefined;
  let y = top;
  if (qr) {
    if (page) {
      drawQr(page, qr.url, x, y - width, width, s.theme.ink);
      // Clicked in the PDF, the code opens the whole link, whatever its printed modules could hold.
      addActionLink(s.doc, page, { x, y: y - width, width, height: width }, linkAction ?? uriAction(s.doc, qr.url), entryLinkName('qr', file));
    }
    y -= width + 1;
    y -= textBlock(s, page, labelFor(words, qr.target), { size: 7, bold: true, color: s.theme.muted }, x, y, width, { ...center, maxLines: 2 });
  }
  if (verifierLink !== undefined) {
    const style: TextStyle = { size: 6.5, color: s.theme.link };
    const text = fitLine(s.book, shortAddress(verifierLink), style, width);
    if (page && linkAction) {
      const textWidth = s.book.widthOf(text, false, style.size);
      const lineX = x + (width - textWidth) / 2;
      const baseline = y - style.size * 0.95 - 1;
      drawLine(page, s.book, text, lineX, baseline, style);
      addActionLink(s.doc, page, { x: lineX, y: baseline - style.size * 0.25, width: textWidth, height: style.size * 1.2 }, linkAction, entryLinkName('address', file));
    }
    y -= style.size * 1.32 + 1;
  }
  if (qr?.target !== 'credential-link' && verifierAddress !== undefined) {
    const sentence = verifierLink === undefined ? words.dropPdfOn(verifierAddress) : words.openLinkOrDrop(verifierAddress);
    y -= 1 + textBlock(s, page, sentence, { size: 6.5, color: s.theme.muted }, x, y - 1, width, { ...center, maxLines: 7, lineGap: 1.25 });
  }
  return top - y;
}
