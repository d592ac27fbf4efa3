import type { IntakeLimits } from '../limits';
import { findQrCodesInRgba } from './qrScan';
import { decodeJpeg, decodePng } from './rasterDecode';

export { findQrCodesInRgba } from './qrScan';

export type RasterKind = 'png' | 'jpeg';

/**
 * Decodes the image and returns the text of every QR code found (usually 0 or 1), deduplicated.
 *
 * Throws MalformedInputError, with a sentence for the person who dropped the file, when the
 * image is damaged or larger than `limits` allow (checked from the header, before decoding).
 * An image with no QR code is not an error: the answer is an empty list.
 */
export function findQrCodes(bytes: Uint8Array, kind: RasterKind, limits: IntakeLimits): string[] {
  const image = kind === 'png' ? decodePng(bytes, limits) : decodeJpeg(bytes, limits);
  return findQrCodesInRgba(image.data, image.width, image.height);
}
