import { useState, type SyntheticEvent } from 'react';
import type { CredentialDetail } from '../../../shared/credential/walletViews';
import { SaveCancel, TextField } from '../controls/formParts';
import { useI18n } from '../i18n/i18n';
import { wallet } from '../wallet';

/** The date part of an ISO date-time, for a date field; empty when it is not a date. */
function dateOnly(value: string | undefined): string {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : '';
}

/**
 * Correcting a self-reported certificate: intake guessed its title, issuer and date from a PDF
 * or a picture; the owner knows better. Signed credentials never get this form.
 */
export function SelfReportedEditor({ detail, onSaved, onCancel }: { detail: CredentialDetail; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(detail.name);
  const [issuerName, setIssuerName] = useState(detail.issuer.name ?? '');
  const [issuedOn, setIssuedOn] = useState(dateOnly(detail.issuedOn));
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    const result = await wallet().editCredential({ id: detail.walletId, name, issuerName, issuedOn });
    if (result.ok) onSaved();
    else setError(result.error.message);
  };

  return (
    <form className="editor" aria-label={t('edit.title')} onSubmit={(event) => void submit(event)}>
      <p className="hint">{t('edit.lead')}</p>
      <TextField label={t('edit.name')} required maxLength={300} value={name} onValue={setName} />
      <TextField label={t('edit.issuer')} maxLength={300} value={issuerName} onValue={setIssuerName} />
      <TextField label={t('edit.issuedOn')} type="date" value={issuedOn} onValue={setIssuedOn} />
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
      <SaveCancel saveLabel={t('edit.save')} onCancel={onCancel} />
    </form>
  );
}
