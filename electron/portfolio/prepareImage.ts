import { inflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { ImageTarget, PreparedImage } from '../../shared/portfolio/types';
import { sniffImage } from '../../shared/portfolio/images';

/**
 * The Node side of the PDF builder's `prepareImage` hook: decodes PNG (pngjs) and JPEG
 * (jpeg-js), scales down to the target by area averaging, flattens transparency onto white
 * (the page colour behind every image) and re-encodes as JPEG. An image already small enough
 * in pixels and bytes is left as it is (null). GIF, WebP and SVG are not decoded here (null:
 * the builder draws a placeholder). Never throws: a damaged image gives null as well.
 */

/** Images above this many pixels are not decoded (a decompression bomb costs memory, not just time). */
const maxPixels = 16_000_000;
const quality = 82;

interface Rgba {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * The common PNG (8-bit RGB or RGBA, not interlaced, no palette) decoded directly: native
 * inflate, then the row filters undone in typed arrays. About four times faster than pngjs,
 * which handles every other kind.
 */
function decodeSimplePng(bytes: Uint8Array, width: number, height: number): Rgba | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const depth = bytes[24];
  const colorType = bytes[25];
  const interlace = bytes[28];
  if (depth !== 8 || (colorType !== 6 && colorType !== 2) || interlace !== 0) return undefined;
  const channels = colorType === 6 ? 4 : 3;
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(bytes[at + 4] ?? 0, bytes[at + 5] ?? 0, bytes[at + 6] ?? 0, bytes[at + 7] ?? 0);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  const stride = width * channels;
  const expected = (stride + 1) * height;
  const raw = inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1024 });
  if (raw.length < expected) return undefined;
  const out = new Uint8Array(width * height * 4);
  let previous = new Uint8Array(stride);
  let current = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? (current[i - channels] ?? 0) : 0;
      const up = previous[i] ?? 0;
      const upLeft = i >= channels ? (previous[i - channels] ?? 0) : 0;
      const value = line[i] ?? 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      current[i] = (value + predicted) & 255;
    }
    const row = y * width * 4;
    if (channels === 4) out.set(current, row);
    else {
      for (let x = 0; x < width; x++) {
        out[row + x * 4] = current[x * 3] ?? 0;
        out[row + x * 4 + 1] = current[x * 3 + 1] ?? 0;
        out[row + x * 4 + 2] = current[x * 3 + 2] ?? 0;
        out[row + x * 4 + 3] = 255;
      }
    }
    [previous, current] = [current, previous];
  }
  return { width, height, data: out };
}

function decode(bytes: Uint8Array, kind: 'png' | 'jpeg'): Rgba | undefined {
  if (kind === 'png') {
    const size = pngSize(bytes);
    if (!size || size.width * size.height > maxPixels || size.width === 0 || size.height === 0) return undefined;
    const simple = decodeSimplePng(bytes, size.width, size.height);
    if (simple) return simple;
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { width: png.width, height: png.height, data: png.data };
  }
  const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: maxPixels / 1_000_000, maxMemoryUsageInMB: 256 });
  return { width: image.width, height: image.height, data: image.data };
}

/** Area-average downscale to fit `limit` pixels on the longer side, flattened onto white. */
export function scaleOntoWhite(source: Rgba, limit: number): Rgba {
  const scale = Math.min(1, limit / Math.max(source.width, source.height));
  const width = Math.max(1, Math.round(source.width * scale));
  const height = Math.max(1, Math.round(source.height * scale));
  const out = new Uint8Array(width * height * 4);
  const xRatio = source.width / width;
  const yRatio = source.height / height;
  const src = source.data;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * yRatio);
    const y1 = Math.max(y0 + 1, Math.floor((y + 1) * yRatio));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * xRatio);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * xRatio));
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let sy = y0; sy < y1; sy++) {
        let at = (sy * source.width + x0) * 4;
        for (let sx = x0; sx < x1; sx++, at += 4) {
          const alpha = (src[at + 3] ?? 255) / 255;
          r += (src[at] ?? 0) * alpha + 255 * (1 - alpha);
          g += (src[at + 1] ?? 0) * alpha + 255 * (1 - alpha);
          b += (src[at + 2] ?? 0) * alpha + 255 * (1 - alpha);
          n++;
        }
      }
      const o = (y * width + x) * 4;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
      out[o + 3] = 255;
    }
  }
  return { width, height, data: out };
}

export function prepareImageNode(image: { readonly bytes: Uint8Array; readonly mediaType: string }, target: ImageTarget): Promise<PreparedImage | null> {
  try {
    const kind = sniffImage(image.bytes);
    if (kind !== 'png' && kind !== 'jpeg') return Promise.resolve(null);
    const size = kind === 'png' ? pngSize(image.bytes) : undefined;
    if (size && Math.max(size.width, size.height) <= target.maxPixels && image.bytes.length <= target.maxBytes) return Promise.resolve(null);
    if (kind === 'jpeg' && image.bytes.length <= target.maxBytes) return Promise.resolve(null);
    const decoded = decode(image.bytes, kind);
    if (!decoded) return Promise.resolve(null);
    const scaled = scaleOntoWhite(decoded, target.maxPixels);
    const encoded = jpeg.encode({ data: scaled.data, width: scaled.width, height: scaled.height }, quality);
    return Promise.resolve({ bytes: new Uint8Array(encoded.data.buffer, encoded.data.byteOffset, encoded.data.byteLength), mediaType: 'image/jpeg' });
  } catch {
    return Promise.resolve(null);
  }
}
