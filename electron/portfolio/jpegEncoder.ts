/**
 * A baseline JPEG encoder (ITU-T T.81, JFIF 1.01) for the portfolio's print thumbnails.
 *
 * Why not jpeg-js: its encoder rebuilds every table (including two 65,536-entry lookup arrays)
 * on each call, about 25 ms and a burst of garbage per thumbnail, and collects output in a JS
 * array. Here the tables are built once per quality and reused, samples live in typed arrays,
 * and chroma is subsampled 4:2:0 (as libjpeg does by default): half the blocks to transform and
 * a third smaller files, invisible at print size.
 *
 * Scope: 8-bit RGB or RGBA input (alpha ignored: callers flatten first), Huffman tables from
 * the standard's Annex K, the float AAN forward DCT, quality scaled as in the IJG library.
 */

/** Position in the 8x8 block (row-major) of each coefficient in zig-zag order. */
const zigzag: Uint8Array = (() => {
  const order = new Uint8Array(64);
  let i = 0;
  for (let sum = 0; sum <= 14; sum++) {
    // Even diagonals run bottom-left to top-right, odd ones top-right to bottom-left.
    const rows: number[] = [];
    for (let row = Math.max(0, sum - 7); row <= Math.min(7, sum); row++) rows.push(row);
    if (sum % 2 === 0) rows.reverse();
    for (const row of rows) order[i++] = row * 8 + (sum - row);
  }
  return order;
})();

/** Annex K.1 example quantisation tables, row-major. */
const lumaQuant = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104,
  113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const chromaQuant = [
  17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99, ...(Array(32).fill(99) as number[]),
];

/** A Huffman table as DHT carries it: how many codes of each length 1-16, then the symbols in code order. */
interface HuffmanSpec {
  readonly counts: readonly number[];
  readonly symbols: readonly number[];
}

/** Annex K.3 tables. The AC symbols are (run << 4 | size) pairs; 0x00 ends a block, 0xF0 skips 16 zeros. */
export const standardTables: { readonly dcLuma: HuffmanSpec; readonly acLuma: HuffmanSpec; readonly dcChroma: HuffmanSpec; readonly acChroma: HuffmanSpec } = {
  dcLuma: { counts: [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], symbols: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
  dcChroma: { counts: [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0], symbols: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
  acLuma: {
    counts: [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d],
    symbols: [
      0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07, 0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1,
      0xf0, 0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46,
      0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84,
      0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7,
      0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9,
      0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
    ],
  },
  acChroma: {
    counts: [0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77],
    symbols: [
      0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21, 0x31, 0x06, 0x12, 0x41, 0x51, 0x07, 0x61, 0x71, 0x13, 0x22, 0x32, 0x81, 0x08, 0x14, 0x42, 0x91, 0xa1, 0xb1, 0xc1, 0x09, 0x23, 0x33, 0x52,
      0xf0, 0x15, 0x62, 0x72, 0xd1, 0x0a, 0x16, 0x24, 0x34, 0xe1, 0x25, 0xf1, 0x17, 0x18, 0x19, 0x1a, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45,
      0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x82,
      0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5,
      0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8,
      0xe9, 0xea, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
    ],
  },
};

/** Code and length of every symbol (Annex C: canonical codes, counting up within each length). */
interface HuffmanCodes {
  readonly code: Uint16Array;
  readonly length: Uint8Array;
}

function huffmanCodes(spec: HuffmanSpec): HuffmanCodes {
  const code = new Uint16Array(256);
  const length = new Uint8Array(256);
  let next = 0;
  let k = 0;
  for (let bits = 1; bits <= 16; bits++) {
    for (let n = 0; n < (spec.counts[bits - 1] ?? 0); n++) {
      const symbol = spec.symbols[k++] ?? 0;
      code[symbol] = next++;
      length[symbol] = bits;
    }
    next <<= 1;
  }
  return { code, length };
}

const codes = {
  dcLuma: huffmanCodes(standardTables.dcLuma),
  acLuma: huffmanCodes(standardTables.acLuma),
  dcChroma: huffmanCodes(standardTables.dcChroma),
  acChroma: huffmanCodes(standardTables.acChroma),
};

/** AAN scale factors: the float DCT below leaves coefficient (u, v) multiplied by 8·s[u]·s[v]. */
const aanScale = [1, 1.387039845, 1.306562965, 1.175875602, 1, 0.785694958, 0.5411961, 0.275899379];

interface QualityTables {
  /** DQT contents (zig-zag order). */
  readonly lumaTable: Uint8Array;
  readonly chromaTable: Uint8Array;
  /** Per natural-order coefficient: 1 / (quantiser · AAN scale), so quantising is one multiply. */
  readonly lumaDivisors: Float32Array;
  readonly chromaDivisors: Float32Array;
}

const tablesByQuality = new Map<number, QualityTables>();

function qualityTables(quality: number): QualityTables {
  let tables = tablesByQuality.get(quality);
  if (tables) return tables;
  const scale = quality < 50 ? Math.floor(5000 / quality) : 200 - quality * 2;
  const build = (base: readonly number[]): { table: Uint8Array; divisors: Float32Array } => {
    const table = new Uint8Array(64);
    const divisors = new Float32Array(64);
    for (let i = 0; i < 64; i++) {
      const natural = zigzag[i] ?? 0;
      const q = Math.min(255, Math.max(1, Math.floor(((base[natural] ?? 1) * scale + 50) / 100)));
      table[i] = q;
      divisors[natural] = 1 / (q * (aanScale[natural >> 3] ?? 1) * (aanScale[natural & 7] ?? 1) * 8);
    }
    return { table, divisors };
  };
  const luma = build(lumaQuant);
  const chroma = build(chromaQuant);
  tables = { lumaTable: luma.table, chromaTable: chroma.table, lumaDivisors: luma.divisors, chromaDivisors: chroma.divisors };
  tablesByQuality.set(quality, tables);
  return tables;
}

/** Forward DCT of one 8x8 block in place (rows, then columns): the float AAN algorithm. */
function forwardDct(block: Float32Array): void {
  for (let pass = 0; pass < 2; pass++) {
    // Rows step 1 within a line and 8 between lines; columns the other way round.
    const step = pass === 0 ? 1 : 8;
    const stride = pass === 0 ? 8 : 1;
    for (let line = 0; line < 8; line++) {
      const o = line * stride;
      const d0 = block[o] ?? 0;
      const d1 = block[o + step] ?? 0;
      const d2 = block[o + 2 * step] ?? 0;
      const d3 = block[o + 3 * step] ?? 0;
      const d4 = block[o + 4 * step] ?? 0;
      const d5 = block[o + 5 * step] ?? 0;
      const d6 = block[o + 6 * step] ?? 0;
      const d7 = block[o + 7 * step] ?? 0;
      const t0 = d0 + d7;
      const t7 = d0 - d7;
      const t1 = d1 + d6;
      const t6 = d1 - d6;
      const t2 = d2 + d5;
      const t5 = d2 - d5;
      const t3 = d3 + d4;
      const t4 = d3 - d4;
      // Even part.
      const e10 = t0 + t3;
      const e13 = t0 - t3;
      const e11 = t1 + t2;
      const e12 = t1 - t2;
      block[o] = e10 + e11;
      block[o + 4 * step] = e10 - e11;
      const z1 = (e12 + e13) * 0.707106781;
      block[o + 2 * step] = e13 + z1;
      block[o + 6 * step] = e13 - z1;
      // Odd part.
      const o10 = t4 + t5;
      const o11 = t5 + t6;
      const o12 = t6 + t7;
      const z5 = (o10 - o12) * 0.382683433;
      const z2 = 0.5411961 * o10 + z5;
      const z4 = 1.306562965 * o12 + z5;
      const z3 = o11 * 0.707106781;
      const z11 = t7 + z3;
      const z13 = t7 - z3;
      block[o + 5 * step] = z13 + z2;
      block[o + 3 * step] = z13 - z2;
      block[o + step] = z11 + z4;
      block[o + 7 * step] = z11 - z4;
    }
  }
}

/** Entropy-coded output with 0xFF byte stuffing, grown as needed. */
class BitWriter {
  bytes = new Uint8Array(16 * 1024);
  length = 0;
  private buffer = 0;
  private bits = 0;

  reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Appends marker-segment bytes as they are (only between entropy-coded segments). */
  raw(data: readonly number[]): void {
    this.reserve(data.length);
    for (const byte of data) this.bytes[this.length++] = byte;
  }

  /** Writes the low `count` bits of `value` (count ≤ 16). */
  write(value: number, count: number): void {
    this.buffer = ((this.buffer << count) | (value & ((1 << count) - 1))) >>> 0;
    this.bits += count;
    while (this.bits >= 8) {
      this.bits -= 8;
      const byte = (this.buffer >>> this.bits) & 0xff;
      this.bytes[this.length++] = byte;
      if (byte === 0xff) this.bytes[this.length++] = 0;
    }
    this.buffer &= (1 << this.bits) - 1;
  }

  /** Pads the last byte with 1 bits, as the standard asks before a marker. */
  flush(): void {
    if (this.bits > 0) this.write(0x7f, 8 - this.bits);
  }
}

export interface RawImage {
  readonly width: number;
  readonly height: number;
  /** 3 (RGB) or 4 (RGBA, alpha ignored) bytes per pixel, rows packed. */
  readonly channels: 3 | 4;
  readonly data: Uint8Array;
}

function segment(marker: number, body: readonly number[] | Uint8Array): number[] {
  const length = body.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...body];
}

function huffmanSegmentBody(tableClass: number, id: number, spec: HuffmanSpec): number[] {
  return [(tableClass << 4) | id, ...spec.counts, ...spec.symbols];
}

function headers(width: number, height: number, tables: QualityTables): number[] {
  const jfif = [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  return [
    0xff,
    0xd8,
    ...segment(0xe0, jfif),
    ...segment(0xdb, [0, ...tables.lumaTable, 1, ...tables.chromaTable]),
    // SOF0: 8-bit, three components; luma sampled 2x2 (4:2:0), chroma 1x1.
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]),
    ...segment(0xc4, [
      ...huffmanSegmentBody(0, 0, standardTables.dcLuma),
      ...huffmanSegmentBody(1, 0, standardTables.acLuma),
      ...huffmanSegmentBody(0, 1, standardTables.dcChroma),
      ...huffmanSegmentBody(1, 1, standardTables.acChroma),
    ]),
    ...segment(0xda, [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]),
  ];
}

/**
 * Y, Cb and Cr planes, padded to whole 16x16 macroblocks by repeating the last row and column
 * (padding with a flat colour would ring at the image's edge). Chroma is averaged over 2x2.
 */
function colourPlanes(image: RawImage): { y: Float32Array; cb: Float32Array; cr: Float32Array; lumaWidth: number; lumaHeight: number } {
  const lumaWidth = Math.ceil(image.width / 16) * 16;
  const lumaHeight = Math.ceil(image.height / 16) * 16;
  const y = new Float32Array(lumaWidth * lumaHeight);
  const cbFull = new Float32Array(lumaWidth * lumaHeight);
  const crFull = new Float32Array(lumaWidth * lumaHeight);
  const { data, channels, width, height } = image;
  for (let row = 0; row < lumaHeight; row++) {
    const sourceRow = Math.min(row, height - 1) * width;
    for (let column = 0; column < lumaWidth; column++) {
      const at = (sourceRow + Math.min(column, width - 1)) * channels;
      const r = data[at] ?? 0;
      const g = data[at + 1] ?? 0;
      const b = data[at + 2] ?? 0;
      const o = row * lumaWidth + column;
      // JFIF's YCbCr, level-shifted by -128 so that the DCT works on values centred on 0.
      y[o] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
      cbFull[o] = -0.168735892 * r - 0.331264108 * g + 0.5 * b;
      crFull[o] = 0.5 * r - 0.418687589 * g - 0.081312411 * b;
    }
  }
  const chromaWidth = lumaWidth / 2;
  const cb = new Float32Array(chromaWidth * (lumaHeight / 2));
  const cr = new Float32Array(chromaWidth * (lumaHeight / 2));
  for (let row = 0; row < lumaHeight / 2; row++) {
    for (let column = 0; column < chromaWidth; column++) {
      const a = row * 2 * lumaWidth + column * 2;
      const o = row * chromaWidth + column;
      cb[o] = ((cbFull[a] ?? 0) + (cbFull[a + 1] ?? 0) + (cbFull[a + lumaWidth] ?? 0) + (cbFull[a + lumaWidth + 1] ?? 0)) / 4;
      cr[o] = ((crFull[a] ?? 0) + (crFull[a + 1] ?? 0) + (crFull[a + lumaWidth] ?? 0) + (crFull[a + lumaWidth + 1] ?? 0)) / 4;
    }
  }
  return { y, cb, cr, lumaWidth, lumaHeight };
}

/** Bits needed for |value| (the JPEG "size category"). */
const category = (value: number): number => 32 - Math.clz32(value < 0 ? -value : value);

/**
 * Encodes `image` as a baseline JFIF JPEG at `quality` (1-100, 82 is a good print default).
 * Throws a RangeError for dimensions a JPEG cannot carry.
 */
export function encodeJpeg(image: RawImage, quality: number): Uint8Array {
  const { width, height } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 65_535 || height > 65_535) {
    throw new RangeError(`A JPEG cannot be ${String(width)}x${String(height)} pixels.`);
  }
  if (image.data.length < width * height * image.channels) throw new RangeError('The pixel data is shorter than the image size says.');
  const tables = qualityTables(Math.min(100, Math.max(1, Math.round(quality))));
  const { y, cb, cr, lumaWidth, lumaHeight } = colourPlanes(image);
  const chromaWidth = lumaWidth / 2;
  const out = new BitWriter();
  out.raw(headers(width, height, tables));
  const block = new Float32Array(64);
  const quantised = new Int32Array(64);
  const predictors = [0, 0, 0];

  const encodeBlock = (plane: Float32Array, planeWidth: number, left: number, top: number, component: number): void => {
    for (let row = 0; row < 8; row++) {
      const from = (top + row) * planeWidth + left;
      for (let column = 0; column < 8; column++) block[row * 8 + column] = plane[from + column] ?? 0;
    }
    forwardDct(block);
    const luma = component === 0;
    const divisors = luma ? tables.lumaDivisors : tables.chromaDivisors;
    for (let i = 0; i < 64; i++) {
      const natural = zigzag[i] ?? 0;
      quantised[i] = Math.round((block[natural] ?? 0) * (divisors[natural] ?? 0));
    }
    const dcCodes = luma ? codes.dcLuma : codes.dcChroma;
    const acCodes = luma ? codes.acLuma : codes.acChroma;
    // DC: the difference from the previous block of the same component.
    const dc = quantised[0] ?? 0;
    const diff = dc - (predictors[component] ?? 0);
    predictors[component] = dc;
    const dcSize = category(diff);
    out.write(dcCodes.code[dcSize] ?? 0, dcCodes.length[dcSize] ?? 0);
    // Negative values are sent as their ones' complement in `size` bits.
    if (dcSize > 0) out.write(diff < 0 ? diff - 1 : diff, dcSize);
    // AC: runs of zeros, then a value; 0xF0 stands for sixteen zeros, 0x00 for "all zero from here".
    let run = 0;
    for (let i = 1; i < 64; i++) {
      const value = quantised[i] ?? 0;
      if (value === 0) {
        run++;
        continue;
      }
      while (run > 15) {
        out.write(acCodes.code[0xf0] ?? 0, acCodes.length[0xf0] ?? 0);
        run -= 16;
      }
      const size = category(value);
      const symbol = (run << 4) | size;
      out.write(acCodes.code[symbol] ?? 0, acCodes.length[symbol] ?? 0);
      out.write(value < 0 ? value - 1 : value, size);
      run = 0;
    }
    if (run > 0) out.write(acCodes.code[0] ?? 0, acCodes.length[0] ?? 0);
  };

  for (let top = 0; top < lumaHeight; top += 16) {
    for (let left = 0; left < lumaWidth; left += 16) {
      // Six blocks of at most ~200 bytes each, doubled by stuffing in the worst case.
      out.reserve(6 * 512);
      encodeBlock(y, lumaWidth, left, top, 0);
      encodeBlock(y, lumaWidth, left + 8, top, 0);
      encodeBlock(y, lumaWidth, left, top + 8, 0);
      encodeBlock(y, lumaWidth, left + 8, top + 8, 0);
      encodeBlock(cb, chromaWidth, left / 2, top / 2, 1);
      encodeBlock(cr, chromaWidth, left / 2, top / 2, 2);
    }
  }
  out.flush();
  out.raw([0xff, 0xd9]);
  return out.bytes.slice(0, out.length);
}
