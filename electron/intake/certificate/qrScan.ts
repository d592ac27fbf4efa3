import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  BINARIZERS,
  CHARACTER_SETS,
  defaultReaderOptions,
  EAN_ADD_ON_SYMBOLS,
  encodeFormats,
  prepareZXingModule,
  purgeZXingModule,
  TEXT_MODES,
  type ZXingReaderOptions,
  type ZXingReadResult,
  type ZXingVector,
} from 'zxing-wasm/reader';
import { grayFromRgba, halveGray, type GrayImage } from './grayImage';

/*
 * Finding QR codes in decoded pixels, with zxing-cpp compiled to WebAssembly (zxing-wasm).
 *
 * zxing-cpp finds every code in one pass (finder patterns grouped per code), binarizes
 * locally, and tries inverted, rotated and downscaled copies by itself, so the image is
 * handed over once, as the grey pixels the decoders produce: no copies cleaned here, no
 * quarters, no painting out found codes, all of which jsQR 1.4 (one code per call, its time
 * growing with every black/white change, so grain cost seconds) needed around it.
 * Measured on 2026-12-07, zxing-wasm 3.1.8 (this file) against jsQR 1.4.0 behind those
 * workarounds, on the same decoded grey pixels, medians of 5 interleaved runs on a shared,
 * loaded 2-core machine: both found the same 32 codes (the corpus's QR picture, the
 * bench's 16 certificate scans and its 12- and 16-megapixel pictures, the 12 pictures the
 * unit tests draw or put in PDFs) and none on the 2 pictures without one; zxing was faster
 * on every picture: 165 ms instead of 3.6 s for the 16 scans, 63 ms instead of 0.43 s for
 * the phone photo, 0.35 s instead of 0.66 s for the 16-megapixel scan (halving it to 2000 px
 * is most of both), 0.13 s instead of 1.4 s for a page of pure noise.
 *
 * Bounds: a picture is searched at most `qrFineSide` pixels on its long side (halved by
 * averaging until it fits, which also calms grain). zxing's time grows with the pixels it
 * is given, and far less with what they show than jsQR's: a 2048 x 2048 page of random
 * noise, the worst found, took 0.4-0.7 s on that machine, about three times a blank page.
 * So the work per picture is bounded by its size, and a document with many pictures shares
 * an allowance of pixels (QrScanBudget). At most `maxCodesPerImage` codes are read from one
 * picture.
 *
 * The package's readBarcodes() is asynchronous on every call, while the intake's readers
 * are synchronous; so the module is instantiated once, when this file is first imported
 * (intake imports the QR readers lazily and awaits qrReaderReady() before the first picture),
 * from the .wasm file inside the package, never from the CDN the package would use by
 * default, and each picture is then read through the module's own pixmap entry
 * (readBarcodesFromPixmap: grey pixels in its memory, encoded options) as readBarcodes
 * does it inside. That entry is typed but marked internal by the package: its version is
 * pinned in package.json, and qrCodes.test.ts fails when a different one is installed.
 */

/** The long side of the finest copy searched: a decoder may stop there (rasterDecode.ts). */
export const qrFineSide = 2048;
/** A version 1 code is 21 modules wide; smaller cannot hold one. */
const minSide = 21;
const maxCodesPerImage = 4;
/** One picture's allowance, in pixels searched: one full-size copy. */
const imageBudget = qrFineSide * qrFineSide;

/** The zxing-wasm version whose internal pixmap entry this file was written against. */
export const zxingWasmVersion = '3.1.8';

/** The part of the Emscripten module used here. */
interface PixmapReader {
  readonly HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(pointer: number): void;
  readBarcodesFromPixmap(pointer: number, width: number, height: number, options: ZXingReaderOptions): ZXingVector<ZXingReadResult>;
}

/** QR codes only (zxing's 'QRCode' also covers Micro QR and rMQR), trying hard, as readBarcodes encodes its options. */
const readerOptions: ZXingReaderOptions = {
  ...defaultReaderOptions,
  formats: encodeFormats(['QRCode']),
  binarizer: BINARIZERS.indexOf('LocalAverage'),
  eanAddOnSymbol: EAN_ADD_ON_SYMBOLS.indexOf('Ignore'),
  textMode: TEXT_MODES.indexOf('HRI'),
  characterSet: CHARACTER_SETS.indexOf('Unknown'),
  tryHarder: true,
  tryInvert: true,
  tryRotate: true,
  tryDownscale: true,
  maxNumberOfSymbols: maxCodesPerImage,
  returnErrors: false,
};

const wasmFile = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');

/** A fresh instance of the module, from the package's own .wasm file (no network). */
async function loadReader(): Promise<PixmapReader> {
  const bytes = readFileSync(wasmFile);
  purgeZXingModule();
  const module = await prepareZXingModule({
    overrides: { wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    fireImmediately: true,
  });
  return module as unknown as PixmapReader;
}

let reader: PixmapReader | undefined;

/*
 * The first instance is made as this module loads. It is not awaited at the top level (the CLI's
 * bundle is CommonJS, which has no top-level await, so that V8 can keep its compiled code):
 * callers await qrReaderReady() before the first search.
 */
let firstLoaded = false;
const firstReader = loadReader().then((loaded) => {
  reader = loaded;
  firstLoaded = true;
});
// Handled here too, so a failure is not an unhandled rejection before anyone has asked.
firstReader.catch(() => undefined);

/** Resolves when the reader can search pictures; rejects if zxing-wasm could not be loaded. */
export function qrReaderReady(): Promise<void> {
  return firstReader;
}

/**
 * Reading is third-party code run on pixels from an untrusted file: should zxing ever throw
 * or abort (an aborted instance is unusable), that picture has no code found, and the next
 * picture gets a fresh instance once it is ready.
 */
function replaceReader(): void {
  reader = undefined;
  loadReader().then(
    (fresh) => {
      reader = fresh;
    },
    () => undefined,
  );
}

function readCodes(image: GrayImage): string[] {
  const current = reader;
  // Searching before the first reader is ready is a caller's mistake, not "no code on this picture".
  if (!firstLoaded) throw new Error('QR search before qrReaderReady() resolved');
  if (!current) return [];
  const found = new Set<string>();
  try {
    const pointer = current._malloc(image.data.length);
    if (pointer === 0) return [];
    // HEAPU8 is read after malloc: growing the memory replaces it.
    current.HEAPU8.set(image.data, pointer);
    const results = current.readBarcodesFromPixmap(pointer, image.width, image.height, readerOptions);
    for (let index = 0; index < results.size(); index += 1) {
      const result = results.get(index);
      if (result?.isValid && result.text !== '') found.add(result.text);
    }
    results.delete();
    current._free(pointer);
  } catch {
    replaceReader();
    return [];
  }
  return [...found];
}

function longSide(image: { width: number; height: number }): number {
  return Math.max(image.width, image.height);
}

/**
 * Pixels allowed for searching. One image gets `imageBudget`; a document with many images
 * (a PDF) shares one allowance among them, so that fifty images cost no more than a few.
 */
export class QrScanBudget {
  constructor(private remaining: number) {}

  static forOneImage(): QrScanBudget {
    return new QrScanBudget(imageBudget);
  }

  static forImages(count: number): QrScanBudget {
    return new QrScanBudget(imageBudget * count);
  }

  get exhausted(): boolean {
    return this.remaining <= 0;
  }

  take(cost: number): boolean {
    if (cost > this.remaining) return false;
    this.remaining -= cost;
    return true;
  }
}

/** Text of every QR code found in a greyscale image, deduplicated; nothing when the allowance does not cover it. */
export function findQrCodesInGray(image: GrayImage, budget = QrScanBudget.forOneImage()): string[] {
  if (Math.min(image.width, image.height) < minSide) return [];
  let fine = image;
  while (longSide(fine) > qrFineSide) fine = halveGray(fine);
  if (!budget.take(fine.width * fine.height)) return [];
  return readCodes(fine);
}

/** Text of every QR code found in 8-bit RGBA pixels (transparent pixels count as white). */
export function findQrCodesInRgba(data: ArrayLike<number>, width: number, height: number): string[] {
  if (width <= 0 || height <= 0 || data.length < width * height * 4) return [];
  return findQrCodesInGray(grayFromRgba(data, width, height));
}
