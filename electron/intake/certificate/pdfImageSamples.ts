import type { PDFDict, PDFObject, PDFRawStream } from 'pdf-lib';
import type { GrayImage } from './grayImage';
import type { PdfObjects } from './pdfObjects';
import { decodeStreamData } from './pdfStreams';

/*
 * A PDF image stored as raw samples (deflated or not), turned into grey pixels. Covered:
 * grey, RGB and CMYK (device, calibrated or ICC-based), indexed colour over those, 1 to 16
 * bits per component for grey and indexed, 8 and 16 for colour, stencil masks, /Decode
 * [1 0] inversion of one-component images, and soft masks (transparency). Anything else
 * (Lab, separations, DeviceN, other /Decode ranges) is declined: it is never a QR code.
 */

type Components = 1 | 3 | 4;

/** How samples become grey: components per pixel, and for an indexed image its palette. */
interface ColourModel {
  readonly components: Components;
  readonly palette?: { readonly components: Components; readonly entries: Uint8Array };
}

export interface SampleLayout {
  readonly width: number;
  readonly height: number;
  readonly bitsPerComponent: number;
  readonly model: ColourModel;
  /** Sample 0 is white rather than black: /Decode [1 0] on a one-component image or stencil mask. */
  readonly inverted: boolean;
}

/** A palette holds at most 256 entries of at most 4 components. */
const maxPaletteBytes = 256 * 4;

function paletteBytes(objects: PdfObjects, lookup: PDFObject | undefined): Uint8Array | undefined {
  const bytes = objects.bytes(lookup);
  if (bytes) return bytes;
  const stream = objects.stream(lookup);
  const data = stream ? decodeStreamData(objects, stream, maxPaletteBytes, 'truncate') : undefined;
  return data?.kind === 'data' ? data.bytes : undefined;
}

function colourModel(objects: PdfObjects, space: PDFObject | undefined, allowIndexed = true): ColourModel | undefined {
  const [family, base, , lookup] = objects.items(space);
  switch (objects.name(family)) {
    case 'DeviceGray':
    case 'CalGray':
    case 'G':
      return { components: 1 };
    case 'DeviceRGB':
    case 'CalRGB':
    case 'RGB':
      return { components: 3 };
    case 'DeviceCMYK':
    case 'CMYK':
      return { components: 4 };
    case 'ICCBased': {
      const count = objects.number(objects.get(objects.dict(base), 'N'));
      return count === 1 || count === 3 || count === 4 ? { components: count } : undefined;
    }
    case 'Indexed':
    case 'I': {
      const baseModel = allowIndexed ? colourModel(objects, base, false) : undefined;
      const entries = paletteBytes(objects, lookup);
      return baseModel && entries ? { components: 1, palette: { components: baseModel.components, entries } } : undefined;
    }
    default:
      return undefined;
  }
}

/** How the image's samples are laid out, or undefined for a kind of image that is declined. */
export function sampleLayout(objects: PdfObjects, dict: PDFDict, width: number, height: number): SampleLayout | undefined {
  const decode = objects.items(objects.get(dict, 'Decode')).map((item) => objects.number(item));
  const decodeInverted = decode[0] === 1 && decode[1] === 0;
  // A stencil mask paints the page (black, as a rule) where a sample is 0: already grey's meaning.
  if (objects.boolean(objects.get(dict, 'ImageMask')) === true) {
    return { width, height, bitsPerComponent: 1, model: { components: 1 }, inverted: decodeInverted };
  }
  const bitsPerComponent = objects.number(objects.get(dict, 'BitsPerComponent')) ?? 8;
  const model = colourModel(objects, objects.get(dict, 'ColorSpace'));
  if (!model) return undefined;
  const depths = model.palette ? [1, 2, 4, 8] : model.components === 1 ? [1, 2, 4, 8, 16] : [8, 16];
  if (!depths.includes(bitsPerComponent)) return undefined;
  return { width, height, bitsPerComponent, model, inverted: model.components === 1 && !model.palette && decodeInverted };
}

export function rowBytesOf(layout: SampleLayout): number {
  return Math.ceil((layout.width * layout.model.components * layout.bitsPerComponent) / 8);
}

/** Bytes the stream must inflate to: the samples, plus a filter byte per row under a PNG predictor. */
export function inflatedSizeOf(objects: PdfObjects, stream: PDFRawStream, layout: SampleLayout): number {
  const params = objects.dict(objects.items(objects.get(stream.dict, 'DecodeParms'))[0]);
  const predictor = objects.number(objects.get(params, 'Predictor')) ?? 1;
  return layout.height * (rowBytesOf(layout) + (predictor >= 10 ? 1 : 0));
}

/**
 * Every component as one byte, rows no longer padded to whole bytes: scaled to 0–255 for
 * colour values, left as they are for palette indexes. 8-bit samples are used as they are.
 */
function unpack(samples: Uint8Array, layout: SampleLayout): Uint8Array {
  const { bitsPerComponent } = layout;
  const perRow = layout.width * layout.model.components;
  if (bitsPerComponent === 8) return samples;
  const values = new Uint8Array(perRow * layout.height);
  const rowBytes = rowBytesOf(layout);
  const mask = (1 << Math.min(bitsPerComponent, 8)) - 1;
  const scale = layout.model.palette || bitsPerComponent === 16 ? 1 : 255 / mask;
  for (let y = 0; y < layout.height; y += 1) {
    for (let index = 0; index < perRow; index += 1) {
      let value: number;
      if (bitsPerComponent === 16) {
        value = samples[y * rowBytes + 2 * index] ?? 0; // the high byte is precision enough
      } else {
        const bit = index * bitsPerComponent;
        value = ((samples[y * rowBytes + (bit >> 3)] ?? 0) >> (8 - bitsPerComponent - (bit & 7))) & mask;
      }
      values[y * perRow + index] = value * scale;
    }
  }
  return values;
}

function luma(red: number, green: number, blue: number): number {
  return (red * 77 + green * 150 + blue * 29) >> 8;
}

/** Grey of a pixel given as `components` bytes from `at` (the naive CMYK to RGB of PDF's spec, 10.3.5). */
function grayOf(values: Uint8Array, at: number, components: Components): number {
  const first = values[at] ?? 0;
  if (components === 1) return first;
  if (components === 3) return luma(first, values[at + 1] ?? 0, values[at + 2] ?? 0);
  const black = values[at + 3] ?? 0;
  return luma(Math.max(0, 255 - first - black), Math.max(0, 255 - (values[at + 1] ?? 0) - black), Math.max(0, 255 - (values[at + 2] ?? 0) - black));
}

/** Decoded samples (exactly `rowBytesOf(layout) * height` bytes or more) as grey pixels. */
export function samplesToGray(samples: Uint8Array, layout: SampleLayout): GrayImage {
  const { width, height, model } = layout;
  const values = unpack(samples, layout);
  const data = new Uint8Array(width * height);
  if (model.palette) {
    const { components, entries } = model.palette;
    for (let pixel = 0; pixel < data.length; pixel += 1) data[pixel] = grayOf(entries, (values[pixel] ?? 0) * components, components);
  } else {
    for (let pixel = 0; pixel < data.length; pixel += 1) data[pixel] = grayOf(values, pixel * model.components, model.components);
    if (layout.inverted) for (let pixel = 0; pixel < data.length; pixel += 1) data[pixel] = 255 - (data[pixel] ?? 0);
  }
  return { width, height, data };
}

/**
 * The image composited over white through its soft mask (alpha channel), as the page shows
 * it: pdf-lib and others store a PNG's transparency this way, and the colour under
 * transparent pixels is often black, which would hide a QR code's light modules. A mask
 * that cannot be read is ignored.
 */
export function applySoftMask(objects: PdfObjects, image: GrayImage, stream: PDFRawStream): GrayImage {
  const mask = objects.stream(objects.get(stream.dict, 'SMask'));
  if (!mask) return image;
  const layout = sampleLayout(objects, mask.dict, image.width, image.height);
  const width = objects.number(objects.get(mask.dict, 'Width'));
  const height = objects.number(objects.get(mask.dict, 'Height'));
  if (layout?.model.components !== 1 || layout.model.palette || width !== image.width || height !== image.height) return image;
  const samples = decodeStreamData(objects, mask, inflatedSizeOf(objects, mask, layout), 'truncate');
  if (samples.kind !== 'data' || samples.bytes.length < rowBytesOf(layout) * height) return image;
  const alpha = samplesToGray(samples.bytes, layout).data;
  const data = new Uint8Array(image.data.length);
  for (let at = 0; at < data.length; at += 1) {
    const opacity = alpha[at] ?? 255;
    data[at] = ((image.data[at] ?? 0) * opacity + 255 * (255 - opacity) + 127) / 255;
  }
  return { ...image, data };
}
