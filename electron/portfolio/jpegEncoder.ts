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

/** Annex K.1 example quantisation tables, row-major (kept as 8x8 grids, as the standard prints them). */
// prettier-ignore
const lumaQuant = [
  16, 11, 10, 16, 24, 40, 51, 61,
  12, 12, 14, 19, 26, 58, 60, 55,
  14, 13, 16, 24, 40, 57, 69, 56,
  14, 17, 22, 29, 51, 87, 80, 62,
  18, 22, 37, 56, 68, 109, 103, 77,
  24, 35, 55, 64, 81, 104, 113, 92,
  49, 64, 78, 87, 103, 121, 120, 101,
  72, 92, 95, 98, 112, 100, 103, 99,
];
// prettier-ignore
const chromaQuant = [
  17, 18, 24, 47, 99, 99, 99, 99,
  18, 21, 26, 66, 99, 99, 99, 99,
  24, 26, 56, 99, 99, 99, 99, 99,
  47, 66, 99, 99, 99, 99, 99, 99,
  ...(Array(32).fill(99) as number[]),
];

/** A Huffman table as DHT carries it: how many codes of each length 1-16, then the symbols in code order. */
interface HuffmanSpec {
  readonly counts: readonly number[];
  readonly symbols: readonly number[];
}

/** Bytes as the standard prints them, two hex digits each. */
function fromHex(hex: string): number[] {
  return Array.from(Buffer.from(hex, 'hex'));
}

/** Annex K.3 tables. The AC symbols are (run << 4 | size) pairs; 0x00 ends a block, 0xF0 skips 16 zeros. */
export const standardTables: { readonly dcLuma: HuffmanSpec; readonly acLuma: HuffmanSpec; readonly dcChroma: HuffmanSpec; readonly acChroma: HuffmanSpec } = {
  dcLuma: { counts: [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], symbols: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
  dcChroma: { counts: [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0], symbols: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
  acLuma: {
    counts: [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d],
    symbols: fromHex(
      '01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a' +
        '737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9fa',
    ),
  },
  acChroma: {
    counts: [0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77],
    symbols: fromHex(
      '000102031104052131061241510761711322328108144291a1b1c109233352f0156272d10a162434e125f11718191a262728292a35363738393a434445464748494a535455565758595a63646566676869' +
        '6a737475767778797a82838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae2e3e4e5e6e7e8e9eaf2f3f4f5f6f7f8f9fa',
    ),
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

/**
 * The first butterfly's outputs, kept in doubles as plain locals would be (a Float32Array would
 * round them and change the bytes). Read back into locals: destructuring a typed array is slow here.
 */
const t = new Float64Array(8);

/** Forward DCT of one 8x8 block in place (rows, then columns): the float AAN algorithm. */
function forwardDct(block: Float32Array): void {
  for (let pass = 0; pass < 2; pass++) {
    // Rows step 1 within a line and 8 between lines; columns the other way round.
    const step = pass === 0 ? 1 : 8;
    const stride = pass === 0 ? 8 : 1;
    for (let line = 0; line < 8; line++) {
      const o = line * stride;
      // First butterfly: each sample with its mirror (0 with 7, 1 with 6...), sums in t[0..3], differences in t[7..4].
      for (let k = 0; k < 4; k++) {
        const near = block[o + k * step] ?? 0;
        const far = block[o + (7 - k) * step] ?? 0;
        t[k] = near + far;
        t[7 - k] = near - far;
      }
      const t0 = t[0] ?? 0;
      const t1 = t[1] ?? 0;
      const t2 = t[2] ?? 0;
      const t3 = t[3] ?? 0;
      const t4 = t[4] ?? 0;
      const t5 = t[5] ?? 0;
      const t6 = t[6] ?? 0;
      const t7 = t[7] ?? 0;
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
