// A tiny seeded generator (mulberry32): image noise and ids must be reproducible from a seed so
// that benchmarks and golden comparisons see the same bytes on every run and every machine.

export type RandomSource = () => number;

/** Returns a function giving uniformly distributed 32-bit unsigned integers for `seed`. */
export function seededUint32(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** `length` seeded pseudo-random bytes. */
export function seededBytes(length: number, seed: number): Uint8Array {
  const next = seededUint32(seed);
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 4) {
    const value = next();
    for (let j = 0; j < 4 && i + j < length; j++) bytes[i + j] = (value >>> (8 * j)) & 0xff;
  }
  return bytes;
}

/** An RFC 4122 version-4 shaped `urn:uuid:` derived from a seed (random when no seed is given). */
export function urnUuid(seed?: number): string {
  if (seed === undefined) return `urn:uuid:${crypto.randomUUID()}`;
  const bytes = seededBytes(16, seed);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Buffer.from(bytes).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
