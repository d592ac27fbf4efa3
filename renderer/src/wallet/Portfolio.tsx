import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CredentialSummary, ImportOutcome } from '../../../shared/credential/walletViews';
import { useI18n } from '../i18n/i18n';
import { wallet } from '../wallet';
import { CredentialDetailDialog } from './CredentialDetailDialog';
import { CredentialImage } from './CredentialImage';
import { formatDate } from './formatDate';

/** Files go to the main process in batches: one dropped folder of 2,000 badges is fine. */
const batchSize = 40;

async function readFiles(files: readonly File[]): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

export function Portfolio({ onLocked }: { onLocked: () => void }) {
  const { t, language } = useI18n();
  const [credentials, setCredentials] = useState<CredentialSummary[]>([]);
  const [query, setQuery] = useState('');
  const [outcomes, setOutcomes] = useState<ImportOutcome[] | null>(null);
  const [importing, setImporting] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async () => {
    const result = await wallet().listCredentials({});
    if (result.ok) setCredentials(result.value.credentials);
    else onLocked();
  }, [onLocked]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      setImporting(files.length);
      const all: ImportOutcome[] = [];
      for (let start = 0; start < files.length; start += batchSize) {
        const batch = await readFiles(files.slice(start, start + batchSize));
        const result = await wallet().importFiles({ files: batch });
        if (result.ok) all.push(...result.value.outcomes);
        else all.push(...batch.map((file) => ({ file: file.name, outcome: 'malformed' as const, reason: result.error.message })));
        setOutcomes([...all]);
      }
      setImporting(null);
      await refresh();
    },
    [refresh],
  );

  // Files dropped anywhere on the window are imported; the browser never opens them.
  useEffect(() => {
    const over = (event: DragEvent): void => {
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent): void => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent): void => {
      event.preventDefault();
      setDragging(false);
      void importFiles([...(event.dataTransfer?.files ?? [])]);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
  }, [importFiles]);

  const shown = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase();
    const sorted = [...credentials].sort((a, b) => (b.issuedOn ?? b.addedAt).localeCompare(a.issuedOn ?? a.addedAt));
    if (needle === '') return sorted;
    return sorted.filter((c) =>
      [c.name, c.issuerName ?? '', c.description ?? '', ...c.skills].some((field) => field.toLocaleLowerCase().includes(needle)),
    );
  }, [credentials, query]);

  const counts = outcomes?.reduce(
    (sum, o) => {
      if (o.outcome === 'added') sum.added++;
      else if (o.outcome === 'already-there') sum.already++;
      else if (o.outcome === 'updated') sum.updated++;
      else sum.failed++;
      return sum;
    },
    { added: 0, already: 0, updated: 0, failed: 0 },
  );

  return (
    <section className="portfolio" aria-labelledby="portfolio-title">
      <div className="toolbar">
        <h1 id="portfolio-title">{t('portfolio.title')}</h1>
        <span className="count">{t('portfolio.count', { count: credentials.length })}</span>
        <input
          type="search"
          aria-label={t('portfolio.search')}
          placeholder={t('portfolio.search')}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
          }}
        />
        <button type="button" className="primary" onClick={() => input.current?.click()}>
          {t('portfolio.import')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="import-input"
          accept=".png,.svg,.json,.jsonld,.jwt,.jws,.txt,.zip,.pdf,.jpg,.jpeg,.xml"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            void importFiles(files);
          }}
        />
      </div>
      {dragging && <div className="drop-overlay">{t('portfolio.dropHere')}</div>}
      {importing !== null && (
        <p role="status" className="banner">
          {t('import.working', { count: importing })}
        </p>
      )}
      {outcomes && counts && importing === null && (
        <div className="import-summary">
          <p role="status">
            {t('import.summary', { added: counts.added, already: counts.already, updated: counts.updated, failed: counts.failed })}
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
        </div>
      )}
      {credentials.length === 0 ? (
        <p className="empty-state">{t('portfolio.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="empty-state">{t('portfolio.noMatch')}</p>
      ) : (
        <div className="grid">
          {shown.map((c) => (
            <article key={c.id} className="credential-card" aria-label={c.name}>
              <CredentialImage id={c.id} hasImage={c.hasImage} />
              <div className="credential-text">
                <h3>
                  <button
                    type="button"
                    className="card-title"
                    aria-label={t('detail.open', { name: c.name })}
                    onClick={() => {
                      setSelected(c.id);
                    }}
                  >
                    {c.name}
                  </button>
                </h3>
                {c.issuerName && <p className="issuer">{c.issuerName}</p>}
                {c.issuedOn && <p className="date">{t('portfolio.issued', { date: formatDate(c.issuedOn, language) })}</p>}
                {c.status ? (
                  <span className={`status status-${c.status}`} title={c.checkedAt ? t('status.checkedAt', { date: formatDate(c.checkedAt, language) }) : undefined}>
                    {t(`status.${c.status}`)}
                  </span>
                ) : (
                  c.selfReported && <span className="tag">{t('portfolio.selfReported')}</span>
                )}
              </div>
            </article>
          ))}
        </div>
      )}
      {selected && (
        <CredentialDetailDialog
          id={selected}
          onClose={() => {
            setSelected(null);
          }}
          onChanged={() => void refresh()}
        />
      )}
    </section>
  );
}
