import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeJpegTurbo, scaleKeepingAtLeast } from '../../../electron/images/jpegTurbo';
import { encodeJpeg, encodePng, paper, seededRandom } from '../certificate/inputs';

/*
 * libjpeg-turbo (WebAssembly) checked against jpeg-js, an independent decoder: the JPEGs are
 * written by jpeg-js's encoder, and every pixel is compared with what jpeg-js decodes. The two
 * use different inverse DCTs and upsampling, so values may differ by a level or two.
 */

/** A photograph-like test image: smooth gradients, a few sharp edges, some noise. */
function photoLike(width: number, height: number): { width: number; height: number; data: Uint8Array } {
  const random = seededRandom(7);
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      const edge = (x > width / 3 && x < width / 2) || (y > height / 2 && y < (2 * height) / 3) ? 90 : 0;
      data[at] = (x * 255) / width - edge / 2 + random() * 12;
      data[at + 1] = (y * 255) / height + edge / 3 + random() * 12;
      data[at + 2] = ((x + y) * 127) / (width + height) + 60 + random() * 12;
      data[at + 3] = 255;
    }
  }
  return { width, height, data };
}

function lumaOf(rgba: Uint8Array, pixels: number): Uint8Array {
  const luma = new Uint8Array(pixels);
  for (let i = 0; i < pixels; i++) luma[i] = Math.round(0.299 * (rgba[i * 4] ?? 0) + 0.587 * (rgba[i * 4 + 1] ?? 0) + 0.114 * (rgba[i * 4 + 2] ?? 0));
  return luma;
}

function differences(a: Uint8Array, b: Uint8Array): { mean: number; within3: number } {
  let sum = 0;
  let close = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs((a[i] ?? 0) - (b[i] ?? 0));
    sum += d;
    if (d <= 3) close++;
  }
  return { mean: sum / a.length, within3: close / a.length };
}

const image = photoLike(401, 299);
const file = encodeJpeg(image, 92);
const reference = jpeg.decode(file, { useTArray: true, formatAsRGBA: true });

describe('JPEG decoding with libjpeg-turbo (WebAssembly)', () => {
  it('decodes to RGB and RGBA as jpeg-js does, to within a level or two', () => {
    const rgba = decodeJpegTurbo(file, { format: 'rgba', maxPixels: 1e6 });
    const rgb = decodeJpegTurbo(file, { format: 'rgb', maxPixels: 1e6 });
    expect(rgba).toMatchObject({ width: 401, height: 299, channels: 4 });
    expect(rgb).toMatchObject({ width: 401, height: 299, channels: 3 });
    const rgbAsRgba = new Uint8Array(401 * 299 * 4);
    for (let i = 0; i < 401 * 299; i++) rgbAsRgba.set([...(rgb?.data.subarray(i * 3, i * 3 + 3) ?? []), 255], i * 4);
    for (const decoded of [rgba?.data, rgbAsRgba]) {
      const { mean, within3 } = differences(decoded ?? new Uint8Array(), reference.data);
      expect(mean).toBeLessThan(1);
      expect(within3).toBeGreaterThan(0.99);
    }
  });

  it('decodes to grey: the luma of the colours jpeg-js decodes', () => {
    const gray = decodeJpegTurbo(file, { format: 'gray', maxPixels: 1e6 });
    expect(gray).toMatchObject({ width: 401, height: 299, channels: 1 });
    const { mean, within3 } = differences(gray?.data ?? new Uint8Array(), lumaOf(reference.data, 401 * 299));
    expect(mean).toBeLessThan(1.5);
    expect(within3).toBeGreaterThan(0.97);
  });

  it('decodes straight to a half, quarter and eighth of the size, each pixel the average of the block it stands for', () => {
    const full = decodeJpegTurbo(file, { format: 'gray', maxPixels: 1e6 });
    for (const scale of [2, 4, 8] as const) {
      const small = decodeJpegTurbo(file, { format: 'gray', scale, maxPixels: 1e6 });
      expect(small).toMatchObject({ width: Math.ceil(401 / scale), height: Math.ceil(299 / scale) });
      let off = 0;
      let compared = 0;
      for (let y = 0; y + 1 < (small?.height ?? 0); y++) {
        for (let x = 0; x + 1 < (small?.width ?? 0); x++) {
          let sum = 0;
          for (let dy = 0; dy < scale; dy++) for (let dx = 0; dx < scale; dx++) sum += full?.data[(y * scale + dy) * 401 + x * scale + dx] ?? 0;
          off += Math.abs(sum / (scale * scale) - (small?.data[y * small.width + x] ?? 0));
          compared++;
        }
      }
      expect(off / compared).toBeLessThan(3);
    }
  });

  it('picks the greatest reduction that keeps the long side at least as long as asked', () => {
    expect(scaleKeepingAtLeast(160)(4000, 3000)).toBe(8);
    expect(scaleKeepingAtLeast(1200)(4000, 3000)).toBe(2);
    expect(scaleKeepingAtLeast(1000)(3000, 4000)).toBe(4);
    expect(scaleKeepingAtLeast(160)(300, 200)).toBe(1);
  });

  it('decodes a file cut short as far as it goes, as a tolerant decoder should', () => {
    const cut = decodeJpegTurbo(file.subarray(0, Math.floor(file.length * 0.6)), { format: 'gray', maxPixels: 1e6 });
    const whole = decodeJpegTurbo(file, { format: 'gray', maxPixels: 1e6 });
    expect(cut).toMatchObject({ width: 401, height: 299 });
    // The top rows arrived whole.
    expect(differences(cut?.data.subarray(0, 401 * 40) ?? new Uint8Array(), whole?.data.subarray(0, 401 * 40) ?? new Uint8Array()).mean).toBe(0);
  });

  it('answers undefined, without throwing, for what it cannot decode', () => {
    expect(decodeJpegTurbo(new Uint8Array(0), { format: 'gray', maxPixels: 1e6 })).toBeUndefined();
    expect(decodeJpegTurbo(new TextEncoder().encode('not a picture at all'), { format: 'gray', maxPixels: 1e6 })).toBeUndefined();
    expect(decodeJpegTurbo(encodePng(paper(20, 20)), { format: 'gray', maxPixels: 1e6 })).toBeUndefined();
    // Only the header is read: the declared size is over the limit.
    expect(decodeJpegTurbo(file, { format: 'gray', maxPixels: 401 * 299 - 1 })).toBeUndefined();
    // A header with no image data after it: nothing thrown, whatever libjpeg makes of it.
    expect(() => decodeJpegTurbo(file.subarray(0, 700), { format: 'gray', maxPixels: 1e6 })).not.toThrow();
  });

  it('starts every image afresh: a damaged file leaves nothing behind for the next one', () => {
    const before = decodeJpegTurbo(file, { format: 'rgb', maxPixels: 1e6 });
    const damaged = file.slice();
    for (let at = 400; at < damaged.length - 2; at += 97) damaged[at] = 0xff; // markers in the entropy-coded data
    decodeJpegTurbo(damaged, { format: 'rgb', maxPixels: 1e6 });
    decodeJpegTurbo(file.subarray(0, 300), { format: 'rgb', maxPixels: 1e6 });
    const after = decodeJpegTurbo(file, { format: 'rgb', maxPixels: 1e6 });
    expect(before).toBeDefined();
    expect(Buffer.from(after?.data ?? []).equals(Buffer.from(before?.data ?? [1]))).toBe(true);
  });
});
