import type { PDFDocument, PDFImage } from 'pdf-lib';
import { sha256Hex } from './sha256';
import type { ImageTarget, PrepareImage } from './types';

/**
 * Images for the PDF: each distinct image (by SHA-256) embedded once however many credentials
 * share it, downscaled by the runtime's `prepareImage` hook when given (pdf-lib embeds PNG and
 * JPEG as they are and cannot scale). Anything that cannot be embedded (SVG, GIF, WebP without
 * a hook, a damaged file) comes back as null and is drawn as a placeholder: never an error.
 */

export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'svg' | 'unknown';

export function sniffImage(bytes: Uint8Array): ImageKind {
  const b = (i: number): number => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46) return 'gif';
  if (b(0) === 0x52 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x46 && b(8) === 0x57 && b(9) === 0x45 && b(10) === 0x42 && b(11) === 0x50) return 'webp';
  const head = String.fromCharCode(...bytes.subarray(0, 512)).trimStart();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')) || head.startsWith('<!--')) return head.includes('<svg') ? 'svg' : 'unknown';
  return 'unknown';
}

const mediaTypes: Record<ImageKind, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  unknown: 'application/octet-stream',
};

export class ImageCache {
  private readonly byHash = new Map<string, Promise<PDFImage | null>>();
  /** Distinct images embedded, for figures and tests. */
  embedded = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly prepare: PrepareImage | undefined,
  ) {}

  async get(bytes: Uint8Array | undefined, target: ImageTarget): Promise<PDFImage | null> {
    if (!bytes || bytes.length === 0) return null;
    const key = `${String(target.maxPixels)}:${await sha256Hex(bytes)}`;
    let image = this.byHash.get(key);
    if (!image) {
      image = this.embed(bytes, target);
      this.byHash.set(key, image);
    }
    return image;
  }

  private async embed(bytes: Uint8Array, target: ImageTarget): Promise<PDFImage | null> {
    const kind = sniffImage(bytes);
    let data: Uint8Array = bytes;
    let type: ImageKind = kind;
    if (this.prepare) {
      try {
        const prepared = await this.prepare({ bytes, mediaType: mediaTypes[kind] }, target);
        if (prepared) {
          data = prepared.bytes;
          type = prepared.mediaType === 'image/png' ? 'png' : 'jpeg';
        }
      } catch {
        return null;
      }
    }
    try {
      const image = type === 'png' ? await this.doc.embedPng(data) : type === 'jpeg' ? await this.doc.embedJpg(data) : null;
      if (image) this.embedded++;
      return image;
    } catch {
      return null;
    }
  }
}
