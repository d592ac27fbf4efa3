import type { PixelRows } from '../../images/pngFile';

/**
 * One byte of luminance per pixel. QR detection needs nothing more, and a quarter of the
 * memory of RGBA makes the downscaled copies cheap.
 */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/**
 * Luminance (ITU-R BT.601 weights, in integers) of 8-bit RGBA pixels. Transparent pixels
 * are composited over white: a QR code exported with a transparent background has black
 * modules on pixels whose colour is often also black, and would otherwise vanish.
 */
export function grayFromRgba(rgba: ArrayLike<number>, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let pixel = 0, at = 0; pixel < data.length; pixel += 1, at += 4) {
    const luma = ((rgba[at] ?? 0) * 77 + (rgba[at + 1] ?? 0) * 150 + (rgba[at + 2] ?? 0) * 29) >> 8;
    const alpha = rgba[at + 3] ?? 255;
    data[pixel] = alpha === 255 ? luma : (luma * alpha + 255 * (255 - alpha) + 127) / 255;
  }
  return { width, height, data };
}

/** The same luminance, from decoded PNG rows (grey, grey+alpha, RGB or RGBA), without an RGBA copy first. */
export function grayFromRows(rows: PixelRows): GrayImage {
  const { width, height, channels, data: source, offset, rowStride } = rows;
  const data = new Uint8Array(width * height);
  const alpha = channels === 2 || channels === 4;
  for (let y = 0, pixel = 0; y < height; y += 1) {
    for (let x = 0, at = offset + y * rowStride; x < width; x += 1, pixel += 1, at += channels) {
      const luma = channels >= 3 ? ((source[at] ?? 0) * 77 + (source[at + 1] ?? 0) * 150 + (source[at + 2] ?? 0) * 29) >> 8 : (source[at] ?? 0);
      const opacity = alpha ? (source[at + channels - 1] ?? 255) : 255;
      data[pixel] = opacity === 255 ? luma : (luma * opacity + 255 * (255 - opacity) + 127) / 255;
    }
  }
  return { width, height, data };
}

/**
 * Half the width and height, each output pixel the mean of a 2x2 block. Averaging is
 * what makes this pass useful, not just cheaper: it halves the amplitude of paper grain
 * and scanner noise, which otherwise floods the QR locator with false finder patterns.
 */
export function halveGray(image: GrayImage): GrayImage {
  const width = image.width >> 1;
  const height = image.height >> 1;
  const source = image.data;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    let top = 2 * y * image.width;
    let bottom = top + image.width;
    let out = y * width;
    for (let x = 0; x < width; x += 1, top += 2, bottom += 2, out += 1) {
      data[out] = ((source[top] ?? 0) + (source[top + 1] ?? 0) + (source[bottom] ?? 0) + (source[bottom + 1] ?? 0) + 2) >> 2;
    }
  }
  return { width, height, data };
}
