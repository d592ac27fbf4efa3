import { useId, useRef, useState } from 'react';
import type { ExportRecord, Organiser } from '../../../shared/organiser';
import { FieldFeedback } from '../controls/formParts';
import { useI18n } from '../i18n/i18n';
import { wallet } from '../wallet';
import '../styles/forms.css';

/** Credentials named in a row before the rest fold away behind "N more". */
const namesShown = 5;

function exportDate(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(language, { day: 'numeric', month: 'long', year: 'numeric' });
}

function exportTime(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
}

/** The file's own name: the log keeps where it was saved, the table shows what it is called. */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function CredentialNames({ names }: { names: readonly string[] }) {
  const { t } = useI18n();
  const first = names.slice(0, namesShown);
  const rest = names.slice(namesShown);
  return (
    <>
      <ul className="names">
        {first.map((name, index) => (
          <li key={`${name}-${String(index)}`}>{name}</li>
        ))}
      </ul>
      {rest.length > 0 && (
        <details>
          <summary>{t('exports.log.more', { count: rest.length })}</summary>
          <ul className="names">
            {rest.map((name, index) => (
              <li key={`${name}-${String(index)}`}>{name}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** What was exported when and for whom; entries can be deleted one by one or all at once. */
export function ExportLogView({ organiser, onOrganiser }: { organiser: Organiser; onOrganiser: (next: Organiser) => void }) {
  const { t, language } = useI18n();
  const id = useId();
  const confirm = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const records = [...organiser.exports].sort((a, b) => b.exportedAt.localeCompare(a.exportedAt));

  const remove = async (recordId: string | null, nextFocus: () => void): Promise<void> => {
    setBusy(true);
    setError(null);
    setStatus(null);
    const result = await wallet().removeExportRecord({ id: recordId });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    onOrganiser(result.value);
    setStatus(t(recordId === null ? 'exports.log.deletedAll' : 'exports.log.deleted'));
    nextFocus();
  };

  const deleteLabel = (record: ExportRecord): string => {
    const date = exportDate(record.exportedAt, language);
    const recipient = record.recipient.trim();
    return recipient === '' ? t('exports.log.deleteOn', { date }) : t('exports.log.deleteFor', { recipient, date });
  };

  // After a row goes, focus moves to the row that took its place (or the heading), never to <body>.
  const focusAfterRemoving = (index: number) => () => {
    requestAnimationFrame(() => {
      const buttons = document.querySelectorAll<HTMLButtonElement>(`[data-log="${id}"] .row-delete`);
      const next = buttons[Math.min(index, buttons.length - 1)];
      if (next) next.focus();
      else heading.current?.focus();
    });
  };

  return (
    <section className="form-page wide" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('exports.log.title')}
      </h1>
      {records.length === 0 ? (
        <p className="empty-state">{t('exports.log.empty')}</p>
      ) : (
        <>
          <p className="page-lead">{t('exports.log.lead')}</p>
          <div className="table-scroll" data-log={id}>
            <table className="log-table">
              <caption>{t('exports.log.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('exports.log.date')}</th>
                  <th scope="col">{t('exports.log.recipient')}</th>
                  <th scope="col">{t('exports.log.file')}</th>
                  <th scope="col">{t('exports.log.credentials')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('exports.log.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {records.map((record, index) => (
                  <tr key={record.id}>
                    <td>
                      <time dateTime={record.exportedAt}>
                        {exportDate(record.exportedAt, language)}
                        <span className="muted"> {exportTime(record.exportedAt, language)}</span>
                      </time>
                    </td>
                    <th scope="row">{record.recipient.trim() === '' ? <span className="muted">{t('exports.log.noRecipient')}</span> : record.recipient}</th>
                    <td className="file-name" title={record.fileName}>
                      {baseName(record.fileName)}
                    </td>
                    <td>
                      <CredentialNames names={record.credentialNames} />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="row-delete"
                        aria-label={deleteLabel(record)}
                        disabled={busy}
                        onClick={() => void remove(record.id, focusAfterRemoving(index))}
                      >
                        {t('exports.log.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="button-row">
            <button type="button" className="danger" disabled={busy} onClick={() => confirm.current?.showModal()}>
              {t('exports.log.deleteAll')}
            </button>
          </div>
        </>
      )}
      <FieldFeedback error={error} status={status} />
      <dialog ref={confirm} className="confirm" aria-labelledby={`${id}-confirm-title`} aria-describedby={`${id}-confirm-body`}>
        <h2 id={`${id}-confirm-title`}>{t('exports.log.confirm.title')}</h2>
        <p id={`${id}-confirm-body`}>{records.length === 1 ? t('exports.log.confirm.bodyOne') : t('exports.log.confirm.body', { count: records.length })}</p>
        <form method="dialog" className="button-row">
          {/* Cancel comes first and gets the focus: the harmless choice is the default one. */}
          <button type="submit" value="cancel" autoFocus>
            {t('exports.log.confirm.no')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              confirm.current?.close();
              void remove(null, () => heading.current?.focus());
            }}
          >
            {t('exports.log.confirm.yes')}
          </button>
        </form>
      </dialog>
    </section>
  );
}
