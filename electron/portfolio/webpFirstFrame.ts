/**
 * The first frame of an animated WebP, as a still WebP file libwebp's simple decoder reads
 * (it refuses animations): an animated badge prints as it first appears, as a GIF does.
 *
 * An animated WebP is a RIFF file whose VP8X chunk has the animation flag, followed by ANIM
 * (background and loop count) and one ANMF chunk per frame; a frame holds its offset and size
 * and then the frame's own image chunks: an optional ALPH (alpha plane) and a VP8 (lossy) or
 * VP8L (lossless) bitstream. Those chunks, wrapped in a RIFF header of their own, are a still
 * WebP of the frame (https://developers.google.com/speed/webp/docs/riff_container).
 *
 * The file is untrusted: every length is checked against the bytes there are, and anything
 * that does not add up is undefined (the builder then draws a placeholder).
 */

interface Chunk {
  readonly fourcc: string;
  readonly data: Uint8Array;
}

export interface WebpFrame {
  /** A still WebP file holding only this frame. */
  readonly still: Uint8Array;
  /** Where the frame sits on the canvas, and its size, in pixels. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly canvasWidth: number;
  readonly canvasHeight: number;
}

const fourcc = (bytes: Uint8Array, at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
const uint24 = (bytes: Uint8Array, at: number): number => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16);

/** The chunks between `start` and `end`; undefined when one claims more bytes than there are. */
function readChunks(bytes: Uint8Array, start: number, end: number): Chunk[] | undefined {
  const chunks: Chunk[] = [];
  let at = start;
  while (at + 8 <= end) {
    const size = new DataView(bytes.buffer, bytes.byteOffset + at + 4, 4).getUint32(0, true);
    if (at + 8 + size > end) return undefined;
    chunks.push({ fourcc: fourcc(bytes, at), data: bytes.subarray(at + 8, at + 8 + size) });
    // Chunks are padded to an even length.
    at += 8 + size + (size % 2);
  }
  return chunks;
}

/** A RIFF WebP file of these chunks. */
function riff(chunks: readonly Chunk[]): Uint8Array {
  const length = 12 + chunks.reduce((sum, chunk) => sum + 8 + chunk.data.length + (chunk.data.length % 2), 0);
  const file = new Uint8Array(length);
  const view = new DataView(file.buffer);
  const text = (at: number, value: string): void => {
    // Four-letter ASCII codes: one byte each.
    for (let i = 0; i < value.length; i++) file[at + i] = value.charCodeAt(i);
  };
  text(0, 'RIFF');
  view.setUint32(4, length - 8, true);
  text(8, 'WEBP');
  let at = 12;
  for (const chunk of chunks) {
    text(at, chunk.fourcc);
    view.setUint32(at + 4, chunk.data.length, true);
    file.set(chunk.data, at + 8);
    at += 8 + chunk.data.length + (chunk.data.length % 2);
  }
  return file;
}

/** The VP8X chunk of a still picture with an alpha plane, `width` x `height` pixels. */
function stillHeader(width: number, height: number): Chunk {
  const data = new Uint8Array(10);
  data[0] = 0x10; // alpha
  data.set([(width - 1) & 0xff, ((width - 1) >> 8) & 0xff, ((width - 1) >> 16) & 0xff], 4);
  data.set([(height - 1) & 0xff, ((height - 1) >> 8) & 0xff, ((height - 1) >> 16) & 0xff], 7);
  return { fourcc: 'VP8X', data };
}

/** The first frame of an animated WebP; undefined for a still one, or one that is damaged. */
export function firstWebpFrame(bytes: Uint8Array): WebpFrame | undefined {
  if (bytes.length < 12 || fourcc(bytes, 0) !== 'RIFF' || fourcc(bytes, 8) !== 'WEBP') return undefined;
  const declared = new DataView(bytes.buffer, bytes.byteOffset + 4, 4).getUint32(0, true);
  const chunks = readChunks(bytes, 12, Math.min(bytes.length, 8 + declared));
  const [header] = chunks ?? [];
  if (!chunks || header?.fourcc !== 'VP8X' || header.data.length < 10 || ((header.data[0] ?? 0) & 0x02) === 0) return undefined;
  const frame = chunks.find((chunk) => chunk.fourcc === 'ANMF');
  if (!frame || frame.data.length < 16) return undefined;
  const parts = readChunks(frame.data, 16, frame.data.length);
  const bitstream = parts?.find((chunk) => chunk.fourcc === 'VP8 ' || chunk.fourcc === 'VP8L');
  if (!parts || !bitstream) return undefined;
  const alpha = parts.find((chunk) => chunk.fourcc === 'ALPH');
  const width = uint24(frame.data, 6) + 1;
  const height = uint24(frame.data, 9) + 1;
  // A lossless frame carries its own alpha; a lossy one with an ALPH plane needs the extended header.
  const still = bitstream.fourcc === 'VP8 ' && alpha ? riff([stillHeader(width, height), alpha, bitstream]) : riff([bitstream]);
  return {
    still,
    x: uint24(frame.data, 0) * 2,
    y: uint24(frame.data, 3) * 2,
    width,
    height,
    canvasWidth: uint24(header.data, 4) + 1,
    canvasHeight: uint24(header.data, 7) + 1,
  };
}
