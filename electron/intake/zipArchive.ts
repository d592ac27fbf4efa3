import type { VerificationMessage } from '../../shared/credential/verification';
import { msg } from '../../shared/credential/verificationMessages';
import { inflateRawSync } from 'node:zlib';
import { formatBytes, MalformedInputError, type IntakeLimits } from './limits';

/** One member of an archive: its bytes, or why it was not read. */
export type ZipMember = { readonly name: string; readonly bytes: Uint8Array } | { readonly name: string; readonly problem: VerificationMessage };

const endOfCentralDirectory = 0x06054b50;
const centralHeader = 0x02014b50;
const localHeader = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/**
 * SECURITY: entry names are only labels here (nothing is written to disk), but a name that
 * climbs out of the archive or is absolute is still refused: it is never a real export.
 */
export function unsafeEntryName(name: string): boolean {
  return name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name) || name.split(/[/\\]/).includes('..') || name.includes('\0');
}

function findEndRecord(view: DataView): number {
  // The end record is at least 22 bytes and may be followed by a comment of up to 64 KiB.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === endOfCentralDirectory) return at;
  }
  throw new MalformedInputError(msg('damaged.zipNoDirectory'));
}

/**
 * Reads a zip archive from memory, bounded: at most `maxArchiveEntries` entries, each
 * inflated with a hard output cap, the total capped at `maxArchiveBytes`. Lying size fields
 * cannot get past the caps because the inflater itself is capped. Unsafe, encrypted, ZIP64
 * or oddly compressed entries are reported, not read; the rest of the archive still is.
 */
export function readZip(bytes: Uint8Array, limits: IntakeLimits): ZipMember[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw new MalformedInputError(msg('damaged.zipTooShort'));
  const end = findEndRecord(view);
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    throw new MalformedInputError(msg('damaged.zip64'));
  }
  if (count > limits.maxArchiveEntries) {
    throw new MalformedInputError(msg('damaged.zipManyEntries', { count, limit: limits.maxArchiveEntries }));
  }
  const members: ZipMember[] = [];
  const decoder = new TextDecoder('utf-8');
  let total = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== centralHeader) {
      throw new MalformedInputError(msg('damaged.zipBrokenDirectory'));
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const declaredSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;

    if (name.endsWith('/')) continue; // a folder entry
    const problem = (() => {
      if (unsafeEntryName(name)) return msg('damaged.entryOutside');
      if (flags & 1) return msg('damaged.entryEncrypted');
      if (method !== 0 && method !== 8) return msg('damaged.entryMethod', { method });
      if (compressedSize === 0xffffffff || declaredSize === 0xffffffff) return msg('damaged.entryZip64');
      if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== localHeader) {
        return msg('damaged.entryMissing');
      }
      return null;
    })();
    if (problem) {
      members.push({ name, problem });
      continue;
    }
    const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    if (data.length < compressedSize) {
      members.push({ name, problem: msg('damaged.entryCutShort') });
      continue;
    }
    const budget = Math.min(limits.maxInflatedBytes, limits.maxArchiveBytes - total);
    let content: Uint8Array;
    if (method === 0) {
      content = data;
    } else {
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (error) {
        members.push({
          name,
          problem: error instanceof RangeError ? msg('damaged.entryBomb', { limit: formatBytes(budget) }) : msg('damaged.entryDamaged'),
        });
        if (error instanceof RangeError && budget < limits.maxInflatedBytes) break;
        continue;
      }
    }
    if (content.length > budget) {
      members.push({ name, problem: msg('damaged.entryTooLarge', { limit: formatBytes(budget) }) });
      continue;
    }
    total += content.length;
    members.push({ name, bytes: content });
  }
  return members;
}
