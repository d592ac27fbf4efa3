import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { num } from '../../../shared/portfolio/pageOps';
import { qrMatrix, qrRectangles } from '../../../shared/portfolio/qrModules';

describe('QR rectangles', () => {
  it('cover exactly the dark modules, each once, in far fewer rectangles than modules', () => {
    for (const text of ['https://badges.example.org/credentials/1001', `https://verify.example.net/check?id=${'x'.repeat(180)}`]) {
      const matrix = qrMatrix(text);
      const quiet = 4;
      const covered = new Uint8Array(matrix.size * matrix.size);
      const rectangles = qrRectangles(matrix, quiet);
      for (const [column, rowFromBottom, width, height] of rectangles) {
        for (let dy = 0; dy < height; dy++) {
          for (let dx = 0; dx < width; dx++) {
            const row = matrix.size - 1 - (rowFromBottom - quiet + dy);
            const col = column - quiet + dx;
            covered[row * matrix.size + col] = (covered[row * matrix.size + col] ?? 0) + 1;
          }
        }
      }
      // Checked against qrcode's own module data, not our matrix wrapper.
      const reference = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
      expect([...covered]).toEqual([...reference.data].map((dark) => (dark ? 1 : 0)));
      const dark = covered.reduce((sum, n) => sum + n, 0);
      expect(rectangles.length).toBeLessThan(dark / 2);
    }
  });
});

describe('content-stream numbers', () => {
  it('are rounded to hundredths without exponents, negative zero or NaN', () => {
    expect(num(417.67999999999995)).toBe('417.68');
    expect(num(0.000001)).toBe('0');
    expect(num(-0.001)).toBe('0');
    expect(num(-12.3456)).toBe('-12.35');
    expect(num(1e21)).toBe('1000000000');
    expect(num(Number.NaN)).toBe('0');
    expect(num(0.11372549019607843, 3)).toBe('0.114');
  });
});
