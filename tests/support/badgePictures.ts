import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { GifWriter } from 'omggif';

/**
 * Badge pictures in the formats Node had no decoder for, each a solid colour a rendered page
 * can be searched for: SVG written by hand, GIF by omggif's encoder, WebP by libwebp's encoder
 * (@jsquash/webp's encode side: a different module from the decoder under test).
 */

const requireHere = createRequire(import.meta.url);

export type Rgb = readonly [number, number, number];

/** A square SVG filled with `colour`, with a line of text (set in the bundled font) and a link to a picture elsewhere, which must not be fetched. */
export function solidSvg(colour: Rgb, size = 120): Uint8Array {
  const hex = `#${colour.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  return new TextEncoder().encode(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${String(size)}" height="${String(size)}" viewBox="0 0 ${String(size)} ${String(size)}">` +
      `<rect width="${String(size)}" height="${String(size)}" fill="${hex}"/>` +
      `<image href="https://badges.invalid/remote.png" x="0" y="0" width="10" height="10"/>` +
      `<text x="4" y="${String(size - 4)}" font-size="10" fill="${hex}">Badge</text></svg>`,
  );
}

/** A GIF of two frames: the first a solid `colour`, the second black (a still picture shows the first). */
export function solidGif(colour: Rgb, size = 64): Uint8Array {
  const out = new Uint8Array(size * size * 2 + 4096);
  const writer = new GifWriter(out, size, size, { palette: [(colour[0] << 16) | (colour[1] << 8) | colour[2], 0x000000], loop: 0 });
  writer.addFrame(0, 0, size, size, new Array<number>(size * size).fill(0), { delay: 50 });
  writer.addFrame(0, 0, size, size, new Array<number>(size * size).fill(1), { delay: 50 });
  return out.slice(0, writer.end());
}

/** A lossless still WebP filled with `colour`. */
export async function solidWebp(colour: Rgb, size = 64): Promise<Uint8Array> {
  const { default: encode, init } = await import('@jsquash/webp/encode.js');
  const wasm = new WebAssembly.Module(readFileSync(requireHere.resolve('@jsquash/webp/codec/enc/webp_enc_simd.wasm')));
  await init(wasm);
  const data = new Uint8ClampedArray(size * size * 4);
  for (let at = 0; at < data.length; at += 4) data.set([...colour, 255], at);
  return new Uint8Array(await encode({ data, width: size, height: size, colorSpace: 'srgb' }, { lossless: 1 }));
}

export const dataUrl = (mediaType: string, bytes: Uint8Array): string => `data:${mediaType};base64,${Buffer.from(bytes).toString('base64')}`;
