import { Gunzip, Inflate, Unzlib, zlibSync } from 'fflate';

/**
 * node:zlib for the verifier page, on fflate: the synchronous inflates the engine and intake
 * use (status lists are gzip, PNG chunks zlib, zip entries raw DEFLATE) and crc32. Like node's,
 * each honours `maxOutputLength`, stopping as soon as the output passes it, so a compression
 * bomb in a dropped file is refused in the browser exactly as in the app.
 */
interface InflateOptions {
  readonly maxOutputLength?: number;
}

interface Streaming {
  push(chunk: Uint8Array, final?: boolean): void;
}

function bounded(make: (onData: (chunk: Uint8Array) => void) => Streaming, data: Uint8Array, options: InflateOptions = {}): Buffer {
  const limit = options.maxOutputLength ?? Number.MAX_SAFE_INTEGER;
  const parts: Uint8Array[] = [];
  let total = 0;
  const stream = make((chunk) => {
    total += chunk.length;
    // Node says RangeError (ERR_BUFFER_TOO_LARGE): callers treat it as any other refusal.
    if (total > limit) throw new RangeError(`Cannot create a Buffer larger than ${String(limit)} bytes`);
    parts.push(chunk);
  });
  stream.push(data, true);
  return Buffer.concat(parts, total);
}

export function gunzipSync(data: Uint8Array, options?: InflateOptions): Buffer {
  return bounded((onData) => new Gunzip(onData), data, options);
}

export function inflateSync(data: Uint8Array, options?: InflateOptions): Buffer {
  return bounded((onData) => new Unzlib(onData), data, options);
}

export function inflateRawSync(data: Uint8Array, options?: InflateOptions): Buffer {
  return bounded((onData) => new Inflate(onData), data, options);
}

/** zlib-wrapped DEFLATE (PNG data, as images/pngFile.ts writes it). */
export function deflateSync(data: Uint8Array, options: { level?: number } = {}): Buffer {
  const level = Math.min(9, Math.max(0, options.level ?? 6)) as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  return Buffer.from(zlibSync(data, { level }));
}

let table: Uint32Array | undefined;

/** CRC-32 (ISO 3309, as PNG uses), continuing from `initial` like node's zlib.crc32. */
export function crc32(data: Uint8Array | string, initial = 0): number {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = (initial ^ 0xffffffff) >>> 0;
  for (const byte of bytes) crc = ((table[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)) >>> 0;
  return (crc ^ 0xffffffff) >>> 0;
}

export default { deflateSync, gunzipSync, inflateSync, inflateRawSync, crc32 };
