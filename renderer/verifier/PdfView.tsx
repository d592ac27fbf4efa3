import type { PagePdf } from '../../shared/contract/verifierPage';
import type { Language } from '../../shared/preferences';
import { renderOr } from '../../shared/credential/verificationMessages';
import type { Translate } from '../src/i18n/translate';
import { CredentialView, groupNested } from './CredentialView';
import { integrityKey, type PageWords } from './pageWords';

/**
 * A dropped portfolio PDF, as `badgefolio verify-pdf` reads it: whether the attachments are
 * the files exported (the manifest), then each attachment with its credentials verified.
 */
interface Props {
  readonly pdf: PagePdf;
  /** From a short-id link (`#id.<12 hex>`): the entry whose file's SHA-256 starts so is marked. */
  readonly shortId?: string | undefined;
  readonly language: Language;
  readonly t: Translate;
  readonly w: PageWords;
}

export function PdfView({ pdf, shortId, language, t, w }: Props) {
  return (
    <section className="pdf" aria-labelledby="pdf-heading">
      <h2 id="pdf-heading">{pdf.owner ? w('pdfFor', { owner: pdf.owner }) : w('pdf')}</h2>
      <p className={pdf.intact ? 'pdf-verdict intact' : 'pdf-verdict changed'}>{!pdf.hasManifest ? w('pdfNoManifest') : pdf.intact ? w('pdfIntact') : w('pdfNotIntact')}</p>
      {pdf.notes.length > 0 && (
        <ul className="notes">
          {pdf.notes.map((note, index) => (
            <li key={`${note.key}-${String(index)}`}>{renderOr(note, language, note.key)}</li>
          ))}
        </ul>
      )}
      <ol className="attachments">
        {pdf.attachments.map((attachment) => (
          <li
            key={attachment.file}
            className={`attachment integrity-${attachment.integrity}${shortId !== undefined && attachment.sha256?.startsWith(shortId) === true ? ' named' : ''}`}
          >
            {shortId !== undefined && attachment.sha256?.startsWith(shortId) === true && <p className="named-note">{w('shortIdEntry')}</p>}
            <p className="attachment-file">
              <span className="wrap">{attachment.file}</span>: <span className="integrity">{w(integrityKey(attachment.integrity))}</span>
            </p>
            {attachment.credentials.length === 0 && attachment.integrity !== 'missing' && (
              <p className="unrecognised">
                {attachment.listedName ?? ''} {w('unrecognised')}
                {attachment.unrecognised ? `: ${attachment.unrecognised}` : ''}
              </p>
            )}
            {groupNested(attachment.credentials).map(({ top, nested }) => (
              <CredentialView key={top.credential.identity} checked={top} nested={nested} language={language} t={t} w={w} level={3} />
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
