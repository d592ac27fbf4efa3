import QRCode from 'qrcode';
import { fill, popGraphicsState, pushGraphicsState, rectangle, setFillingColor, type PDFOperator, type PDFPage, type RGB } from 'pdf-lib';

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
 * Draws the code as vector rectangles (each horizontal run of dark modules one rectangle, all
 * filled as one path), with its 4-module quiet zone inside `width`: sharp at any zoom and in
 * print, and a few kilobytes of content. (x, y) is the bottom-left corner of the whole
 * square, quiet zone included.
 */
export function drawQr(page: PDFPage, text: string, x: number, y: number, width: number, color: RGB): void {
  const matrix = qrMatrix(text);
  const quiet = 4;
  const module = width / (matrix.size + quiet * 2);
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  const operators: PDFOperator[] = [pushGraphicsState(), setFillingColor(color)];
  for (let row = 0; row < matrix.size; row++) {
    let column = 0;
    while (column < matrix.size) {
      if (!matrix.isDark(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < matrix.size && matrix.isDark(row, column)) column++;
      // A hair of overlap between rows so that no seams show when rasterised.
      operators.push(
        rectangle(round(x + (quiet + start) * module), round(y + width - (quiet + row + 1) * module - 0.02), round((column - start) * module), round(module + 0.04)),
      );
    }
  }
  operators.push(fill(), popGraphicsState());
  page.pushOperators(...operators);
}
