import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as WebpDecoderApi from '@jsquash/webp/decode.js';
import type * as ResvgApi from '@resvg/resvg-wasm';
import { GifReader } from 'omggif';
import { imageSize } from '../../shared/portfolio/imageFormat';
import { toSfnt } from '../../shared/portfolio/woff';
import type { PixelRows } from '../images/pngFile';
import { fontFiles } from './fontFiles';
import { firstWebpFrame } from './webpFirstFrame';

/**
 * Pixels for the badge pictures Node cannot otherwise draw, so that a PDF built outside the
 * window (the command line) prints the picture, never its initials, whenever one exists:
 *
 * - SVG through resvg (WebAssembly): it has no file system and no network, and an `<image>`
 *   pointing elsewhere is left unresolved (nothing is fetched: `resolveImage` is never
 *   called), text is set in the bundled Noto Sans only (no system fonts), and the output is
 *   scaled so its longer side is the target's: an SVG claiming a huge size costs no more.
 * - GIF through omggif (pure JavaScript): the first frame, as a still picture shows it.
 * - WebP through libwebp (@jsquash/webp, WebAssembly): a still WebP, and an animated one by
 *   its first frame (webpFirstFrame.ts lifts it out as a still WebP: libwebp's still decoder
 *   refuses animations), as a GIF.
 *
 * Every file is untrusted: sizes are read from the header and refused above `maxPixels`
 * before a decoder allocates, an SVG above `maxSvgBytes` is not parsed, and any failure is
 * undefined (the builder then draws a placeholder). These run in the command line's process,
 * which has no window to keep responsive; the desktop app draws them in the renderer
 * (renderer/src/portfolio/prepareImage.ts), and its card thumbnails keep such files as they
 * are for the window's own decoder, so the main process never runs them.
 */

/** An SVG at most this large is drawn; a badge's picture is a few hundred kilobytes at most. */
export const maxSvgBytes = 4 * 1024 * 1024;

const requireHere = createRequire(import.meta.url);

/** The WebAssembly API used here (the main process's type library has no DOM). */
interface WasmApi {
  readonly Module: new (code: Uint8Array) => object;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

type ResvgModule = typeof ResvgApi;

/**
 * A WebAssembly library, loaded and compiled from the package's own .wasm file once per process
 * on first use; null when it cannot be (the builder draws placeholders).
 */
function onceLoaded<T>(load: (compile: (wasmFile: string) => object) => Promise<T>): () => Promise<T | null> {
  let loaded: Promise<T | null> | undefined;
  const compile = (wasmFile: string): object => new wasm.Module(readFileSync(requireHere.resolve(wasmFile)));
  return () => (loaded ??= load(compile).catch(() => null));
}

/** resvg, initialised once per process. */
const loadResvg = onceLoaded<ResvgModule>(async (compile) => {
  const module = await import('@resvg/resvg-wasm');
  await module.initWasm(compile('@resvg/resvg-wasm/index_bg.wasm'));
  return module;
});

let svgFonts: Uint8Array[] | undefined;

/** Noto Sans regular and bold (Latin), as resvg reads them (it takes TrueType, not WOFF). */
function bundledFonts(): Uint8Array[] {
  svgFonts ??= [...fontFiles.regular.slice(0, 1), ...fontFiles.bold.slice(0, 1)].map(([pkg, name]) => {
    const dir = requireHere.resolve(`${pkg}/package.json`).replace(/package\.json$/, 'files/');
    return toSfnt(new Uint8Array(readFileSync(dir + name)));
  });
  return svgFonts;
}

const fontOptions = (): { fontBuffers: Uint8Array[]; defaultFontFamily: string; sansSerifFamily: string; serifFamily: string } => ({
  fontBuffers: bundledFonts(),
  defaultFontFamily: 'Noto Sans',
  sansSerifFamily: 'Noto Sans',
  serifFamily: 'Noto Sans',
});

/** An SVG drawn with its longer side `longSide` pixels, as RGBA rows (transparent where it draws nothing). */
export async function rasteriseSvg(bytes: Uint8Array, longSide: number): Promise<PixelRows | undefined> {
  if (bytes.length > maxSvgBytes) return undefined;
  const module = await loadResvg();
  if (!module) return undefined;
  try {
    // Parsed once to learn its proportions, then drawn at the size wanted on its longer side.
    const probe = new module.Resvg(bytes, { font: fontOptions() });
    const wide = probe.width >= probe.height;
    probe.free();
    const renderer = new module.Resvg(bytes, { font: fontOptions(), fitTo: wide ? { mode: 'width', value: longSide } : { mode: 'height', value: longSide } });
    try {
      const image = renderer.render();
      const { width, height } = image;
      const data = image.pixels;
      image.free();
      if (width === 0 || height === 0 || data.length !== width * height * 4) return undefined;
      return { width, height, channels: 4, data, offset: 0, rowStride: width * 4 };
    } finally {
      renderer.free();
    }
  } catch {
    return undefined;
  }
}

/** A GIF's first frame as RGBA rows (an animated badge prints as it first appears). */
export function decodeGifFirstFrame(bytes: Uint8Array, maxPixels: number): PixelRows | undefined {
  const size = imageSize(bytes);
  if (!size || size.width * size.height > maxPixels) return undefined;
  try {
    const reader = new GifReader(bytes);
    if (reader.numFrames() < 1 || reader.width !== size.width || reader.height !== size.height) return undefined;
    const data = new Uint8Array(reader.width * reader.height * 4);
    reader.decodeAndBlitFrameRGBA(0, data);
    return { width: reader.width, height: reader.height, channels: 4, data, offset: 0, rowStride: reader.width * 4 };
  } catch {
    return undefined;
  }
}

type WebpDecode = (buffer: ArrayBuffer) => Promise<{ width: number; height: number; data: Uint8ClampedArray }>;

/**
 * libwebp's decoder. Required (Node 20.19+ and 22.12+ require ES modules), not imported: the CLI's command
 * bundle is CommonJS, where a bundler's import() of a package takes its default export to be the
 * whole module, and Node 20's import() fails in code run from V8's code cache (build/cliBundle.js).
 */
const loadWebp = onceLoaded<WebpDecode>(async (compile) => {
  const module = requireHere('@jsquash/webp/decode.js') as typeof WebpDecoderApi;
  await module.init(compile('@jsquash/webp/codec/dec/webp_dec.wasm'));
  return module.default;
});

/** A WebP as RGBA rows, an animated one by its first frame; undefined for one too large or damaged. */
export async function decodeWebp(bytes: Uint8Array, maxPixels: number): Promise<PixelRows | undefined> {
  const size = imageSize(bytes);
  if (!size || size.width * size.height > maxPixels) return undefined;
  const decode = await loadWebp();
  if (!decode) return undefined;
  const frame = firstWebpFrame(bytes);
  // A still picture is decoded whole; an animation's first frame is placed on its canvas.
  const still = frame ? { bytes: frame.still, width: frame.width, height: frame.height } : { bytes, ...size };
  try {
    const image = await decode(still.bytes.slice().buffer);
    if (image.width !== still.width || image.height !== still.height || image.data.length !== image.width * image.height * 4) return undefined;
    const data = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.length);
    if (!frame) return { width: image.width, height: image.height, channels: 4, data, offset: 0, rowStride: image.width * 4 };
    if (frame.canvasWidth !== size.width || frame.canvasHeight !== size.height) return undefined;
    // Transparent where the first frame does not reach; a frame running past the canvas is cut at its edge.
    const canvas = new Uint8Array(size.width * size.height * 4);
    const across = Math.max(0, Math.min(frame.width, size.width - frame.x));
    for (let row = 0; row < frame.height && frame.y + row < size.height; row++) {
      canvas.set(data.subarray(row * frame.width * 4, (row * frame.width + across) * 4), ((frame.y + row) * size.width + frame.x) * 4);
    }
    return { width: size.width, height: size.height, channels: 4, data: canvas, offset: 0, rowStride: size.width * 4 };
  } catch {
    return undefined;
  }
}
