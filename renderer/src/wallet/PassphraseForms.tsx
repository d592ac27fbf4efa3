import { useId, useState, type SyntheticEvent } from 'react';
import type { WalletState } from '../../../shared/credential/walletViews';
import { TextField, usePassphrasePair } from '../controls/formParts';
import { useI18n } from '../i18n/i18n';
import { wallet } from '../wallet';
import { strengthHint } from './passphraseStrength';

interface FormProps {
  readonly state: WalletState;
  readonly onState: (state: WalletState) => void;
}

function RememberBox({ checked, onChange }: { checked: boolean; onChange: (value: boolean) => void }) {
  const { t } = useI18n();
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => {
          onChange(event.target.checked);
        }}
      />
      {t('wallet.remember')}
    </label>
  );
}

/** The error of the last attempt (announced) and the submit button, busy while working. */
function FormEnd({ error, working, label }: { error: string | null; working: boolean; label: string }) {
  const { t } = useI18n();
  return (
    <>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={working}>
        {working ? t('wallet.working') : label}
      </button>
    </>
  );
}

/** First run: a passphrase, typed twice, with a hint and a plain warning. */
export function CreateWalletForm({ state, onState }: FormProps) {
  const { t } = useI18n();
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { passphrase, setPassphrase, repeat, setRepeat, differ, confirmed } = usePassphrasePair(() => {
    setError(null);
  });
  const [working, setWorking] = useState(false);
  const hintId = useId();
  const hint = strengthHint(passphrase);

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    if (!confirmed()) return;
    setWorking(true);
    setError(null);
    const result = await wallet().createWallet({ passphrase, remember });
    setWorking(false);
    if (result.ok) onState(result.value);
    else setError(result.error.message);
  };

  return (
    <form className="card passphrase-form" onSubmit={(event) => void submit(event)} aria-labelledby="create-title">
      <h2 id="create-title">{t('wallet.create.title')}</h2>
      <p>{t('wallet.create.lead')}</p>
      <TextField
        className="field"
        label={t('wallet.passphrase')}
        type="password"
        autoComplete="new-password"
        value={passphrase}
        describedBy={hintId}
        required
        onValue={setPassphrase}
      />
      <p id={hintId} className="hint" aria-live="polite">
        {hint ? t(hint) : ''}
      </p>
      <TextField className="field" label={t('wallet.confirm')} type="password" autoComplete="new-password" value={repeat} required invalid={differ} onValue={setRepeat} />
      <p className="warning">{t('wallet.warning')}</p>
      {state.canRemember && <RememberBox checked={remember} onChange={setRemember} />}
      <FormEnd error={differ ? t('wallet.mismatch') : error} working={working} label={t('wallet.createButton')} />
    </form>
  );
}

export function UnlockForm({ state, onState }: FormProps) {
  const { t } = useI18n();
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(state.remembered);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    setWorking(true);
    setError(null);
    const result = await wallet().unlockWallet({ passphrase, remember });
    setWorking(false);
    setPassphrase('');
    if (result.ok) onState(result.value);
    else setError(result.error.message);
  };

  return (
    <form className="card passphrase-form" onSubmit={(event) => void submit(event)} aria-labelledby="unlock-title">
      <h2 id="unlock-title">{t('wallet.unlock.title')}</h2>
      {/* The unlock screen exists to type the passphrase: focus it. */}
      <TextField className="field" label={t('wallet.passphrase')} type="password" autoComplete="current-password" value={passphrase} required autoFocus onValue={setPassphrase} />
      {state.canRemember && <RememberBox checked={remember} onChange={setRemember} />}
      <FormEnd error={error} working={working} label={t('wallet.unlockButton')} />
    </form>
  );
}
