// openbadges-bakery 1.0.5 writes PNG chunks through streampng 0.1.7 and bitwriter 0.0.5, which
// predate Buffers being Uint8Arrays: a BitWriter "is" a Buffer by prototype only, so on Node >= 4
// setting its `length` is silently dropped, and Buffer#copy / Buffer.concat reject it. Reading
// (extract) is unaffected; baking a PNG throws an uncaught TypeError inside a callback.
//
// These three patches make a BitWriter keep its own length and hand its backing Buffer to
// copy/concat. Chunk layout, text encoding and CRC stay the bakery's own (streampng's code and
// its buffer-crc32), so the baker remains independent of ours. They touch only bitwriter and
// streampng's chunk output, which nothing else loads, and are applied once, on first bake.
import { createRequire } from 'node:module';
import path from 'node:path';

interface BitWriterInstance {
  _buffer: Buffer;
  position(): number;
  move(amount: number): unknown;
}

interface StreamPngOutput {
  length: BitWriterInstance;
  type: Buffer;
  data: BitWriterInstance;
  result?: Buffer;
}

interface StreamPngModule {
  Chunk: { iTXt(fields: { keyword: string; text: string }): { _outputPrepare(length: number): StreamPngOutput } };
}

let patched = false;

export function patchOpenBadgesBakeryForModernNode(): void {
  if (patched) return;
  const require = createRequire(import.meta.url);
  const bakeryDir = path.dirname(require.resolve('openbadges-bakery/package.json'));
  const streampngDir = path.dirname(require.resolve('streampng/package.json', { paths: [bakeryDir] }));
  const fromStreampng = (id: string): unknown => require(require.resolve(id, { paths: [streampngDir] }));

  const BitWriter = fromStreampng('bitwriter') as { prototype: object };
  for (const property of ['length', 'parent', 'offset', 'pool']) {
    const slot = Symbol(property);
    Object.defineProperty(BitWriter.prototype, property, {
      configurable: true,
      get(this: Record<symbol, unknown>) {
        return this[slot];
      },
      set(this: Record<symbol, unknown>, value: unknown) {
        this[slot] = value;
      },
    });
  }
  Object.defineProperty(BitWriter.prototype, '_copyBuffer', {
    configurable: true,
    writable: true,
    value: function copyBuffer(this: BitWriterInstance, source: Buffer) {
      source.copy(this._buffer, this.position());
      this.move(source.length);
      return this;
    },
  });

  const crc32 = fromStreampng('buffer-crc32') as (data: Buffer) => Buffer;
  const streampng = require(path.join(streampngDir, 'index.js')) as StreamPngModule;
  const outputPrototype = Object.getPrototypeOf(streampng.Chunk.iTXt({ keyword: 'probe', text: '' })._outputPrepare(0)) as object;
  Object.defineProperty(outputPrototype, 'done', {
    configurable: true,
    writable: true,
    value: function done(this: StreamPngOutput, callback?: (result: Buffer) => unknown) {
      const data = this.data._buffer;
      this.result = Buffer.concat([this.length._buffer, this.type, data, crc32(Buffer.concat([this.type, data]))]);
      return callback ? callback(this.result) : this.result;
    },
  });
  patched = true;
}
