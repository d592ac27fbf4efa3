import jpeg from 'jpeg-js';
import type { ImageTarget, PreparedImage } from '../../shared/portfolio/types';
import { fitsAsIs, sniffImage } from '../../shared/portfolio/imageFormat';
import { encodeJpeg, type RawImage } from './jpegEncoder';
import { countJpegScans, maxJpegScans } from '../images/jpegScans';
import { decodeJpegTurbo, scaleKeepingAtLeast } from '../images/jpegTurbo';
import { decodePng, encodeRgbPng, readPngHeader, type PixelRows } from '../images/pngFile';
import { decodeGifFirstFrame, decodeWebp, rasteriseSvg } from './vectorAndAnimated';

/**
 * The Node side of the PDF builder's `prepareImage` hook: decodes PNG (images/pngFile.ts:
 * natively for the common kinds, pngjs for the rest) and JPEG (libjpeg-turbo in WebAssembly, jpeg-js for what
 * it cannot read), scales down to the target by area
 * averaging, flattens transparency onto white (the page colour behind every image) and
 * re-encodes: flat artwork (logos, lettering: most badges) as a lossless RGB PNG when that is
 * small, anything photographic as JPEG. An image already small enough in pixels and bytes is
 * left as it is (null). SVG, GIF (first frame) and WebP are drawn by vectorAndAnimated.ts
 * and always converted. Never throws: a damaged image gives null (the builder draws a placeholder).
 */

/** Images above this many pixels are not decoded (a decompression bomb costs memory, not just time). */
const maxPixels = 16_000_000;
const quality = 82;
/** Share of pixels equal to their left neighbour above which an image counts as flat artwork. */
const flatShare = 0.6;

function decode(bytes: Uint8Array, kind: 'png' | 'jpeg', longSide: number): PixelRows | undefined {
  if (kind === 'png') {
    const header = readPngHeader(bytes);
    if (!header || header.width * header.height > maxPixels || header.width === 0 || header.height === 0) return undefined;
    // The one PNG decoder: an interlaced PNG whose data would inflate past its declared size
    // (a decompression bomb) is refused there, and the builder draws a placeholder.
    return decodePng(bytes, maxPixels);
  }
  // A JPEG of endless scans would hold this thread for seconds: the builder draws a placeholder.
  if (countJpegScans(bytes) > maxJpegScans) return undefined;
  // libjpeg-turbo decodes straight to a half, quarter or eighth of the size when the target is
  // that small (a 12-megapixel photo to a 160 px thumbnail in about 0.1 s); jpeg-js reads what it cannot.
  const fast = decodeJpegTurbo(bytes, { format: 'rgb', scale: scaleKeepingAtLeast(longSide), maxPixels });
  if (fast) return { width: fast.width, height: fast.height, channels: 3, data: fast.data, offset: 0, rowStride: fast.width * 3 };
  const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false, maxResolutionInMP: maxPixels / 1_000_000, maxMemoryUsageInMB: 256 });
  return { width: image.width, height: image.height, channels: 3, data: image.data, offset: 0, rowStride: image.width * 3 };
}

/** Where each output column's (or row's) source span starts and ends. */
function spans(source: number, target: number): { start: Int32Array; end: Int32Array } {
  const start = new Int32Array(target);
  const end = new Int32Array(target);
  const ratio = source / target;
  for (let i = 0; i < target; i++) {
    start[i] = Math.floor(i * ratio);
    end[i] = Math.min(source, Math.max((start[i] ?? 0) + 1, Math.floor((i + 1) * ratio)));
  }
  return { start, end };
}

/** Area-average downscale to fit `limit` pixels on the longer side, flattened onto white, as packed RGB. */
export function scaleOntoWhite(source: PixelRows, limit: number): RawImage {
  const scale = Math.min(1, limit / Math.max(source.width, source.height));
  const width = Math.max(1, Math.round(source.width * scale));
  const height = Math.max(1, Math.round(source.height * scale));
  const out = new Uint8Array(width * height * 3);
  const columns = spans(source.width, width);
  const rows = spans(source.height, height);
  const { data, channels, offset, rowStride } = source;
  const colour = channels >= 3;
  const alpha = channels === 2 || channels === 4;
  for (let y = 0; y < height; y++) {
    const y0 = rows.start[y] ?? 0;
    const y1 = rows.end[y] ?? 0;
    for (let x = 0; x < width; x++) {
      const x0 = columns.start[x] ?? 0;
      const x1 = columns.end[x] ?? 0;
      // Sums of colour weighted by opacity, and of opacity: composited over white at the end.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = y0; sy < y1; sy++) {
        let at = offset + sy * rowStride + x0 * channels;
        for (let sx = x0; sx < x1; sx++, at += channels) {
          const opacity = alpha ? (data[at + channels - 1] ?? 255) : 255;
          const red = data[at] ?? 0;
          r += red * opacity;
          g += (colour ? (data[at + 1] ?? 0) : red) * opacity;
          b += (colour ? (data[at + 2] ?? 0) : red) * opacity;
          a += opacity;
        }
      }
      const n = 255 * (y1 - y0) * (x1 - x0);
      const white = 255 * (n - a);
      const o = (y * width + x) * 3;
      out[o] = Math.round((r + white) / n);
      out[o + 1] = Math.round((g + white) / n);
      out[o + 2] = Math.round((b + white) / n);
    }
  }
  return { width, height, channels: 3, data: out };
}

/** Whether most pixels repeat their left neighbour: drawn artwork rather than a photograph. */
function looksFlat(image: RawImage): boolean {
  const { data, width, height } = image;
  let same = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 1; x < width; x++) {
      const at = (y * width + x) * 3;
      if (data[at] === data[at - 3] && data[at + 1] === data[at - 2] && data[at + 2] === data[at - 1]) same++;
    }
  }
  return same >= flatShare * height * Math.max(1, width - 1);
}

/** The scaled image encoded for print: lossless PNG for flat artwork when it stays small, else JPEG. */
export function encodeForPrint(image: RawImage, target: ImageTarget): PreparedImage {
  if (looksFlat(image)) {
    const png = encodeRgbPng(image.data, image.width, image.height);
    if (png.length <= target.maxBytes / 2) return { bytes: png, mediaType: 'image/png' };
  }
  return { bytes: encodeJpeg(image, quality), mediaType: 'image/jpeg' };
}

/**
 * What preparing makes of an image: a smaller copy for the target, 'as-is' when it is a PNG or
 * JPEG already small enough in pixels and bytes, or null when it cannot be read or is refused
 * (a decompression bomb, too many pixels, endless scans): the caller draws a placeholder.
 */
export async function prepareImageOutcome(image: { readonly bytes: Uint8Array; readonly mediaType: string }, target: ImageTarget): Promise<PreparedImage | 'as-is' | null> {
  try {
    const kind = sniffImage(image.bytes);
    // SVG, GIF and WebP become PNG or JPEG (pdf-lib embeds nothing else): always drawn, never left as they are.
    if (kind === 'svg' || kind === 'gif' || kind === 'webp') {
      const drawn =
        kind === 'svg'
          ? await rasteriseSvg(image.bytes, target.maxPixels)
          : kind === 'gif'
            ? decodeGifFirstFrame(image.bytes, maxPixels)
            : await decodeWebp(image.bytes, maxPixels);
      return drawn ? encodeForPrint(scaleOntoWhite(drawn, target.maxPixels), target) : null;
    }
    if (kind !== 'png' && kind !== 'jpeg') return null;
    if (fitsAsIs(image.bytes, target)) return 'as-is';
    const decoded = decode(image.bytes, kind, target.maxPixels);
    if (!decoded) return null;
    return encodeForPrint(scaleOntoWhite(decoded, target.maxPixels), target);
  } catch {
    return null;
  }
}

/** The PDF builder's hook: a smaller copy, or null for "use it as it is" or "draw a placeholder" (the builder tells those apart itself). */
export async function prepareImageNode(image: { readonly bytes: Uint8Array; readonly mediaType: string }, target: ImageTarget): Promise<PreparedImage | null> {
  const outcome = await prepareImageOutcome(image, target);
  return outcome === 'as-is' ? null : outcome;
}
