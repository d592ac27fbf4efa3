import type { ImportOutcome } from '../../../shared/credential/walletViews';
import { useI18n } from '../i18n/i18n';
import type { useImport } from './useImport';

/** Progress of an import, then what happened to each file (problems open by default). */
export function ImportNotices({ importer }: { importer: ReturnType<typeof useImport> }) {
  const { t } = useI18n();
  const { progress, outcomes } = importer;
  if (progress) {
    return (
      <div className="banner import-progress" role="status">
        <span>{t('import.working', { count: progress.total })}</span>
        <progress aria-label={t('import.progress')} value={progress.done} max={progress.total} />
        <span>{t('import.progressCount', { done: progress.done, total: progress.total })}</span>
      </div>
    );
  }
  if (!outcomes || outcomes.length === 0) return null;
  return <ImportSummary outcomes={outcomes} onDismiss={importer.dismiss} />;
}

/** What happened to each imported file: counts first, then the list (open when something failed). */
export function ImportSummary({ outcomes, onDismiss, title }: { outcomes: readonly ImportOutcome[]; onDismiss: () => void; title?: string }) {
  const { t } = useI18n();
  const counts = { added: 0, already: 0, updated: 0, failed: 0 };
  for (const o of outcomes) {
    if (o.outcome === 'added') counts.added++;
    else if (o.outcome === 'already-there') counts.already++;
    else if (o.outcome === 'updated') counts.updated++;
    else counts.failed++;
  }
  return (
    <div className="import-summary">
      <p role="status">
        {title ? `${title} ` : ''}
        {t('import.summary', counts)}
      </p>
      <details open={counts.failed > 0}>
        <summary>{t('import.details')}</summary>
        <ul>
          {outcomes.map((o, index) => (
            <li key={`${o.file}-${String(index)}`} className={`outcome outcome-${o.outcome}`}>
              <strong>{o.name ?? o.file}</strong>: {t(`import.${o.outcome}`)}
              {o.reason ? ` (${o.reason})` : ''}
            </li>
          ))}
        </ul>
      </details>
      <button type="button" onClick={onDismiss}>
        {t('import.dismiss')}
      </button>
    </div>
  );
}
