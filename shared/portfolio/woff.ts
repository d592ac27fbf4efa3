import { unzlibSync } from 'fflate';

/**
 * WOFF 1 to plain sfnt (TrueType/OpenType), once per font file.
 *
 * @pdf-lib/fontkit reads WOFF, but inflates the whole `glyf` table again for every glyph it
 * touches (about 45 ms a glyph for Noto Sans SC) and pdf-lib embeds non-subset fonts as the
 * raw file, which for WOFF is not a valid PDF font. Unpacked once here, every later step
 * reads plain tables. WOFF2 (Brotli, transformed glyf) is refused: fontkit's subsetter writes
 * broken glyphs from it (and fails asynchronously, beyond any try/catch).
 */

const cache = new WeakMap<Uint8Array, Uint8Array>();

export type FontFileKind = 'sfnt' | 'woff' | 'woff2' | 'collection' | 'unknown';

export function fontFileKind(bytes: Uint8Array): FontFileKind {
  const tag = String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0, bytes[2] ?? 0, bytes[3] ?? 0);
  if (tag === 'wOFF') return 'woff';
  if (tag === 'wOF2') return 'woff2';
  if (tag === 'ttcf') return 'collection';
  if (tag === 'OTTO' || tag === 'true' || (bytes[0] === 0 && bytes[1] === 1 && bytes[2] === 0 && bytes[3] === 0)) return 'sfnt';
  return 'unknown';
}

export class FontFileError extends Error {}

/** The font as a plain sfnt: unchanged for TrueType/OpenType, unpacked for WOFF; throws FontFileError otherwise. */
export function toSfnt(bytes: Uint8Array): Uint8Array {
  const cached = cache.get(bytes);
  if (cached) return cached;
  const kind = fontFileKind(bytes);
  let result: Uint8Array;
  if (kind === 'sfnt') result = bytes;
  else if (kind === 'woff') result = unpackWoff(bytes);
  else if (kind === 'woff2') throw new FontFileError('WOFF2 fonts are not supported for PDF export: pass the .woff or .ttf file of the font.');
  else throw new FontFileError('This font file is neither TrueType, OpenType nor WOFF.');
  cache.set(bytes, result);
  return result;
}

function unpackWoff(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.length < 44) throw new FontFileError('This WOFF font is cut short.');
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  if (44 + numTables * 20 > woff.length) throw new FontFileError('This WOFF font is cut short.');
  const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    const tag = view.getUint32(entry);
    const offset = view.getUint32(entry + 4);
    const compLength = view.getUint32(entry + 8);
    const origLength = view.getUint32(entry + 12);
    const checksum = view.getUint32(entry + 16);
    if (offset + compLength > woff.length) throw new FontFileError('A table of this WOFF font lies outside the file.');
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? unzlibSync(stored, { out: new Uint8Array(origLength) }) : stored;
    if (data.length !== origLength) throw new FontFileError('A table of this WOFF font does not unpack to its stated size.');
    tables.push({ tag, checksum, data });
  }
  tables.sort((a, b) => a.tag - b.tag);
  const headerSize = 12 + numTables * 16;
  let size = headerSize;
  for (const table of tables) size += (table.data.length + 3) & ~3;
  const out = new Uint8Array(size);
  const outView = new DataView(out.buffer);
  let power = 1;
  let log2 = 0;
  while (power * 2 <= numTables) {
    power *= 2;
    log2++;
  }
  outView.setUint32(0, flavor);
  outView.setUint16(4, numTables);
  outView.setUint16(6, power * 16);
  outView.setUint16(8, log2);
  outView.setUint16(10, numTables * 16 - power * 16);
  let offset = headerSize;
  tables.forEach((table, index) => {
    const record = 12 + index * 16;
    outView.setUint32(record, table.tag);
    outView.setUint32(record + 4, table.checksum);
    outView.setUint32(record + 8, offset);
    outView.setUint32(record + 12, table.data.length);
    out.set(table.data, offset);
    offset += (table.data.length + 3) & ~3;
  });
  return out;
}
