import { useEffect, useRef, useState } from 'react';
import type { VerificationReport } from '../../../shared/credential/verification';
import type { CredentialDetail, CredentialSummary } from '../../../shared/credential/walletViews';
import type { NetworkUse } from '../../../shared/preferences';
import { identitySentence } from '../credentials/issuerIdentityWords';
import { statusWordKey } from '../credentials/statusWords';
import { useI18n } from '../i18n/i18n';
import { CredentialLink } from '../home/organiserPage';
import { wallet } from '../wallet';
import { CredentialImage } from './CredentialImage';
import { BlockcertsDisplay } from './BlockcertsDisplay';
import { SelfReportedEditor } from './SelfReportedEditor';
import { VersionHistory } from './VersionHistory';
import { formatName, formatTechnicalVersion } from '../credentials/formatName';
import { displayName } from '../credentials/untitledName';
import { MarkdownRow, Row } from './DetailRows';
import { formatDate } from './formatDate';
import { LinkedDetailsBlock } from './LinkedDetailsBlock';
import { TechnicalDetails } from './TechnicalDetails';
import { PlainSummary } from './VerificationText';
import { creditsText } from '../../../shared/portfolio/credits';
import { formatNumber } from '../i18n/plural';

/** Everything one credential says, and how it was checked; a modal dialog (Escape closes it). */
export function CredentialDetailDialog({
  id,
  credentials,
  network,
  startEditing = false,
  onClose,
  onChanged,
  onOpen,
}: {
  id: string;
  /** The portfolio's summaries: names of the CLR parent and children. */
  credentials: readonly CredentialSummary[];
  network: NetworkUse;
  /** Opened from the import summary's "Review self-reported entries": the corrections show at once. */
  startEditing?: boolean;
  onClose: () => void;
  /** The credential was re-checked or removed: the portfolio reloads. */
  onChanged: () => void;
  /** Opens another credential (a CLR's nested one, or its transcript). */
  onOpen: (id: string) => void;
}) {
  const { t, language } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [detail, setDetail] = useState<CredentialDetail | null>(null);
  const [report, setReport] = useState<VerificationReport | null>(null);
  const [checking, setChecking] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [editing, setEditing] = useState(false);
  const [fetching, setFetching] = useState(false);
  const [version, setVersion] = useState(0);
  const summary = credentials.find((c) => c.id === id);
  const parent = summary?.parentId ? credentials.find((c) => c.id === summary.parentId) : undefined;
  const children = summary ? credentials.filter((c) => summary.childIds.includes(c.id)) : [];

  // Import review: the corrections open once the entry has loaded (not again after saving them).
  const editOnLoad = useRef(startEditing);
  useEffect(() => {
    if (startEditing) editOnLoad.current = true;
  }, [startEditing, id]);

  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
    setDetail(null);
    setMessage(null);
    setEditing(false);
    void wallet()
      .credentialDetail({ id })
      .then((result) => {
        if (result.ok && result.value.credential) {
          setDetail(result.value.credential);
          setReport(result.value.credential.verification);
          if (editOnLoad.current) {
            editOnLoad.current = false;
            setEditing(true);
          }
        }
      });
  }, [id, version]);

  const recheck = async (online: boolean): Promise<void> => {
    setChecking(true);
    const result = await wallet().recheckCredential({ id, ...(online ? { online: true } : {}) });
    setChecking(false);
    if (result.ok) {
      setReport(result.value.verification);
      onChanged();
    } else setMessage({ text: result.error.message, error: true });
  };

  /** "Fetch details": the click is the permission to fetch what this credential links to. */
  const fetchDetails = async (): Promise<void> => {
    setFetching(true);
    const result = await wallet().fetchDetails({ ids: [id] });
    setFetching(false);
    if (!result.ok) {
      setMessage({ text: result.error.message, error: true });
      return;
    }
    const done = result.value.results[0];
    setMessage(done?.details === 'fetched' ? { text: t('details.fetched'), error: false } : null);
    setVersion((v) => v + 1);
    onChanged();
  };

  const saveOriginal = async (): Promise<void> => {
    const result = await wallet().saveOriginal({ id });
    if (!result.ok) setMessage({ text: result.error.message, error: true });
    else if (result.value.saved) setMessage({ text: t('detail.savedTo', { file: result.value.fileName ?? '' }), error: false });
  };

  const copyLink = async (url: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(url);
      setMessage({ text: t('detail.linkCopied'), error: false });
    } catch {
      setMessage({ text: t('detail.copyFailed', { url }), error: true });
    }
  };

  const remove = async (): Promise<void> => {
    if (!detail || !window.confirm(t('detail.confirmRemove', { name: detail.name }))) return;
    const result = await wallet().removeCredential({ id });
    if (!result.ok) {
      setMessage({ text: result.error.message, error: true });
      return;
    }
    onChanged();
    dialog.current?.close();
  };

  const open = (url: string): void => {
    void wallet().openExternal({ url });
  };

  return (
    <dialog ref={dialog} className="detail" aria-labelledby="detail-title" onClose={onClose}>
      {detail && (
        <>
          <header className="detail-header">
            {/* A Blockcerts certificate's picture is its display, sanitised and sandboxed. */}
            {detail.format === 'blockcerts' ? <BlockcertsDisplay id={id} /> : <CredentialImage id={id} hasImage={true} variant="full" />}
            <div>
              <h2 id="detail-title" className={detail.name === '' ? 'details-pending' : undefined}>
                {displayName(detail.name, detail.linked?.state, t)}
              </h2>
              {detail.issuer.name && <p className="issuer">{detail.issuer.name}</p>}
            </div>
          </header>
          {detail.selfReported &&
            (editing ? (
              <SelfReportedEditor
                detail={detail}
                onCancel={() => {
                  setEditing(false);
                }}
                onSaved={() => {
                  setVersion((v) => v + 1);
                  onChanged();
                }}
              />
            ) : (
              <button
                type="button"
                onClick={() => {
                  setEditing(true);
                }}
              >
                {t('edit.open')}
              </button>
            ))}
          <LinkedDetailsBlock detail={detail} fetching={fetching} onFetch={() => void fetchDetails()} />
          <dl className="facts">
            {/* The issuer's address (a DID, a URL) is in "Technical details". */}
            <Row label={t('detail.issuer')} value={detail.issuer.name ?? t('detail.issuerNotNamed')} />
            <Row label={t('detail.issued')} value={formatDate(detail.issuedOn, language)} />
            <Row label={t('detail.validFrom')} value={detail.validFrom !== detail.issuedOn ? formatDate(detail.validFrom, language) : undefined} />
            <Row label={t('detail.expires')} value={formatDate(detail.expires, language)} />
            <MarkdownRow label={t('detail.description')} text={detail.description} />
            <MarkdownRow label={t('detail.criteria')} text={detail.criteria?.narrative} />
            <Row label={t('detail.skills')} value={detail.skills.map((s) => (s.framework ? `${s.name} (${s.framework})` : s.name)).join(', ')} />
            <Row label={t('detail.credits')} value={creditsText(detail.credits, (value) => formatNumber(language, value), t('credits.unit'))} />
            <Row label={t('detail.endorsements')} value={detail.endorsements.flatMap((e) => (e.issuerName ? [e.issuerName] : [])).join(', ')} />
            <Row label={t('detail.format')} value={formatLabel(detail.format, detail.formatVersion, t)} />
            <Row label={t('detail.original')} value={t('detail.originalFile', { file: detail.original.fileName, size: Math.round(detail.original.size / 102.4) / 10 })} />
          </dl>
          {(parent ?? children.length > 0) && (
            <section aria-labelledby="related-title">
              <h3 id="related-title">{parent ? t('detail.partOf') : t('detail.contains', { count: children.length })}</h3>
              <ul>
                {(parent ? [parent] : children).map((c) => (
                  <li key={c.id}>
                    <CredentialLink id={c.id} name={c.name} onOpen={onOpen} />
                  </li>
                ))}
              </ul>
              {!parent && detail.associations.length > 0 && <p className="muted">{t('detail.associations', { count: detail.associations.length })}</p>}
            </section>
          )}
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
                  <span className={`status status-${report.status}`}>{t(statusWordKey(report.status, detail.selfReported))}</span> <PlainSummary report={report} />
                </p>
                {report.issuerIdentity && (
                  <p className="identity-line">
                    <strong>{t('identity.who')}</strong> {identitySentence(report.issuerIdentity, report.status, t, language)}
                  </p>
                )}
                <p className="checked-at">{t('status.checkedAt', { date: formatDate(report.checkedAt, language) })}</p>
              </>
            ) : (
              <p>{t('detail.notChecked')}</p>
            )}
            <TechnicalDetails detail={detail} report={report} />
            <div className="row-actions">
              <button type="button" onClick={() => void recheck(network === 'allowed')} disabled={checking}>
                {checking ? t('detail.checking') : t('detail.recheck')}
              </button>
              {network === 'ask' && (
                <button type="button" onClick={() => void recheck(true)} disabled={checking}>
                  {/* Checked offline and left unverifiable: one check online, for this credential, on this click. */}
                  {t(report?.network === 'offline' && report.status === 'unverifiable' ? 'importSummary.checkOnline' : 'detail.checkOnline')}
                </button>
              )}
            </div>
          </section>
          <section aria-labelledby="share-title" className="share">
            <h3 id="share-title">{t('detail.share')}</h3>
            {detail.share.verificationUrl ? <p className="muted">{t('detail.hasPublicLink')}</p> : <p className="muted">{t('detail.noPublicLink')}</p>}
            <div className="row-actions">
              {detail.share.verificationUrl && (
                <button type="button" onClick={() => void copyLink(detail.share.verificationUrl ?? '')}>
                  {t('detail.copyLink')}
                </button>
              )}
              <button
                type="button"
                onClick={() => {
                  open(detail.share.linkedIn);
                }}
              >
                {t('detail.linkedIn')}
              </button>
              <button type="button" onClick={() => void saveOriginal()}>
                {t('detail.saveOriginal')}
              </button>
              <button type="button" className="danger" onClick={() => void remove()}>
                {t('detail.remove')}
              </button>
            </div>
          </section>
          {message && (
            <p role={message.error ? 'alert' : 'status'} className={message.error ? 'banner banner-error' : 'banner banner-ok'}>
              {message.text}
            </p>
          )}
        </>
      )}
      <VersionHistory
        id={id}
        name={detail?.name ?? ''}
        refresh={version}
        onRestored={() => {
          setVersion((v) => v + 1);
          onChanged();
        }}
      />
      <form method="dialog">
        <button type="submit" className="primary">
          {t('detail.close')}
        </button>
      </form>
    </dialog>
  );
}

/** "Open Badge 3.0 · VC 1.1": the name people use, then the data model for the technically minded. */
function formatLabel(format: CredentialDetail['format'], formatVersion: string | undefined, t: Parameters<typeof formatName>[2]): string {
  const technical = formatTechnicalVersion(format, formatVersion);
  return technical ? `${formatName(format, formatVersion, t)} · ${technical}` : formatName(format, formatVersion, t);
}
