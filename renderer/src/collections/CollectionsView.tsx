import { useEffect, useMemo, useRef, useState, type SyntheticEvent } from 'react';
import type { CredentialSummary } from '../../../shared/credential/walletViews';
import type { Collection, Organiser } from '../../../shared/organiser';
import { useI18n } from '../i18n/i18n';
import { CredentialLink, OrganiserPageHeader, useFocusAfterEditor, useOrganiserChange } from '../home/organiserPage';
import { wallet } from '../wallet';
import { CredentialPicker } from './CredentialPicker';

function CollectionEditor({
  credentials,
  collection,
  onSave,
  onCancel,
}: {
  credentials: readonly CredentialSummary[];
  collection: Collection | null;
  onSave: (draft: { id?: string; name: string; credentialIds: string[] }) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(collection?.name ?? '');
  const [chosen, setChosen] = useState<string[]>(collection ? [...collection.credentialIds] : []);
  // Opening the editor ("New collection", "Edit") puts the cursor in its name.
  const nameField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    nameField.current?.focus();
  }, []);
  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    await onSave({ ...(collection ? { id: collection.id } : {}), name, credentialIds: chosen });
  };
  return (
    <form className="editor" aria-label={collection ? t('collections.editTitle', { name: collection.name }) : t('collections.newTitle')} onSubmit={(event) => void submit(event)}>
      <label>
        <span>{t('collections.name')}</span>
        <input
          ref={nameField}
          required
          maxLength={120}
          value={name}
          placeholder={t('collections.namePlaceholder')}
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
      </label>
      <CredentialPicker credentials={credentials} chosen={chosen} onChange={setChosen} label={t('collections.credentials')} />
      <div className="row-actions">
        <button type="submit" className="primary">
          {t('collections.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Named sets of credentials ("Data analyst applications"), each ready to export as a PDF. */
export function CollectionsView({
  credentials,
  organiser,
  onOrganiser,
  onOpen,
  onExport,
}: {
  credentials: readonly CredentialSummary[];
  organiser: Organiser;
  onOrganiser: (next: Organiser) => void;
  onOpen: (id: string) => void;
  onExport: (collectionId: string) => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Collection | 'new' | null>(null);
  const { error, act } = useOrganiserChange(onOrganiser);
  const byId = useMemo(() => new Map(credentials.map((c) => [c.id, c])), [credentials]);
  const newButton = useFocusAfterEditor(editing !== null);


  return (
    <section className="page collections" aria-labelledby="collections-title">
      <OrganiserPageHeader
        titleId="collections-title"
        title={t('collections.title')}
        lead={t('collections.lead')}
        newLabel={t('collections.new')}
        newButtonRef={newButton}
        onNew={
          editing === null
            ? () => {
                setEditing('new');
              }
            : undefined
        }
        error={error}
      />
      {editing !== null && (
        <CollectionEditor
          credentials={credentials}
          collection={editing === 'new' ? null : editing}
          onCancel={() => {
            setEditing(null);
          }}
          onSave={async (draft) => {
            if (await act(wallet().saveCollection(draft))) setEditing(null);
          }}
        />
      )}
      {organiser.collections.length === 0 && editing === null ? (
        <p className="empty-state">{t('collections.empty')}</p>
      ) : (
        <ul className="collection-list">
          {organiser.collections.map((collection) => (
            <li key={collection.id}>
              <article className="collection" aria-label={collection.name}>
                <h2>{collection.name}</h2>
                <p className="muted">{t('collections.count', { count: collection.credentialIds.length })}</p>
                <ul>
                  {collection.credentialIds.map((id) => {
                    const credential = byId.get(id);
                    return credential ? (
                      <li key={id}>
                        <CredentialLink id={id} name={credential.name} onOpen={onOpen} />
                      </li>
                    ) : null;
                  })}
                </ul>
                <div className="row-actions">
                  <button
                    type="button"
                    className="primary"
                    aria-label={t('collections.export', { name: collection.name })}
                    disabled={collection.credentialIds.length === 0}
                    onClick={() => {
                      onExport(collection.id);
                    }}
                  >
                    {t('export.button')}
                  </button>
                  <button
                    type="button"
                    aria-label={t('collections.edit', { name: collection.name })}
                    onClick={() => {
                      setEditing(collection);
                    }}
                  >
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    aria-label={t('collections.delete', { name: collection.name })}
                    onClick={() => {
                      if (window.confirm(t('collections.confirmDelete', { name: collection.name }))) void act(wallet().removeCollection({ id: collection.id }));
                    }}
                  >
                    {t('common.delete')}
                  </button>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
