import { useEffect, useId, useRef, useState } from 'react';
import type { WalletCheckView } from '../../../shared/credential/walletViews';
import { useI18n } from '../i18n/i18n';
import { wallet } from '../wallet';
import { damageLabel, damagedNames } from './damageLabel';

/**
 * Settings › Check the wallet: reads every credential and stored file (in the main process,
 * electron/vault/walletCheck.ts) and says in plain words what is damaged, that it was moved to
 * quarantine, and how a backup brings it back.
 */
export function WalletCheckPanel({ onChecked, focusRequest }: { onChecked?: (result: WalletCheckView) => void; focusRequest?: number }) {
  const { t } = useI18n();
  const id = useId();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<WalletCheckView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const card = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // Arriving from the notice: bring the section into view, the button under the keyboard.
  useEffect(() => {
    if (!focusRequest) return;
    card.current?.scrollIntoView({ block: 'start' });
    button.current?.focus();
  }, [focusRequest]);

  const check = async (): Promise<void> => {
    setRunning(true);
    setError(null);
    setResult(null);
    const answer = await wallet().checkWallet({});
    setRunning(false);
    if (!answer.ok) {
      setError(answer.error.message);
      return;
    }
    setResult(answer.value);
    onChecked?.(answer.value);
  };

  const summary = (checked: WalletCheckView): string => {
    const values = { credentials: checked.checked.credentials, files: checked.checked.files, count: checked.damaged.length };
    if (checked.damaged.length === 0) return t('check.clean', values);
    return checked.damaged.length === 1 ? t('check.foundOne', values) : t('check.foundMany', values);
  };

  return (
    <div ref={card} className="form-card wallet-check" role="group" aria-labelledby={`${id}-title`} aria-busy={running}>
      <h2 id={`${id}-title`}>{t('check.title')}</h2>
      <p className="field-hint">{t('check.lead')}</p>
      <div>
        <div className="row-actions">
          <button
            ref={button}
            type="button"
            className="primary"
            disabled={running}
            onClick={() => {
              void check();
            }}
          >
            {t('check.button')}
          </button>
        </div>
        {/* One live region, always there: the progress, then the answer, is read out as it changes. */}
        <p role="status" className={result?.damaged.length === 0 ? 'check-status banner-ok' : 'check-status'}>
          {running ? t('check.running') : result ? summary(result) : ''}
        </p>
      </div>
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
      {result && result.damaged.length > 0 && (
        <>
          <ul className="damage-list">
            {result.damaged.map((item) => (
              <li key={item.file}>
                <strong>{damageLabel(t, { names: damagedNames(item), what: item.kind, document: item.document })}</strong>
                {' — '}
                {t(`damage.problem.${item.problem}`)}
                <br />
                <span className="muted">{t('check.file', { file: item.file })}</span>
                {item.quarantinedAs && (
                  <>
                    <br />
                    <span className="muted">{t('check.kept', { file: item.quarantinedAs })}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
          <p>{result.writable ? t('check.quarantine', { folder: result.quarantineFolder }) : t('check.readOnly')}</p>
          <p>{t('check.restore')}</p>
        </>
      )}
    </div>
  );
}
