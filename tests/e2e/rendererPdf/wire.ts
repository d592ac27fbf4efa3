import { base64ToBytes, bytesToBase64 } from '../../../shared/encoding/base64';

/**
 * The portfolio input as text for page.evaluate, and back: JSON with byte arrays as
 * {"$bytes": base64} and dates as {"$date": ISO 8601}. Used by the spec (Node) to send the
 * credentials and by the test page (Chromium) to return the PDF.
 */

function encode(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: bytesToBase64(value) };
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)]));
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.$bytes === 'string') return base64ToBytes(record.$bytes);
    if (typeof record.$date === 'string') return new Date(record.$date);
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, decode(item)]));
  }
  return value;
}

export function toWire(value: unknown): string {
  return JSON.stringify(encode(value));
}

export function fromWire(text: string): unknown {
  return decode(JSON.parse(text));
}
