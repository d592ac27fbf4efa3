import { Buffer as BufferPolyfill } from 'buffer/';

/**
 * The engine (written for node) uses Buffer throughout; the page gets the `buffer` package's,
 * as a global like node's, set before any engine module runs (this module is the worker's
 * first import). That package predates node's 'base64url' encoding, which JWTs and proofs use,
 * so it is added here over its base64 (whose decoder already reads the URL-safe alphabet).
 */
const originalFrom = BufferPolyfill.from.bind(BufferPolyfill) as (value: unknown, encodingOrOffset?: unknown, length?: number) => BufferPolyfill;
// Kept unbound on purpose: only ever called with .call on a Buffer below.
// eslint-disable-next-line @typescript-eslint/unbound-method
const originalToString = BufferPolyfill.prototype.toString;
const originalIsEncoding = BufferPolyfill.isEncoding.bind(BufferPolyfill);

Object.assign(BufferPolyfill, {
  from(value: unknown, encodingOrOffset?: unknown, length?: number): BufferPolyfill {
    if (typeof value === 'string' && encodingOrOffset === 'base64url') return originalFrom(value, 'base64');
    return originalFrom(value, encodingOrOffset, length);
  },
  isEncoding(encoding: string): boolean {
    return encoding === 'base64url' || originalIsEncoding(encoding);
  },
});

BufferPolyfill.prototype.toString = function toString(this: BufferPolyfill, encoding?: string, start?: number, end?: number): string {
  if (encoding === 'base64url') return originalToString.call(this, 'base64', start, end).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return originalToString.call(this, encoding, start, end);
};

const scope = globalThis as { Buffer?: unknown; process?: unknown; global?: unknown };
scope.Buffer ??= BufferPolyfill;
// Some packages look for node's `process.env` or `global`; the page gives them empty ones.
scope.process ??= { env: {}, versions: {}, browser: true, nextTick: (fn: () => void): void => void Promise.resolve().then(fn) };
scope.global ??= globalThis;

export { BufferPolyfill as Buffer };
