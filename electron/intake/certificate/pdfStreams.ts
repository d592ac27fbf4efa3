import type { PDFDict, PDFRawStream } from 'pdf-lib';
import { inflateBounded, type ExcessPolicy } from '../../images/boundedInflate';
import type { PdfObjects } from './pdfObjects';

/**
 * The decoded data of a PDF stream, for the two filters certificates use for what we read:
 * none, and FlateDecode (with or without a predictor). Everything else is reported as
 * unsupported for the caller to skip; image codecs (DCTDecode) are the caller's business.
 */
export type StreamData =
  | { readonly kind: 'data'; readonly bytes: Uint8Array }
  | { readonly kind: 'unsupported'; readonly filter: string }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'damaged'; readonly detail: string };

/** The stream's filter names in order; undefined when /Filter is not a name or an array of names. */
export function streamFilters(objects: PdfObjects, stream: PDFRawStream): string[] | undefined {
  const names = objects.items(objects.get(stream.dict, 'Filter')).map((item) => objects.name(item));
  return names.every((name) => name !== undefined) ? names : undefined;
}

interface Predictor {
  readonly predictor: number;
  readonly colors: number;
  readonly bitsPerComponent: number;
  readonly columns: number;
}

function predictorOf(objects: PdfObjects, params: PDFDict | undefined): Predictor | string {
  const read = (key: string, fallback: number): number => objects.number(objects.get(params, key)) ?? fallback;
  const predictor = read('Predictor', 1);
  const colors = read('Colors', 1);
  const bitsPerComponent = read('BitsPerComponent', 8);
  const columns = read('Columns', 1);
  if (!Number.isInteger(colors) || colors < 1 || colors > 32) return 'its predictor declares an impossible number of colours';
  if (![1, 2, 4, 8, 16].includes(bitsPerComponent)) return 'its predictor declares an impossible bit depth';
  if (!Number.isInteger(columns) || columns < 1 || columns > 1 << 24) return 'its predictor declares an impossible number of columns';
  return { predictor, colors, bitsPerComponent, columns };
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

/**
 * PNG predictors (10–15): every row starts with its own filter type byte, whatever the
 * predictor number says. An unknown filter type is read as "none", as pdf.js and most
 * viewers do, and an incomplete last row is dropped.
 */
function undoPngPredictor(data: Uint8Array, { colors, bitsPerComponent, columns }: Predictor): Uint8Array {
  const pixelBytes = Math.max(1, Math.ceil((colors * bitsPerComponent) / 8));
  const rowBytes = Math.ceil((colors * bitsPerComponent * columns) / 8);
  const rows = Math.floor(data.length / (rowBytes + 1));
  const out = new Uint8Array(rows * rowBytes);
  for (let row = 0; row < rows; row += 1) {
    const type = data[row * (rowBytes + 1)];
    const source = row * (rowBytes + 1) + 1;
    const target = row * rowBytes;
    for (let index = 0; index < rowBytes; index += 1) {
      const raw = data[source + index] ?? 0;
      const left = index >= pixelBytes ? (out[target + index - pixelBytes] ?? 0) : 0;
      const up = row > 0 ? (out[target - rowBytes + index] ?? 0) : 0;
      const upLeft = row > 0 && index >= pixelBytes ? (out[target - rowBytes + index - pixelBytes] ?? 0) : 0;
      let predicted = 0;
      if (type === 1) predicted = left;
      else if (type === 2) predicted = up;
      else if (type === 3) predicted = (left + up) >> 1;
      else if (type === 4) predicted = paeth(left, up, upLeft);
      out[target + index] = (raw + predicted) & 0xff;
    }
  }
  return out;
}

/** TIFF predictor 2 (horizontal differencing), for 8-bit components, the only depth seen in practice. */
function undoTiffPredictor(data: Uint8Array, { colors, columns }: Predictor): Uint8Array {
  const out = data.slice();
  const rowBytes = colors * columns;
  for (let rowStart = 0; rowStart + rowBytes <= out.length; rowStart += rowBytes) {
    for (let index = rowStart + colors; index < rowStart + rowBytes; index += 1) {
      out[index] = ((out[index] ?? 0) + (out[index - colors] ?? 0)) & 0xff;
    }
  }
  return out;
}

function undoPredictor(data: Uint8Array, objects: PdfObjects, params: PDFDict | undefined): StreamData {
  const predictor = predictorOf(objects, params);
  if (typeof predictor === 'string') return { kind: 'damaged', detail: predictor };
  if (predictor.predictor >= 10) return { kind: 'data', bytes: undoPngPredictor(data, predictor) };
  if (predictor.predictor === 2) {
    if (predictor.bitsPerComponent !== 8) return { kind: 'unsupported', filter: 'TIFF predictor below 8 bits' };
    return { kind: 'data', bytes: undoTiffPredictor(data, predictor) };
  }
  return { kind: 'data', bytes: data };
}

/**
 * Decodes a stream, producing at most `maxBytes` (decompressed, before any predictor is
 * undone; a predictor only ever shrinks the data). With `truncate`, data beyond that is
 * dropped instead of refused.
 */
export function decodeStreamData(objects: PdfObjects, stream: PDFRawStream, maxBytes: number, policy: ExcessPolicy): StreamData {
  const filters = streamFilters(objects, stream);
  if (filters === undefined) return { kind: 'damaged', detail: 'its /Filter is not a name' };
  if (filters.length === 0) {
    if (stream.contents.length <= maxBytes) return { kind: 'data', bytes: stream.contents };
    return policy === 'refuse' ? { kind: 'too-large' } : { kind: 'data', bytes: stream.contents.subarray(0, maxBytes) };
  }
  const [filter] = filters;
  if (filters.length > 1 || (filter !== 'FlateDecode' && filter !== 'Fl')) {
    return { kind: 'unsupported', filter: filters.join(' + ') };
  }
  const inflated = inflateBounded(stream.contents, maxBytes, policy);
  if (inflated.kind !== 'inflated') return inflated;
  return undoPredictor(inflated.bytes, objects, objects.dict(objects.items(objects.get(stream.dict, 'DecodeParms'))[0]));
}
