import { memo } from 'react';
import type { CredentialSummary } from '../../../shared/credential/walletViews';
import { useI18n } from '../i18n/i18n';
import { CredentialImage } from '../wallet/CredentialImage';
import { formatDate } from '../wallet/formatDate';
import { identityLabel } from './issuerIdentityWords';
import { statusWordKey } from './statusWords';
import { displayName } from './untitledName';

/** The status pill: the verdict word, with when it was checked for those who hover or read on. */
export function StatusPill({ credential }: { credential: Pick<CredentialSummary, 'status' | 'checkedAt' | 'selfReported'> }) {
  const { t, language } = useI18n();
  if (!credential.status) return credential.selfReported ? <span className="status status-unsigned">{t('portfolio.selfReported')}</span> : null;
  return (
    <span className={`status status-${credential.status}`} title={credential.checkedAt ? t('status.checkedAt', { date: formatDate(credential.checkedAt, language) }) : undefined}>
      {t(statusWordKey(credential.status, credential.selfReported))}
    </span>
  );
}

/**
 * Beside the status: who stands behind the key, in a few words ("Issuer not confirmed"), as the
 * last check judged it. Nothing for a report stored before identity was judged.
 */
export function IdentityLabel({ identity }: { identity: CredentialSummary['issuerIdentity'] }) {
  const { t } = useI18n();
  if (!identity) return null;
  const label = identityLabel(identity, t);
  return (
    <span className={`identity identity-${identity.level}${identity.test ? ' identity-test' : ''}`} title={label}>
      {label}
    </span>
  );
}

/**
 * One credential in the grid, list or timeline: an `article` named by the credential, whose
 * title opens the details. Memoised: scrolling 10,000 credentials re-renders only new rows.
 */
export const CredentialCard = memo(function CredentialCard({
  credential,
  layout,
  onOpen,
  scrolling = false,
}: {
  credential: CredentialSummary;
  layout: 'grid' | 'list';
  onOpen: (id: string) => void;
  /** The list is being scrolled: pictures not yet loaded wait until it stops. */
  scrolling?: boolean;
}) {
  const { t, language } = useI18n();
  const c = credential;
  // A badge whose name lives at its issuer and was not fetched yet says so: never a made-up name.
  const title = displayName(c.name, c.details, t);
  return (
    <article className={`credential-card credential-${layout}`} aria-label={title}>
      <CredentialImage id={c.id} hasImage={c.hasImage} defer={scrolling} />
      <div className="credential-text">
        <h3>
          <button
            type="button"
            className="card-title"
            aria-label={t('detail.open', { name: title })}
            onClick={() => {
              onOpen(c.id);
            }}
          >
            <span className={c.name !== '' ? 'card-title-text' : 'card-title-text details-pending'}>{title}</span>
          </button>
        </h3>
        {/* One line on a card (a long URL or DID ends in "…"): the whole of it on hover and in the details. */}
        {c.issuerName && (
          <p className="issuer" title={c.issuerName}>
            {c.issuerName}
          </p>
        )}
        {c.issuedOn && <p className="date">{t('portfolio.issued', { date: formatDate(c.issuedOn, language) })}</p>}
        <div className="card-verdict">
          <StatusPill credential={c} />
          <IdentityLabel identity={c.issuerIdentity} />
        </div>
      </div>
    </article>
  );
});
