import * as zlib from 'node:zlib';

/**
 * CRC-32 (ISO-HDLC, as PNG uses): zlib's native one where the runtime has it (Node 20.15+,
 * every Electron we ship), else a table-driven fallback. `previous` continues a CRC over
 * earlier bytes, as zlib's does: crc32(b, crc32(a)) is the CRC of a followed by b.
 */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

const table = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  table[n] = c >>> 0;
}

export function crc32(data: Uint8Array, previous = 0): number {
  if (nativeCrc32) return nativeCrc32(data, previous) >>> 0;
  let crc = (previous ^ 0xffffffff) >>> 0;
  for (const byte of data) crc = (table[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
