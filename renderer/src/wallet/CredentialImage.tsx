import { useEffect, useState } from 'react';
import { BadgeMark } from '../BadgeMark';
import { bytesToBase64 } from '../../../shared/encoding/base64';
import { wallet } from '../wallet';

/**
 * Badge pictures as blob: URLs, kept for the most recently shown credentials: scrolling back
 * up a long portfolio shows them at once instead of asking the main process again.
 * `loading` holds every request (shared by all who ask); `ready` the answers already in, so a
 * card whose picture is known renders with it in its first frame instead of one frame later.
 */
const loading = new Map<string, Promise<string | null>>();
const ready = new Map<string, string | null>();
const maxCached = 600;

function objectUrl(image: { bytes: Uint8Array; mediaType: string } | null): string | null {
  return image ? URL.createObjectURL(new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: image.mediaType })) : null;
}

/**
 * Thumbnails (downscaled to card size by the main process) become data: URLs: registering a
 * blob URL cost the page about a millisecond each (14 ms for a screenful, measured in the
 * renderer benchmark), writing out a small data URL a fraction of that. The full picture in
 * the details keeps a blob URL.
 */
function dataUrl(image: { bytes: Uint8Array; mediaType: string } | null): string | null {
  return image ? `data:${image.mediaType};base64,${bytesToBase64(image.bytes)}` : null;
}

const revoke = (url: string | null | undefined): void => {
  if (url?.startsWith('blob:')) URL.revokeObjectURL(url);
};

/** Thumbnails asked for in the same moment (a screenful of new cards) go in one call. */
let pending: { id: string; resolve: (url: string | null) => void }[] = [];

function flushThumbnails(): void {
  const batch = pending.splice(0, 100);
  if (batch.length === 0) return; // sent already, by preloadThumbnails
  if (pending.length > 0) queueMicrotask(flushThumbnails);
  void wallet()
    .credentialThumbnails({ ids: batch.map((item) => item.id) })
    .then((result) => {
      batch.forEach((item, index) => {
        item.resolve(result.ok ? dataUrl(result.value.images[index] ?? null) : null);
      });
    });
}

function thumbnailUrl(id: string): Promise<string | null> {
  return new Promise((resolve) => {
    // A render pass asks for a whole screenful synchronously: one call after it.
    if (pending.length === 0) queueMicrotask(flushThumbnails);
    pending.push({ id, resolve });
  });
}

function fullUrl(id: string): Promise<string | null> {
  return wallet()
    .credentialImage({ id })
    .then((result) => (result.ok ? objectUrl(result.value.image) : null));
}

type Variant = 'thumbnail' | 'full';
const keyOf = (id: string, variant: Variant): string => `${variant}:${id}`;

function imageUrl(id: string, variant: Variant): Promise<string | null> {
  const key = keyOf(id, variant);
  const known = loading.get(key);
  if (known) {
    loading.delete(key);
    loading.set(key, known);
    return known;
  }
  const request = (variant === 'thumbnail' ? thumbnailUrl(id) : fullUrl(id)).then((url) => {
    if (loading.get(key) === request) ready.set(key, url);
    else revoke(url); // forgotten while it was on its way
    return url;
  });
  loading.set(key, request);
  for (const oldest of loading.keys()) {
    if (loading.size <= maxCached) break;
    forget(oldest);
  }
  return request;
}

function forget(key: string): void {
  revoke(ready.get(key));
  ready.delete(key);
  loading.delete(key);
}

/**
 * Starts fetching the card pictures of credentials about to be shown (a new search result),
 * during the render that shows them: the request is under way while React draws the cards,
 * rather than after they are on screen.
 */
export function preloadThumbnails(credentials: readonly { id: string; hasImage: boolean }[]): void {
  for (const credential of credentials) if (credential.hasImage) void imageUrl(credential.id, 'thumbnail');
  // Sent now rather than after the render: the answer travels while React draws the cards.
  while (pending.length > 0) flushThumbnails();
}

/**
 * Asks for the card pictures of credentials about to be shown and says when they are all in
 * (or `withinMs` has passed, whichever comes first); null when none is missing.
 */
export function picturesReady(credentials: readonly { id: string; hasImage: boolean }[], withinMs: number): Promise<void> | null {
  const missing = credentials.filter((credential) => credential.hasImage && !ready.has(keyOf(credential.id, 'thumbnail')));
  if (missing.length === 0) return null;
  preloadThumbnails(missing);
  const answers = Promise.all(missing.map((credential) => imageUrl(credential.id, 'thumbnail')));
  return Promise.race([answers.then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, withinMs))]);
}

/** Forgets every picture (the wallet was locked): nothing of it stays in the page. */
export function forgetCredentialImages(): void {
  for (const key of [...loading.keys()]) forget(key);
  for (const url of ready.values()) revoke(url);
  ready.clear();
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
  variant?: Variant;
}) {
  const key = keyOf(id, variant);
  const [loaded, setLoaded] = useState<{ key: string; url: string | null } | null>(null);
  const known = ready.get(key);
  const url = loaded?.key === key ? loaded.url : (known ?? null);
  const wanted = hasImage && known === undefined && (!defer || loading.has(key));
  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    void imageUrl(id, variant).then((answer) => {
      if (!cancelled) setLoaded({ key: keyOf(id, variant), url: answer });
    });
    return () => {
      cancelled = true;
    };
  }, [id, wanted, variant]);
  return url ? <img className="credential-image" src={url} alt="" /> : <BadgeMark className="credential-image placeholder" />;
}
