import { useEffect, useRef, useState } from 'react';
import type { VerificationReport } from '../../../shared/credential/verification';
import type { CredentialDetail } from '../../../shared/credential/walletViews';
import { useI18n } from '../i18n/i18n';
import { wallet } from '../wallet';
import { CredentialImage } from './CredentialImage';
import { formatDate } from './formatDate';

const checkMarks = { passed: '✓', failed: '✗', skipped: '–' } as const;

function Row({ label, value }: { label: string; value: string | undefined }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** Everything one credential says, and how it was checked; a modal dialog (Escape closes it). */
export function CredentialDetailDialog({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const { t, language } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [detail, setDetail] = useState<CredentialDetail | null>(null);
  const [report, setReport] = useState<VerificationReport | null>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
    void wallet()
      .credentialDetail({ id })
      .then((result) => {
        if (result.ok && result.value.credential) {
          setDetail(result.value.credential);
          setReport(result.value.credential.verification);
        }
      });
  }, [id]);

  const recheck = async (): Promise<void> => {
    setChecking(true);
    const result = await wallet().recheckCredential({ id });
    setChecking(false);
    if (result.ok) {
      setReport(result.value.verification);
      onChanged();
    }
  };

  const open = (url: string): void => {
    void wallet().openExternal({ url });
  };

  return (
    <dialog ref={dialog} className="detail" aria-labelledby="detail-title" onClose={onClose}>
      {detail && (
        <>
          <header className="detail-header">
            <CredentialImage id={id} hasImage={true} />
            <div>
              <h2 id="detail-title">{detail.name}</h2>
              {detail.issuer.name && <p className="issuer">{detail.issuer.name}</p>}
            </div>
          </header>
          <dl className="facts">
            <Row label={t('detail.issuer')} value={[detail.issuer.name, detail.issuer.url ?? detail.issuer.id].filter(Boolean).join(' · ')} />
            <Row label={t('detail.issued')} value={formatDate(detail.issuedOn, language)} />
            <Row label={t('detail.validFrom')} value={detail.validFrom !== detail.issuedOn ? formatDate(detail.validFrom, language) : undefined} />
            <Row label={t('detail.expires')} value={formatDate(detail.expires, language)} />
            <Row label={t('detail.description')} value={detail.description} />
            <Row label={t('detail.criteria')} value={detail.criteria?.narrative} />
            <Row label={t('detail.skills')} value={detail.skills.map((s) => (s.framework ? `${s.name} (${s.framework})` : s.name)).join(', ')} />
            <Row label={t('detail.credits')} value={detail.credits.map((c) => `${String(c.value)} ${c.unit}`).join(', ')} />
            <Row label={t('detail.endorsements')} value={detail.endorsements.map((e) => e.issuerName ?? e.issuerId ?? '').filter(Boolean).join(', ')} />
            <Row label={t('detail.format')} value={`${detail.format}${detail.formatVersion ? ` ${detail.formatVersion}` : ''}`} />
            <Row label={t('detail.original')} value={`${detail.original.fileName} (${(detail.original.size / 1024).toFixed(1)} KB)`} />
          </dl>
          {detail.evidence.some((e) => e.id?.startsWith('https://')) && (
            <section aria-labelledby="evidence-title">
              <h3 id="evidence-title">{t('detail.evidence')}</h3>
              <ul>
                {detail.evidence.map((e, index) =>
                  e.id?.startsWith('https://') ? (
                    <li key={`${e.id}-${String(index)}`}>
                      <button
                        type="button"
                        className="link"
                        onClick={() => {
                          open(e.id ?? '');
                        }}
                      >
                        {e.name ?? e.id}
                      </button>
                    </li>
                  ) : null,
                )}
              </ul>
            </section>
          )}
          <section aria-labelledby="verification-title" className="verification">
            <h3 id="verification-title">{t('detail.verification')}</h3>
            {report ? (
              <>
                <p>
                  <span className={`status status-${report.status}`}>{t(`status.${report.status}`)}</span> {report.summary}
                </p>
                <ul className="checks">
                  {report.checks.map((check) => (
                    <li key={check.id} className={`check check-${check.outcome}`}>
                      <span aria-hidden="true">{checkMarks[check.outcome]}</span> <strong>{check.label}</strong>: {check.sentence}
                    </li>
                  ))}
                </ul>
                <p className="checked-at">{t('status.checkedAt', { date: formatDate(report.checkedAt, language) })}</p>
              </>
            ) : (
              <p>{t('detail.notChecked')}</p>
            )}
            <button type="button" onClick={() => void recheck()} disabled={checking}>
              {checking ? t('detail.checking') : t('detail.recheck')}
            </button>
          </section>
        </>
      )}
      <form method="dialog">
        <button type="submit" className="primary">
          {t('detail.close')}
        </button>
      </form>
    </dialog>
  );
}
