import { degrees, drawImage, type PDFDocument, type PDFPage, type RGB } from 'pdf-lib';
import type { PlacedImage } from './pngStream';
import type { FontBook } from './fontCoverage';
import { dot } from './pageOps';
import { addLink, roundedRect, type StatusLook, type Theme } from './pdfLayout';
import { drawLine, fitLine, wrapText, type TextStyle } from './textShaping';

/**
 * Blocks that are measured before they are drawn: every function takes `page` (null to only
 * measure) and the top edge, and returns the height used, so that the same code decides both
 * where an entry fits and what it looks like.
 */

export interface Surface {
  readonly doc: PDFDocument;
  readonly book: FontBook;
  readonly theme: Theme;
}

export interface TextBlockOptions {
  readonly maxLines?: number;
  readonly lineGap?: number;
  readonly link?: string;
  readonly align?: 'left' | 'center';
}

/** Wrapped text with its top at `top`. */
export function textBlock(s: Surface, page: PDFPage | null, text: string, style: TextStyle, x: number, top: number, width: number, options: TextBlockOptions = {}): number {
  if (text === '') return 0;
  const lines = wrapText(s.book, text, style, width, options.maxLines);
  const leading = style.size * (options.lineGap ?? 1.32);
  if (page) {
    lines.forEach((line, index) => {
      const lineWidth = options.align === 'center' ? s.book.widthOf(line, style.bold === true, style.size) : 0;
      const lineX = options.align === 'center' ? x + (width - lineWidth) / 2 : x;
      const baseline = top - index * leading - style.size * 0.95;
      const drawn = drawLine(page, s.book, line, lineX, baseline, style);
      if (options.link !== undefined) addLink(s.doc, page, { x: lineX, y: baseline - style.size * 0.25, width: drawn, height: style.size * 1.2 }, options.link);
    });
  }
  return lines.length * leading;
}

/** One line of inline items separated by a dot, wrapping to further lines as needed. */
export function inlineItems(
  s: Surface,
  page: PDFPage | null,
  items: readonly { text: string; link?: string; color?: RGB }[],
  style: TextStyle,
  x: number,
  top: number,
  width: number,
): number {
  if (items.length === 0) return 0;
  const separator = '  ·  ';
  const sepWidth = s.book.widthOf(separator, false, style.size);
  const leading = style.size * 1.45;
  let line = 0;
  let at = x;
  for (const item of items) {
    const text = fitLine(s.book, item.text, style, width);
    const itemWidth = s.book.widthOf(text, style.bold === true, style.size);
    if (at > x && at + sepWidth + itemWidth > x + width) {
      line++;
      at = x;
    } else if (at > x) {
      if (page) drawLine(page, s.book, separator, at, top - line * leading - style.size * 0.95, { ...style, color: s.theme.faint });
      at += sepWidth;
    }
    if (page) {
      const baseline = top - line * leading - style.size * 0.95;
      drawLine(page, s.book, text, at, baseline, { ...style, color: item.color ?? style.color });
      if (item.link !== undefined) addLink(s.doc, page, { x: at, y: baseline - style.size * 0.25, width: itemWidth, height: style.size * 1.2 }, item.link);
    }
    at += itemWidth;
  }
  return (line + 1) * leading;
}

/** Skill chips: small rounded labels that flow across `width`; at most `maxChips`, then "+N more". */
export function chips(
  s: Surface,
  page: PDFPage | null,
  labels: readonly string[],
  x: number,
  top: number,
  width: number,
  maxChips = 18,
  align: 'left' | 'center' = 'left',
): number {
  if (labels.length === 0) return 0;
  const size = 8;
  const height = 14;
  const gap = 4;
  const padding = 6;
  const style: TextStyle = { size, color: s.theme.accent };
  const shown = labels.slice(0, maxChips).map((label) => fitLine(s.book, label, style, width - padding * 2));
  if (labels.length > maxChips) shown.push(`+${String(labels.length - maxChips)} more`);
  // Rows first (to centre them), then drawing.
  const rows: { label: string; width: number }[][] = [[]];
  let used = 0;
  for (const label of shown) {
    const chipWidth = s.book.widthOf(label, false, size) + padding * 2;
    const current = rows[rows.length - 1] ?? [];
    if (current.length > 0 && used + chipWidth > width) {
      rows.push([{ label, width: chipWidth }]);
      used = chipWidth + gap;
    } else {
      current.push({ label, width: chipWidth });
      used += chipWidth + gap;
    }
  }
  if (page) {
    rows.forEach((row, index) => {
      const rowWidth = row.reduce((sum, chip) => sum + chip.width + gap, -gap);
      let at = align === 'center' ? x + (width - rowWidth) / 2 : x;
      const chipTop = top - index * (height + gap);
      for (const chip of row) {
        roundedRect(page, at, chipTop, chip.width, height, 7, { fill: s.theme.accentSoft });
        drawLine(page, s.book, chip.label, at + padding, chipTop - height + 4.2, style);
        at += chip.width + gap;
      }
    });
  }
  return rows.length * (height + gap) - gap;
}

/** The status pill: a dot and the status label on a soft background. */
export function statusPill(s: Surface, page: PDFPage | null, look: StatusLook, text: string, x: number, top: number, maxWidth: number): number {
  const size = 8.5;
  const style: TextStyle = { size, bold: true, color: look.color };
  const label = fitLine(s.book, text, style, maxWidth - 26);
  const width = s.book.widthOf(label, true, size) + 26;
  const height = 17;
  if (page) {
    roundedRect(page, x, top, width, height, 8.5, { fill: look.soft });
    dot(page, x + 10, top - height / 2, 3.2, look.color);
    drawLine(page, s.book, label, x + 18, top - height + 5.3, style);
  }
  return height;
}

/** An image fitted into a box (keeping its aspect ratio), or a placeholder with initials. */
/** Draws `image` scaled to fit a `box`-point square whose top-left corner is (x, top), centred in it. */
export function drawImageInBox(page: PDFPage, image: PlacedImage, x: number, top: number, box: number): void {
  const scale = Math.min(box / image.width, box / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  const name = page.node.newXObject('Image', image.ref);
  page.pushOperators(...drawImage(name, { x: x + (box - width) / 2, y: top - box + (box - height) / 2, width, height, rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0) }));
}

export function imageBox(s: Surface, page: PDFPage | null, image: PlacedImage | null, initials: string, x: number, top: number, box: number): number {
  if (!page) return box;
  if (image) {
    drawImageInBox(page, image, x, top, box);
  } else {
    roundedRect(page, x, top, box, box, 8, { fill: s.theme.accentSoft });
    const style: TextStyle = { size: box * 0.32, bold: true, color: s.theme.accent };
    const width = s.book.widthOf(initials, true, style.size);
    drawLine(page, s.book, initials, x + (box - width) / 2, top - box / 2 - style.size * 0.35, style);
  }
  return box;
}

/** A small caps-style label for a body row. */
export function rowLabel(s: Surface, page: PDFPage | null, label: string, x: number, top: number, width: number): number {
  return textBlock(s, page, label.toUpperCase(), { size: 7, bold: true, color: s.theme.faint }, x, top - 1.5, width, { maxLines: 2 });
}
