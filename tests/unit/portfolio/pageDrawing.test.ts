import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { dot, num, roundedRect } from '../../../shared/portfolio/pageOps';
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

describe('shapes', () => {
  it('draw circles and rounded corners as quarter-circle Béziers at the right points', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([200, 200]);
    dot(page, 100.123, 80.456, 10, rgb(0, 0, 0));
    roundedRect(page, 20, 180, 60, 30, 8, { fill: rgb(0.5, 0.5, 0.5), border: rgb(0, 0, 0), borderWidth: 0.5 });
    const saved = await PDFDocument.load(await doc.save({ useObjectStreams: false }));
    const contents = saved.getPages()[0]?.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => saved.context.lookup(ref)) : [contents];
    const lines = streams
      .map((stream) => {
        if (!(stream instanceof PDFRawStream)) throw new Error('no content stream');
        return new TextDecoder().decode(decodePDFRawStream(stream).decode());
      })
      .join('\n')
      .split('\n');
    const curves = lines.filter((line) => line.endsWith(' c')).map((line) => line.split(' ').slice(0, 6).map(Number));
    expect(curves.length).toBe(8);
    for (const line of lines) for (const token of line.split(' ')) if (/^-?\d/.test(token)) expect(token).toMatch(/^-?\d+(\.\d{1,3})?$/);
    // The dot: every curve ends on the circle, its handles sqrt(1 + kappa²) radii out.
    for (const [x1 = 0, y1 = 0, x2 = 0, y2 = 0, x3 = 0, y3 = 0] of curves.slice(0, 4)) {
      expect(Math.hypot(x3 - 100.123, y3 - 80.456)).toBeCloseTo(10, 1);
      for (const [x, y] of [
        [x1, y1],
        [x2, y2],
      ] as const)
        expect(Math.hypot(x - 100.123, y - 80.456)).toBeCloseTo(10 * Math.hypot(1, 0.5523), 1);
    }
    // The rounded rectangle's first corner (top right) ends 8 pt below the top edge.
    expect(curves[4]?.slice(4)).toEqual([80, 172]);
    expect(lines).toContain('B');
  });
});
