import DOMPurify from 'dompurify';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { wallet } from '../wallet';
import { CredentialImage } from './CredentialImage';
import { displayDocument } from './blockcertsDisplayHtml';

/** A DOMPurify instance of its own: the hooks set for displays apply to nothing else. */
const purifier = DOMPurify(window);

const frameStyle = {
  flex: '0 1 36rem',
  minWidth: '16rem',
  height: '26rem',
  border: '1px solid var(--border)',
  borderRadius: '8px',
  background: '#fff',
} as const;

/**
 * A Blockcerts certificate's picture in the details: its display as the issuer designed it.
 * Intake keeps the display as the credential's picture: an HTML display (`text/html`) is shown
 * here, sanitised, in a sandboxed frame (see blockcertsDisplayHtml.ts for what is removed and
 * why); an image display (PNG, JPEG, SVG) or a badge image goes the way every badge picture
 * goes, through CredentialImage (an <img> from vault bytes: no script, no remote load).
 */
export function BlockcertsDisplay({ id }: { id: string }) {
  const { t, language } = useI18n();
  const [html, setHtml] = useState<{ id: string; text: string | null } | null>(null);

  useEffect(() => {
    let cancelled = false;
    void wallet()
      .credentialImage({ id })
      .then((result) => {
        if (cancelled) return;
        const image = result.ok ? result.value.image : null;
        // Decoded as UTF-8 whatever the file said: the text only ever reaches DOMPurify.
        setHtml({ id, text: image?.mediaType === 'text/html' ? new TextDecoder().decode(image.bytes) : null });
      });
    return () => {
      cancelled = true;
    };
  }, [id]);

  if (html?.id !== id) return <CredentialImage id={id} hasImage={false} />;
  if (html.text === null) return <CredentialImage id={id} hasImage={true} variant="full" />;
  return (
    <iframe
      className="blockcerts-display"
      title={t('detail.display')}
      // Sized here (React sets these through the CSSOM, which the app's CSP allows): a
      // certificate is a page, not a 64-pixel badge.
      style={frameStyle}
      // SECURITY: an empty sandbox: no scripts, no origin, no forms, popups or navigation.
      sandbox=""
      referrerPolicy="no-referrer"
      srcDoc={displayDocument(purifier, html.text, language)}
    />
  );
}
