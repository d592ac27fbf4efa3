import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { wallet } from '../wallet';
import { useWalletOnOpen } from '../wallet/useWalletOnOpen';

/**
 * Settings › Your wallet's identifier: the holder DID issuers make received credentials out to
 * (the key that also signs portfolios), with a copy button. Made on first use by the main process.
 */
export function WalletIdentifier() {
  const { t } = useI18n();
  const id = useId();
  const [did, setDid] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useWalletOnOpen(
    () => wallet().holderIdentity({}),
    (result) => {
      if (result.ok) setDid(result.value.did);
      else setMessage({ text: result.error.message, error: true });
    },
  );

  const copy = async (value: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(value);
      setMessage({ text: t('identifier.copied'), error: false });
    } catch {
      setMessage({ text: t('identifier.copyFailed'), error: true });
    }
  };

  return (
    <div className="form-card" role="group" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('identifier.title')}</h2>
      <p className="field-hint" id={`${id}-lead`}>
        {t('identifier.lead')}
      </p>
      {did && (
        <div className="field-group">
          <code className="did" aria-describedby={`${id}-lead`} data-testid="wallet-identifier">
            {did}
          </code>
          <div className="row-actions">
            <button type="button" onClick={() => void copy(did)}>
              {t('identifier.copy')}
            </button>
          </div>
        </div>
      )}
      <p className={message?.error ? 'field-error' : 'field-saved'} role={message?.error ? 'alert' : 'status'}>
        {message?.text ?? ''}
      </p>
    </div>
  );
}
