import { msg } from '../../../shared/credential/verificationMessages';
import { hasPngSignature, readPngHeader as readAnyPngHeader, type PngHeader } from '../../images/pngFile';
import { MalformedInputError } from '../limits';

/**
 * Image dimensions read from the file header alone, so that an image declaring absurd
 * dimensions is refused before any decoder allocates a pixel buffer for it.
 */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

export type { PngHeader } from '../../images/pngFile';

/**
 * The PNG signature, then IHDR, which the format requires to be the first chunk, read by the
 * one PNG header reader (images/pngFile.ts); here each way it can fail gets its sentence.
 */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  if (bytes.length < 33 || !hasPngSignature(bytes)) {
    throw new MalformedInputError(msg('damaged.pngNoSignature'));
  }
  const header = readAnyPngHeader(bytes);
  if (!header) throw new MalformedInputError(msg('damaged.pngFirstChunk'));
  if (header.width === 0 || header.height === 0) {
    throw new MalformedInputError(msg('damaged.pngZeroSize'));
  }
  return header;
}

function uint16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
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
    throw new MalformedInputError(msg('damaged.jpegNoStart'));
  }
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) {
      throw new MalformedInputError(msg('damaged.jpegSegments'));
    }
    // Any number of 0xFF fill bytes may precede a marker.
    while (bytes[at] === 0xff) at += 1;
    const marker = bytes[at];
    if (marker === undefined) break;
    at += 1;
    // Markers that stand alone, with no length: TEM and RST0–RST7.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (marker === 0xd9 || marker === 0xda) {
      throw new MalformedInputError(msg('damaged.jpegDataEarly'));
    }
    const length = uint16(bytes, at);
    if (length < 2 || at + length > bytes.length) break;
    if (isStartOfFrame(marker)) {
      if (length < 8) break;
      const height = uint16(bytes, at + 3);
      const width = uint16(bytes, at + 5);
      if (width === 0 || height === 0) {
        // A height of 0 defers it to a DNL marker after the first scan: legal but vanishingly rare.
        throw new MalformedInputError(msg('damaged.jpegNoSize'));
      }
      return { width, height };
    }
    at += length;
  }
  throw new MalformedInputError(msg('damaged.jpegCutShort'));
}
