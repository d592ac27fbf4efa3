import { useEffect, useState } from 'react';
import { BadgeMark } from '../BadgeMark';
import { wallet } from '../wallet';

/** The badge picture, fetched from the vault when the card is shown; never from the web. */
export function CredentialImage({ id, hasImage }: { id: string; hasImage: boolean }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!hasImage) return;
    let objectUrl: string | null = null;
    let cancelled = false;
    void wallet()
      .credentialImage({ id })
      .then((result) => {
        if (cancelled || !result.ok || !result.value.image) return;
        const { bytes, mediaType } = result.value.image;
        objectUrl = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mediaType }));
        setUrl(objectUrl);
      });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [id, hasImage]);
  return url ? <img className="credential-image" src={url} alt="" /> : <BadgeMark className="credential-image placeholder" />;
}
