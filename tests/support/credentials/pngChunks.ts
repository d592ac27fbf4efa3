// A PNG chunk encoder of our own (PNG 1.2 §5, §11.3.4): baking is a few bytes of framing, and
// writing them here keeps the factory independent of whatever PNG code the app uses. Text
// chunk layouts: tEXt = keyword 0 text; zTXt = keyword 0 method zlib(text);
// iTXt = keyword 0 flag method language 0 translated-keyword 0 text(UTF-8, zlib if flag = 1).
import { deflateSync } from 'node:zlib';
import { crc32 } from './crc32';

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

const latin1 = (text: string, what: string): Uint8Array => {
  // tEXt/zTXt text and every keyword are Latin-1 by definition; refuse rather than mangle.
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) throw new RangeError(`${what} must be Latin-1: ${JSON.stringify(text.slice(0, 40))}`);
    bytes[i] = code;
  }
  return bytes;
};

function keywordBytes(keyword: string): Uint8Array {
  if (keyword.length < 1 || keyword.length > 79) throw new RangeError(`PNG text keyword must have 1-79 characters, got ${String(keyword.length)}`);
  return latin1(keyword, 'A PNG keyword');
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** length(4, big-endian) type(4) data CRC-32(type + data). */
export function encodeChunk(type: string, data: Uint8Array): Uint8Array {
  if (!/^[A-Za-z]{4}$/.test(type)) throw new RangeError(`Not a PNG chunk type: ${type}`);
  const typeBytes = latin1(type, 'A chunk type');
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(typeBytes, 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(concat(typeBytes, data)));
  return chunk;
}

/** iTXt data; `compressed` sets the compression flag and deflates the UTF-8 text. */
export function itxtData(keyword: string, text: string, compressed = false): Uint8Array {
  const utf8 = new TextEncoder().encode(text);
  const body = compressed ? new Uint8Array(deflateSync(utf8)) : utf8;
  // keyword NUL, compression flag, compression method (0 = zlib), empty language tag NUL,
  // empty translated keyword NUL, text.
  return concat(keywordBytes(keyword), Uint8Array.of(0, compressed ? 1 : 0, 0, 0, 0), body);
}

export function textData(keyword: string, text: string): Uint8Array {
  return concat(keywordBytes(keyword), Uint8Array.of(0), latin1(text, 'tEXt text'));
}

export function ztxtData(keyword: string, text: string): Uint8Array {
  return concat(keywordBytes(keyword), Uint8Array.of(0, 0), new Uint8Array(deflateSync(latin1(text, 'zTXt text'))));
}

export type ChunkPosition = 'afterIHDR' | 'beforeIEND';

/**
 * Returns a copy of `png` with `chunk` inserted right after IHDR (where bakers put it) or right
 * before IEND (also legal; some bakers do it). The PNG must start with the signature and IHDR.
 */
export function insertChunk(png: Uint8Array, chunk: Uint8Array, position: ChunkPosition = 'afterIHDR'): Uint8Array {
  if (png.length < 8 + 12 || !PNG_SIGNATURE.every((byte, i) => png[i] === byte)) throw new Error('Not a PNG: signature missing');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const firstType = String.fromCharCode(...png.subarray(12, 16));
  if (firstType !== 'IHDR') throw new Error(`Not a PNG: first chunk is ${firstType}, not IHDR`);
  let at: number;
  if (position === 'afterIHDR') {
    at = 8 + 12 + view.getUint32(8);
  } else {
    at = png.length - 12;
    if (String.fromCharCode(...png.subarray(at + 4, at + 8)) !== 'IEND') throw new Error('PNG does not end with IEND');
  }
  return concat(png.subarray(0, at), chunk, png.subarray(at));
}
