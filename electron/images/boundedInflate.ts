import { Inflate } from 'fflate';

/**
 * Deflate decompression that never holds much more than `maxBytes` of output, however
 * small the input: a few kilobytes of deflate can claim gigabytes (ratios above 1000:1).
 *
 * fflate's streaming inflater produces output per push, so the input is fed in small
 * pieces and the running total checked after each; one piece can add at most about
 * 1032 x `pieceSize` bytes beyond the limit before it is noticed.
 */
export type InflateResult = { readonly kind: 'inflated'; readonly bytes: Uint8Array } | { readonly kind: 'too-large' } | { readonly kind: 'damaged'; readonly detail: string };

/**
 * What to do past `maxBytes`: `refuse` the stream (an attachment, which must be whole), or
 * `truncate` it and return the first `maxBytes` bytes (image samples, of which exactly that
 * many are needed and anything after is padding or an attack).
 */
export type ExcessPolicy = 'refuse' | 'truncate';

const pieceSize = 4096;

class EnoughOutput extends Error {}

/**
 * The zlib wrapper (RFC 1950) is skipped by hand rather than with fflate's Unzlib: PDF
 * writers in the wild omit the Adler-32 trailer, add bytes after it, or write bare
 * deflate, and pdf.js and Acrobat read all of those. The deflate data ends itself.
 */
function deflateBody(compressed: Uint8Array): Uint8Array | string {
  const first = compressed[0] ?? 0;
  const second = compressed[1] ?? 0;
  const isZlib = compressed.length >= 2 && (first & 0x0f) === 8 && first >> 4 <= 7 && ((first << 8) | second) % 31 === 0;
  if (!isZlib) return compressed;
  if ((second & 0x20) !== 0) return 'it needs a preset dictionary';
  return compressed.subarray(2);
}

export function inflateBounded(compressed: Uint8Array, maxBytes: number, policy: ExcessPolicy): InflateResult {
  const body = deflateBody(compressed);
  if (typeof body === 'string') return { kind: 'damaged', detail: body };
  const pieces: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((piece) => {
    pieces.push(piece);
    total += piece.length;
    if (total > maxBytes) throw new EnoughOutput();
  });
  try {
    for (let at = 0; at < body.length || at === 0; at += pieceSize) {
      inflater.push(body.subarray(at, at + pieceSize), at + pieceSize >= body.length);
    }
  } catch (error) {
    if (!(error instanceof EnoughOutput)) {
      return { kind: 'damaged', detail: error instanceof Error ? error.message : 'the compressed data is damaged' };
    }
  }
  if (total > maxBytes && policy === 'refuse') return { kind: 'too-large' };
  const size = Math.min(total, maxBytes);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const piece of pieces) {
    if (offset >= size) break;
    const part = piece.subarray(0, size - offset);
    bytes.set(part, offset);
    offset += part.length;
  }
  return { kind: 'inflated', bytes };
}
