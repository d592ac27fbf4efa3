import { beforeAll, describe, expect, it } from 'vitest';
import { ZXING_WASM_VERSION } from 'zxing-wasm/reader';
import { grayFromRgba } from '../../../electron/intake/certificate/grayImage';
import { findQrCodes, findQrCodesInRgba, qrReaderReady } from '../../../electron/intake/certificate/qrCodes';
import { findQrCodesInGray, QrScanBudget, zxingWasmVersion } from '../../../electron/intake/certificate/qrScan';
import { defaultIntakeLimits, MalformedInputError } from '../../../electron/intake/limits';
import { certificateScan, drawQr, encodeJpeg, encodePng, paper, interlacedPngBomb, pngClaimingSize, qrPng, seededRandom, verifyUrl } from './inputs';

const limits = defaultIntakeLimits;

// The sync search functions need the reader that loads with the module.
beforeAll(qrReaderReady);

describe('findQrCodes: reading the QR code on a certificate image', () => {
  it('reads the web address in a QR code PNG as the qrcode package writes it', async () => {
    expect(findQrCodes(await qrPng(verifyUrl), 'png', limits)).toEqual([verifyUrl]);
  });

  it('reads a QR code whose background is transparent (the pixels under it are black)', async () => {
    expect(findQrCodes(await qrPng(verifyUrl, { transparent: true }), 'png', limits)).toEqual([verifyUrl]);
  });

  it('finds a small QR code in the corner of a grainy 1800x1200 scan, as PNG and as JPEG', () => {
    // Grain 40 grey levels deep, and 1500 marks standing in for text: a locator that does not
    // binarize locally sees finder patterns everywhere.
    const scan = certificateScan(1800, 1200, verifyUrl, { grain: 40, marks: 1500, scale: 4 });
    expect(findQrCodes(encodePng(scan), 'png', limits)).toEqual([verifyUrl]);
    expect(findQrCodes(encodeJpeg(scan, 80), 'jpeg', limits)).toEqual([verifyUrl]);
  });

  it('finds a code too small to survive downscaling on the full-size copy', () => {
    // 2 px per module, placed at odd coordinates: halved, every module smears across two
    // pixels and the code cannot be read; only a search at full size finds it.
    const scan = paper(1800, 1200, { grain: 12, marks: 800 });
    drawQr(scan, verifyUrl, { left: 1501, top: 1001, scale: 2 });
    expect(findQrCodes(encodePng(scan), 'png', limits)).toEqual([verifyUrl]);
  });

  it('reads a light code on a dark background', () => {
    const image = paper(600, 400);
    image.data.fill(30);
    drawQr(image, verifyUrl, { left: 150, top: 60, scale: 5, dark: 240, light: 30 });
    expect(findQrCodes(encodePng(image), 'png', limits)).toEqual([verifyUrl]);
  });

  it('returns every distinct code on one image, each once', () => {
    const image = paper(1000, 500, { grain: 8 });
    drawQr(image, verifyUrl, { left: 40, top: 40, scale: 4 });
    drawQr(image, 'https://wallet.example.org/share/abc', { left: 560, top: 60, scale: 4 });
    const codes = findQrCodesInRgba(image.data, image.width, image.height);
    expect(codes.sort()).toEqual(['https://verify.example.edu/badges/123', 'https://wallet.example.org/share/abc']);
  });

  it('returns nothing, without error, for a certificate with no QR code', () => {
    expect(findQrCodes(encodePng(paper(1200, 900, { grain: 30, marks: 2000 })), 'png', limits)).toEqual([]);
    expect(findQrCodes(encodeJpeg(paper(400, 300)), 'jpeg', limits)).toEqual([]);
  });

  it('answers "nothing found" for an image that is noise all over', () => {
    const random = seededRandom(3);
    const noise = paper(2000, 1500);
    for (let at = 0; at < noise.data.length; at += 4) noise.data.fill(random() < 0.5 ? 0 : 255, at, at + 3);
    expect(findQrCodesInRgba(noise.data, noise.width, noise.height)).toEqual([]);
  });

  it('reads three codes on one page, and a code turned a quarter', () => {
    const image = paper(1200, 900, { grain: 8, marks: 200 });
    drawQr(image, `${verifyUrl}?n=1`, { left: 40, top: 40, scale: 4 });
    drawQr(image, `${verifyUrl}?n=2`, { left: 700, top: 60, scale: 5 });
    drawQr(image, `${verifyUrl}?n=3`, { left: 300, top: 520, scale: 4 });
    expect(findQrCodesInRgba(image.data, image.width, image.height).sort()).toEqual([1, 2, 3].map((n) => `${verifyUrl}?n=${String(n)}`));
    const turned = { width: image.height, height: image.width, data: new Uint8Array(image.data.length) };
    for (let y = 0; y < image.height; y += 1) {
      for (let x = 0; x < image.width; x += 1) {
        turned.data.set(image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 4), (x * turned.width + (turned.width - 1 - y)) * 4);
      }
    }
    expect(findQrCodes(encodePng(turned), 'png', limits).sort()).toEqual([1, 2, 3].map((n) => `${verifyUrl}?n=${String(n)}`));
  });

  it('searches an image only when the allowance it is given covers its pixels (a PDF shares one among its images)', () => {
    const image = certificateScan(600, 400, verifyUrl, { scale: 3 });
    const gray = grayFromRgba(image.data, image.width, image.height);
    const shared = new QrScanBudget(600 * 400 + 1000);
    expect(findQrCodesInGray(gray, shared)).toEqual([verifyUrl]);
    expect(shared.exhausted).toBe(false);
    expect(findQrCodesInGray(gray, shared)).toEqual([]);
  });

  it('runs on the zxing-wasm version whose internal pixmap entry it was written against', () => {
    // qrScan.ts reads through the module's readBarcodesFromPixmap, which the package marks
    // internal: another version must be checked against it before it is installed.
    expect(ZXING_WASM_VERSION).toBe(zxingWasmVersion);
  });
});

describe('findQrCodes: damaged and hostile images', () => {
  const refusal = (bytes: Uint8Array, kind: 'png' | 'jpeg'): MalformedInputError => {
    try {
      findQrCodes(bytes, kind, limits);
    } catch (error) {
      if (error instanceof MalformedInputError) return error;
      throw error;
    }
    throw new Error('expected a MalformedInputError');
  };

  it('refuses random bytes with a sentence naming the format', () => {
    const random = seededRandom(11);
    const bytes = Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256));
    expect(refusal(bytes, 'png').message).toMatch(/^The PNG image is damaged: /);
    expect(refusal(bytes, 'jpeg').message).toMatch(/^The JPEG image is damaged: /);
  });

  it('refuses a PNG or JPEG cut short', async () => {
    const png = await qrPng(verifyUrl);
    expect(refusal(png.subarray(0, 30), 'png').message).toMatch(/^The PNG image is damaged: /);
    expect(refusal(png.subarray(0, Math.floor(png.length / 2)), 'png').message).toMatch(/^The PNG image is damaged: /);
    const jpeg = encodeJpeg(paper(300, 200));
    expect(refusal(jpeg.subarray(0, 100), 'jpeg').message).toMatch(/^The JPEG image is damaged/);
  });

  it('refuses a PNG declaring 100000 x 100000 pixels from its header, before decoding anything', () => {
    // Decoding first would need 40 GB of pixels: answering at all shows the header was enough.
    const error = refusal(pngClaimingSize(100_000, 100_000), 'png');
    expect(error.message).toBe('The PNG image is 100000 x 100000 pixels, larger than the 16 million pixels Badgefolio reads.');
  });

  it('refuses a JPEG whose frame header declares more pixels than the limit', () => {
    const jpeg = encodeJpeg(paper(64, 48));
    const frame = jpeg.findIndex((value, index) => value === 0xff && jpeg[index + 1] === 0xc0);
    jpeg.set([0xfd, 0xe8, 0xfd, 0xe8], frame + 5); // 65000 x 65000
    expect(refusal(jpeg, 'jpeg').message).toBe('The JPEG image is 65000 x 65000 pixels, larger than the 16 million pixels Badgefolio reads.');
  });

  it('refuses an interlaced PNG whose image data inflates far beyond its declared size (pngjs would not)', () => {
    const png = interlacedPngBomb(64);
    expect(refusal(new Uint8Array(png), 'png').message).toBe('The PNG image is damaged: its image data unpacks to more than its declared size.');
  });
});
