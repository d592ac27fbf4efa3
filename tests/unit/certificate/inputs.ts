/*
 * Test inputs for the certificate readers, generated here with libraries independent of
 * the code under test (qrcode draws the codes, pngjs and jpeg-js encode the images,
 * node:zlib compresses, pdf-lib writes the PDFs), so nothing binary is committed and
 * every input says how it was made.
 */
import { deflateSync, crc32 } from 'node:zlib';
import { encode as encodeJpegData } from 'jpeg-js';
import { PDFName, PDFRawStream, PDFString, type PDFContext, type PDFDict, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';

export const verifyUrl = 'https://verify.example.edu/badges/123';

export interface Rgba {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** A small deterministic random generator, so a failing test fails the same way every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** White paper with grain (grey levels `grain` below white) and, optionally, dark marks standing in for text. */
export function paper(width: number, height: number, options: { grain?: number; marks?: number; seed?: number } = {}): Rgba {
  const random = seededRandom(options.seed ?? 7);
  const grain = options.grain ?? 0;
  const data = new Uint8Array(width * height * 4);
  for (let at = 0; at < data.length; at += 4) {
    const value = 255 - Math.floor(random() * (grain + 1));
    data[at] = value;
    data[at + 1] = value;
    data[at + 2] = value;
    data[at + 3] = 255;
  }
  for (let mark = 0; mark < (options.marks ?? 0); mark += 1) {
    const left = Math.floor(random() * (width - 20));
    const top = Math.floor(random() * (height - 30));
    fillRect({ width, height, data }, left, top, 2 + Math.floor(random() * 10), 4 + Math.floor(random() * 20), 40);
  }
  return { width, height, data };
}

function fillRect(image: Rgba, left: number, top: number, width: number, height: number, value: number): void {
  for (let y = top; y < Math.min(image.height, top + height); y += 1) {
    for (let x = left; x < Math.min(image.width, left + width); x += 1) {
      const at = (y * image.width + x) * 4;
      image.data[at] = value;
      image.data[at + 1] = value;
      image.data[at + 2] = value;
      image.data[at + 3] = 255;
    }
  }
}

/**
 * Draws a QR code for `text` into the image, `scale` pixels per module, with its four-module
 * white quiet zone, top-left corner at (left, top); `dark` and `light` are grey levels.
 */
export function drawQr(image: Rgba, text: string, placement: { left: number; top: number; scale: number; dark?: number; light?: number }): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { left, top, scale } = placement;
  const quiet = 4;
  fillRect(image, left, top, (modules.size + 2 * quiet) * scale, (modules.size + 2 * quiet) * scale, placement.light ?? 255);
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.get(row, column)) {
        fillRect(image, left + (column + quiet) * scale, top + (row + quiet) * scale, scale, scale, placement.dark ?? 0);
      }
    }
  }
}

/** A page-sized image with one small QR code in its lower right corner. */
export function certificateScan(width: number, height: number, text: string, options: { grain?: number; marks?: number; scale?: number } = {}): Rgba {
  const image = paper(width, height, options);
  const scale = options.scale ?? 4;
  drawQr(image, text, { left: width - 60 * scale, top: height - 60 * scale, scale });
  return image;
}

export function encodePng(image: Rgba): Uint8Array {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data);
  return new Uint8Array(PNG.sync.write(png));
}

export function encodeJpeg(image: Rgba, quality = 90): Uint8Array {
  return new Uint8Array(encodeJpegData({ width: image.width, height: image.height, data: image.data }, quality).data);
}

/** A QR code as the qrcode package writes it: a PNG, 4 px per module. */
export async function qrPng(text: string, options: { transparent?: boolean } = {}): Promise<Uint8Array> {
  const buffer = await QRCode.toBuffer(text, {
    type: 'png',
    scale: 4,
    errorCorrectionLevel: 'M',
    ...(options.transparent ? { color: { dark: '#000000ff', light: '#00000000' } } : {}),
  });
  return new Uint8Array(buffer);
}

/** A valid 1x1 PNG whose header (with a correct CRC) then claims `width` x `height`. */
export function pngClaimingSize(width: number, height: number): Uint8Array {
  const bytes = encodePng({ width: 1, height: 1, data: new Uint8Array([255, 255, 255, 255]) });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  view.setUint32(16, width);
  view.setUint32(20, height);
  view.setUint32(29, crc32(bytes.subarray(12, 29)));
  return bytes;
}

/**
 * An 8-bit grey, interlaced PNG of `size` x `size` pixels whose image data inflates to 64 MB:
 * pngjs inflates interlaced data with no bound, so only a decoder that caps it survives this.
 */
export function interlacedPngBomb(size: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array): Uint8Array => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, size);
  new DataView(header.buffer).setUint32(4, size);
  header.set([8, 0, 0, 0, 1], 8); // 8-bit grey, interlaced
  const bomb = new Uint8Array(deflateSync(new Uint8Array(64 * 1024 * 1024)));
  const signature = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', bomb), chunk('IEND', new Uint8Array())]));
}

/** A link annotation over the page's lower left corner, opening `url`. */
export function addLink(page: PDFPage, url: string): void {
  const { context } = page.doc;
  const annotation = context.register(context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [20, 20, 220, 40], Border: [0, 0, 0], A: { S: 'URI', URI: PDFString.of(url) } }));
  page.node.addAnnot(annotation);
}

/** An embedded-file stream and the file specification naming it, written by hand (no pdf-lib helper). */
export function addFileSpec(context: PDFContext, name: string, content: Uint8Array, options: { compress?: boolean; mediaType?: string } = {}): PDFRef {
  const compress = options.compress ?? true;
  const data = compress ? new Uint8Array(deflateSync(content)) : content;
  const dict = context.obj({
    Type: 'EmbeddedFile',
    ...(options.mediaType ? { Subtype: options.mediaType } : {}),
    ...(compress ? { Filter: 'FlateDecode' } : {}),
    Length: data.length,
  });
  const stream = context.register(PDFRawStream.of(dict, data));
  return context.register(context.obj({ Type: 'Filespec', F: PDFString.of(name), UF: PDFString.of(name), EF: { F: stream } }));
}

/** Sets the catalog's /EmbeddedFiles name tree to `tree` (a node dictionary). */
export function setEmbeddedFiles(document: PDFDocument, tree: PDFDict): void {
  document.catalog.set(PDFName.of('Names'), document.context.obj({ EmbeddedFiles: tree }));
}

/**
 * An image XObject of grey samples, deflated, with PNG "Paeth" and "Up" row filters and the
 * /DecodeParms that tell a reader so: how LaTeX, iText and other writers pass a PNG's data
 * through to a PDF without decoding it.
 */
export function addPredictedGrayImage(context: PDFContext, image: Rgba): PDFRef {
  const { width, height } = image;
  const gray = new Uint8Array(width * height);
  for (let pixel = 0; pixel < gray.length; pixel += 1) gray[pixel] = image.data[pixel * 4] ?? 0;
  const rows = new Uint8Array(height * (width + 1));
  for (let y = 0; y < height; y += 1) {
    const filter = y % 2 === 0 ? 4 : 2;
    rows[y * (width + 1)] = filter;
    for (let x = 0; x < width; x += 1) {
      const value = gray[y * width + x] ?? 0;
      const left = x > 0 ? (gray[y * width + x - 1] ?? 0) : 0;
      const up = y > 0 ? (gray[(y - 1) * width + x] ?? 0) : 0;
      const upLeft = x > 0 && y > 0 ? (gray[(y - 1) * width + x - 1] ?? 0) : 0;
      let predicted = up;
      if (filter === 4) {
        const estimate = left + up - upLeft;
        const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
        predicted = a <= b && a <= c ? left : b <= c ? up : upLeft;
      }
      rows[y * (width + 1) + 1 + x] = (value - predicted) & 0xff;
    }
  }
  const data = new Uint8Array(deflateSync(rows));
  const dict = context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: 1, BitsPerComponent: 8, Columns: width },
    Length: data.length,
  });
  return context.register(PDFRawStream.of(dict, data));
}

/** Draws an image XObject (by reference) over most of the page. */
export function drawXObject(page: PDFPage, image: PDFRef, name: string): void {
  page.node.setXObject(PDFName.of(name), image);
  const { width, height } = page.getSize();
  const size = Math.min(width, height) - 100;
  page.node.addContentStream(page.doc.context.register(page.doc.context.stream(`q ${String(size)} 0 0 ${String(size)} 50 50 cm /${name} Do Q`)));
}

/**
 * A one-bit image of the picture (dark pixels 0, light 1), deflated: as a DeviceGray image,
 * or as a stencil mask (/ImageMask true), which paints where a sample is 0.
 */
export function addBilevelImage(context: PDFContext, image: Rgba, options: { stencil: boolean }): PDFRef {
  const rowBytes = Math.ceil(image.width / 8);
  const bits = new Uint8Array(rowBytes * image.height);
  for (let y = 0; y < image.height; y += 1) {
    for (let x = 0; x < image.width; x += 1) {
      const at = y * rowBytes + (x >> 3);
      if ((image.data[(y * image.width + x) * 4] ?? 0) >= 128) bits[at] = (bits[at] ?? 0) | (0x80 >> (x & 7));
    }
  }
  const data = new Uint8Array(deflateSync(bits));
  const dict = context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    Width: image.width,
    Height: image.height,
    ...(options.stencil ? { ImageMask: true } : { ColorSpace: 'DeviceGray' }),
    BitsPerComponent: 1,
    Filter: 'FlateDecode',
    Length: data.length,
  });
  return context.register(PDFRawStream.of(dict, data));
}

/** A form XObject that draws `image`: how page templates and imported pages nest their images. */
export function wrapInForm(context: PDFContext, image: PDFRef): PDFRef {
  const content = new TextEncoder().encode('q 1 0 0 1 0 0 cm /Inner Do Q');
  const dict = context.obj({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 1, 1], Resources: { XObject: { Inner: image } }, Length: content.length });
  return context.register(PDFRawStream.of(dict, content));
}
