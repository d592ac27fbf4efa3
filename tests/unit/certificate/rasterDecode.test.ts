import { PNG, type ColorType } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { grayFromRgba } from '../../../electron/intake/certificate/grayImage';
import { findQrCodes, qrReaderReady } from '../../../electron/intake/certificate/qrCodes';
import { decodeJpegGray, decodePngGray } from '../../../electron/intake/certificate/rasterDecode';
import { defaultIntakeLimits } from '../../../electron/intake/limits';
import { encodeChunk, insertChunk } from '../../support/credentials';
import { certificateScan, encodeJpeg, paper, seededRandom, verifyUrl } from './inputs';

const limits = defaultIntakeLimits;

function pngOf(width: number, height: number, rgba: Uint8Array, colorType: ColorType, filterType = -1): Uint8Array {
  const png = new PNG({ width, height });
  png.data = Buffer.from(rgba);
  return new Uint8Array(PNG.sync.write(png, { colorType, filterType, inputColorType: 6 }));
}

/** Grey from pngjs's RGBA: the reference every PNG must decode to. */
function pngjsGray(bytes: Uint8Array): Uint8Array {
  const decoded = PNG.sync.read(Buffer.from(bytes));
  return grayFromRgba(decoded.data, decoded.width, decoded.height).data;
}

// findQrCodes needs the reader that loads with the module.
beforeAll(qrReaderReady);

describe('Decoding certificate images for the QR search', () => {
  it('turns a PNG of every colour type and row filter into the same grey as pngjs, transparency over white', () => {
    const width = 53;
    const height = 31;
    const random = seededRandom(11);
    const rgba = new Uint8Array(width * height * 4).map((_, i) => (i % 4 === 3 ? (random() < 0.3 ? Math.floor(random() * 256) : 255) : Math.floor(random() * 256)));
    for (const colorType of [0, 2, 4, 6] as const) {
      for (const filterType of [0, 1, 2, 3, 4, -1]) {
        const bytes = pngOf(width, height, rgba, colorType, filterType);
        const gray = decodePngGray(bytes, limits);
        expect({ colorType, filterType, width: gray.width, height: gray.height }).toEqual({ colorType, filterType, width, height });
        expect(Buffer.from(gray.data).equals(Buffer.from(pngjsGray(bytes)))).toBe(true);
      }
    }
  });

  it('honours a transparent colour key (tRNS), as pngjs does: those pixels count as white', () => {
    const image = paper(24, 16);
    for (let at = 0; at < image.data.length; at += 8) image.data.set([10, 20, 30, 255], at); // every other pixel the key colour
    const keyed = insertChunk(pngOf(24, 16, image.data, 2), encodeChunk('tRNS', new Uint8Array([0, 10, 0, 20, 0, 30])));
    const gray = decodePngGray(keyed, limits);
    expect(gray.data[0]).toBe(255);
    expect(gray.data[1]).toBe(255);
    expect(Buffer.from(gray.data).equals(Buffer.from(pngjsGray(keyed)))).toBe(true);
  });

  it('decodes a large JPEG straight to the size the search halves it to, and still finds its code', () => {
    // 2600 x 1950: the search would halve it once, to 1300 x 975; libjpeg-turbo decodes it at half size.
    const photo = encodeJpeg(certificateScan(2600, 1950, verifyUrl, { grain: 20, marks: 600, scale: 6 }), 85);
    const half = decodeJpegGray(photo, limits, 2048);
    expect({ width: half.width, height: half.height }).toEqual({ width: 1300, height: 975 });
    expect(decodeJpegGray(photo, limits)).toMatchObject({ width: 2600, height: 1950 });
    expect(findQrCodes(photo, 'jpeg', limits)).toEqual([verifyUrl]);
  });
});
