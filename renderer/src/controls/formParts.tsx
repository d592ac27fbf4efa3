import { useEffect, useRef, useState, type ChangeEvent, type RefObject } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * The parts the wallet's small forms share (a collection, a pathway, a self-reported entry's
 * corrections, backups): a labelled text field, the Save and Cancel row, and the cursor in the
 * first field when a form opens.
 */

/** A text field (or, `rows` given, a text area) with its words above it. */
export function TextField({
  label,
  onValue,
  fieldRef,
  rows,
  type,
  className,
  describedBy,
  invalid,
  ...attrs
}: {
  label: string;
  value: string;
  onValue: (value: string) => void;
  fieldRef?: RefObject<HTMLInputElement | null>;
  /** A text area of this many rows. */
  rows?: number;
  type?: 'text' | 'date' | 'password';
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  placeholder?: string;
  autoComplete?: string;
  autoFocus?: boolean;
  className?: string;
  /** The id of the hint that describes the field. */
  describedBy?: string;
  invalid?: boolean;
}) {
  const field = {
    ...attrs,
    'aria-describedby': describedBy,
    'aria-invalid': invalid === true ? true : undefined,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>): void => {
      onValue(event.target.value);
    },
  };
  return (
    <label className={className}>
      <span>{label}</span>
      {rows === undefined ? <input ref={fieldRef} type={type} {...field} /> : <textarea rows={rows} {...field} />}
    </label>
  );
}

/** A form's Save (submit) and Cancel buttons. */
export function SaveCancel({ saveLabel, saving = false, onCancel }: { saveLabel: string; saving?: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="row-actions">
      <button type="submit" className="primary" disabled={saving}>
        {saveLabel}
      </button>
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

/** Opening an editor ("New collection", "Edit") puts the cursor in the field this ref is given to. */
export function useFocusOnOpen(): RefObject<HTMLInputElement | null> {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
  }, []);
  return field;
}

/**
 * A new passphrase typed twice (a new wallet, a backup). Once a submit found the two differ,
 * `differ` follows the fields as they are typed: it goes as soon as they match (and comes back
 * if they differ again). `confirmed` is the submit's check: false when they differ, after
 * calling `onDiffer` (which clears what the form said about an earlier attempt).
 */
export function usePassphrasePair(onDiffer: () => void) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [compare, setCompare] = useState(false);
  const confirmed = (): boolean => {
    if (passphrase === repeat) return true;
    setCompare(true);
    onDiffer();
    return false;
  };
  const clear = (): void => {
    setPassphrase('');
    setRepeat('');
  };
  return { passphrase, setPassphrase, repeat, setRepeat, differ: compare && passphrase !== repeat, confirmed, clear };
}

/** A checkbox with its words after it. */
export function CheckboxField({ label, checked, onChecked }: { label: string; checked: boolean; onChecked: (checked: boolean) => void }) {
  return (
    <label>
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => {
          onChecked(event.target.checked);
        }}
      />
      {label}
    </label>
  );
}

/** Under a form: what went wrong (an alert), or what was just done (a status line that is always there, so that it is announced). */
export function FieldFeedback({ error, status }: { error: string | null; status: string | null }) {
  return (
    <>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <p role="status" className="field-saved">
        {status ?? ''}
      </p>
    </>
  );
}

/** The file input behind a "Choose…" button (which clicks it): the file chosen, then the input cleared so that the same file can be chosen again. */
export function HiddenFileInput({
  inputRef,
  accept,
  testId,
  onFile,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  accept: string;
  testId: string;
  onFile: (file: File) => void;
}) {
  return (
    <input
      ref={inputRef}
      type="file"
      hidden
      accept={accept}
      data-testid={testId}
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
