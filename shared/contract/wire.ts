import { base64ToBytes, bytesToBase64 } from '../encoding/base64';

/**
 * The harness carries contract calls as JSON over loopback HTTP. JSON has no bytes, so a
 * Uint8Array travels as `{"$bytes": "<base64>"}` and comes back as a Uint8Array: the same
 * values Electron's structured clone would deliver.
 */
const bytesTag = '$bytes';

/** Whether any byte array sits in the value: most answers (a 10,000-credential listing) carry none. */
function holdsBytes(value: unknown, depth = 0): boolean {
  if (value instanceof Uint8Array) return true;
  if (typeof value !== 'object' || value === null) return false;
  if (depth > 64) return true; // too deep to look through: the replacer's way is always right
  if (Array.isArray(value)) return value.some((item) => holdsBytes(item, depth + 1));
  for (const key in value) if (holdsBytes((value as Record<string, unknown>)[key], depth + 1)) return true;
  return false;
}

export function toWire(value: unknown): string {
  // A replacer is called for every value, which doubles the cost of a large listing.
  if (!holdsBytes(value)) return JSON.stringify(value);
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
