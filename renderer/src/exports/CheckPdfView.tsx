import { useId, useRef, useState } from 'react';
import type { PortfolioPdfCheck } from '../../../shared/credential/walletViews';
import type { NetworkUse } from '../../../shared/preferences';
import { identityLabel } from '../credentials/issuerIdentityWords';
import { HiddenFileInput } from '../controls/formParts';
import { useI18n } from '../i18n/i18n';
import { wallet } from '../wallet';
import { CheckSentence, PlainReportSentence } from '../wallet/VerificationText';
import { groupedRows, type CheckedItem } from './checkedRows';
import '../styles/forms.css';

/** The largest PDF read here; portfolio PDFs with their originals attached are far smaller. */
const maxPdfBytes = 50 * 1024 * 1024;

type Verdict = 'good' | 'unverified' | 'altered' | 'unknown' | 'empty';

function verdictOf(check: PortfolioPdfCheck): Verdict {
  // Nothing listed to compare with (no manifest, or an unreadable one): changes cannot be seen,
  // which is not the same as having seen one.
  if (!check.intact && check.credentials.every((c) => c.integrity === 'unlisted')) return 'unknown';
  if (!check.intact) return 'altered';
  // A link carrying another credential than its attachment: the PDF was changed after export.
  if (check.credentials.some((c) => c.link === 'differs-from-attachment' || c.link === 'unreadable')) return 'altered';
  if (check.credentials.length === 0) return 'empty';
  return check.credentials.every((c) => c.status === 'verified') ? 'good' : 'unverified';
}

/** A number, so that the catalogue writes it as the reader's language does ("1,5" in German). */
function megabytes(size: number): number {
  return Math.round((size / (1024 * 1024)) * 10) / 10;
}

/**
 * The employer's side: open a portfolio PDF, compare its attachments with the manifest written
 * at export, and verify each credential. Online only when the settings allow it, or the person
 * ticks the box when the settings say "ask".
 */
export function CheckPdfView({ network }: { network: NetworkUse }) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const [alsoOnline, setAlsoOnline] = useState(false);
  const [checking, setChecking] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ file: string; online: boolean; check: PortfolioPdfCheck } | null>(null);

  const online = network === 'allowed' || (network === 'ask' && alsoOnline);

  const check = async (file: File): Promise<void> => {
    setError(null);
    setResult(null);
    if (file.size > maxPdfBytes) {
      setError(t('exports.check.tooLarge', { size: megabytes(file.size) }));
      return;
    }
    setChecking(file.name);
    try {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        setError(t('exports.check.unreadable'));
        return;
      }
      const answer = await wallet().checkPortfolioPdf({ bytes, online });
      if (!answer.ok) {
        setError(answer.error.message);
        return;
      }
      setResult({ file: file.name, online, check: answer.value });
      // The verdict appears below the button: take the reader there.
      requestAnimationFrame(() => resultHeading.current?.focus());
    } finally {
      setChecking(null);
    }
  };

  const verdict = result ? verdictOf(result.check) : null;

  return (
    <section className="form-page" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('exports.check.title')}</h1>
      <p className="page-lead">{t('exports.check.lead')}</p>
      <div className="form-card">
        {network === 'ask' && (
          <div className="field-group">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={alsoOnline}
                aria-describedby={`${id}-online-hint`}
                onChange={(event) => {
                  setAlsoOnline(event.target.checked);
                }}
              />
              {t('exports.check.online')}
            </label>
            <p id={`${id}-online-hint`} className="field-hint">
              {t('exports.check.online.hint')}
            </p>
          </div>
        )}
        <div className="button-row">
          <button type="button" className="primary" disabled={checking !== null} onClick={() => input.current?.click()}>
            {t('exports.check.open')}
          </button>
          <HiddenFileInput inputRef={input} accept=".pdf,application/pdf" testId="check-pdf-input" onFile={(file) => void check(file)} />
        </div>
        {checking !== null && (
          <div className="progress-line">
            <progress aria-label={t('exports.check.progress')} />
            <p role="status">{t('exports.check.working', { file: checking })}</p>
          </div>
        )}
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
      </div>

      {result && verdict && (
        <section className="form-card check-result" aria-labelledby={`${id}-result`}>
          <h2 id={`${id}-result`} ref={resultHeading} tabIndex={-1}>
            {t('exports.check.resultTitle', { file: result.file })}
          </h2>
          {result.check.owner && <p className="owner">{t('exports.check.owner', { owner: result.check.owner })}</p>}
          <p className={`verdict verdict-${verdict}`}>
            <span aria-hidden="true" className="verdict-mark">
              {verdict === 'good' ? '✓' : verdict === 'altered' ? '✗' : '!'}
            </span>{' '}
            {t(`exports.check.verdict.${verdict}`)}
          </p>
          {(result.check.notes.length > 0 || !result.online) && (
            <ul className="notes">
              {result.check.notes.map((note, index) => (
                <li key={`${String(index)}-${note}`}>
                  <CheckSentence check={{ sentence: note, message: result.check.noteMessages?.[index] }} />
                </li>
              ))}
              {!result.online && <li>{t('exports.check.offlineNote')}</li>}
            </ul>
          )}
          {result.check.credentials.length > 0 && (
            <>
              <h3 id={`${id}-list`}>{t('exports.check.list')}</h3>
              <ul className="checked-credentials" aria-labelledby={`${id}-list`}>
                {groupedRows(result.check.credentials).map(({ item, nested }, index) => (
                  <li key={`${item.file}-${String(index)}`} className={`checked-credential integrity-${item.integrity}`}>
                    <CheckedCredential item={item} />
                    {nested.length > 0 && (
                      <ul className="checked-nested" aria-label={t('exports.check.nested', { name: item.name ?? t('exports.check.unnamed') })}>
                        {nested.map((child, childIndex) => (
                          <li key={`${child.file}-${String(childIndex)}`} className={`checked-credential integrity-${child.integrity}`}>
                            <CheckedCredential item={child} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </section>
  );
}

/** One credential read back from the PDF: its name, status, issuer, whether its file is as exported, and why. */
function CheckedCredential({ item }: { item: CheckedItem }) {
  const { t } = useI18n();
  return (
    <>
      <div className="checked-head">
        <strong>{item.name ?? t('exports.check.unnamed')}</strong>
        {item.status ? <span className={`status status-${item.status}`}>{t(`status.${item.status}`)}</span> : <span className="status">{t('exports.check.notVerified')}</span>}
      </div>
      {item.issuerName && <p className="issuer">{item.issuerName}</p>}
      {item.issuerIdentity && (
        <p className="identity-line">
          <span className={`identity identity-${item.issuerIdentity.level}`}>{identityLabel(item.issuerIdentity, t)}</span>
        </p>
      )}
      <p className={item.integrity === 'intact' ? 'integrity' : 'integrity integrity-bad'}>{t(`exports.check.integrity.${item.integrity}`, { file: item.file })}</p>
      {/* What the link printed for it carries: the employer clicks that link, not the attachment. */}
      {item.link && (
        <p className={item.link === 'differs-from-attachment' || item.link === 'unreadable' ? 'link-check integrity-bad' : 'link-check'} data-link-check={item.link}>
          {t(`exports.check.link.${item.link}`)}
        </p>
      )}
      {/* Plain words; the engine's own (addresses, error codes) under "Technical details". */}
      {item.summary && <PlainReportSentence report={{ ...item, summary: item.summary }} className="summary" />}
      {/* An intact attachment that is no credential: the main process says why it was not recognised. */}
      {item.status === undefined && item.integrity === 'intact' && <p className="summary">{item.sentence}</p>}
    </>
  );
}
