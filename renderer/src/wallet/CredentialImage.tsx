import { useEffect, useState } from 'react';
import { BadgeMark } from '../BadgeMark';
import { wallet } from '../wallet';

/**
 * Badge pictures as blob: URLs, kept for the most recently shown credentials: scrolling back
 * up a long portfolio shows them at once instead of asking the main process again.
 */
const cache = new Map<string, Promise<string | null>>();
const maxCached = 600;

function objectUrl(image: { bytes: Uint8Array; mediaType: string } | null): string | null {
  return image ? URL.createObjectURL(new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: image.mediaType })) : null;
}

/** Thumbnails asked for in the same moment (a screenful of new cards) go in one call. */
let pending: { id: string; resolve: (url: string | null) => void }[] = [];

function flushThumbnails(): void {
  const batch = pending.splice(0, 100);
  if (pending.length > 0) setTimeout(flushThumbnails, 0);
  void wallet()
    .credentialThumbnails({ ids: batch.map((item) => item.id) })
    .then((result) => {
      batch.forEach((item, index) => {
        item.resolve(result.ok ? objectUrl(result.value.images[index] ?? null) : null);
      });
    });
}

function thumbnailUrl(id: string): Promise<string | null> {
  return new Promise((resolve) => {
    if (pending.length === 0) setTimeout(flushThumbnails, 0);
    pending.push({ id, resolve });
  });
}

function fullUrl(id: string): Promise<string | null> {
  return wallet()
    .credentialImage({ id })
    .then((result) => (result.ok ? objectUrl(result.value.image) : null));
}

function imageUrl(id: string, variant: 'thumbnail' | 'full'): Promise<string | null> {
  const key = `${variant}:${id}`;
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const loading = variant === 'thumbnail' ? thumbnailUrl(id) : fullUrl(id);
  cache.set(key, loading);
  for (const [oldest, url] of cache) {
    if (cache.size <= maxCached) break;
    cache.delete(oldest);
    void url.then((u) => {
      if (u) URL.revokeObjectURL(u);
    });
  }
  return loading;
}

/** Forgets every picture (the wallet was locked): nothing of it stays in the page. */
export function forgetCredentialImages(): void {
  for (const url of cache.values()) {
    void url.then((u) => {
      if (u) URL.revokeObjectURL(u);
    });
  }
  cache.clear();
  pending = [];
}

/**
 * The badge picture, from the vault, never from the web. `defer` holds the request back while
 * the list is being scrolled fast: cards flying past need no picture.
 */
export function CredentialImage({
  id,
  hasImage,
  defer = false,
  variant = 'thumbnail',
}: {
  id: string;
  hasImage: boolean;
  defer?: boolean;
  /** Cards show a small copy; the details show the picture as the issuer made it. */
  variant?: 'thumbnail' | 'full';
}) {
  const [url, setUrl] = useState<string | null>(null);
  const wanted = hasImage && (!defer || cache.has(`${variant}:${id}`));
  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    void imageUrl(id, variant).then((loaded) => {
      if (!cancelled) setUrl(loaded);
    });
    return () => {
      cancelled = true;
    };
  }, [id, wanted, variant]);
  return url ? <img className="credential-image" src={url} alt="" /> : <BadgeMark className="credential-image placeholder" />;
}
