import type { ImageTarget } from './types';

/**
 * What an image file is, and how big, from its first bytes: no decoding and no dependencies, so
 * that the renderer's image hook can use it without pulling in the PDF builder.
 */

export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'svg' | 'unknown';

export function sniffImage(bytes: Uint8Array): ImageKind {
  const b = (i: number): number => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46) return 'gif';
  if (b(0) === 0x52 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x46 && b(8) === 0x57 && b(9) === 0x45 && b(10) === 0x42 && b(11) === 0x50) return 'webp';
  const head = String.fromCharCode(...bytes.subarray(0, 512)).trimStart();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')) || head.startsWith('<!--')) return head.includes('<svg') ? 'svg' : 'unknown';
  return 'unknown';
}

/**
 * Width and height from an image's header, without decoding it (so that a hook can refuse a
 * decompression bomb before a decoder allocates for it). PNG, JPEG, GIF and WebP; undefined
 * for anything else or a header cut short.
 */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const has = (length: number): boolean => bytes.length >= length;
  const size = (width: number, height: number): { width: number; height: number } | undefined => (width > 0 && height > 0 ? { width, height } : undefined);
  switch (sniffImage(bytes)) {
    case 'png':
      // The header chunk (IHDR, 13 bytes) must come first: anything else is not a PNG to size.
      return has(33) && view.getUint32(8) === 13 && view.getUint32(12) === 0x49484452 ? size(view.getUint32(16), view.getUint32(20)) : undefined;
    case 'gif':
      return has(10) ? size(view.getUint16(6, true), view.getUint16(8, true)) : undefined;
    case 'webp': {
      if (!has(32)) return undefined;
      const chunk = String.fromCharCode(bytes[12] ?? 0, bytes[13] ?? 0, bytes[14] ?? 0, bytes[15] ?? 0);
      if (chunk === 'VP8X') return size((view.getUint32(24, true) & 0xffffff) + 1, (view.getUint32(27, true) & 0xffffff) + 1);
      if (chunk === 'VP8L') {
        const bits = view.getUint32(21, true);
        return size((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
      }
      if (chunk === 'VP8 ') return size(view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff);
      return undefined;
    }
    case 'jpeg': {
      // Walk the marker segments to the frame header (SOF0-SOF15 but DHT, JPG and DAC).
      let at = 2;
      while (at + 9 <= bytes.length) {
        if (bytes[at] !== 0xff) return undefined;
        const marker = bytes[at + 1] ?? 0;
        if (marker === 0xff) {
          at++;
          continue;
        }
        if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
          at += 2;
          continue;
        }
        if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return size(view.getUint16(at + 7), view.getUint16(at + 5));
        at += 2 + view.getUint16(at + 2);
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Whether a PNG or JPEG can be used as it is for `target`: its header says it is no larger in
 * pixels, and the file no larger in bytes. Read from the header alone, so the main process can
 * decide it without decoding anything (a small card picture then skips the worker's round
 * trip); everything else is drawn anew by the image preparation (Node or renderer).
 */
export function fitsAsIs(bytes: Uint8Array, target: ImageTarget): boolean {
  const kind = sniffImage(bytes);
  if ((kind !== 'png' && kind !== 'jpeg') || bytes.length > target.maxBytes) return false;
  const size = imageSize(bytes);
  return size !== undefined && Math.max(size.width, size.height) <= target.maxPixels;
}
