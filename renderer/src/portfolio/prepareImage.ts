import { fitsAsIs, imageSize, sniffImage } from '../../../shared/portfolio/imageFormat';
import type { ImageTarget, PreparedImage } from '../../../shared/portfolio/types';

/**
 * The renderer's `prepareImage` hook for the PDF builder: the browser decodes the image
 * (createImageBitmap, off the main thread), an OffscreenCanvas scales it down to the target,
 * and the canvas encodes it: PNG, transparency kept, when that stays small (drawn artwork,
 * logos: most badges), else JPEG on white, the page colour (photographs, textured artwork,
 * whose PNG would be several times larger: 100 such badges would approach the 4 MB a
 * portfolio may weigh). The command line's hook decides the same way. Like it, an image
 * already small enough in pixels and bytes is left as it is (null), and a damaged one gives
 * null (the builder draws a placeholder) instead of an error. GIF and WebP, which the browser
 * decodes anyway, are converted too (the command line draws them as placeholders). SVG badges
 * (OB 2.0 baked SVG, pictures given by URL) are drawn by the browser's image decoder, which
 * runs no script and loads nothing from an SVG shown as an image, at the target's size: a
 * badge with a picture is never printed as its initials.
 */

/** Images above this many pixels are not decoded (a decompression bomb costs memory, not just time). */
const maxPixels = 16_000_000;
const jpegQuality = 0.82;
const decodable: Partial<Record<ReturnType<typeof sniffImage>, string>> = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };

/** Scales a width and height so the longer side is at most `limit`, never enlarging. */
export function fitWithin(width: number, height: number, limit: number): { width: number; height: number } {
  const scale = Math.min(1, limit / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Share of pixels equal to their left neighbour above which an image counts as drawn artwork (worth trying PNG). */
const flatShare = 0.6;

function looksFlat(rgba: Uint8ClampedArray, width: number): boolean {
  let same = 0;
  for (let at = 4; at < rgba.length; at += 4) {
    if ((at / 4) % width !== 0 && rgba[at] === rgba[at - 4] && rgba[at + 1] === rgba[at - 3] && rgba[at + 2] === rgba[at - 2] && rgba[at + 3] === rgba[at - 1]) same++;
  }
  return same >= flatShare * (rgba.length / 4) * (1 - 1 / width);
}

/** An SVG at most this large is drawn; a badge's picture is a few hundred kilobytes at most. */
const maxSvgBytes = 4 * 1024 * 1024;

/**
 * An SVG drawn by the browser, as an image (sandboxed: no script, no external resources, as
 * for any <img>), scaled so its longer side is the target's: vectors are drawn sharp at any
 * size. An SVG without a size of its own is drawn square.
 */
async function svgImage(bytes: Uint8Array, limit: number): Promise<{ source: HTMLImageElement; width: number; height: number; release: () => void } | null> {
  if (bytes.length > maxSvgBytes) return null;
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/svg+xml' }));
  const element = new Image();
  try {
    element.src = url;
    await element.decode();
  } catch {
    URL.revokeObjectURL(url);
    return null;
  }
  const natural = element.naturalWidth > 0 && element.naturalHeight > 0 ? { width: element.naturalWidth, height: element.naturalHeight } : { width: limit, height: limit };
  const scale = limit / Math.max(natural.width, natural.height);
  return {
    source: element,
    width: Math.max(1, Math.round(natural.width * scale)),
    height: Math.max(1, Math.round(natural.height * scale)),
    release: () => {
      URL.revokeObjectURL(url);
    },
  };
}

async function rasterImage(bytes: Uint8Array, type: string, limit: number): Promise<{ source: ImageBitmap; width: number; height: number; release: () => void } | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  } catch {
    return null;
  }
  return {
    source: bitmap,
    ...fitWithin(bitmap.width, bitmap.height, limit),
    release: () => {
      bitmap.close();
    },
  };
}

export async function prepareImageInRenderer(image: { readonly bytes: Uint8Array; readonly mediaType: string }, target: ImageTarget): Promise<PreparedImage | null> {
  const kind = sniffImage(image.bytes);
  let drawn: { source: CanvasImageSource; width: number; height: number; release: () => void } | null;
  if (kind === 'svg') {
    drawn = await svgImage(image.bytes, target.maxPixels);
  } else {
    const type = decodable[kind];
    const size = imageSize(image.bytes);
    if (type === undefined || !size || size.width * size.height > maxPixels) return null;
    if (fitsAsIs(image.bytes, target)) return null;
    drawn = await rasterImage(image.bytes, type, target.maxPixels);
  }
  if (!drawn) return null;
  const { source, width, height, release } = drawn;
  try {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(source, 0, 0, width, height);
    if (looksFlat(context.getImageData(0, 0, width, height).data, width)) {
      const png = await canvas.convertToBlob({ type: 'image/png' });
      if (png.size <= target.maxBytes / 2) return { bytes: new Uint8Array(await png.arrayBuffer()), mediaType: 'image/png' };
    }
    // Behind the scaled image (already drawn with its alpha), white: the page it prints on.
    context.globalCompositeOperation = 'destination-over';
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: jpegQuality });
    return { bytes: new Uint8Array(await jpeg.arrayBuffer()), mediaType: 'image/jpeg' };
  } catch {
    return null;
  } finally {
    release();
  }
}
