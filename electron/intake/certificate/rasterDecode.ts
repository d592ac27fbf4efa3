import { msg } from '../../../shared/credential/verificationMessages';
import { decode as decodeJpegData } from 'jpeg-js';
import { countJpegScans, maxJpegScans } from '../../images/jpegScans';
import { decodeJpegTurbo, type JpegScale } from '../../images/jpegTurbo';
import { decodePng, PngDecodeError } from '../../images/pngFile';
import { formatBytes, MalformedInputError, type IntakeLimits } from '../limits';
import { grayFromRgba, grayFromRows, type GrayImage } from './grayImage';
import { readJpegHeader, readPngHeader, type ImageSize } from './imageHeaders';

/** Decoded pixels: 8-bit RGBA, row by row. */
export interface RgbaImage extends ImageSize {
  readonly data: Uint8Array;
}

function formatPixels(count: number): string {
  return count >= 1_000_000 ? `${(count / 1_000_000).toFixed(count % 1_000_000 === 0 ? 0 : 1)} million pixels` : `${String(count)} pixels`;
}

function refuseBeyondLimits(label: string, bytes: Uint8Array, size: ImageSize, limits: IntakeLimits): void {
  if (bytes.length > limits.maxFileBytes) {
    throw new MalformedInputError(msg('damaged.imageTooLarge', { kind: label, size: formatBytes(bytes.length), limit: formatBytes(limits.maxFileBytes) }));
  }
  if (size.width * size.height > limits.maxImagePixels) {
    throw new MalformedInputError(msg('damaged.imageTooManyPixels', { kind: label, width: size.width, height: size.height, limit: formatPixels(limits.maxImagePixels) }));
  }
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message.trim().replace(/\.+$/, '') : '';
  return message === '' ? 'the decoder gave up' : message;
}

/**
 * A PNG as grey pixels, decoded by the one PNG decoder (images/pngFile.ts: the common kind
 * natively, every other kind through pngjs with interlaced data inflated under a cap first).
 */
export function decodePngGray(bytes: Uint8Array, limits: IntakeLimits): GrayImage {
  const header = readPngHeader(bytes);
  refuseBeyondLimits('PNG', bytes, header, limits);
  try {
    return grayFromRows(decodePng(bytes, limits.maxImagePixels));
  } catch (error) {
    if (error instanceof PngDecodeError) throw new MalformedInputError(msg('damaged.pngDecode', { error: error.message }));
    throw error;
  }
}

/**
 * The reduction libjpeg-turbo can decode to directly (1/2, 1/4, 1/8) that halving the image
 * until its long side is at most `longSide` (as halveGray does) would reach anyway: pixels the
 * caller would average away are never made.
 */
function scaleWithin(size: ImageSize, longSide: number): JpegScale {
  const original = Math.max(size.width, size.height);
  let long = original;
  let scale = 1;
  while (scale < 8 && long > longSide) {
    long >>= 1;
    scale *= 2;
  }
  // libjpeg-turbo rounds up where halving rounds down: at a long side of 4097, half is 2049,
  // which the search would halve again to 1024. One step less, and halving makes 2048.
  if (scale > 1 && Math.ceil(original / scale) > longSide) scale /= 2;
  return scale as JpegScale;
}

/** Refuses a JPEG of more scans than any picture needs, before a decoder spends seconds on them (jpegScans.ts). */
function refuseEndlessScans(bytes: Uint8Array): void {
  if (countJpegScans(bytes) > maxJpegScans) {
    throw new MalformedInputError(msg('damaged.jpegPasses', { passes: maxJpegScans }));
  }
}

/**
 * A JPEG as grey pixels (its luma). `fitWithin`, when given, is the long side the caller will
 * halve the image down to: the decode then goes straight to that size or a little over.
 * libjpeg-turbo (WebAssembly) reads it; jpeg-js what that cannot (CMYK, some damage), and
 * words the error when neither can.
 */
export function decodeJpegGray(bytes: Uint8Array, limits: IntakeLimits, fitWithin?: number): GrayImage {
  const header = readJpegHeader(bytes);
  refuseBeyondLimits('JPEG', bytes, header, limits);
  refuseEndlessScans(bytes);
  const scale = fitWithin === undefined ? 1 : scaleWithin(header, fitWithin);
  const fast = decodeJpegTurbo(bytes, { format: 'gray', scale, maxPixels: limits.maxImagePixels });
  if (fast) return { width: fast.width, height: fast.height, data: fast.data };
  const rgba = decodeWithJpegJs(bytes, header, limits);
  return grayFromRgba(rgba.data, rgba.width, rgba.height);
}

/**
 * The fallback for what libjpeg-turbo cannot read, once decodeJpegGray has checked the header,
 * the size and the scans. jpeg-js keeps every 8x8 block of coefficients in memory (256 bytes per block per colour
 * component) besides the RGBA output, so its budget is derived from the declared size,
 * and its own resolution check repeats ours in case a later frame header claims more.
 */
function decodeWithJpegJs(bytes: Uint8Array, header: ImageSize, limits: IntakeLimits): RgbaImage {
  const pixels = header.width * header.height;
  try {
    const image = decodeJpegData(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      tolerantDecoding: true,
      maxResolutionInMP: limits.maxImagePixels / 1_000_000,
      maxMemoryUsageInMB: Math.ceil((pixels * 24) / (1024 * 1024)) + 16,
    });
    return { width: image.width, height: image.height, data: image.data };
  } catch (error) {
    throw new MalformedInputError(msg('damaged.jpegDecode', { error: reasonOf(error) }));
  }
}
