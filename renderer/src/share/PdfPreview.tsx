import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';

/** Pages are drawn this wide (CSS pixels) and scaled by the screen's pixel ratio for sharpness. */
const pageWidth = 640;

/**
 * The preview of a PDF just built: every page drawn on a canvas by pdf.js, inside the page
 * (the same in Electron and in a browser; no PDF plugin, no frame, nothing remote). pdf.js and
 * its worker load only when a preview is asked for.
 */
export function PdfPreview({ bytes }: { bytes: Uint8Array }) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<number | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    // An object, not a boolean: the async drawing below reads it after awaits.
    const run = { cancelled: false };
    const stopped = (): boolean => run.cancelled;
    const target = container.current;
    if (!target) return;
    target.replaceChildren();
    setPages(null);
    setFailed(null);
    void (async () => {
      try {
        const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
        pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
        // A copy: pdf.js transfers the buffer to its worker, and the caller still needs the bytes to save.
        const task = pdfjs.getDocument({ data: bytes.slice(), enableXfa: false });
        const document = await task.promise;
        if (stopped()) return;
        setPages(document.numPages);
        const ratio = window.devicePixelRatio || 1;
        for (let number = 1; number <= document.numPages && !stopped(); number++) {
          const page = await document.getPage(number);
          const unscaled = page.getViewport({ scale: 1 });
          const viewport = page.getViewport({ scale: (pageWidth / unscaled.width) * ratio });
          const canvas = window.document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.style.width = `${String(pageWidth)}px`;
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', t('preview.page', { number, count: document.numPages }));
          canvas.className = 'preview-page';
          target.append(canvas);
          await page.render({ canvas, viewport }).promise;
        }
        await task.destroy();
      } catch (error) {
        if (!stopped()) setFailed(error instanceof Error ? error.message : String(error));
      }
    })();
    return () => {
      run.cancelled = true;
    };
  }, [bytes, t]);

  return (
    <section className="pdf-preview" aria-label={t('export.preview')}>
      {pages !== null && <p className="muted">{t('preview.pages', { count: pages, size: Math.round((bytes.length / 1024 / 1024) * 100) / 100 })}</p>}
      {failed && (
        <p role="alert" className="banner banner-error">
          {t('preview.failed', { reason: failed })}
        </p>
      )}
      {/* Focusable so the pages can be scrolled from the keyboard. */}
      <div ref={container} className="preview-pages" tabIndex={0} aria-label={t('preview.pagesLabel')} role="group" />
    </section>
  );
}
