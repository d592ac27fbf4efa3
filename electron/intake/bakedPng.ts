import { msg } from '../../shared/credential/verificationMessages';
import { inflateSync } from 'node:zlib';
import { crc32 } from 'node:zlib';
import { formatBytes, MalformedInputError, type IntakeLimits } from './limits';
import { decodeUtf8 } from './safeJson';

/** The Open Badges keywords: 2.0 bakes `openbadges`, 3.0 bakes `openbadgecredential`. */
export type BakedKeyword = 'openbadges' | 'openbadgecredential';

export interface BakedPngText {
  readonly keyword: BakedKeyword;
  readonly chunkType: 'iTXt' | 'tEXt' | 'zTXt';
  readonly text: string;
  /**
   * The UTF-8 bytes `text` was decoded from, exactly (iTXt; a BOM, which decoding drops, left
   * out): hashing them gives the hash of the text without encoding it again. A view into the
   * file (or the inflated data), never a copy.
   */
  readonly utf8?: Uint8Array;
}

export interface PngScan {
  readonly width: number;
  readonly height: number;
  readonly baked: BakedPngText | null;
}

const latin1 = new TextDecoder('latin1');

/** The PNG signature, compared as two big-endian words: `\x89PNG` and `\r\n\x1a\n`. */
const signatureHigh = 0x89504e47;
const signatureLow = 0x0d0a1a0a;

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && readUint32(bytes, 0) === signatureHigh && readUint32(bytes, 4) === signatureLow;
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)) >>> 0;
}

/** Chunk types as big-endian words: compared as numbers, spelled out only for messages. */
const IHDR = 0x49484452;
const IEND = 0x49454e44;
const iTXt = 0x69545874;
const tEXt = 0x74455874;
const zTXt = 0x7a545874;

function chunkName(type: number): string {
  return String.fromCharCode(type >>> 24, (type >>> 16) & 0xff, (type >>> 8) & 0xff, type & 0xff);
}

/** A chunk's CRC covers its type, then its data: the type's part, worked out once. */
const typeCrcs = new Map([iTXt, tEXt, zTXt].map((type) => [type, crc32(Uint8Array.of(type >>> 24, (type >>> 16) & 0xff, (type >>> 8) & 0xff, type & 0xff))]));

/**
 * A view of `bytes` from `start` to `end`: a plain Uint8Array over the same memory, never a
 * copy (and, for a Buffer, none of Buffer's heavier subarray and indexOf machinery).
 */
function view(bytes: Uint8Array, start: number, end: number): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset + start, end - start);
}

function inflateBounded(data: Uint8Array, limits: IntakeLimits, where: string): Uint8Array {
  try {
    return inflateSync(data, { maxOutputLength: limits.maxInflatedBytes });
  } catch (error) {
    if (error instanceof RangeError) {
      throw new MalformedInputError(msg('damaged.inflateTooLarge', { limit: formatBytes(limits.maxInflatedBytes) }), where);
    }
    throw new MalformedInputError(msg('damaged.inflateDamaged'), where);
  }
}

const keywordBytes: readonly (readonly [BakedKeyword, Uint8Array])[] = (['openbadges', 'openbadgecredential'] as const).map((k) => [k, new TextEncoder().encode(k)]);

/**
 * Reads the keyword of a text chunk; null unless it is one of the Open Badges keywords.
 * Compared byte by byte: every chunk of every PNG passes here, and most are not badges.
 */
function badgeKeyword(data: Uint8Array): { keyword: BakedKeyword; end: number } | null {
  for (const [keyword, bytes] of keywordBytes) {
    const end = bytes.length;
    if (data.length <= end || data[end] !== 0) continue;
    let same = true;
    for (let i = 0; i < end && same; i++) same = data[i] === bytes[i];
    if (same) return { keyword, end };
  }
  return null;
}

function decodeBakedChunk(type: number, data: Uint8Array, found: { keyword: BakedKeyword; end: number }, limits: IntakeLimits): BakedPngText {
  const where = `PNG ${chunkName(type)} chunk "${found.keyword}"`;
  let at = found.end + 1;
  if (type === tEXt) {
    return { keyword: found.keyword, chunkType: 'tEXt', text: latin1.decode(data.subarray(at)) };
  }
  if (type === zTXt) {
    if (data[at] !== 0) throw new MalformedInputError(msg('damaged.compressionMethod'), where);
    return { keyword: found.keyword, chunkType: 'zTXt', text: latin1.decode(inflateBounded(data.subarray(at + 1), limits, where)) };
  }
  // iTXt: compression flag, method, language tag\0, translated keyword\0, UTF-8 text.
  const compressed = data[at] === 1;
  if (compressed && data[at + 1] !== 0) throw new MalformedInputError(msg('damaged.compressionMethod'), where);
  at += 2;
  const languageEnd = data.indexOf(0, at);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) throw new MalformedInputError(msg('damaged.textChunkShort'), where);
  const body = data.subarray(translatedEnd + 1);
  const utf8 = compressed ? inflateBounded(body, limits, where) : body;
  const text = decodeUtf8(utf8, where);
  // Strict decoding drops a leading BOM and nothing else: the rest is the text's UTF-8.
  const bom = utf8[0] === 0xef && utf8[1] === 0xbb && utf8[2] === 0xbf;
  return { keyword: found.keyword, chunkType: 'iTXt', text, utf8: bom ? utf8.subarray(3) : utf8 };
}

/**
 * What a PNG holds, from its chunk headers and keywords alone (no checksum, no decoding), for
 * a caller deciding where to read it (intake.ts): an Open Badges text chunk (`baked`), none
 * up to a proper end (`plain`), or a chunk structure that breaks off (`damaged`).
 */
export function pngKind(bytes: Uint8Array): 'baked' | 'plain' | 'damaged' {
  if (!isPng(bytes)) return 'damaged';
  for (let at = 8; at + 12 <= bytes.length;) {
    const length = readUint32(bytes, at);
    const type = readUint32(bytes, at + 4);
    const dataEnd = at + 8 + length;
    if (length > 0x7fffffff || dataEnd + 4 > bytes.length) return 'damaged';
    if (type === IEND) return 'plain';
    if ((type === iTXt || type === tEXt || type === zTXt) && badgeKeyword(view(bytes, at + 8, dataEnd))) return 'baked';
    at = dataEnd + 4;
  }
  return 'damaged';
}

/**
 * Walks the PNG's chunks once, skipping image data by length (no copy), and returns the
 * dimensions and the baked credential text if there is one. Checks the CRC of the chunks it
 * reads; two different baked credentials in one image are refused as ambiguous.
 */
export function scanPng(bytes: Uint8Array, limits: IntakeLimits): PngScan {
  if (!isPng(bytes)) throw new MalformedInputError(msg('damaged.notPng'));
  let at = 8;
  let width = 0;
  let height = 0;
  let baked: BakedPngText | null = null;
  let sawEnd = false;
  while (at + 12 <= bytes.length) {
    const length = readUint32(bytes, at);
    const type = readUint32(bytes, at + 4);
    const dataStart = at + 8;
    const dataEnd = dataStart + length;
    if (length > 0x7fffffff || dataEnd + 4 > bytes.length) {
      throw new MalformedInputError(msg('damaged.pngChunkPastEnd'), `PNG ${chunkName(type)} chunk`);
    }
    if (type === IHDR) {
      if (at !== 8 || length !== 13) throw new MalformedInputError(msg('damaged.pngNoHeader'), 'PNG IHDR chunk');
      width = readUint32(bytes, dataStart);
      height = readUint32(bytes, dataStart + 4);
    } else if (type === iTXt || type === tEXt || type === zTXt) {
      const data = view(bytes, dataStart, dataEnd);
      const found = badgeKeyword(data);
      if (found) {
        if (crc32(data, typeCrcs.get(type) ?? crc32(view(bytes, at + 4, dataStart))) !== readUint32(bytes, dataEnd)) {
          throw new MalformedInputError(msg('damaged.pngChecksum'), `PNG ${chunkName(type)} chunk`);
        }
        const decoded = decodeBakedChunk(type, data, found, limits);
        if (baked && (decoded.text !== baked.text || decoded.keyword !== baked.keyword)) {
          throw new MalformedInputError(msg('damaged.pngTwoBadges'));
        }
        baked ??= decoded;
      }
    } else if (type === IEND) {
      sawEnd = true;
      break;
    }
    at = dataEnd + 4;
  }
  if (width === 0 || height === 0) throw new MalformedInputError(msg('damaged.pngNoHeader'), 'PNG IHDR chunk');
  if (!sawEnd && !baked) throw new MalformedInputError(msg('damaged.pngNoEnd'));
  return { width, height, baked };
}
