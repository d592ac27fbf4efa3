import { fitsAsIs, sniffImage } from '../../../shared/portfolio/imageFormat';
import { cardPictureTarget, type FileReaders } from '../../portfolio/fileReaders';
import type { Vault } from '../../vault/vault';

export type Thumbnail = { id: string; mediaType: string; bytes: Uint8Array } | null;
type Picture = { mediaType: string; bytes: Uint8Array } | null;

/** Card pictures kept per open wallet: a screenful many times over, a few MB at most. */
const keptPictures = 3000;

/**
 * Card-sized pictures (at most 160 px), made once per open wallet and kept until the wallet is
 * locked. PNG and JPEG are shrunk in a worker thread (portfolio/fileReaders.ts), so the window's
 * other calls are answered meanwhile and a hostile picture costs only its worker; one that
 * cannot be read gets no picture (the card shows its placeholder).
 */
export class ThumbnailCache {
  private readonly cache = new Map<string, Picture>();

  constructor(private readonly readers: () => FileReaders) {}

  /** Forgets one credential's picture (it may have changed), or all of them. */
  forget(id?: string): void {
    if (id === undefined) this.cache.clear();
    else this.cache.delete(id);
  }

  async thumbnails(vault: Vault, ids: readonly string[]): Promise<Thumbnail[]> {
    // Every picture not made yet is started at once: the workers shrink them side by side.
    const pictures = await Promise.all(ids.map((id) => (this.cache.has(id) ? Promise.resolve(this.cache.get(id) ?? null) : this.make(vault, id))));
    return ids.map((id, index) => {
      const picture = pictures[index] ?? null;
      return picture ? { id, ...picture } : null;
    });
  }

  private async make(vault: Vault, id: string): Promise<Picture> {
    const image = vault.image(id);
    let picture: Picture = null;
    if (image) {
      const kind = sniffImage(image.bytes);
      // SVG, GIF and WebP go to the window as they are: its own image decoder draws them
      // (sandboxed, off this thread); only PNG and JPEG are shrunk. One already card-sized (its
      // header says so) goes as it is too, without a worker's round trip: a search showing new
      // cards then has their pictures in the same answer time as the cards.
      const shrink = (kind === 'png' || kind === 'jpeg') && !fitsAsIs(image.bytes, cardPictureTarget);
      const prepared = shrink ? await this.readers().cardPicture(image.bytes) : 'as-is';
      picture = prepared === 'as-is' ? { mediaType: image.mediaType, bytes: image.bytes } : prepared;
    }
    this.cache.set(id, picture);
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= keptPictures) break;
      this.cache.delete(oldest);
    }
    return picture;
  }
}
