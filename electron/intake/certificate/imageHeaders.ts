import { MalformedInputError } from '../limits';

/**
 * Image dimensions read from the file header alone, so that an image declaring absurd
 * dimensions is refused before any decoder allocates a pixel buffer for it.
 */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

export interface PngHeader extends ImageSize {
  readonly bitDepth: number;
  readonly colorType: number;
  /** Adam7 interlacing, which pngjs inflates without an output bound (see rasterDecode.ts). */
  readonly interlaced: boolean;
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function uint32(bytes: Uint8Array, at: number): number {
  return (((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)) >>> 0;
}

function uint16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

/** The PNG signature, then IHDR, which the format requires to be the first chunk. */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  if (bytes.length < 33 || !pngSignature.every((value, index) => bytes[index] === value)) {
    throw new MalformedInputError('The PNG image is damaged: it does not start with a PNG signature and header.');
  }
  const type = String.fromCharCode(bytes[12] ?? 0, bytes[13] ?? 0, bytes[14] ?? 0, bytes[15] ?? 0);
  if (type !== 'IHDR' || uint32(bytes, 8) !== 13) {
    throw new MalformedInputError('The PNG image is damaged: its first chunk is not the image header (IHDR).');
  }
  const width = uint32(bytes, 16);
  const height = uint32(bytes, 20);
  if (width === 0 || height === 0) {
    throw new MalformedInputError('The PNG image is damaged: it declares a width or height of zero.');
  }
  return { width, height, bitDepth: bytes[24] ?? 0, colorType: bytes[25] ?? 0, interlaced: bytes[28] === 1 };
}

const channelsByColorType = new Map([
  [0, 1],
  [2, 3],
  [3, 1],
  [4, 2],
  [6, 4],
]);

/** The seven Adam7 passes: first column, first row, column step, row step. */
const adam7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/**
 * Exactly how many bytes the PNG's image data inflates to (filter bytes included), from
 * its header; undefined for a colour type or bit depth the format does not define.
 */
export function pngInflatedSize(header: PngHeader): number | undefined {
  const channels = channelsByColorType.get(header.colorType);
  if (channels === undefined || ![1, 2, 4, 8, 16].includes(header.bitDepth)) return undefined;
  const bitsPerPixel = channels * header.bitDepth;
  const rowBytes = (columns: number): number => 1 + Math.ceil((columns * bitsPerPixel) / 8);
  if (!header.interlaced) return header.height * rowBytes(header.width);
  let total = 0;
  for (const [firstColumn, firstRow, columnStep, rowStep] of adam7) {
    const columns = Math.ceil(Math.max(0, header.width - firstColumn) / columnStep);
    const rows = Math.ceil(Math.max(0, header.height - firstRow) / rowStep);
    if (columns > 0) total += rows * rowBytes(columns);
  }
  return total;
}

/** Start-of-frame markers (SOF0–SOF15) except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/**
 * Walks the JPEG marker segments up to the first start-of-frame (SOFn) and reads its size.
 * Only segment lengths are followed, so the walk is linear in the header size.
 */
export function readJpegHeader(bytes: Uint8Array): ImageSize {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) {
    throw new MalformedInputError('The JPEG image is damaged: it does not start with a JPEG start-of-image marker.');
  }
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) {
      throw new MalformedInputError('The JPEG image is damaged: its header segments are out of step.');
    }
    // Any number of 0xFF fill bytes may precede a marker.
    while (bytes[at] === 0xff) at += 1;
    const marker = bytes[at];
    if (marker === undefined) break;
    at += 1;
    // Markers that stand alone, with no length: TEM and RST0–RST7.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (marker === 0xd9 || marker === 0xda) {
      throw new MalformedInputError('The JPEG image is damaged: its image data starts before its size is declared.');
    }
    const length = uint16(bytes, at);
    if (length < 2 || at + length > bytes.length) break;
    if (isStartOfFrame(marker)) {
      if (length < 8) break;
      const height = uint16(bytes, at + 3);
      const width = uint16(bytes, at + 5);
      if (width === 0 || height === 0) {
        // A height of 0 defers it to a DNL marker after the first scan: legal but vanishingly rare.
        throw new MalformedInputError('The JPEG image is damaged or unsupported: it does not declare its width and height.');
      }
      return { width, height };
    }
    at += length;
  }
  throw new MalformedInputError('The JPEG image is damaged: it is cut short before its size is declared.');
}
