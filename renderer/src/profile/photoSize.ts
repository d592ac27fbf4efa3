/** The longest side of the stored photo: enough for a PDF cover at print resolution. */
export const maxPhotoSide = 512;

/** Scales a width and height so the longer side is at most `limit`, never enlarging. */
export function fitWithin(width: number, height: number, limit: number): { width: number; height: number } {
  const scale = Math.min(1, limit / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
