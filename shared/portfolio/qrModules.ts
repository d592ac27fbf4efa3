import QRCode from 'qrcode';
import type { PDFPage, RGB } from 'pdf-lib';
import { cells } from './pageOps';

/** The modules of a QR code (error correction M). */
export interface QrMatrix {
  readonly size: number;
  isDark(row: number, column: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = code.modules;
  return { size, isDark: (row, column) => data[row * size + column] === 1 };
}

/**
 * How big a QR code may get and still be read from paper. A printed code is read by a phone
 * (or from a 150 dpi scan of the page); what decides whether it reads is the size of one module
 * on paper. 0.4 mm is the usual floor for codes read at arm's length, and a page printed "fit to
 * page" (A4 on Letter) shrinks by 6 %, so the floor here is 0.43 mm: 2.5 pixels a module in a
 * 150 dpi scan. zbarimg, on pdftoppm renders at 150 dpi, read every code of 0.4 mm and up and
 * started missing some from 0.37 mm down (tested from version 8 to 30, error correction L and M).
 *
 * The entry's code is printed `qrPrintedWidth` wide, its 4-module quiet zone included:
 * 104 pt = 36.7 mm, so version 15 (77 modules + 8 quiet = 85) is the largest with modules of
 * at least 0.43 mm (0.432 mm); version 16 would be 0.41 mm. Version 15 at error correction M
 * (15 % of the code may be lost to a fold or a pen mark) holds 412 bytes: an address with a
 * small credential in it (a hosted Open Badges 2.0 assertion), not a signed one, whose
 * compressed bytes run to a kilobyte or more. Those get the fallback the entry states.
 */
export const qrPrintedWidth = 104;
export const qrQuietModules = 4;
export const minQrModuleMm = 0.43;
const pointsPerMm = 72 / 25.4;

/** The largest version whose modules stay at least `minQrModuleMm` at `width` points. */
export function maxQrVersionFor(width: number): number {
  const modules = Math.floor(width / pointsPerMm / minQrModuleMm);
  return Math.max(0, Math.min(40, Math.floor((modules - qrQuietModules * 2 - 17) / 4)));
}

/** The QR version `text` needs (error correction M), or undefined when no version holds it. */
export function qrVersionOf(text: string): number | undefined {
  // Version 40 at M holds 2,331 bytes: longer text cannot fit, so it is not even tried.
  if (text.length > 2331) return undefined;
  try {
    return QRCode.create(text, { errorCorrectionLevel: 'M' }).version;
  } catch {
    return undefined;
  }
}

/** Whether `text` fits a code printed `width` points wide with modules that stay readable. */
export function qrStaysReadable(text: string, width = qrPrintedWidth): boolean {
  const version = qrVersionOf(text);
  return version !== undefined && version <= maxQrVersionFor(width);
}

/**
 * The dark modules as rectangles in module units, [column, row from the bottom, width, height],
 * with the quiet zone of `quiet` modules around: each horizontal run of dark modules is one
 * rectangle, and a run repeated in the rows below grows that rectangle downwards.
 */
export function qrRectangles(matrix: QrMatrix, quiet: number): [number, number, number, number][] {
  const done: [number, number, number, number][] = [];
  // Open rectangles by "start:end" of their run, with the row they began in.
  let open = new Map<string, { start: number; end: number; firstRow: number }>();
  const close = (run: { start: number; end: number; firstRow: number }, lastRow: number): void => {
    done.push([quiet + run.start, quiet + matrix.size - lastRow - 1, run.end - run.start, lastRow - run.firstRow + 1]);
  };
  for (let row = 0; row < matrix.size; row++) {
    const next = new Map<string, { start: number; end: number; firstRow: number }>();
    let column = 0;
    while (column < matrix.size) {
      if (!matrix.isDark(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < matrix.size && matrix.isDark(row, column)) column++;
      const key = `${String(start)}:${String(column)}`;
      next.set(key, open.get(key) ?? { start, end: column, firstRow: row });
      open.delete(key);
    }
    for (const run of open.values()) close(run, row - 1);
    open = next;
  }
  for (const run of open.values()) close(run, matrix.size - 1);
  return done;
}

/**
 * Draws the code as vector rectangles, all filled as one path, with its 4-module quiet zone
 * inside `width`: sharp at any zoom and in print, and a few hundred bytes of content. (x, y)
 * is the bottom-left corner of the whole square, quiet zone included.
 */
export function drawQr(page: PDFPage, text: string, x: number, y: number, width: number, color: RGB): void {
  const matrix = qrMatrix(text);
  const quiet = qrQuietModules;
  // A hair of overlap between rows so that no seams show when rasterised.
  cells(page, x, y, width / (matrix.size + quiet * 2), qrRectangles(matrix, quiet), color, 0.01);
}
