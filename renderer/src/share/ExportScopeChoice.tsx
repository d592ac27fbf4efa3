import { useState } from 'react';
import type { CredentialSummary } from '../../../shared/credential/walletViews';
import type { Collection } from '../../../shared/organiser';
import { CredentialPicker } from '../collections/CredentialPicker';
import { useI18n } from '../i18n/i18n';
import type { ExportScope } from './exportChoices';

/** What goes into the export, starting from where the dialog was opened (the portfolio, a collection, a selection). */
export function useExportScope(initial: ExportScope, collections: readonly Collection[]) {
  const [scope, setScope] = useState<ExportScope['kind']>(initial.kind);
  const [collectionId, setCollectionId] = useState(initial.kind === 'collection' ? initial.id : (collections[0]?.id ?? ''));
  const [chosen, setChosen] = useState<string[]>(initial.kind === 'chosen' ? [...initial.ids] : []);
  return { scope, setScope, collectionId, setCollectionId, chosen, setChosen };
}

type ExportScopeState = ReturnType<typeof useExportScope>;

function ScopeRadio({ kind, choice, label, disabled }: { kind: ExportScope['kind']; choice: ExportScopeState; label: string; disabled?: boolean }) {
  return (
    <label>
      <input
        type="radio"
        name="export-scope"
        checked={choice.scope === kind}
        disabled={disabled}
        onChange={() => {
          choice.setScope(kind);
        }}
      />
      {label}
    </label>
  );
}

/** What goes into the export (ExportPdfDialog): all credentials, one collection, or those picked here. */
export function ExportScopeChoice({
  credentials,
  collections,
  choice,
  onAnyChange,
}: {
  credentials: readonly CredentialSummary[];
  collections: readonly Collection[];
  choice: ExportScopeState;
  /** Any change to the choice: a preview built before no longer shows it. */
  onAnyChange: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <fieldset onChange={onAnyChange}>
        <legend>{t('export.include')}</legend>
        <ScopeRadio kind="all" choice={choice} label={t('export.all', { count: credentials.length })} />
        <ScopeRadio kind="collection" choice={choice} label={t('export.collection')} disabled={collections.length === 0} />
        {choice.scope === 'collection' && (
          <label className="indented">
            <span>{t('export.whichCollection')}</span>
            <select
              value={choice.collectionId}
              onChange={(event) => {
                choice.setCollectionId(event.target.value);
              }}
            >
              {collections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <ScopeRadio kind="chosen" choice={choice} label={t('export.chosen')} />
      </fieldset>
      {choice.scope === 'chosen' && (
        <CredentialPicker
          credentials={credentials}
          chosen={choice.chosen}
          onChange={(ids) => {
            choice.setChosen(ids);
            onAnyChange();
          }}
          label={t('export.pick')}
        />
      )}
    </>
  );
}
