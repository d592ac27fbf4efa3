import jsQR, { type QRCode } from 'jsqr';
import { binarizeForQr, type BinaryImage } from './binarize';
import { grayFromRgba, halveGray, type GrayImage } from './grayImage';

/*
 * Finding QR codes in decoded pixels, within a fixed amount of work.
 *
 * jsQR looks for one code per call, and its running time grows with the number of
 * black/white changes in the image far more than with its size: a clean 2000x1500 page
 * takes about 0.15 s, the same page with visible paper grain about 5 s. So every look is
 * made on an image we have cleaned ourselves (see binarize.ts), every look is priced
 * before it is made, and a look that would cost too much is made on a smaller copy or not
 * at all. The order is the cheapest likely win first:
 *
 *   1. a coarse copy (long side at most 1024 px): a certificate's QR code is normally big
 *      enough to survive this, and averaging down removes most noise;
 *   2. the coarse copy in four overlapping quarters: jsQR builds one code from the three
 *      best-matching finder patterns in the whole image, so two codes side by side (or a
 *      logo that looks like a finder pattern) make it fail; a quarter holds fewer;
 *   3. the fine copy (long side at most 2048 px), for a small code on a large scan;
 *   4. the coarse copy inverted, for a light code on a dark background.
 *
 * Scanning stops after the first step that finds a code; each look that finds one is
 * repeated with the found code painted out, so that a second code is found too.
 */

/** The long side of the finest copy searched: a decoder may stop there (rasterDecode.ts). */
export const qrFineSide = 2048;
const maxCoarseSide = 1024;
/** A version 1 code with its quiet zone is 29 modules; below ~1.5 px a module is lost. */
const minSide = 44;
/** See binarizeForQr: specks fainter than this on a flat area are paper, not ink. */
const contrastGate = 48;
const maxCodesPerImage = 4;

/*
 * Work is priced in units of roughly one pixel visited by jsQR (25–50 ns on a slow 2.4 GHz
 * core); each black/white change costs about a hundred of those in the locator's
 * bookkeeping (measured: a dense text page ~50, grain ~100). One look may cost at most
 * `lookBudget` (≈ 0.3–0.45 s there), all looks at one image together at most `imageBudget`
 * (≈ 0.5–0.75 s). A clean 2000x1500 certificate costs about a quarter of `lookBudget` per
 * look; only grain or texture all over the page comes near the limits.
 */
const unitsPerTransition = 100;
const lookBudget = 12_000_000;
const imageBudget = 20_000_000;

function longSide(image: { width: number; height: number }): number {
  return Math.max(image.width, image.height);
}

function lookCost(binary: BinaryImage): number {
  return binary.width * binary.height + unitsPerTransition * binary.transitions;
}

/**
 * The negative. jsQR can invert by itself, but its 'onlyInvert' mode crashes (jsQR 1.4
 * builds the inverted matrix only for 'attemptBoth'), and 'attemptBoth' would repeat the
 * look that already failed.
 */
function invertBinary(binary: BinaryImage): BinaryImage {
  const rgba = new Uint8ClampedArray(binary.rgba.length);
  for (let at = 0; at < rgba.length; at += 4) {
    const value = 255 - (binary.rgba[at] ?? 0);
    rgba[at] = value;
    rgba[at + 1] = value;
    rgba[at + 2] = value;
    rgba[at + 3] = 255;
  }
  return { ...binary, rgba };
}

/** A rectangle of the image, as an image of its own (its transitions estimated by area). */
function crop(binary: BinaryImage, left: number, top: number, width: number, height: number): BinaryImage {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    const from = ((top + y) * binary.width + left) * 4;
    rgba.set(binary.rgba.subarray(from, from + width * 4), y * width * 4);
  }
  const share = (width * height) / (binary.width * binary.height);
  return { width, height, rgba, transitions: Math.ceil(binary.transitions * share) };
}

/** Four quarters, each 60% of the width and height: any code up to a fifth of the image lies wholly in one. */
function quarters(binary: BinaryImage): BinaryImage[] {
  const width = Math.ceil(binary.width * 0.6);
  const height = Math.ceil(binary.height * 0.6);
  const right = binary.width - width;
  const bottom = binary.height - height;
  return [
    crop(binary, 0, 0, width, height),
    crop(binary, right, 0, width, height),
    crop(binary, 0, bottom, width, height),
    crop(binary, right, bottom, width, height),
  ];
}

/** Paints a found code (and a margin for its quiet zone) white, so the next look cannot find it again. */
function paintOut(binary: BinaryImage, corners: readonly { x: number; y: number }[]): void {
  const xs = corners.map((corner) => corner.x);
  const ys = corners.map((corner) => corner.y);
  const margin = Math.max(4, (Math.max(...xs) - Math.min(...xs)) / 8);
  const left = Math.max(0, Math.floor(Math.min(...xs) - margin));
  const right = Math.min(binary.width - 1, Math.ceil(Math.max(...xs) + margin));
  const top = Math.max(0, Math.floor(Math.min(...ys) - margin));
  const bottom = Math.min(binary.height - 1, Math.ceil(Math.max(...ys) + margin));
  for (let y = top; y <= bottom; y += 1) {
    binary.rgba.fill(255, (y * binary.width + left) * 4, (y * binary.width + right + 1) * 4);
  }
}

/**
 * Work allowed for scanning, in the units above. One image gets `imageBudget`; a document
 * with many images (a PDF) shares one allowance among them, so that fifty images cost
 * no more than a few.
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

/**
 * One call to jsQR. It is third-party code run on pixels from an untrusted file: should it
 * ever throw, that is a look that found nothing, not a failure of the whole import.
 */
function readOneCode(binary: BinaryImage): QRCode | null {
  try {
    return jsQR(binary.rgba, binary.width, binary.height, { inversionAttempts: 'dontInvert' });
  } catch {
    return null;
  }
}

class BoundedQrScan {
  readonly found = new Set<string>();
  private spent = 0;

  constructor(private readonly shared: QrScanBudget) {}

  /** One look (repeated while it keeps finding new codes); skipped if it would cost too much. */
  look(binary: BinaryImage): void {
    const cost = lookCost(binary);
    if (cost > lookBudget) return;
    while (this.found.size < maxCodesPerImage && this.spent + cost <= imageBudget && this.shared.take(cost)) {
      this.spent += cost;
      const code = readOneCode(binary);
      if (code === null) break;
      const before = this.found.size;
      if (code.data !== '') this.found.add(code.data);
      const { topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner } = code.location;
      paintOut(binary, [topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner]);
      if (this.found.size === before) break;
    }
  }
}

/**
 * The coarse copy, cleaned. Halved further while a look at it would cost more than one
 * look may: only an image that is noise all over gets there, and it has no code to find.
 */
function affordableCoarse(fine: GrayImage): BinaryImage | undefined {
  let image = fine;
  while (longSide(image) > maxCoarseSide) image = halveGray(image);
  while (Math.min(image.width, image.height) >= minSide) {
    const binary = binarizeForQr(image, contrastGate);
    if (lookCost(binary) <= lookBudget) return binary;
    image = halveGray(image);
  }
  return undefined;
}

/** Text of every QR code found in a greyscale image, deduplicated, in the order found. */
export function findQrCodesInGray(image: GrayImage, budget = QrScanBudget.forOneImage()): string[] {
  if (Math.min(image.width, image.height) < minSide || budget.exhausted) return [];
  const scan = new BoundedQrScan(budget);
  let fine = image;
  while (longSide(fine) > qrFineSide) fine = halveGray(fine);

  const coarse = affordableCoarse(fine);
  if (coarse) {
    scan.look(coarse);
    if (scan.found.size > 0) return [...scan.found];
    for (const quarter of quarters(coarse)) scan.look(quarter);
    if (scan.found.size > 0) return [...scan.found];
  }

  if (coarse !== undefined && coarse.width !== fine.width) {
    scan.look(binarizeForQr(fine, contrastGate));
    if (scan.found.size > 0) return [...scan.found];
  }

  if (coarse) scan.look(invertBinary(coarse));
  return [...scan.found];
}

/** Text of every QR code found in 8-bit RGBA pixels (transparent pixels count as white). */
export function findQrCodesInRgba(data: ArrayLike<number>, width: number, height: number): string[] {
  if (width <= 0 || height <= 0 || data.length < width * height * 4) return [];
  return findQrCodesInGray(grayFromRgba(data, width, height));
}
