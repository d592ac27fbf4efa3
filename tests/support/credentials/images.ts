// Badge artwork for test credentials: real PNGs encoded by pngjs (an encoder we did not write)
// and a plain SVG. Noise content is seeded so that a size target is reproducible byte for byte.
import { PNG } from 'pngjs';
import { seededBytes } from './seededRandom';

/**
 * A valid RGBA PNG of `width` x `height` filled with seeded noise. Noise does not compress, so the
 * file size follows the pixel count (about 4 bytes per pixel), which is what size targets need.
 */
export function makePngImage(width: number, height: number, seed = 1): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`PNG dimensions must be positive integers, got ${String(width)}x${String(height)}`);
  }
  const png = new PNG({ width, height, colorType: 6 });
  png.data = Buffer.from(seededBytes(width * height * 4, seed));
  return new Uint8Array(PNG.sync.write(png, { colorType: 6 }));
}

/**
 * A square noise PNG whose encoded size is close to `targetBytes` (within a few percent above
 * a kilobyte; never below 256 bytes, the smallest image openbadges-bakery can sniff).
 */
export function makeBadgePng(targetBytes: number, seed = 1): Uint8Array {
  // Per pixel: 4 bytes of incompressible RGBA; per row: one filter byte; plus ~100 bytes of
  // signature, IHDR, IDAT/zlib framing and IEND.
  const pixels = Math.max(64, (Math.max(256, targetBytes) - 100) / 4);
  const side = Math.max(8, Math.round(Math.sqrt(pixels)));
  return makePngImage(side, side, seed);
}

/** `data:image/png;base64,...` for embedding an image inside a credential. */
export function pngDataUrl(png: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}

let smallBadgeDataUrl: string | undefined;

/** A small (16x16) PNG data URL, encoded once: the default achievement and issuer image. */
export function defaultBadgeImageDataUrl(): string {
  smallBadgeDataUrl ??= pngDataUrl(makePngImage(16, 16, 7));
  return smallBadgeDataUrl;
}

/** Escapes text for XML content and double-quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A simple, well-formed badge SVG (a coloured disc with a title); the baking input for SVG tests. */
export function makeBadgeSvg(options: { title?: string; size?: number; hue?: number } = {}): string {
  const size = options.size ?? 256;
  const title = escapeXml(options.title ?? 'Test badge');
  const hue = options.hue ?? 210;
  const r = size / 2;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(size)}" height="${String(size)}" viewBox="0 0 ${String(size)} ${String(size)}">`,
    `  <title>${title}</title>`,
    `  <circle cx="${String(r)}" cy="${String(r)}" r="${String(r - 4)}" fill="hsl(${String(hue)}, 60%, 45%)" stroke="#222" stroke-width="4"/>`,
    `  <text x="${String(r)}" y="${String(r)}" text-anchor="middle" dominant-baseline="middle" font-size="${String(size / 10)}" fill="#fff">${title}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
