import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { inflateBounded } from './boundedInflate';

/**
 * PNG on Node's native zlib, for image preparation (the portfolio PDF) and for intake's QR
 * search: reading the header, decoding the common kind of PNG (8-bit grey, grey+alpha, RGB or
 * RGBA, not interlaced) without copying it into RGBA first, and writing an 8-bit RGB PNG that
 * the PDF builder can embed without decoding (its IDAT becomes the image stream as it is:
 * PDF's Flate filter takes PNG row predictors).
 */

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  readonly interlaced: boolean;
}

const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && signature.every((b, i) => bytes[i] === b);
}

export function readPngHeader(bytes: Uint8Array): PngHeader | undefined {
  if (bytes.length < 33 || !hasPngSignature(bytes)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(8) !== 13 || view.getUint32(12) !== 0x49484452) return undefined; // IHDR first, 13 bytes long
  return { width: view.getUint32(16), height: view.getUint32(20), bitDepth: bytes[24] ?? 0, colorType: bytes[25] ?? 0, interlaced: bytes[28] === 1 };
}

/**
 * Pixel rows in a buffer: row `y` starts at `offset + y * rowStride` and holds `width` pixels
 * of `channels` bytes (1 grey, 2 grey+alpha, 3 RGB, 4 RGBA).
 */
export interface PixelRows {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 2 | 3 | 4;
  readonly data: Uint8Array;
  readonly offset: number;
  readonly rowStride: number;
}

const channelsOf: Partial<Record<number, 1 | 2 | 3 | 4>> = { 0: 1, 4: 2, 2: 3, 6: 4 };

/**
 * Undoes one row's PNG filter in place; the row above starts `rowStride` bytes earlier (none
 * for the first row). Each filter has its own loops, with the first pixel (no left
 * neighbour) and the first row (no row above) taken out of them: a 16-megapixel scan is 64 MB
 * of rows, and a test per byte doubles the time. Stores into a Uint8Array wrap modulo 256.
 */
function unfilterRow(filter: number, data: Uint8Array, at: number, rowStride: number, length: number, bpp: number, hasPrevious: boolean): boolean {
  const end = at + length;
  const firstPixelEnd = Math.min(end, at + bpp);
  switch (filter) {
    case 0:
      return true;
    case 1:
      for (let i = at + bpp; i < end; i++) data[i] = (data[i] ?? 0) + (data[i - bpp] ?? 0);
      return true;
    case 2:
      if (hasPrevious) for (let i = at; i < end; i++) data[i] = (data[i] ?? 0) + (data[i - rowStride] ?? 0);
      return true;
    case 3:
      if (!hasPrevious) {
        for (let i = at + bpp; i < end; i++) data[i] = (data[i] ?? 0) + ((data[i - bpp] ?? 0) >> 1);
        return true;
      }
      for (let i = at; i < firstPixelEnd; i++) data[i] = (data[i] ?? 0) + ((data[i - rowStride] ?? 0) >> 1);
      for (let i = firstPixelEnd; i < end; i++) data[i] = (data[i] ?? 0) + (((data[i - bpp] ?? 0) + (data[i - rowStride] ?? 0)) >> 1);
      return true;
    case 4:
      if (!hasPrevious) {
        // With no row above, Paeth predicts from the left neighbour alone (Sub).
        for (let i = at + bpp; i < end; i++) data[i] = (data[i] ?? 0) + (data[i - bpp] ?? 0);
        return true;
      }
      // With no left neighbour, Paeth predicts from the byte above (Up).
      for (let i = at; i < firstPixelEnd; i++) data[i] = (data[i] ?? 0) + (data[i - rowStride] ?? 0);
      for (let i = firstPixelEnd; i < end; i++) {
        const left = data[i - bpp] ?? 0;
        const up = data[i - rowStride] ?? 0;
        const upLeft = data[i - rowStride - bpp] ?? 0;
        const pa = Math.abs(up - upLeft);
        const pb = Math.abs(left - upLeft);
        const pc = Math.abs(left + up - 2 * upLeft);
        data[i] = (data[i] ?? 0) + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      }
      return true;
    default:
      return false;
  }
}

/**
 * Decodes an 8-bit, non-interlaced, non-palette PNG without a transparent colour key: its
 * IDAT inflated natively, the row filters undone in place (about twice as fast as pngjs, and
 * no RGBA copy). Returns undefined for every other kind (the caller uses pngjs) and for
 * damaged data (which pngjs then refuses with an error). `maxPixels` guards against
 * decompression bombs before anything is inflated.
 */
export function decodeSimplePng(bytes: Uint8Array, maxPixels: number): PixelRows | undefined {
  const header = readPngHeader(bytes);
  const channels = header ? channelsOf[header.colorType] : undefined;
  if (!header || !channels || header.bitDepth !== 8 || header.interlaced) return undefined;
  const { width, height } = header;
  if (width === 0 || height === 0 || width * height > maxPixels) return undefined;
  const { data, colourKey } = imageData(bytes);
  // tRNS makes one grey level or colour transparent: pngjs applies it, so it decodes those.
  if (colourKey) return undefined;
  const stride = width * channels;
  const rowStride = stride + 1;
  const expected = rowStride * height;
  let raw: Uint8Array;
  try {
    const inflated = inflateSync(data, { maxOutputLength: expected + 1024 });
    raw = new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.length); // a view: tens of MB are not copied
  } catch {
    return undefined; // cut short or corrupt
  }
  if (raw.length < expected) return undefined;
  for (let y = 0; y < height; y++) {
    const at = y * rowStride + 1;
    if (!unfilterRow(raw[at - 1] ?? 0, raw, at, rowStride, stride, channels, y > 0)) return undefined;
  }
  return { width, height, channels, data: raw, offset: 1, rowStride };
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * Filters RGB rows as PNG does, choosing per row the filter with the smallest sum of absolute
 * residuals (the usual heuristic; flat artwork then deflates to a few kilobytes).
 */
function filterRows(rgb: Uint8Array, width: number, height: number): Uint8Array {
  const stride = width * 3;
  const out = new Uint8Array((stride + 1) * height);
  const candidate = new Uint8Array(stride);
  const best = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    const above = row - stride;
    let bestFilter = 0;
    let bestCost = Infinity;
    for (let filter = 0; filter <= 4; filter++) {
      let cost = 0;
      for (let i = 0; i < stride; i++) {
        const value = rgb[row + i] ?? 0;
        const left = i >= 3 ? (rgb[row + i - 3] ?? 0) : 0;
        const up = y > 0 ? (rgb[above + i] ?? 0) : 0;
        const upLeft = i >= 3 && y > 0 ? (rgb[above + i - 3] ?? 0) : 0;
        let predicted = 0;
        if (filter === 1) predicted = left;
        else if (filter === 2) predicted = up;
        else if (filter === 3) predicted = (left + up) >> 1;
        else if (filter === 4) {
          const pa = Math.abs(up - upLeft);
          const pb = Math.abs(left - upLeft);
          const pc = Math.abs(left + up - 2 * upLeft);
          predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
        }
        const residual = (value - predicted) & 255;
        candidate[i] = residual;
        cost += residual < 128 ? residual : 256 - residual;
      }
      if (cost < bestCost) {
        bestCost = cost;
        bestFilter = filter;
        best.set(candidate);
      }
    }
    out[y * (stride + 1)] = bestFilter;
    out.set(best, y * (stride + 1) + 1);
  }
  return out;
}

/** An 8-bit RGB PNG of packed `rgb` rows. */
export function encodeRgbPng(rgb: Uint8Array, width: number, height: number): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const idat = deflateSync(filterRows(rgb, width, height), { level: 9 });
  const parts = [new Uint8Array(signature), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
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

/**
 * The concatenated IDAT chunk data, found by walking chunk lengths (no CRC checks), and whether
 * a tRNS chunk (a transparent colour key) came before it ended.
 */
function imageData(bytes: Uint8Array): { data: Uint8Array; colourKey: boolean } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [];
  let colourKey = false;
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = view.getUint32(at + 4);
    if (type === 0x49444154) parts.push(bytes.subarray(at + 8, Math.min(bytes.length, at + 8 + length))); // IDAT
    if (type === 0x74524e53) colourKey = true; // tRNS
    if (type === 0x49454e44) break; // IEND
    at += 12 + length;
  }
  return { data: parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts), colourKey };
}

/** A PNG that cannot be decoded: `reason` completes "The PNG image is damaged: …". */
export class PngDecodeError extends Error {
  override readonly name = 'PngDecodeError';
}

/**
 * Any PNG as pixel rows, for every caller that decodes untrusted PNGs (intake's QR search,
 * the PDF's image preparation): the common kind natively (decodeSimplePng), every other kind
 * through pngjs. pngjs bounds its inflate by the declared image size for ordinary PNGs but
 * inflates an interlaced one with no bound at all, so a few megabytes of crafted IDAT could
 * claim gigabytes: those are inflated first here, capped at the exact size the header implies.
 * CRCs are not checked: only the pixels are wanted, and a flipped bit in an ancillary chunk
 * should not lose a picture. Throws PngDecodeError; the caller has checked the pixel count.
 */
export function decodePng(bytes: Uint8Array, maxPixels: number): PixelRows {
  const header = readPngHeader(bytes);
  if (!header) throw new PngDecodeError('it does not start with a PNG signature and header');
  if (header.width === 0 || header.height === 0) throw new PngDecodeError('it declares a width or height of zero');
  if (header.width * header.height > maxPixels) throw new PngDecodeError(`it declares ${String(header.width)} x ${String(header.height)} pixels, more than are read`);
  const simple = decodeSimplePng(bytes, maxPixels);
  if (simple) return simple;
  if (header.interlaced) {
    const expected = pngInflatedSize(header);
    if (expected === undefined) throw new PngDecodeError('its header declares an impossible colour type or bit depth');
    const result = inflateBounded(imageData(bytes).data, expected, 'refuse');
    if (result.kind === 'too-large') throw new PngDecodeError('its image data unpacks to more than its declared size');
    if (result.kind === 'damaged') throw new PngDecodeError(result.detail);
  }
  try {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { checkCRC: false });
    return { width: png.width, height: png.height, channels: 4, data: png.data, offset: 0, rowStride: png.width * 4 };
  } catch (error) {
    const message = error instanceof Error ? error.message.trim().replace(/\.+$/, '') : '';
    throw new PngDecodeError(message === '' ? 'the decoder gave up' : message);
  }
}
