import type { PDFDocument } from 'pdf-lib';
import { sniffImage, type ImageKind } from './imageFormat';
import { embedOpaquePng, type PlacedImage } from './pngStream';
import { sha256Hex } from './sha256';
import type { ImageTarget, PrepareImage } from './types';

/**
 * Images for the PDF: each distinct image (by SHA-256) embedded once however many credentials
 * share it, downscaled by the runtime's `prepareImage` hook when given (pdf-lib embeds PNG and
 * JPEG as they are and cannot scale). Anything that cannot be embedded (SVG, GIF, WebP without
 * a hook, a damaged file) comes back as null and is drawn as a placeholder: never an error.
 * Opaque 8-bit PNGs (what the Node hook makes of flat artwork) are copied in without decoding.
 */

export type { PlacedImage } from './pngStream';
export { imageSize, sniffImage, type ImageKind } from './imageFormat';

const mediaTypes: Record<ImageKind, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  unknown: 'application/octet-stream',
};

/** An image ready to embed: prepared by the hook, or the original bytes. */
interface ReadyImage {
  readonly data: Uint8Array;
  readonly kind: ImageKind;
}

/** How many images a prepareAll hands to the hook at once (a canvas hook decodes off the main thread). */
const concurrentPreparations = 4;

export class ImageCache {
  private readonly digests = new WeakMap<Uint8Array, Promise<string>>();
  private readonly ready = new Map<string, Promise<ReadyImage | null>>();
  private readonly placed = new Map<string, Promise<PlacedImage | null>>();
  /** Distinct images embedded, for figures and tests. */
  embedded = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly prepare: PrepareImage | undefined,
  ) {}

  private async key(bytes: Uint8Array, target: ImageTarget): Promise<string> {
    let digest = this.digests.get(bytes);
    if (!digest) {
      digest = sha256Hex(bytes);
      this.digests.set(bytes, digest);
    }
    return `${String(target.maxPixels)}:${await digest}`;
  }

  private async readyImage(bytes: Uint8Array, target: ImageTarget): Promise<ReadyImage | null> {
    const key = await this.key(bytes, target);
    let ready = this.ready.get(key);
    if (!ready) {
      ready = this.prepareOne(bytes, target);
      this.ready.set(key, ready);
    }
    return ready;
  }

  private async prepareOne(bytes: Uint8Array, target: ImageTarget): Promise<ReadyImage | null> {
    const kind = sniffImage(bytes);
    if (!this.prepare) return { data: bytes, kind };
    try {
      const prepared = await this.prepare({ bytes, mediaType: mediaTypes[kind] }, target);
      return prepared ? { data: prepared.bytes, kind: prepared.mediaType === 'image/png' ? 'png' : 'jpeg' } : { data: bytes, kind };
    } catch {
      return null;
    }
  }

  /**
   * Runs the hook on every distinct image ahead of embedding, a few at a time. Embedding
   * itself stays in document order (`get`), so the PDF's objects come out the same however
   * the preparations interleave.
   */
  async prepareAll(images: readonly { readonly bytes: Uint8Array | undefined; readonly target: ImageTarget }[]): Promise<void> {
    const queue = images.filter((image): image is { bytes: Uint8Array; target: ImageTarget } => image.bytes !== undefined && image.bytes.length > 0);
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) await this.readyImage(next.bytes, next.target);
    };
    await Promise.all(Array.from({ length: concurrentPreparations }, worker));
  }

  async get(bytes: Uint8Array | undefined, target: ImageTarget): Promise<PlacedImage | null> {
    if (!bytes || bytes.length === 0) return null;
    const key = await this.key(bytes, target);
    let image = this.placed.get(key);
    if (!image) {
      image = this.readyImage(bytes, target).then((ready) => (ready ? this.embed(ready) : null));
      this.placed.set(key, image);
    }
    return image;
  }

  private async embed({ data, kind }: ReadyImage): Promise<PlacedImage | null> {
    try {
      const image = kind === 'png' ? (embedOpaquePng(this.doc, data) ?? (await this.doc.embedPng(data))) : kind === 'jpeg' ? await this.doc.embedJpg(data) : null;
      if (image) this.embedded++;
      return image;
    } catch {
      return null;
    }
  }
}
