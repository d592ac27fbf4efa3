import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * JPEG decoding with libjpeg-turbo compiled to WebAssembly (the module @cwasm/jpeg-turbo
 * ships; its JavaScript wrapper is not used, for the reasons below).
 *
 * - Speed: about seven times faster than jpeg-js at full size, and it can decode straight
 *   to 1/2, 1/4 or 1/8 of the size (libjpeg's scaled inverse DCT) and to grey (the luma
 *   channel alone), skipping most of the work. A 12-megapixel phone photo of a certificate
 *   takes about 0.1 s to reach the size the QR search uses, instead of 1.7 s with jpeg-js.
 * - Isolation: every image gets a fresh instance of the module, so the untrusted file is
 *   decoded in memory of its own, dropped afterwards. libjpeg reports a fatal error by
 *   longjmp; here that import throws, which unwinds out of the module, and the instance it
 *   leaves half-way is simply discarded (the package's wrapper keeps one instance for the
 *   whole process, and neither scales nor gives grey).
 * - Tolerance: warnings (a file cut short, a corrupt scan line) do not stop the decode; what
 *   is missing comes out grey, as with jpeg-js's tolerant mode.
 * - Returns undefined when it cannot decode the file (damaged, a conversion libjpeg-turbo
 *   does not make, such as CMYK to grey, or the module missing): the caller then tries
 *   jpeg-js, which reads the rest and words the error.
 */

export type JpegPixelFormat = 'gray' | 'rgb' | 'rgba';

export interface DecodedJpeg {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3 | 4;
  /** Rows of `width * channels` bytes, top to bottom. */
  readonly data: Uint8Array;
}

/** Scales libjpeg-turbo decodes to directly (1/n of each side) among those it offers. */
export type JpegScale = 1 | 2 | 4 | 8;

/** The greatest reduction whose long side is still at least `longSide`: for a caller that scales down to it by averaging. */
export function scaleKeepingAtLeast(longSide: number): (width: number, height: number) => JpegScale {
  return (width, height) => {
    let scale = 1;
    while (scale < 8 && Math.max(width, height) / (scale * 2) >= longSide) scale *= 2;
    return scale as JpegScale;
  };
}

/** The part of the WebAssembly API used here (the main process's type library has no DOM). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  readonly Module: new (code: Uint8Array) => WasmModule;
  readonly Instance: new (module: WasmModule, imports: object) => { readonly exports: unknown };
}
interface WasmModule {
  readonly compiled: unique symbol;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface TurboExports {
  readonly memory: WasmMemory;
  malloc(size: number): number;
  tjInitDecompress(): number;
  tjDecompressHeader3(handle: number, source: number, size: number, width: number, height: number, subsampling: number, colorspace: number): number;
  tjDecompress2(handle: number, source: number, size: number, target: number, width: number, pitch: number, height: number, format: number, flags: number): number;
}

/** TurboJPEG's pixel format codes (TJPF_*). */
const pixelFormats: Record<JpegPixelFormat, { code: number; channels: 1 | 3 | 4 }> = {
  rgb: { code: 0, channels: 3 },
  gray: { code: 6, channels: 1 },
  rgba: { code: 7, channels: 4 },
};

class LibjpegError extends Error {}

let compiled: WasmModule | null | undefined;

/** The compiled module, once per process; null when it cannot be loaded (jpeg-js then does the work). */
function turboModule(): WasmModule | null {
  if (compiled === undefined) {
    try {
      const require = createRequire(import.meta.url);
      compiled = new wasm.Module(readFileSync(require.resolve('@cwasm/jpeg-turbo/jpeg-turbo.wasm')));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/**
 * The WASI calls the C library may make, answered so that none reaches the file system, the
 * environment or the process: an empty environment (libjpeg asks for JPEGMEM), writes and
 * seeks that fail (ENOSYS), an exit that abandons the decode.
 */
function instantiate(module: WasmModule): TurboExports {
  // Set once the instance exists: the WASI calls below read and write its memory.
  const bound: { memory?: WasmMemory } = {};
  const noSuchCall = (): number => 52;
  const imports = {
    env: {
      // libjpeg's setjmp/longjmp error handling: setjmp marks nothing, longjmp abandons the decode.
      setjmp: (): number => 0,
      longjmp: (): never => {
        throw new LibjpegError('libjpeg-turbo could not decode the image');
      },
    },
    wasi_snapshot_preview1: {
      environ_sizes_get: (countAt: number, sizeAt: number): number => {
        if (!bound.memory) return noSuchCall();
        const view = new DataView(bound.memory.buffer);
        view.setUint32(countAt, 0, true);
        view.setUint32(sizeAt, 0, true);
        return 0;
      },
      environ_get: (): number => 0,
      fd_close: noSuchCall,
      fd_seek: noSuchCall,
      fd_write: noSuchCall,
      proc_exit: (): never => {
        throw new LibjpegError('libjpeg-turbo stopped');
      },
    },
  };
  const exports = new wasm.Instance(module, imports).exports as TurboExports;
  bound.memory = exports.memory;
  return exports;
}

/** The size libjpeg-turbo gives at 1/`scale` (TJSCALED: rounded up). */
function scaledSize(width: number, height: number, scale: JpegScale): { width: number; height: number } {
  return { width: Math.ceil(width / scale), height: Math.ceil(height / scale) };
}

/**
 * Decodes `bytes` at 1/`scale` of its size into `format` pixels; `scale` may be chosen from
 * the declared size. `maxPixels` bounds the declared size (read from the header before any
 * pixel is decoded).
 */
export function decodeJpegTurbo(
  bytes: Uint8Array,
  options: { format: JpegPixelFormat; scale?: JpegScale | ((width: number, height: number) => JpegScale); maxPixels: number },
): DecodedJpeg | undefined {
  const module = turboModule();
  if (!module || bytes.length === 0) return undefined;
  const { code, channels } = pixelFormats[options.format];
  try {
    const turbo = instantiate(module);
    const source = turbo.malloc(bytes.length);
    const header = turbo.malloc(16);
    const handle = turbo.tjInitDecompress();
    if (source === 0 || header === 0 || handle === 0) return undefined;
    new Uint8Array(turbo.memory.buffer, source, bytes.length).set(bytes);
    if (turbo.tjDecompressHeader3(handle, source, bytes.length, header, header + 4, header + 8, header + 12) !== 0) return undefined;
    const [width = 0, height = 0] = new Uint32Array(turbo.memory.buffer, header, 2);
    if (width === 0 || height === 0 || width * height > options.maxPixels) return undefined;
    const scale = typeof options.scale === 'function' ? options.scale(width, height) : (options.scale ?? 1);
    const size = scaledSize(width, height, scale);
    const length = size.width * size.height * channels;
    const target = turbo.malloc(length);
    if (target === 0) return undefined;
    // 0, or -1 after warnings with the image decoded as far as it goes; a fatal error throws.
    turbo.tjDecompress2(handle, source, bytes.length, target, size.width, size.width * channels, size.height, code, 0);
    // The memory may have grown during the decode: view it afresh, and copy out of it.
    const data = new Uint8Array(turbo.memory.buffer, target, length).slice();
    return { width: size.width, height: size.height, channels, data };
  } catch {
    // A longjmp (damaged data, an unsupported conversion) or the module running out of memory.
    return undefined;
  }
}
