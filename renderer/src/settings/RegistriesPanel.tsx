import { useId, useRef, useState } from 'react';
import type { IssuerRegistries, IssuerRegistryView } from '../../../shared/credential/issuerRegistryView';
import type { NetworkUse } from '../../../shared/preferences';
import { HiddenFileInput } from '../controls/formParts';
import { useI18n } from '../i18n/i18n';
import { wallet } from '../wallet';
import { useWalletOnOpen } from '../wallet/useWalletOnOpen';
import { formatDate } from '../wallet/formatDate';
import { refusalText } from '../wallet/refusalText';

/** Registry files are small JSON lists; anything larger is not one (the main process refuses it too). */
const maxFileBytes = 2 * 1024 * 1024;

/**
 * Settings › Issuer registries: which known-issuer lists the wallet consults, how current each
 * is, the user's own lists (added from a file, removable) and an online refresh of the DCC's.
 */
export function RegistriesPanel({ network }: { network: NetworkUse }) {
  const { t, language } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<IssuerRegistries | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>('');
  const [error, setError] = useState<string | null>(null);

  useWalletOnOpen(
    () => wallet().issuerRegistries({}),
    (answer) => {
      if (answer.ok) setState(answer.value);
      else setError(refusalText(answer.error, language));
    },
  );

  const add = async (file: File): Promise<void> => {
    setError(null);
    setMessage('');
    if (file.size > maxFileBytes) {
      setError(t('registries.add.hint'));
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const answer = await wallet().addIssuerRegistry({ fileName: file.name, bytes });
    if (!answer.ok) {
      setError(refusalText(answer.error, language));
      return;
    }
    setState(answer.value);
    setMessage(t('registries.added', { name: file.name }));
  };

  const remove = async (name: string): Promise<void> => {
    setError(null);
    const answer = await wallet().removeIssuerRegistry({ name });
    if (!answer.ok) {
      setError(refusalText(answer.error, language));
      return;
    }
    setState(answer.value);
    setMessage(t('registries.removed', { name }));
  };

  const refresh = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setMessage(t('registries.refreshing'));
    const answer = await wallet().refreshIssuerRegistries({});
    setBusy(false);
    if (!answer.ok) {
      setMessage('');
      setError(refusalText(answer.error, language));
      return;
    }
    const { updated, failed, ...rest } = answer.value;
    setState(rest);
    const lines = [
      updated.length > 0
        ? t('registries.refreshed', { names: updated.join(', ') })
        : failed.length < (rest.registries.filter((r) => r.kind === 'bundled').length || 1)
          ? t('registries.unchanged')
          : '',
    ];
    for (const failure of failed) lines.push(t('registries.failed', failure));
    setMessage(lines.filter(Boolean).join(' '));
  };

  const describe = (registry: IssuerRegistryView): string => {
    const parts = [
      registry.kind === 'own' ? t('registries.own') : t('registries.bundled'),
      t('registries.issuers', { count: registry.issuers }),
      registry.asOf ? t('registries.asOf', { date: formatDate(registry.asOf, language) }) : t('registries.undated'),
      registry.kind === 'own'
        ? registry.addedAt
          ? t('registries.addedAt', { date: formatDate(registry.addedAt, language) })
          : ''
        : registry.refreshedAt
          ? t('registries.refreshedAt', { date: formatDate(registry.refreshedAt, language) })
          : t('registries.builtIn'),
      registry.test ? t('registries.test') : '',
    ];
    return parts.filter(Boolean).join(' · ');
  };

  return (
    <div className="form-card registries" role="group" aria-labelledby={`${id}-title`} aria-busy={busy}>
      <h2 id={`${id}-title`}>{t('registries.title')}</h2>
      <p className="field-hint">{t('registries.lead')}</p>
      {state && (
        <ul className="registry-list" aria-label={t('registries.title')}>
          {state.registries.map((registry) => (
            <li key={`${registry.kind}:${registry.name}`}>
              <div className="registry-text">
                <strong>{registry.name}</strong>
                <span className="field-hint">{describe(registry)}</span>
              </div>
              {registry.kind === 'own' && (
                <button
                  type="button"
                  aria-label={t('registries.remove', { name: registry.name })}
                  onClick={() => {
                    void remove(registry.name);
                  }}
                >
                  {t('registries.removeShort')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" onClick={() => input.current?.click()} aria-describedby={`${id}-add-hint`}>
          {t('registries.add')}
        </button>
        <HiddenFileInput inputRef={input} accept=".json,application/json" testId="registry-input" onFile={(file) => void add(file)} />
        <button
          type="button"
          disabled={busy || network === 'offline'}
          onClick={() => {
            void refresh();
          }}
        >
          {t('registries.refresh')}
        </button>
      </div>
      <p id={`${id}-add-hint`} className="field-hint">
        {t('registries.add.hint')}
      </p>
      <p className="field-hint">
        {network === 'offline' ? t('registries.refresh.offline') : t('registries.refresh.auto')}
        {state?.lastRefresh ? ` ${t('registries.lastRefresh', { date: formatDate(state.lastRefresh, language) })}` : ''}
      </p>
      <p role="status" className="check-status">
        {message}
      </p>
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
    </div>
  );
}
