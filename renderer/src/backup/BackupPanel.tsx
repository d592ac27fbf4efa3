import { useId, useRef, useState, type SyntheticEvent } from 'react';
import { TextField, usePassphrasePair } from '../controls/formParts';
import { useI18n } from '../i18n/i18n';
import { wallet } from '../wallet';

type Message = { readonly text: string; readonly error: boolean } | null;

function Feedback({ message }: { message: Message }) {
  if (!message) return null;
  return (
    <p role={message.error ? 'alert' : 'status'} className={message.error ? 'banner banner-error' : 'banner banner-ok'}>
      {message.text}
    </p>
  );
}

/**
 * Backups: the one protection against a lost computer. A backup is one encrypted file under a
 * passphrase of its own; restoring adds what is missing and never duplicates.
 */
export function BackupPanel({ onRestored }: { onRestored: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [saveMessage, setSaveMessage] = useState<Message>(null);
  const pair = usePassphrasePair(() => {
    setSaveMessage(null);
  });
  const [restorePassphrase, setRestorePassphrase] = useState('');
  const [restoreMessage, setRestoreMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);

  const save = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    if (!pair.confirmed()) return;
    setBusy(true);
    const result = await wallet().saveBackup({ passphrase: pair.passphrase });
    setBusy(false);
    if (!result.ok) setSaveMessage({ text: result.error.message, error: true });
    else if (result.value.saved) {
      setSaveMessage({ text: t('backup.saved', { count: result.value.credentials ?? 0, file: result.value.fileName ?? '' }), error: false });
      pair.clear();
    }
  };

  const restore = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      setRestoreMessage({ text: t('backup.chooseFile'), error: true });
      return;
    }
    setBusy(true);
    const result = await wallet().restoreBackup({ bytes: new Uint8Array(await chosen.arrayBuffer()), passphrase: restorePassphrase });
    setBusy(false);
    if (!result.ok) {
      setRestoreMessage({ text: result.error.message, error: true });
      return;
    }
    setRestoreMessage({ text: t('backup.restored', result.value), error: false });
    setRestorePassphrase('');
    onRestored();
  };

  return (
    <section className="page backup" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('backup.title')}</h2>
      <p>{t('backup.lead')}</p>
      <form className="editor" aria-label={t('backup.saveTitle')} onSubmit={(event) => void save(event)}>
        <TextField label={t('backup.passphrase')} type="password" autoComplete="new-password" required minLength={8} value={pair.passphrase} onValue={pair.setPassphrase} />
        <TextField label={t('backup.repeat')} type="password" autoComplete="new-password" required value={pair.repeat} onValue={pair.setRepeat} />
        <p className="hint">{t('backup.passphraseHint')}</p>
        <Feedback message={pair.differ ? { text: t('backup.differ'), error: true } : saveMessage} />
        <div className="row-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('backup.save')}
          </button>
        </div>
      </form>
      <form className="editor" aria-label={t('backup.restoreTitle')} onSubmit={(event) => void restore(event)}>
        <label>
          <span>{t('backup.file')}</span>
          <input ref={file} type="file" accept=".badgefolio-backup" data-testid="restore-input" />
        </label>
        <TextField label={t('backup.restorePassphrase')} type="password" autoComplete="off" required value={restorePassphrase} onValue={setRestorePassphrase} />
        <Feedback message={restoreMessage} />
        <div className="row-actions">
          <button type="submit" disabled={busy}>
            {t('backup.restore')}
          </button>
        </div>
      </form>
    </section>
  );
}
