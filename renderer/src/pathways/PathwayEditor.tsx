import { useId, useMemo, useState, type SyntheticEvent } from 'react';
import type { CredentialSummary } from '../../../shared/credential/walletViews';
import type { Pathway } from '../../../shared/organiser';
import { SaveCancel, TextField, useFocusOnOpen } from '../controls/formParts';
import { useI18n } from '../i18n/i18n';

export interface PathwayDraft {
  id?: string;
  name: string;
  description?: string;
  required: number;
  steps: { id?: string; title: string; credentialId?: string }[];
}

interface StepRow {
  readonly key: number;
  readonly id?: string;
  readonly title: string;
  readonly credentialId: string;
}

let nextKey = 1;

/** Defining a goal: a name, its steps (each may point at a credential already earned) and how many are needed. */
export function PathwayEditor({
  credentials,
  pathway,
  onSave,
  onCancel,
}: {
  credentials: readonly CredentialSummary[];
  pathway: Pathway | null;
  onSave: (draft: PathwayDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const formId = useId();
  const [name, setName] = useState(pathway?.name ?? '');
  const [description, setDescription] = useState(pathway?.description ?? '');
  const [steps, setSteps] = useState<StepRow[]>(
    pathway ? pathway.steps.map((s) => ({ key: nextKey++, id: s.id, title: s.title, credentialId: s.credentialId ?? '' })) : [{ key: nextKey++, title: '', credentialId: '' }],
  );
  const [required, setRequired] = useState(pathway?.required ?? 1);
  const [saving, setSaving] = useState(false);
  const nameField = useFocusOnOpen();
  const sorted = useMemo(() => {
    const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
    return [...credentials].sort((a, b) => collator.compare(a.name, b.name));
  }, [credentials, language]);

  const update = (key: number, change: Partial<StepRow>): void => {
    setSteps((rows) =>
      rows.map((row) => {
        if (row.key !== key) return row;
        const next = { ...row, ...change };
        // Picking a credential for an untitled step names the step after it.
        if (change.credentialId && row.title.trim() === '') return { ...next, title: credentials.find((c) => c.id === change.credentialId)?.name ?? '' };
        return next;
      }),
    );
  };

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    setSaving(true);
    await onSave({
      ...(pathway ? { id: pathway.id } : {}),
      name,
      ...(description.trim() ? { description } : {}),
      required: Math.min(Math.max(1, required), Math.max(1, steps.length)),
      steps: steps.map((s) => ({ ...(s.id ? { id: s.id } : {}), title: s.title, ...(s.credentialId ? { credentialId: s.credentialId } : {}) })),
    });
    setSaving(false);
  };

  return (
    <form
      className="editor pathway-editor"
      aria-label={pathway ? t('pathways.editTitle', { name: pathway.name }) : t('pathways.newTitle')}
      onSubmit={(event) => void submit(event)}
    >
      <TextField label={t('pathways.name')} fieldRef={nameField} required maxLength={120} value={name} placeholder={t('pathways.namePlaceholder')} onValue={setName} />
      <TextField label={t('pathways.description')} rows={2} maxLength={1000} value={description} onValue={setDescription} />
      <fieldset>
        <legend>{t('pathways.steps')}</legend>
        <ol className="step-rows">
          {steps.map((step, index) => (
            <li key={step.key}>
              <TextField
                label={t('pathways.stepTitle', { number: index + 1 })}
                required
                maxLength={200}
                value={step.title}
                onValue={(title) => {
                  update(step.key, { title });
                }}
              />
              <label>
                <span>{t('pathways.stepCredential', { number: index + 1 })}</span>
                <select
                  value={step.credentialId}
                  onChange={(event) => {
                    update(step.key, { credentialId: event.target.value });
                  }}
                >
                  <option value="">{t('pathways.notYet')}</option>
                  {sorted.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.issuerName ? `${c.name} · ${c.issuerName}` : c.name}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                aria-label={t('pathways.removeStep', { number: index + 1 })}
                disabled={steps.length === 1}
                onClick={() => {
                  setSteps((rows) => rows.filter((row) => row.key !== step.key));
                }}
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() => {
            setSteps((rows) => [...rows, { key: nextKey++, title: '', credentialId: '' }]);
          }}
        >
          {t('pathways.addStep')}
        </button>
      </fieldset>
      <label>
        <span>{t('pathways.required')}</span>
        <input
          type="number"
          min={1}
          max={steps.length}
          value={required}
          aria-describedby={`${formId}-required`}
          onChange={(event) => {
            setRequired(Number(event.target.value));
          }}
        />
      </label>
      <p id={`${formId}-required`} className="hint">
        {t('pathways.requiredHint', { steps: steps.length })}
      </p>
      <SaveCancel saveLabel={t('pathways.save')} saving={saving} onCancel={onCancel} />
    </form>
  );
}
