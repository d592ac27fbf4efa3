import { fitWithin, maxPhotoSide } from './photoSize';

/** The largest photo file accepted before downscaling: bigger ones are rarely a portrait. */
export const maxPhotoFileBytes = 5 * 1024 * 1024;

export type PhotoProblem = 'not-image' | 'too-large' | 'unreadable';

export class PhotoError extends Error {
  constructor(readonly problem: PhotoProblem) {
    super(problem);
    this.name = 'PhotoError';
  }
}

/** PNG and JPEG by their first bytes: a renamed file or a wrong `type` from the OS does not count. */
function sniffType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/**
 * Reads a chosen photo and redraws it on a canvas at most 512 px on its longer side. Redrawing
 * even a small photo is deliberate: the new file carries no EXIF data (camera, GPS position)
 * into the wallet or into any PDF made from it. PNG stays PNG (it may be transparent), JPEG
 * stays JPEG.
 */
export async function preparePhoto(file: File): Promise<{ mediaType: 'image/png' | 'image/jpeg'; bytes: Uint8Array }> {
  if (file.size > maxPhotoFileBytes) throw new PhotoError('too-large');
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  const mediaType = sniffType(head);
  if (!mediaType) throw new PhotoError('not-image');
  let bitmap: ImageBitmap;
  try {
    // Applies the EXIF orientation, so a portrait taken sideways is stored upright.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoError('unreadable');
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height, maxPhotoSide);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) throw new PhotoError('unreadable');
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    const blob = await new Promise<Blob | null>((resolve) => {
      canvas.toBlob(resolve, mediaType, 0.9);
    });
    if (!blob) throw new PhotoError('unreadable');
    return { mediaType, bytes: new Uint8Array(await blob.arrayBuffer()) };
  } finally {
    bitmap.close();
  }
}
