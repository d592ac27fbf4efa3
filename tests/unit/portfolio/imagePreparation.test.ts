import { readFileSync } from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';
import { PNG, type ColorType } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { encodeJpeg, standardTables } from '../../../electron/portfolio/jpegEncoder';
import { decodePng, decodeSimplePng, encodeRgbPng } from '../../../electron/images/pngFile';
import { prepareImageNode, scaleOntoWhite } from '../../../electron/portfolio/prepareImage';
import { drawImageInBox } from '../../../shared/portfolio/blocks';
import { fitsAsIs } from '../../../shared/portfolio/imageFormat';
import { imageSize } from '../../../shared/portfolio/images';
import { embedOpaquePng } from '../../../shared/portfolio/pngStream';
import { seededBytes } from '../../support/credentials';
import { interlacedPngBomb } from '../certificate/inputs';
import { run, tempDir, writePdf } from './fixtures';

/**
 * The Node side of image preparation, checked against codecs we did not write: jpeg-js decodes
 * our JPEGs, pngjs writes the PNGs we decode and reads the PNGs we write, poppler extracts the
 * images we put into PDFs.
 */

/** A smooth, photograph-like RGB image with a little seeded grain. */
function photo(width: number, height: number, seed = 1): Uint8Array {
  const grain = seededBytes(width * height, seed);
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      const noise = ((grain[y * width + x] ?? 0) % 7) - 3;
      data[at] = Math.max(0, Math.min(255, Math.round((255 * x) / width) + noise));
      data[at + 1] = Math.max(0, Math.min(255, Math.round(128 + 100 * Math.sin((x + y) / 23)) + noise));
      data[at + 2] = Math.max(0, Math.min(255, Math.round((255 * y) / height) + noise));
    }
  }
  return data;
}

function psnr(a: Uint8Array, aChannels: number, b: Uint8Array, bChannels: number, pixels: number): number {
  let squared = 0;
  for (let i = 0; i < pixels; i++) {
    for (let c = 0; c < 3; c++) squared += ((a[i * aChannels + c] ?? 0) - (b[i * bChannels + c] ?? 0)) ** 2;
  }
  return 10 * Math.log10((255 * 255) / (squared / (pixels * 3)));
}

function pngOf(width: number, height: number, rgba: Uint8Array, colorType: ColorType, filterType: number): Uint8Array {
  const png = new PNG({ width, height });
  png.data = Buffer.from(rgba);
  return new Uint8Array(PNG.sync.write(png, { colorType, filterType, inputColorType: 6 }));
}

describe('JPEG encoder', () => {
  it('writes baseline JPEGs that an independent decoder reads back faithfully, at any size', () => {
    for (const [width, height] of [
      [1, 1],
      [7, 13],
      [17, 33],
      [192, 128],
      [250, 250],
    ] as const) {
      const data = photo(width, height, width);
      const bytes = encodeJpeg({ width, height, channels: 3, data }, 82);
      expect([...bytes.subarray(0, 2), ...bytes.subarray(-2)]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
      const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false });
      expect([decoded.width, decoded.height]).toEqual([width, height]);
      if (width >= 17) expect(psnr(decoded.data, 3, data, 3, width * height)).toBeGreaterThan(30);
    }
  });

  it('trades size for fidelity with the quality setting, and ignores an alpha channel', () => {
    const data = photo(192, 192, 5);
    const rgba = new Uint8Array(192 * 192 * 4);
    for (let i = 0; i < 192 * 192; i++) rgba.set([data[i * 3] ?? 0, data[i * 3 + 1] ?? 0, data[i * 3 + 2] ?? 0, i % 255], i * 4);
    const low = encodeJpeg({ width: 192, height: 192, channels: 3, data }, 40);
    const high = encodeJpeg({ width: 192, height: 192, channels: 3, data }, 95);
    expect(low.length).toBeLessThan(high.length);
    const psnrOf = (bytes: Uint8Array): number => psnr(jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false }).data, 3, data, 3, 192 * 192);
    expect(psnrOf(high)).toBeGreaterThan(psnrOf(low));
    expect(encodeJpeg({ width: 192, height: 192, channels: 4, data: rgba }, 82)).toEqual(encodeJpeg({ width: 192, height: 192, channels: 3, data }, 82));
  });

  it('carries complete Huffman tables and refuses impossible sizes', () => {
    // Every AC symbol a block can need: end of block, sixteen zeros, and run 0-15 x size 1-10.
    const needed = [0x00, 0xf0, ...Array.from({ length: 160 }, (_, i) => ((i / 10) << 4) | ((i % 10) + 1))].sort((a, b) => a - b);
    for (const table of [standardTables.acLuma, standardTables.acChroma]) {
      expect([...table.symbols].sort((a, b) => a - b)).toEqual(needed);
      expect(table.counts.reduce((a, b) => a + b, 0)).toBe(table.symbols.length);
    }
    expect(() => encodeJpeg({ width: 0, height: 4, channels: 3, data: new Uint8Array(0) }, 80)).toThrow(RangeError);
    expect(() => encodeJpeg({ width: 4, height: 4, channels: 3, data: new Uint8Array(10) }, 80)).toThrow(RangeError);
  });
});

describe('PNG decoding and writing', () => {
  it('decodes every row filter and colour type exactly as pngjs does', () => {
    const width = 37;
    const height = 23;
    const rgba = seededBytes(width * height * 4, 3);
    for (let i = 0; i < width * height; i += 5) rgba.set([10, 20, 30, 255], i * 4); // some repeats for the filters to find
    for (const colorType of [0, 2, 4, 6] as const) {
      for (const filterType of [0, 1, 2, 3, 4, -1]) {
        const bytes = pngOf(width, height, rgba, colorType, filterType);
        const reference = PNG.sync.read(Buffer.from(bytes));
        const decoded = decodeSimplePng(bytes, 1_000_000);
        if (!decoded) throw new Error(`colour type ${String(colorType)} not decoded`);
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            const at = decoded.offset + y * decoded.rowStride + x * decoded.channels;
            const ref = (y * width + x) * 4;
            const grey = decoded.channels <= 2;
            const expected = grey ? [reference.data[ref] ?? 0] : [reference.data[ref] ?? 0, reference.data[ref + 1] ?? 0, reference.data[ref + 2] ?? 0];
            if (decoded.channels === 2 || decoded.channels === 4) expected.push(reference.data[ref + 3] ?? 0);
            expect([...decoded.data.subarray(at, at + decoded.channels)]).toEqual(expected);
          }
        }
      }
    }
  });

  it('leaves 16-bit and oversized PNGs to others, and refuses damaged data', () => {
    const deep = new PNG({ width: 4, height: 4, bitDepth: 16 });
    expect(decodeSimplePng(new Uint8Array(PNG.sync.write(deep, { bitDepth: 16 })), 1_000)).toBeUndefined();
    const ordinary = pngOf(40, 40, seededBytes(40 * 40 * 4, 4), 6, -1);
    expect(decodeSimplePng(ordinary, 1_000_000)).toBeDefined();
    expect(decodeSimplePng(ordinary, 1_000)).toBeUndefined();
    expect(decodeSimplePng(ordinary.slice(0, ordinary.length - 200), 1_000_000)).toBeUndefined();
  });

  it('writes RGB PNGs that pngjs reads back exactly', () => {
    const data = photo(61, 47, 9);
    const read = PNG.sync.read(Buffer.from(encodeRgbPng(data, 61, 47)));
    expect([read.width, read.height]).toEqual([61, 47]);
    for (let i = 0; i < 61 * 47; i++) expect([read.data[i * 4], read.data[i * 4 + 1], read.data[i * 4 + 2]]).toEqual([data[i * 3], data[i * 3 + 1], data[i * 3 + 2]]);
  });
});

describe('prepareImageNode', () => {
  const target = { maxPixels: 192, maxBytes: 40 * 1024 };

  it('flattens transparency onto white while scaling down', () => {
    // Left half opaque red, right half fully transparent.
    const rgba = new Uint8Array(400 * 400 * 4);
    for (let y = 0; y < 400; y++) for (let x = 0; x < 200; x++) rgba.set([255, 0, 0, 255], (y * 400 + x) * 4);
    const scaled = scaleOntoWhite({ width: 400, height: 400, channels: 4, data: rgba, offset: 0, rowStride: 1600 }, 192);
    expect([scaled.width, scaled.height]).toEqual([192, 192]);
    expect([...scaled.data.subarray(0, 3)]).toEqual([255, 0, 0]);
    expect([...scaled.data.subarray(191 * 3, 192 * 3)]).toEqual([255, 255, 255]);
  });

  it('keeps flat artwork lossless (PNG) and makes photographs JPEG, both within the target', async () => {
    const flat = new Uint8Array(600 * 600 * 4);
    for (let y = 0; y < 600; y++) {
      for (let x = 0; x < 600; x++) flat.set(Math.hypot(x - 300, y - 300) < 250 ? [29, 63, 114, 255] : [0, 0, 0, 0], (y * 600 + x) * 4);
    }
    const flatResult = await prepareImageNode({ bytes: pngOf(600, 600, flat, 6, -1), mediaType: 'image/png' }, target);
    expect(flatResult?.mediaType).toBe('image/png');
    const flatPng = PNG.sync.read(Buffer.from(flatResult?.bytes ?? new Uint8Array()));
    expect([flatPng.width, flatPng.height]).toEqual([192, 192]);
    expect([...flatPng.data.subarray((96 * 192 + 96) * 4, (96 * 192 + 96) * 4 + 3)]).toEqual([29, 63, 114]);

    const rgb = photo(800, 600, 2);
    const rgba = new Uint8Array(800 * 600 * 4);
    for (let i = 0; i < 800 * 600; i++) rgba.set([rgb[i * 3] ?? 0, rgb[i * 3 + 1] ?? 0, rgb[i * 3 + 2] ?? 0, 255], i * 4);
    const photoResult = await prepareImageNode({ bytes: pngOf(800, 600, rgba, 2, -1), mediaType: 'image/png' }, target);
    expect(photoResult?.mediaType).toBe('image/jpeg');
    expect(photoResult?.bytes.length).toBeLessThan(target.maxBytes);
    const decoded = jpeg.decode(photoResult?.bytes ?? new Uint8Array(), { useTArray: true, formatAsRGBA: false });
    expect([decoded.width, decoded.height]).toEqual([192, 144]);
    const reference = scaleOntoWhite({ width: 800, height: 600, channels: 3, data: rgb, offset: 0, rowStride: 2400 }, 192);
    expect(psnr(decoded.data, 3, reference.data, 3, 192 * 144)).toBeGreaterThan(30);

    // A big JPEG is scaled too (jpeg-js decodes it).
    const bigJpeg = new Uint8Array(jpeg.encode({ width: 800, height: 600, data: rgba }, 95).data);
    const fromJpeg = await prepareImageNode({ bytes: bigJpeg, mediaType: 'image/jpeg' }, target);
    expect(fromJpeg?.mediaType).toBe('image/jpeg');
    expect(imageSize(fromJpeg?.bytes ?? new Uint8Array())).toEqual({ width: 192, height: 144 });
  });

  it('leaves small images alone and gives null, never an error, for damaged or other formats', async () => {
    const small = pngOf(64, 64, seededBytes(64 * 64 * 4, 8), 6, -1);
    expect(await prepareImageNode({ bytes: small, mediaType: 'image/png' }, target)).toBeNull();
    const broken = pngOf(400, 400, seededBytes(400 * 400 * 4, 8), 6, -1).slice(0, 5_000);
    expect(await prepareImageNode({ bytes: broken, mediaType: 'image/png' }, target)).toBeNull();
    // A format no decoder here reads (BMP); SVG, GIF and WebP are drawn (cliPictures.test.ts).
    expect(await prepareImageNode({ bytes: new Uint8Array([0x42, 0x4d, ...seededBytes(64, 3)]), mediaType: 'image/bmp' }, target)).toBeNull();
    const bomb = new Uint8Array(pngOf(1, 1, new Uint8Array(4), 6, 0));
    new DataView(bomb.buffer).setUint32(16, 100_000);
    new DataView(bomb.buffer).setUint32(20, 100_000);
    expect(await prepareImageNode({ bytes: bomb, mediaType: 'image/png' }, target)).toBeNull();
  });
});

describe('image headers and PNG pass-through', () => {
  it('reads width and height from PNG, JPEG, GIF and WebP headers', () => {
    expect(imageSize(pngOf(31, 17, seededBytes(31 * 17 * 4, 1), 6, 0))).toEqual({ width: 31, height: 17 });
    const jpg = new Uint8Array(jpeg.encode({ width: 45, height: 29, data: new Uint8Array(45 * 29 * 4) }, 80).data);
    expect(imageSize(jpg)).toEqual({ width: 45, height: 29 });
    const gif = new Uint8Array([...new TextEncoder().encode('GIF89a'), 0x2c, 0x01, 0x90, 0x00, 0, 0, 0]);
    expect(imageSize(gif)).toEqual({ width: 300, height: 144 });
    // RIFF....WEBPVP8L, size, signature 0x2f, then 14-bit width-1 and height-1.
    const bits = (99 & 0x3fff) | ((49 & 0x3fff) << 14);
    const webp = new Uint8Array([
      ...new TextEncoder().encode('RIFF'),
      0,
      0,
      0,
      0,
      ...new TextEncoder().encode('WEBPVP8L'),
      0,
      0,
      0,
      0,
      0x2f,
      bits & 255,
      (bits >> 8) & 255,
      (bits >> 16) & 255,
      (bits >> 24) & 255,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
    ]);
    expect(imageSize(webp)).toEqual({ width: 100, height: 50 });
    expect(imageSize(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeUndefined();
  });

  it('uses a PNG or JPEG as it is only when its header says it fits the target in pixels and the file fits in bytes', () => {
    const target = { maxPixels: 160, maxBytes: 24 * 1024 };
    const flat = (width: number, height: number): Uint8Array => new Uint8Array(width * height * 4).fill(200);
    expect(fitsAsIs(pngOf(160, 90, flat(160, 90), 6, 0), target)).toBe(true);
    expect(fitsAsIs(pngOf(161, 20, flat(161, 20), 6, 0), target)).toBe(false);
    // Small in pixels, too big in bytes (noise does not compress).
    const noisy = pngOf(100, 100, seededBytes(100 * 100 * 4, 7), 6, 0);
    expect(noisy.length).toBeGreaterThan(target.maxBytes);
    expect(fitsAsIs(noisy, target)).toBe(false);
    const jpegOf = (width: number, height: number): Uint8Array => new Uint8Array(jpeg.encode({ width, height, data: flat(width, height) }, 60).data);
    expect(fitsAsIs(jpegOf(120, 80), target)).toBe(true);
    // A few KB, but 1000 px wide: a card would get it shrunk, not as it is.
    const wideJpeg = jpegOf(1000, 40);
    expect(wideJpeg.length).toBeLessThan(target.maxBytes);
    expect(fitsAsIs(wideJpeg, target)).toBe(false);
    // GIF is always drawn anew; a PNG whose first chunk is not its header is not sized at all.
    expect(fitsAsIs(new Uint8Array([...new TextEncoder().encode('GIF89a'), 0x10, 0, 0x10, 0, 0, 0, 0]), target)).toBe(false);
    const noHeader = pngOf(16, 16, flat(16, 16), 6, 0);
    noHeader.set(new TextEncoder().encode('tEXt'), 12);
    expect(imageSize(noHeader)).toBeUndefined();
    expect(fitsAsIs(noHeader, target)).toBe(false);
  });

  it('copies an opaque PNG into the PDF without decoding, pixel for pixel', async () => {
    const data = photo(53, 41, 12);
    const bytes = encodeRgbPng(data, 53, 41);
    const doc = await PDFDocument.create();
    const placed = embedOpaquePng(doc, bytes);
    if (!placed) throw new Error('not embedded');
    expect([placed.width, placed.height]).toEqual([53, 41]);
    drawImageInBox(doc.addPage([200, 200]), placed, 10, 190, 100);
    const dir = tempDir();
    const file = writePdf(dir, 'passthrough.pdf', await doc.save());
    run('pdfimages', ['-png', file, path.join(dir, 'img')]);
    const extracted = PNG.sync.read(readFileSync(path.join(dir, 'img-000.png')));
    expect([extracted.width, extracted.height]).toEqual([53, 41]);
    for (let i = 0; i < 53 * 41; i++)
      expect([extracted.data[i * 4], extracted.data[i * 4 + 1], extracted.data[i * 4 + 2]]).toEqual([data[i * 3], data[i * 3 + 1], data[i * 3 + 2]]);
  });

  it('leaves transparent, palette and damaged PNGs to pdf-lib', async () => {
    const doc = await PDFDocument.create();
    expect(embedOpaquePng(doc, pngOf(8, 8, seededBytes(256, 2), 6, 0))).toBeUndefined();
    const opaque = encodeRgbPng(photo(30, 30, 3), 30, 30);
    expect(embedOpaquePng(doc, opaque)).toBeDefined();
    const damaged = opaque.slice();
    damaged.fill(0x55, 60, 90); // inside the IDAT data: its CRC no longer matches
    expect(embedOpaquePng(doc, damaged)).toBeUndefined();
    expect(embedOpaquePng(doc, opaque.slice(0, opaque.length - 20))).toBeUndefined();
  });
});

describe('image preparation refuses what intake refuses', () => {
  it('an interlaced PNG whose data inflates far beyond its declared size becomes no picture, not gigabytes of memory', async () => {
    // 1000 x 1000 pixels of 8-bit grey may inflate to about 1 MB; this inflates to 64 MB.
    const png = interlacedPngBomb(1000);
    expect(() => decodePng(png, 16_000_000)).toThrow(/unpacks to more than its declared size/);
    expect(await prepareImageNode({ bytes: new Uint8Array(png), mediaType: 'image/png' }, { maxPixels: 192, maxBytes: 40 * 1024 })).toBeNull();
  });
});
