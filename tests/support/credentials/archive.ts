// ZIP archives a learner might import (a backpack export, a folder of badges) and hostile ones
// for robustness tests. Ordinary archives are written with fflate's zipSync: the app uses
// fflate only to read, and a writer bug would show as an unreadable archive, not a false pass.
// Archives fflate cannot express (lying sizes, duplicate names, gigabyte bombs) go through
// zipWriter.ts; switching makeZip to another writer (e.g. yazl) touches only makeZip.
import * as zlib from 'node:zlib';
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { crc32 } from './crc32';
import { storedEntry, writeZip } from './zipWriter';

export interface ZipEntryInput {
  name: string;
  bytes: Uint8Array | string;
}

const toBytes = (bytes: Uint8Array | string): Uint8Array => (typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);

/** A ZIP of `entries` (deflated, level 6 unless told). Names are used verbatim, slashes and all. */
export function makeZip(entries: readonly ZipEntryInput[], options: { level?: 0 | 1 | 6 | 9 } = {}): Uint8Array {
  const zippable: Zippable = {};
  for (const entry of entries) {
    if (Object.hasOwn(zippable, entry.name)) throw new Error(`makeZip: duplicate entry ${entry.name} (use makeZipWithDuplicateNames)`);
    zippable[entry.name] = toBytes(entry.bytes);
  }
  // mtime fixed so the same entries give the same bytes.
  return zipSync(zippable, { level: options.level ?? 6, mtime: new Date('2024-01-01T00:00:00Z') });
}

/** A ZIP holding `outerEntries` plus another ZIP (`innerName`) of `innerEntries`. */
export function makeNestedZip(innerEntries: readonly ZipEntryInput[], options: { innerName?: string; outerEntries?: readonly ZipEntryInput[] } = {}): Uint8Array {
  return makeZip([...(options.outerEntries ?? []), { name: options.innerName ?? 'inner.zip', bytes: makeZip(innerEntries) }]);
}

/** `depth` ZIPs inside each other (depth 1 = a plain ZIP of `innermost`). */
export function makeDeeplyNestedZip(depth: number, innermost: ZipEntryInput = { name: 'credential.json', bytes: '{"note":"innermost entry"}' }): Uint8Array {
  if (!Number.isInteger(depth) || depth < 1) throw new RangeError('depth must be a positive integer');
  let archive = makeZip([innermost]);
  for (let level = depth - 1; level >= 1; level--) archive = makeZip([{ name: `level-${String(level + 1)}.zip`, bytes: archive }]);
  return archive;
}

/** Entry names that try to escape an extraction folder. */
export const TRAVERSAL_NAMES = ['../../evil.json', '/abs.json', 'C:\\x.json', 'badges/../../../escape.json'] as const;

/** A ZIP whose entries are named to climb out of the destination (`../`, absolute, drive letter). */
export function makeZipWithTraversalNames(content = '{"type":"Assertion","note":"should never be written outside the wallet"}'): Uint8Array {
  return makeZip(TRAVERSAL_NAMES.map((name) => ({ name, bytes: content })));
}

/** Two entries with the same name and different content (zipSync cannot; zipWriter can). */
export function makeZipWithDuplicateNames(name = 'badge.json', first = '{"copy":1}', second = '{"copy":2}'): Uint8Array {
  return writeZip([storedEntry(name, first), storedEntry(name, second)]);
}

export interface ZipBombOptions {
  /** Entry name; `bomb.json` (its content is a valid JSON object, padded with spaces). */
  name?: string;
  /** Headers claim this uncompressed size instead of the true one (e.g. 100). */
  declaredUncompressedSize?: number;
}

const SEGMENT = 1 << 20;

/** zlib.crc32 (native, Node >= 20.15) for the bulk; our table CRC where it is missing. */
function bulkCrc32(bytes: Uint8Array, previous: number): number {
  const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  return native ? native(bytes, previous) : crc32(bytes, previous);
}

/**
 * One highly compressible entry that inflates to `uncompressedBytes` (about 1000:1). It is built
 * without ever holding the inflated content: one 1 MiB segment of spaces is deflated with a sync
 * flush (byte-aligned, no back-references outside itself) and repeated, so a gigabyte bomb costs
 * about a megabyte of memory.
 */
export function makeZipBomb(uncompressedBytes: number, options: ZipBombOptions = {}): Uint8Array {
  const prefix = new TextEncoder().encode('{"type":"zip-bomb","padding":"');
  const suffix = new TextEncoder().encode('"}');
  const padding = uncompressedBytes - prefix.length - suffix.length;
  if (!Number.isSafeInteger(uncompressedBytes) || padding < 0) throw new RangeError(`A zip bomb needs at least ${String(prefix.length + suffix.length)} bytes`);
  if (uncompressedBytes > 0xfffffffe) throw new RangeError('makeZipBomb writes no ZIP64: stay under 4 GiB');
  const sync = { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const spaces = new Uint8Array(SEGMENT).fill(0x20);
  const fullSegments = Math.floor(padding / SEGMENT);
  const rest = spaces.subarray(0, padding % SEGMENT);
  const segmentDeflated = zlib.deflateRawSync(spaces, sync);

  const parts: Uint8Array[] = [zlib.deflateRawSync(prefix, sync)];
  let crc = bulkCrc32(prefix, 0);
  for (let i = 0; i < fullSegments; i++) {
    parts.push(segmentDeflated);
    crc = bulkCrc32(spaces, crc);
  }
  if (rest.length > 0) {
    parts.push(zlib.deflateRawSync(rest, sync));
    crc = bulkCrc32(rest, crc);
  }
  parts.push(zlib.deflateRawSync(suffix, { level: 9 })); // the final block
  crc = bulkCrc32(suffix, crc);

  const data = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    data.set(part, at);
    at += part.length;
  }
  return writeZip([
    {
      name: options.name ?? 'bomb.json',
      data,
      method: 8,
      crc32: crc,
      uncompressedSize: uncompressedBytes,
      ...(options.declaredUncompressedSize === undefined ? {} : { declaredUncompressedSize: options.declaredUncompressedSize }),
    },
  ]);
}
