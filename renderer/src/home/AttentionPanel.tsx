import { useMemo, useState } from 'react';
import { credentialNotices, noticeKey } from '../../../shared/credential/notices';
import type { CredentialSummary } from '../../../shared/credential/walletViews';
import { useI18n } from '../i18n/i18n';
import { CredentialLink } from './organiserPage';
import { formatDate } from '../wallet/formatDate';

/**
 * Credentials that need the owner's attention: revoked ones, and ones that expire within 30
 * days (time to ask the issuer for a renewal before an application needs them).
 */
export function AttentionPanel({ credentials, onOpen }: { credentials: readonly CredentialSummary[]; onOpen: (id: string) => void }) {
  const { t, language } = useI18n();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const notices = useMemo(() => credentialNotices(credentials, new Date()).filter((n) => !dismissed.has(noticeKey(n))), [credentials, dismissed]);
  if (notices.length === 0) return null;
  return (
    <section className="attention" aria-labelledby="attention-title">
      <h2 id="attention-title">{t('attention.title')}</h2>
      <ul>
        {notices.slice(0, 5).map((notice) => (
          <li key={noticeKey(notice)}>
            <CredentialLink id={notice.id} name={notice.name} onOpen={onOpen} />{' '}
            {notice.kind === 'revoked'
              ? t('attention.revoked')
              : t('attention.expiring', { days: notice.daysLeft, date: formatDate(notice.expires, language) })}
          </li>
        ))}
      </ul>
      {notices.length > 5 && <p className="muted">{t('attention.more', { count: notices.length - 5 })}</p>}
      <button
        type="button"
        onClick={() => {
          setDismissed(new Set([...dismissed, ...notices.map(noticeKey)]));
        }}
      >
        {t('attention.dismiss')}
      </button>
    </section>
  );
}
