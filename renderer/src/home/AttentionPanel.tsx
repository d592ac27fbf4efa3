import { useMemo, useState } from 'react';
import { credentialNotices, noticeKey, type DamageNotice } from '../../../shared/credential/notices';
import type { CredentialSummary } from '../../../shared/credential/walletViews';
import { useI18n } from '../i18n/i18n';
import { CredentialLink } from './organiserPage';
import { formatDate } from '../wallet/formatDate';
import { damageLabel } from '../settings/damageLabel';

/**
 * Credentials that need the owner's attention: files the wallet check found damaged (from the
 * main process's notices: the check runs there after each unlock), revoked credentials, and
 * ones that expire within 30 days (time to ask the issuer for a renewal before an application
 * needs them).
 */
export function AttentionPanel({
  credentials,
  damage = [],
  onOpen,
  onCheckWallet,
}: {
  credentials: readonly CredentialSummary[];
  damage?: readonly DamageNotice[];
  onOpen: (id: string) => void;
  /** Goes to Settings › Check the wallet. */
  onCheckWallet?: () => void;
}) {
  const { t, language } = useI18n();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const notices = useMemo(() => credentialNotices(credentials, new Date()).filter((n) => !dismissed.has(noticeKey(n))), [credentials, dismissed]);
  const damaged = useMemo(() => damage.filter((n) => !dismissed.has(noticeKey(n))), [damage, dismissed]);
  if (notices.length === 0 && damaged.length === 0) return null;
  return (
    <section className="attention" aria-labelledby="attention-title">
      <h2 id="attention-title">{t('attention.title')}</h2>
      {damaged.length > 0 && (
        <div className="attention-damage">
          <p>{t('damage.notice.lead')}</p>
          <ul>
            {damaged.slice(0, 5).map((notice) => (
              <li key={noticeKey(notice)}>{damageLabel(t, notice)}</li>
            ))}
          </ul>
          {damaged.length > 5 && <p className="muted">{t('attention.more', { count: damaged.length - 5 })}</p>}
          <p>
            {t('damage.notice.next')}{' '}
            {onCheckWallet && (
              <button type="button" onClick={onCheckWallet}>
                {t('damage.notice.open')}
              </button>
            )}
          </p>
        </div>
      )}
      {notices.length > 0 && (
        <ul>
          {notices.slice(0, 5).map((notice) => (
            <li key={noticeKey(notice)}>
              <CredentialLink id={notice.id} name={notice.name} onOpen={onOpen} />{' '}
              {notice.kind === 'revoked' ? t('attention.revoked') : t('attention.expiring', { days: notice.daysLeft, date: formatDate(notice.expires, language) })}
            </li>
          ))}
        </ul>
      )}
      {notices.length > 5 && <p className="muted">{t('attention.more', { count: notices.length - 5 })}</p>}
      <button
        type="button"
        onClick={() => {
          setDismissed(new Set([...dismissed, ...damaged.map(noticeKey), ...notices.map(noticeKey)]));
        }}
      >
        {t('attention.dismiss')}
      </button>
    </section>
  );
}
