import { useId, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { addressProblemKeys, checkHttpsAddress } from './httpsAddress';

/**
 * An https address saved when the person leaves the field or presses Enter (not on every
 * keystroke: half-typed addresses are never valid, and each save is a write). A wrong address
 * gets its own sentence and is not saved; an empty field means "not set".
 */
export function UrlSetting({
  label,
  hint,
  value,
  placeholder,
  emptyShows,
  onCommit,
}: {
  label: string;
  hint: string;
  value: string | undefined;
  /** A token the address may hold, filled in later (the verifier page's "{id}"). */
  placeholder?: string;
  /** What an empty field stands for (a default address), shown greyed in it. */
  emptyShows?: string;
  onCommit: (address: string | undefined) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  // A new saved value (another window, a reload of preferences) replaces the draft.
  if (value !== shown) {
    setShown(value);
    setDraft(value ?? '');
    setError(null);
  }

  const commit = (): void => {
    const typed = draft.trim();
    if (typed === (value ?? '')) {
      setError(null);
      return;
    }
    if (typed === '') {
      setError(null);
      setSaved(true);
      onCommit(undefined);
      return;
    }
    const checked = checkHttpsAddress(typed, placeholder);
    if (!checked.ok) {
      setSaved(false);
      setError(t(addressProblemKeys[checked.problem]));
      return;
    }
    setError(null);
    setSaved(true);
    setDraft(checked.address);
    onCommit(checked.address);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    }
  };

  return (
    <div className="field-group">
      <label className="field" htmlFor={`${id}-input`}>
        <span>{label}</span>
      </label>
      <input
        id={`${id}-input`}
        className="text-input"
        type="url"
        inputMode="url"
        spellCheck={false}
        autoComplete="off"
        maxLength={500}
        {...(emptyShows === undefined ? {} : { placeholder: emptyShows })}
        value={draft}
        aria-invalid={error !== null}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(event) => {
          setDraft(event.target.value);
          setSaved(false);
        }}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} role="alert" className="field-error">
          {error}
        </p>
      )}
      <p className="field-saved" aria-live="polite">
        {saved && !error ? t('settings.saved') : ''}
      </p>
    </div>
  );
}
