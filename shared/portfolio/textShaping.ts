import type { PDFPage, RGB } from 'pdf-lib';
import type { FontBook } from './fontCoverage';
import { showRuns, type PlacedRun } from './pageOps';

/**
 * Text as the PDF prints it: cleaned (no control characters, no emoji modifiers), wrapped to a width
 * (between words, between CJK characters, inside long URLs), and drawn run by run with the
 * font each character needs. Right-to-left: fontkit shapes and orders each Arabic or Hebrew
 * run itself; a paragraph that starts in a right-to-left script has its runs laid out right
 * to left as well. Enough for names and titles to read correctly (full bidi is out of scope).
 */

// What builds emoji sequences: joiners, variation selectors, skin tones, keycaps and tag
// characters. The pictographs themselves stay (the emoji font draws them, one glyph each, in
// black and white); these would print as stray swatches or boxes beside them, since the PDF's
// text is not shaped into emoji ligatures. Pictographs no font draws are left out by FontBook.
const emoji = /[\u{1F3FB}-\u{1F3FF}]|\u200D|\uFE0E|\uFE0F|\u20E3|[\u{E0020}-\u{E007F}]/gu;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u2028\u2029\uFEFF\u202A-\u202E\u2066-\u2069]/g;

/** Printable text: NFC, no emoji modifiers or control characters, white space collapsed (line breaks kept when `multiline`). */
export function cleanText(text: string | undefined, multiline = false): string {
  if (text === undefined) return '';
  let cleaned = text.normalize('NFC').replace(emoji, '').replace(controls, '');
  if (multiline) {
    cleaned = cleaned
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.replace(/[\t ]+/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n');
  } else {
    cleaned = cleaned.replace(/\s+/g, ' ');
  }
  return cleaned.trim();
}

const rtlChar = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const strongChar = /[\p{L}]/u;

/** True when the first letter of the text belongs to a right-to-left script. */
export function startsRightToLeft(text: string): boolean {
  for (const char of text) {
    if (strongChar.test(char)) return rtlChar.test(char);
  }
  return false;
}

export interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly color: RGB;
}

const cjk = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;

/** Break opportunities: after white space, around each CJK character, after URL punctuation. */
function pieces(paragraph: string): string[] {
  const result: string[] = [];
  let current = '';
  for (const char of paragraph) {
    if (cjk.test(char)) {
      if (current !== '') result.push(current);
      result.push(char);
      current = '';
      continue;
    }
    current += char;
    if (char === ' ') {
      result.push(current);
      current = '';
    }
  }
  if (current !== '') result.push(current);
  return result;
}

function splitLongPiece(book: FontBook, piece: string, style: TextStyle, maxWidth: number): string[] {
  // Prefer URL punctuation, else any character.
  const parts: string[] = [];
  let current = '';
  for (const char of piece) {
    const next = current + char;
    if (current !== '' && book.widthOf(next, style.bold === true, style.size) > maxWidth) {
      const cut = Math.max(current.lastIndexOf('/'), current.lastIndexOf('-'), current.lastIndexOf('?'), current.lastIndexOf('&'), current.lastIndexOf('.'));
      if (cut > current.length / 2) {
        parts.push(current.slice(0, cut + 1));
        current = current.slice(cut + 1) + char;
      } else {
        parts.push(current);
        current = char;
      }
    } else {
      current = next;
    }
  }
  if (current !== '') parts.push(current);
  return parts;
}

/**
 * Lines of at most `maxWidth` points; at most `maxLines` (the last one ending in an ellipsis
 * when text was cut). Paragraph breaks (`\n`) are kept.
 */
export function wrapText(book: FontBook, text: string, style: TextStyle, maxWidth: number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  const bold = style.bold === true;
  const width = (piece: string): number => book.widthOf(piece, bold, style.size);
  let truncated = false;
  // Widths are summed piece by piece (each piece measured once, cached): a line's width is the
  // sum of its words' widths, which is exact since pdf-lib applies no kerning between glyphs.
  outer: for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    const push = (): boolean => {
      lines.push(line.trimEnd());
      line = '';
      lineWidth = 0;
      return lines.length >= maxLines;
    };
    for (const piece of pieces(paragraph)) {
      if (lineWidth + width(piece.trimEnd()) <= maxWidth) {
        line += piece;
        lineWidth += width(piece);
        continue;
      }
      const parts = width(piece.trimEnd()) > maxWidth ? splitLongPiece(book, piece, style, maxWidth) : [piece];
      for (const part of parts) {
        if (line !== '' && lineWidth + width(part.trimEnd()) > maxWidth && push()) {
          truncated = true;
          break outer;
        }
        line += part;
        lineWidth += width(part);
      }
    }
    if (push()) {
      truncated = true;
      break;
    }
  }
  if (lines.length > maxLines) lines.length = maxLines;
  if (truncated) {
    const consumed = lines.join(' ').replace(/\s+/g, '').length;
    const total = text.replace(/\s+/g, '').length;
    if (consumed < total) lines[lines.length - 1] = ellipsize(book, lines[lines.length - 1] ?? '', style, maxWidth);
  }
  return lines;
}

/** The text cut to fit `maxWidth`, ending in an ellipsis (always added). */
export function ellipsize(book: FontBook, text: string, style: TextStyle, maxWidth: number): string {
  const chars = Array.from(text);
  while (chars.length > 0 && book.widthOf(`${chars.join('').trimEnd()}…`, style.bold === true, style.size) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** The text on one line, cut with an ellipsis only if it does not fit. */
export function fitLine(book: FontBook, text: string, style: TextStyle, maxWidth: number): string {
  return book.widthOf(text, style.bold === true, style.size) <= maxWidth ? text : ellipsize(book, text, style, maxWidth);
}

/** Draws one line at (x, baseline y); returns its width. */
export function drawLine(page: PDFPage, book: FontBook, text: string, x: number, y: number, style: TextStyle): number {
  const bold = style.bold === true;
  const runs = book.runs(text, bold);
  if (startsRightToLeft(text)) runs.reverse();
  let at = x;
  const placed: PlacedRun[] = [];
  for (const run of runs) {
    placed.push({ text: run.text, font: run.font, x: at });
    at += run.font.widthOfTextAtSize(run.text, style.size);
  }
  showRuns(page, placed, y, style.size, style.color);
  return at - x;
}
