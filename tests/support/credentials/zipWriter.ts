// A minimal ZIP writer (APPNOTE 6.3: local headers, central directory, end record; no ZIP64,
// no encryption) for archives fflate's zipSync cannot express: duplicate names, sizes that lie,
// and bombs too large to hold uncompressed in memory. Entries arrive already compressed.
import { crc32 } from './crc32';

export interface RawZipEntry {
  /** Name in the local header (UTF-8; flag bit 11 is set). */
  name: string;
  /** The stored bytes: raw DEFLATE data for method 8, the content itself for method 0. */
  data: Uint8Array;
  method: 0 | 8;
  /** CRC-32 of the uncompressed content. */
  crc32: number;
  uncompressedSize: number;
  /** Overrides what both headers claim the uncompressed size is (to lie about it). */
  declaredUncompressedSize?: number;
  /** Overrides the name in the central directory (to disagree with the local header). */
  centralName?: string;
}

/** A stored (method 0) entry for `content`. */
export function storedEntry(name: string, content: Uint8Array | string): RawZipEntry {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, data: bytes, method: 0, crc32: crc32(bytes), uncompressedSize: bytes.length };
}

// 1980-01-01 00:00:00, the DOS epoch: fixed so archives are byte-for-byte reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;

export function writeZip(entries: readonly RawZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const size = entry.declaredUncompressedSize ?? entry.uncompressedSize;
    if (entry.data.length > 0xfffffffe || size > 0xfffffffe) throw new RangeError('zipWriter writes no ZIP64: keep entries under 4 GiB');
    const name = encoder.encode(entry.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    lv.setUint16(6, UTF8_NAMES, true);
    lv.setUint16(8, entry.method, true);
    lv.setUint16(10, DOS_TIME, true);
    lv.setUint16(12, DOS_DATE, true);
    lv.setUint32(14, entry.crc32 >>> 0, true);
    lv.setUint32(18, entry.data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, 0, true);
    local.set(name, 30);

    const centralNameBytes = entry.centralName === undefined ? name : encoder.encode(entry.centralName);
    const central = new Uint8Array(46 + centralNameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true); // version made by: 2.0, MS-DOS attributes
    cv.setUint16(6, 20, true);
    cv.setUint16(8, UTF8_NAMES, true);
    cv.setUint16(10, entry.method, true);
    cv.setUint16(12, DOS_TIME, true);
    cv.setUint16(14, DOS_DATE, true);
    cv.setUint32(16, entry.crc32 >>> 0, true);
    cv.setUint32(20, entry.data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, centralNameBytes.length, true);
    // extra length, comment length, disk number, internal and external attributes: all 0
    cv.setUint32(42, offset, true);
    central.set(centralNameBytes, 46);

    locals.push(local, entry.data);
    centrals.push(central);
    offset += local.length + entry.data.length;
  }
  const centralSize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);

  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
