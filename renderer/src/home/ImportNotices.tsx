import { useEffect, useState } from 'react';
import type { ImportOutcome } from '../../../shared/credential/walletViews';
import type { NetworkUse } from '../../../shared/preferences';
import { useI18n } from '../i18n/i18n';
import { useShellEvents } from '../shell/useShellEvents';
import { wallet } from '../wallet';
import { CheckSentence } from '../wallet/VerificationText';
import type { useImport } from './useImport';

/** How many credentials one "Fetch details" call names at most (the contract's limit). */
const fetchChunk = 500;

/** Documents fetched so far, from the main process's events, while something is fetching. */
function useDetailsProgress(): { done: number; total: number } | null {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useShellEvents({
    detailsProgress: (payload) => {
      setProgress(payload.done < payload.total ? payload : null);
    },
  });
  return progress;
}

function DetailsProgressLine() {
  const { t } = useI18n();
  const progress = useDetailsProgress();
  if (!progress) return null;
  return (
    <div className="banner import-progress" role="status">
      <span>{t('details.progress', { done: progress.done, total: progress.total })}</span>
      <progress aria-label={t('details.fetching')} value={progress.done} max={progress.total} />
    </div>
  );
}

/**
 * One question for the whole import, not one per file: the credentials whose details their
 * issuers publish (not fetched: offline, or the setting "ask"), fetched together on one click.
 */
function DetailsQuestion({ outcomes, onChanged }: { outcomes: readonly ImportOutcome[]; onChanged?: (() => void) | undefined }) {
  const { t } = useI18n();
  const [network, setNetwork] = useState<NetworkUse | null>(null);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'working' } | { kind: 'done'; fetched: number } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const ids = [...new Set(outcomes.flatMap((o) => (o.id && (o.details === 'not-fetched' || o.details === 'incomplete') ? [o.id] : [])))];
  useEffect(() => {
    void wallet()
      .getPreferences({})
      .then((result) => {
        if (result.ok) setNetwork(result.value.network);
      });
  }, []);
  if (ids.length === 0 && state.kind === 'idle') return null;
  const fetchAll = async (): Promise<void> => {
    setState({ kind: 'working' });
    let fetched = 0;
    for (let at = 0; at < ids.length; at += fetchChunk) {
      const result = await wallet().fetchDetails({ ids: ids.slice(at, at + fetchChunk) });
      if (!result.ok) {
        setState({ kind: 'error', message: result.error.message });
        onChanged?.();
        return;
      }
      fetched += result.value.results.filter((r) => r.details === 'fetched').length;
    }
    setState({ kind: 'done', fetched });
    onChanged?.();
  };
  if (state.kind === 'done') return <p role="status">{t('details.importFetched', { fetched: state.fetched, count: ids.length || state.fetched })}</p>;
  return (
    <div className="details-question">
      <p>{t(network === 'offline' ? 'details.importQuestionOffline' : 'details.importQuestion', { count: ids.length })}</p>
      {state.kind === 'error' && (
        <p role="alert" className="banner banner-error">
          {state.message}
        </p>
      )}
      <button type="button" className="primary" onClick={() => void fetchAll()} disabled={state.kind === 'working'}>
        {state.kind === 'working' ? t('details.fetching') : t('details.fetch')}
      </button>
      {state.kind === 'working' && <DetailsProgressLine />}
    </div>
  );
}

/** Progress of an import, then what happened to each file (problems open by default). */
export function ImportNotices({ importer }: { importer: ReturnType<typeof useImport> }) {
  const { t } = useI18n();
  const { progress, outcomes } = importer;
  if (progress) {
    return (
      <>
        <div className="banner import-progress" role="status">
          <span>{t('import.working', { count: progress.total })}</span>
          <progress aria-label={t('import.progress')} value={progress.done} max={progress.total} />
          <span>{t('import.progressCount', { done: progress.done, total: progress.total })}</span>
        </div>
        <DetailsProgressLine />
      </>
    );
  }
  if (!outcomes || outcomes.length === 0) return null;
  return <ImportSummary outcomes={outcomes} onDismiss={importer.dismiss} onChanged={importer.changed} />;
}

/** What happened to each imported file: counts first, then the list (open when something failed). */
export function ImportSummary({
  outcomes,
  onDismiss,
  title,
  onChanged,
}: {
  outcomes: readonly ImportOutcome[];
  onDismiss: () => void;
  title?: string;
  /** Details were fetched: the portfolio reloads. */
  onChanged?: () => void;
}) {
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
      <DetailsQuestion outcomes={outcomes} onChanged={onChanged} />
      <details open={counts.failed > 0}>
        <summary>{t('import.details')}</summary>
        <ul>
          {outcomes.map((o, index) => (
            <li key={`${o.file}-${String(index)}`} className={`outcome outcome-${o.outcome}`}>
              <strong>{o.name ?? o.file}</strong>: {t(`import.${o.outcome}`)}
              {o.details === 'not-fetched' || o.details === 'incomplete' ? ` (${t(o.details === 'incomplete' ? 'details.incomplete' : 'details.notFetched')})` : ''}
              {o.reason ? (
                <>
                  {' ('}
                  {/* The reason in the reader's language when it came as a message, else the English the main process wrote. */}
                  <CheckSentence check={{ sentence: o.reason, message: o.reasonMessage }} />
                  {')'}
                </>
              ) : (
                ''
              )}
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
