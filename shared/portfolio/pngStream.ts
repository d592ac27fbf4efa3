import { unzlibSync } from 'fflate';
import type { PDFDocument, PDFRef } from 'pdf-lib';
import { concatBytes } from '../encoding/bytes';

/**
 * PNGs that go into the PDF without being decoded: 8-bit grey or RGB, not interlaced, no
 * transparency. Their compressed IDAT data is already a valid PDF image stream (FlateDecode
 * with the PNG row predictors, DecodeParms /Predictor 15), so it is copied as it is.
 * pdf-lib's own embedPng inflates every PNG in JavaScript, splits out alpha and deflates it
 * again, which costs more than preparing the image did. The chunks' CRCs are checked and the
 * data inflated once (a damaged PNG must become a placeholder, not a broken page). Anything
 * else returns undefined and goes through pdf-lib.
 */

export interface PlacedImage {
  readonly ref: PDFRef;
  readonly width: number;
  readonly height: number;
}

const chunkType = (bytes: Uint8Array, at: number): string => String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);

export function embedOpaquePng(doc: PDFDocument, bytes: Uint8Array): PlacedImage | undefined {
  if (bytes.length < 45 || bytes[0] !== 0x89 || chunkType(bytes, 12) !== 'IHDR') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const depth = bytes[24];
  const colorType = bytes[25];
  const interlace = bytes[28];
  if (width === 0 || height === 0 || depth !== 8 || (colorType !== 0 && colorType !== 2) || interlace !== 0) return undefined;
  const idat: Uint8Array[] = [];
  let total = 0;
  for (let at = 8; ;) {
    if (at + 12 > bytes.length) return undefined; // cut short before IEND
    const length = view.getUint32(at);
    const type = chunkType(bytes, at + 4);
    if (at + 12 + length > bytes.length) return undefined;
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) return undefined;
    // tRNS makes one colour transparent: pdf-lib's path turns that into a soft mask.
    if (type === 'tRNS') return undefined;
    if (type === 'IDAT') {
      idat.push(bytes.subarray(at + 8, at + 8 + length));
      total += length;
    }
    if (type === 'IEND') break;
    at += 12 + length;
  }
  if (total === 0) return undefined;
  const data = concatBytes(idat);
  const colors = colorType === 2 ? 3 : 1;
  if (!rowsIntact(data, width * colors, height)) return undefined;
  const stream = doc.context.stream(data, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    BitsPerComponent: 8,
    ColorSpace: colors === 3 ? 'DeviceRGB' : 'DeviceGray',
    Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: colors, BitsPerComponent: 8, Columns: width },
  });
  return { ref: doc.context.register(stream), width, height };
}

/** Whether the zlib data inflates to exactly `height` rows of `stride` bytes, each with a known filter. */
function rowsIntact(data: Uint8Array, stride: number, height: number): boolean {
  const expected = (stride + 1) * height;
  let raw: Uint8Array;
  try {
    raw = unzlibSync(data, { out: new Uint8Array(expected) });
  } catch {
    return false;
  }
  if (raw.length !== expected) return false;
  for (let y = 0; y < height; y++) if ((raw[y * (stride + 1)] ?? 5) > 4) return false;
  return true;
}

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG chunks carry it (ISO 3309, the same polynomial as zlib's). */
function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
