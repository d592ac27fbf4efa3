import type { PortfolioMaterial } from '../../../shared/credential/walletViews';
import { useI18n } from '../i18n/i18n';
import type { ExportWarning } from './exportChoices';

/**
 * Before anything expired, revoked or unverified goes into the PDF (ExportPdfDialog): how many,
 * and the choice to leave them out or keep them.
 */
export function ExportWarningBanner({
  pending,
  busy,
  onLeaveOut,
  onKeep,
}: {
  pending: { entries: readonly PortfolioMaterial[]; warning: ExportWarning };
  busy: boolean;
  onLeaveOut: () => void;
  onKeep: () => void;
}) {
  const { t } = useI18n();
  const nothingLeft = pending.warning.ids.length === pending.entries.length;
  return (
    <section className="banner banner-error banner-with-actions export-warning" aria-labelledby="export-warning-title">
      <h3 id="export-warning-title" className="visually-hidden">
        {t('export.warning.title')}
      </h3>
      <p role="alert">
        {t('export.warning.lead', {
          count: pending.warning.ids.length,
          total: pending.entries.length,
          list: (['expired', 'revoked', 'unverified'] as const)
            .filter((kind) => pending.warning[kind] > 0)
            .map((kind) => t(`export.warning.${kind}`, { count: pending.warning[kind] }))
            .join(', '),
        })}
        {nothingLeft && ` ${t('export.warning.nothingLeft')}`}
      </p>
      <div className="banner-actions">
        <button type="button" className="primary" disabled={busy || nothingLeft} onClick={onLeaveOut}>
          {t('export.warning.leaveOut', { count: pending.warning.ids.length })}
        </button>
        <button type="button" disabled={busy} onClick={onKeep}>
          {t('export.warning.anyway')}
        </button>
      </div>
    </section>
  );
}
