import { base64ToBytes, bytesToBase64 } from '../encoding/base64';

/**
 * The harness carries contract calls as JSON over loopback HTTP. JSON has no bytes, so a
 * Uint8Array travels as `{"$bytes": "<base64>"}` and comes back as a Uint8Array: the same
 * values Electron's structured clone would deliver.
 */
const bytesTag = '$bytes';

export function toWire(value: unknown): string {
  // The replacer looks at the holder's own value: JSON.stringify has already applied
  // toJSON() to `v`, which turns a Node Buffer (a Uint8Array) into {type, data}.
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const original = this[key];
    return original instanceof Uint8Array ? { [bytesTag]: bytesToBase64(original) } : v;
  });
}

export function fromWire(text: string): unknown {
  // A reviver visits every value: a 10,000-credential listing has no bytes and skips it.
  if (!text.includes(`"${bytesTag}":`)) return JSON.parse(text);
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const record = v as Record<string, unknown>;
      const encoded = record[bytesTag];
      if (typeof encoded === 'string' && Object.keys(record).length === 1) return base64ToBytes(encoded);
    }
    return v;
  });
}
