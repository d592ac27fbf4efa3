import { useEffect, useId, useRef, useState } from 'react';
import { FieldFeedback, HiddenFileInput } from '../controls/formParts';
import { useI18n } from '../i18n/i18n';
import { wallet } from '../wallet';
import { useWalletOnOpen } from '../wallet/useWalletOnOpen';
import { PhotoError, preparePhoto, type PhotoProblem } from './photoFile';

const problemKeys = {
  'not-image': 'profile.photo.notImage',
  'too-large': 'profile.photo.tooLarge',
  unreadable: 'profile.photo.unreadable',
} as const satisfies Record<PhotoProblem, string>;

interface Photo {
  mediaType: string;
  bytes: Uint8Array;
}

/**
 * The portfolio cover photo. It lives in the encrypted wallet (it is personal), so it is saved
 * the moment it is chosen or removed, apart from the profile form's Save button.
 */
export function ProfilePhoto() {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useWalletOnOpen(
    () => wallet().profilePhoto({}),
    (result) => {
      if (result.ok) setPhoto(result.value.image);
      else setError(result.error.message);
    },
  );

  // The preview is a blob: URL of the vault's bytes (the CSP allows blob: images, nothing remote).
  useEffect(() => {
    if (!photo) {
      setUrl(null);
      return;
    }
    const objectUrl = URL.createObjectURL(new Blob([photo.bytes as Uint8Array<ArrayBuffer>], { type: photo.mediaType }));
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
    };
  }, [photo]);

  const store = async (image: Photo | null): Promise<boolean> => {
    const result = await wallet().setProfilePhoto({ image });
    if (!result.ok) {
      setError(result.error.message);
      return false;
    }
    setPhoto(result.value.image);
    return true;
  };

  const choose = async (file: File): Promise<void> => {
    setWorking(true);
    setError(null);
    setStatus(null);
    try {
      const prepared = await preparePhoto(file);
      if (await store(prepared)) setStatus(t('profile.photo.saved'));
    } catch (caught) {
      // Anything the browser's decoder throws means the same to the person: the image is unusable.
      const problem = caught instanceof PhotoError ? caught.problem : 'unreadable';
      setError(t(problemKeys[problem], { size: Math.round((file.size / (1024 * 1024)) * 10) / 10 }));
    } finally {
      setWorking(false);
    }
  };

  const remove = async (): Promise<void> => {
    setError(null);
    setStatus(null);
    if (await store(null)) {
      setStatus(t('profile.photo.removed'));
      // The button that had focus is gone; keep the keyboard user next to the photo controls.
      chooseButton.current?.focus();
    }
  };

  return (
    <div className="form-card" role="group" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('profile.photo')}</h2>
      <div className="photo-row">
        <div className="photo-frame">{url ? <img src={url} alt={t('profile.photo.alt')} /> : <span className="photo-none">{t('profile.photo.none')}</span>}</div>
        <div className="photo-controls">
          <p id={`${id}-hint`} className="field-hint">
            {t('profile.photo.hint')}
          </p>
          <div className="button-row">
            <button ref={chooseButton} type="button" aria-describedby={`${id}-hint`} disabled={working} onClick={() => input.current?.click()}>
              {working ? t('profile.photo.working') : t('profile.photo.choose')}
            </button>
            {photo && (
              <button type="button" disabled={working} onClick={() => void remove()}>
                {t('profile.photo.remove')}
              </button>
            )}
            <HiddenFileInput inputRef={input} accept="image/png,image/jpeg,.png,.jpg,.jpeg" testId="profile-photo-input" onFile={(file) => void choose(file)} />
          </div>
          <FieldFeedback error={error} status={status} />
        </div>
      </div>
    </div>
  );
}
