/**
 * SHA-256 through WebCrypto (`globalThis.crypto.subtle`), a web standard present in Node 20,
 * Electron's renderer and browsers alike: shared/ may use it, unlike `node:crypto`.
 */
interface SubtleDigest {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
}

function subtle(): SubtleDigest {
  const found = (globalThis as unknown as { crypto?: { subtle?: SubtleDigest } }).crypto?.subtle;
  if (!found) throw new Error('SHA-256 needs WebCrypto (globalThis.crypto.subtle), which this runtime lacks.');
  return found;
}

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', bytes));
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(await sha256(bytes));
}
