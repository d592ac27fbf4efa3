import { useEffect, useMemo, useState } from 'react';
import type { ImportOutcome } from '../../../shared/credential/walletViews';
import type { NetworkUse } from '../../../shared/preferences';
import { useI18n } from '../i18n/i18n';
import { useShellEvents } from '../shell/useShellEvents';
import { wallet } from '../wallet';
import { CheckSentence } from '../wallet/VerificationText';
import { displayName } from '../credentials/untitledName';
import { summariseImport, type SummaryRow } from './importSummaryModel';
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
 * issuers publish (not fetched: offline, or the setting "ask"), and with "ask" also those that
 * could not be fully checked without the network, fetched and checked together on one click.
 * ("Fetch details" checks each again with what came, online when the setting is not "offline".)
 */
function DetailsQuestion({ outcomes, onChanged }: { outcomes: readonly ImportOutcome[]; onChanged?: (() => void) | undefined }) {
  const { t } = useI18n();
  const [network, setNetwork] = useState<NetworkUse | null>(null);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'working' } | { kind: 'done'; fetched: number } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const detailIds = [...new Set(outcomes.flatMap((o) => (o.id && (o.details === 'not-fetched' || o.details === 'incomplete') ? [o.id] : [])))];
  const uncheckedIds =
    network === 'ask' ? [...new Set(outcomes.flatMap((o) => (o.id && o.status === 'unverifiable' && (o.outcome === 'added' || o.outcome === 'updated') ? [o.id] : [])))] : [];
  const ids = [...new Set([...detailIds, ...uncheckedIds])];
  const onlyChecks = detailIds.length === 0;
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
      fetched += result.value.results.filter((r) => (onlyChecks ? r.status !== 'unverifiable' : r.details === 'fetched')).length;
    }
    setState({ kind: 'done', fetched });
    onChanged?.();
  };
  if (state.kind === 'done') {
    return (
      <p role="status">
        {onlyChecks ? t('importSummary.checked', { count: state.fetched }) : t('details.importFetched', { fetched: state.fetched, count: ids.length || state.fetched })}
      </p>
    );
  }
  const question = onlyChecks
    ? t('importSummary.checkQuestion', { count: ids.length })
    : t(network === 'offline' ? 'details.importQuestionOffline' : 'details.importQuestion', { count: ids.length });
  return (
    <div className="details-question">
      <p>{question}</p>
      {state.kind === 'error' && (
        <p role="alert" className="banner banner-error">
          {state.message}
        </p>
      )}
      <button type="button" className="primary" onClick={() => void fetchAll()} disabled={state.kind === 'working'}>
        {state.kind === 'working' ? t(onlyChecks ? 'importSummary.checking' : 'details.fetching') : t(onlyChecks ? 'importSummary.checkOnline' : 'details.fetch')}
      </button>
      {state.kind === 'working' && <DetailsProgressLine />}
    </div>
  );
}

/** Progress of an import, then what happened to each file (problems open by default). */
export function ImportNotices({ importer, onReview }: { importer: ReturnType<typeof useImport>; onReview?: (id: string) => void }) {
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
  return <ImportSummary outcomes={outcomes} onDismiss={importer.dismiss} onChanged={importer.changed} onKeep={importer.keepAsCertificate} onReview={onReview} />;
}

/** One file's row: its name, its outcome, the credentials in it by name, and why not when nothing was. */
function SummaryRowItem({ row, onKeep }: { row: SummaryRow; onKeep?: ((file: string) => Promise<void>) | undefined }) {
  const { t } = useI18n();
  const [keeping, setKeeping] = useState(false);
  const credentialName = (o: ImportOutcome): string => displayName(o.name, o.details, t);
  const credentialNotes = (o: ImportOutcome) => (
    <>
      {o.selfReported ? ` (${t('importSummary.selfReported')})` : ''}
      {o.name && (o.details === 'not-fetched' || o.details === 'incomplete') ? ` (${t(o.details === 'incomplete' ? 'details.incomplete' : 'details.notFetched')})` : ''}
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
    </>
  );
  const only = row.credentials.length === 1 ? row.credentials[0] : undefined;
  return (
    <li className={`outcome outcome-${row.outcome}`}>
      <strong>{row.file}</strong>: {t(`import.${row.outcome}`)}
      {only && (
        <>
          {' — '}
          {credentialName(only)}
          {credentialNotes(only)}
        </>
      )}
      {row.credentials.length === 0 &&
        row.problems.map((p, index) => (
          <span key={`${p.file}-${String(index)}`}>
            {' ('}
            {row.picture ? t('importSummary.picture') : <CheckSentence check={{ sentence: p.reason ?? '', message: p.reasonMessage }} />}
            {')'}
          </span>
        ))}
      {row.picture && onKeep && (
        <>
          {' '}
          <button
            type="button"
            disabled={keeping}
            onClick={() => {
              setKeeping(true);
              void onKeep(row.file).finally(() => {
                setKeeping(false);
              });
            }}
          >
            {keeping ? t('importSummary.keeping') : t('importSummary.keep')}
          </button>
        </>
      )}
      {(row.credentials.length > 1 || (row.credentials.length > 0 && row.problems.length > 0)) && (
        <ul>
          {row.credentials.map((o, index) => (
            <li key={`${o.file}-${String(index)}`}>
              {credentialName(o)}: {t(`import.${o.outcome}`)}
              {credentialNotes(o)}
            </li>
          ))}
          {row.problems.map((p, index) => (
            <li key={`${p.file}-problem-${String(index)}`}>
              {p.file}: {t(`import.${p.outcome}`)} (<CheckSentence check={{ sentence: p.reason ?? '', message: p.reasonMessage }} />)
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * What happened to each file dropped: counts by file first (they add up to the files; see
 * importSummaryModel for how folders, archives and files with several credentials count), the
 * one question about the network, the offer to review self-reported entries, then a row per file.
 */
export function ImportSummary({
  outcomes,
  onDismiss,
  title,
  onChanged,
  onKeep,
  onReview,
}: {
  outcomes: readonly ImportOutcome[];
  onDismiss: () => void;
  title?: string;
  /** Details were fetched: the portfolio reloads. */
  onChanged?: () => void;
  /** "Keep as a certificate" for a picture row (only where the files are still at hand: a drop or the picker). */
  onKeep?: (file: string) => Promise<void>;
  /** Opens a self-reported entry's corrections. */
  onReview?: (id: string) => void;
}) {
  const { t } = useI18n();
  const model = useMemo(() => summariseImport(outcomes), [outcomes]);
  const { counts } = model;
  const failed = counts['not-replaced'] + counts['not-a-credential'] + counts.malformed;
  const credentialRows = model.rows.filter((row) => row.credentials.length > 0).length;
  const firstSelfReported = model.selfReportedAdded[0];
  const notAddedParts = (['not-replaced', 'not-a-credential', 'malformed'] as const)
    .filter((kind) => counts[kind] > 0)
    .map((kind) => t(`importSummary.kind.${kind}`, { count: counts[kind] }))
    .join(', ');
  return (
    <div className="import-summary">
      <p role="status">
        {title ? `${title} ` : ''}
        {t('importSummary.files', { count: model.files })} {t('import.summary', { added: counts.added, already: counts['already-there'], updated: counts.updated, failed })}
        {failed > 0 ? ` ${t('importSummary.notAdded', { parts: notAddedParts })}` : ''}
        {model.credentials !== credentialRows ? ` ${t('importSummary.credentials', { count: model.credentials })}` : ''}
        {counts['offer-found'] > 0 ? ` ${t('importSummary.offers', { count: counts['offer-found'] })}` : ''}
      </p>
      {model.countingNote && <p className="muted">{t('importSummary.counting')}</p>}
      {firstSelfReported && onReview && (
        <div className="details-question">
          <p>{t('importSummary.reviewLead', { count: model.selfReportedAdded.length })}</p>
          <button
            type="button"
            onClick={() => {
              onReview(firstSelfReported);
            }}
          >
            {t('importSummary.review')}
          </button>
        </div>
      )}
      <DetailsQuestion outcomes={outcomes} onChanged={onChanged} />
      <details open={failed > 0}>
        <summary>{t('import.details')}</summary>
        <ul aria-label={t('import.details')}>
          {model.rows.map((row) => (
            <SummaryRowItem key={row.file} row={row} onKeep={onKeep} />
          ))}
        </ul>
      </details>
      <button type="button" onClick={onDismiss}>
        {t('import.dismiss')}
      </button>
    </div>
  );
}
