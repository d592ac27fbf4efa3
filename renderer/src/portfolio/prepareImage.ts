import { imageSize, sniffImage } from '../../../shared/portfolio/imageFormat';
import type { ImageTarget, PreparedImage } from '../../../shared/portfolio/types';

/**
 * The renderer's `prepareImage` hook for the PDF builder: the browser decodes the image
 * (createImageBitmap, off the main thread), an OffscreenCanvas scales it down to the target,
 * and the canvas encodes it: PNG when the image has transparency (it stays transparent on the
 * page), JPEG otherwise. Like the command line's hook, an image already small enough in pixels
 * and bytes is left as it is (null), and a damaged one gives null (the builder draws a
 * placeholder) instead of an error. GIF and WebP, which the browser decodes anyway, are
 * converted too (the command line draws them as placeholders); SVG is not rasterised.
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

function hasTransparency(pixels: Uint8ClampedArray): boolean {
  for (let at = 3; at < pixels.length; at += 4) if ((pixels[at] ?? 255) < 255) return true;
  return false;
}

export async function prepareImageInRenderer(image: { readonly bytes: Uint8Array; readonly mediaType: string }, target: ImageTarget): Promise<PreparedImage | null> {
  const kind = sniffImage(image.bytes);
  const type = decodable[kind];
  const size = imageSize(image.bytes);
  if (type === undefined || !size || size.width * size.height > maxPixels) return null;
  const original = kind === 'png' || kind === 'jpeg';
  if (original && Math.max(size.width, size.height) <= target.maxPixels && image.bytes.length <= target.maxBytes) return null;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type }));
  } catch {
    return null;
  }
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height, target.maxPixels);
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
    const transparent = hasTransparency(context.getImageData(0, 0, width, height).data);
    const blob = await canvas.convertToBlob(transparent ? { type: 'image/png' } : { type: 'image/jpeg', quality: jpegQuality });
    return { bytes: new Uint8Array(await blob.arrayBuffer()), mediaType: transparent ? 'image/png' : 'image/jpeg' };
  } catch {
    return null;
  } finally {
    bitmap.close();
  }
}
