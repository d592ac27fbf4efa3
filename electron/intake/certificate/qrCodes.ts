import type { IntakeLimits } from '../limits';
import { findQrCodesInGray, qrFineSide } from './qrScan';
import { decodeJpegGray, decodePngGray } from './rasterDecode';

export { findQrCodesInRgba, qrReaderReady } from './qrScan';

export type RasterKind = 'png' | 'jpeg';

/**
 * Decodes the image and returns the text of every QR code found (usually 0 or 1), deduplicated.
 *
 * Throws MalformedInputError, with a sentence for the person who dropped the file, when the
 * image is damaged or larger than `limits` allow (checked from the header, before decoding).
 * An image with no QR code is not an error: the answer is an empty list.
 */
export function findQrCodes(bytes: Uint8Array, kind: RasterKind, limits: IntakeLimits): string[] {
  // A JPEG is decoded straight to the size the search halves it to: a phone photo in a tenth of the time.
  const image = kind === 'png' ? decodePngGray(bytes, limits) : decodeJpegGray(bytes, limits, qrFineSide);
  return findQrCodesInGray(image);
}
