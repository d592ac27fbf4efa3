import type { PDFDict, PDFObject, PDFRawStream } from 'pdf-lib';
import { MalformedInputError, type IntakeLimits } from '../limits';
import type { GrayImage } from './grayImage';
import { readJpegHeader, type ImageSize } from './imageHeaders';
import { applySoftMask, inflatedSizeOf, rowBytesOf, sampleLayout, samplesToGray } from './pdfImageSamples';
import type { PdfObjects } from './pdfObjects';
import type { PdfPage } from './pdfPages';
import { decodeStreamData, streamFilters } from './pdfStreams';
import { findQrCodesInGray, QrScanBudget } from './qrScan';
import { decodeJpegGray } from './rasterDecode';

/*
 * QR codes printed on a PDF certificate are almost always an image: a JPEG (DCTDecode) or
 * raw samples, usually deflated (FlateDecode: pdf-lib stores a PNG's decoded samples so,
 * LaTeX, iText and others pass the PNG's own data through behind PNG predictors). Those
 * are decoded straight to grey and scanned. Codes drawn as vector rectangles, inline
 * images, and CCITT, JBIG2 and JPEG 2000 images would need a renderer or a codec, and are
 * skipped.
 */

/** Bounds for one PDF: images looked at, pixels decoded, and QR scanning work (as for this many full images). */
const maxImagesExamined = 50;
const maxPixelsDecoded = 24_000_000;
const scanAllowanceInImages = 2;
const maxFormDepth = 8;
/** Smaller than this cannot hold a version 1 code at one pixel per module. */
const minImageSide = 21;

/** The image XObjects a page draws, directly or through form XObjects, each once. */
function collectImages(objects: PdfObjects, pages: readonly PdfPage[]): PDFRawStream[] {
  const images: PDFRawStream[] = [];
  const visited = new Set<PDFObject>();
  const walk = (resources: PDFDict | undefined, depth: number): void => {
    const xObjects = objects.dict(objects.get(resources, 'XObject'));
    for (const value of xObjects?.values() ?? []) {
      if (images.length >= maxImagesExamined) return;
      const stream = objects.stream(value);
      if (!stream || visited.has(stream)) continue;
      visited.add(stream);
      const subtype = objects.name(objects.get(stream.dict, 'Subtype'));
      if (subtype === 'Image') images.push(stream);
      else if (subtype === 'Form' && depth < maxFormDepth) walk(objects.dict(objects.get(stream.dict, 'Resources')), depth + 1);
    }
  };
  for (const page of pages) {
    if (images.length >= maxImagesExamined) break;
    walk(page.resources, 0);
  }
  return images;
}

function isJpeg(objects: PdfObjects, stream: PDFRawStream): boolean {
  const filters = streamFilters(objects, stream);
  return filters?.length === 1 && (filters[0] === 'DCTDecode' || filters[0] === 'DCT');
}

/**
 * The size that decoding will cost. For a JPEG that is the JPEG's own header, not the
 * dictionary's /Width and /Height, which a hostile file could set small to slip a huge
 * image past the pixel allowance.
 */
function decodedSize(objects: PdfObjects, stream: PDFRawStream): ImageSize | undefined {
  try {
    if (isJpeg(objects, stream)) return readJpegHeader(stream.contents);
  } catch {
    return undefined;
  }
  const width = objects.number(objects.get(stream.dict, 'Width')) ?? 0;
  const height = objects.number(objects.get(stream.dict, 'Height')) ?? 0;
  return Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0 ? { width, height } : undefined;
}

/** The image as grey pixels, or undefined when it is of a kind we skip, or damaged. */
function imageToGray(objects: PdfObjects, stream: PDFRawStream, size: ImageSize, limits: IntakeLimits): GrayImage | undefined {
  if (isJpeg(objects, stream)) {
    try {
      // At full size: a soft mask, if any, is laid over it pixel for pixel.
      return applySoftMask(objects, decodeJpegGray(stream.contents, limits), stream);
    } catch (error) {
      if (error instanceof MalformedInputError) return undefined;
      throw error;
    }
  }
  const layout = sampleLayout(objects, stream.dict, size.width, size.height);
  if (!layout) return undefined;
  const samples = decodeStreamData(objects, stream, inflatedSizeOf(objects, stream, layout), 'truncate');
  if (samples.kind !== 'data' || samples.bytes.length < rowBytesOf(layout) * size.height) return undefined;
  return applySoftMask(objects, samplesToGray(samples.bytes, layout), stream);
}

/**
 * The text of every QR code in the PDF's images, deduplicated, in the order found. Images
 * are examined smallest first: a QR code is usually an image of its own, far smaller than
 * the page background, and the shared allowance is best spent on it. Never throws for an
 * image: one that cannot be read is skipped.
 */
export function findQrCodesInPdfImages(objects: PdfObjects, pages: readonly PdfPage[], limits: IntakeLimits): string[] {
  const candidates = collectImages(objects, pages)
    .map((stream) => ({ stream, size: decodedSize(objects, stream) }))
    .flatMap(({ stream, size }) => (size ? [{ stream, size, pixels: size.width * size.height }] : []))
    .filter(({ size, pixels }) => Math.min(size.width, size.height) >= minImageSide && pixels <= limits.maxImagePixels)
    .sort((a, b) => a.pixels - b.pixels);
  const codes = new Set<string>();
  const budget = QrScanBudget.forImages(scanAllowanceInImages);
  let pixelsLeft = maxPixelsDecoded;
  for (const candidate of candidates) {
    if (candidate.pixels > pixelsLeft || budget.exhausted) break;
    pixelsLeft -= candidate.pixels;
    const gray = imageToGray(objects, candidate.stream, candidate.size, limits);
    if (gray) for (const code of findQrCodesInGray(gray, budget)) codes.add(code);
  }
  return [...codes];
}
