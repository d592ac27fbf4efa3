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
  const quiet = 4;
  // A hair of overlap between rows so that no seams show when rasterised.
  cells(page, x, y, width / (matrix.size + quiet * 2), qrRectangles(matrix, quiet), color, 0.01);
}
