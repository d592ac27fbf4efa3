import { useMemo, useState, type SyntheticEvent } from 'react';
import type { CredentialSummary } from '../../../shared/credential/walletViews';
import type { Collection } from '../../../shared/organiser';
import { SaveCancel, TextField, useFocusOnOpen } from '../controls/formParts';
import { useI18n } from '../i18n/i18n';
import { CredentialLink, EditDeleteActions, OrganiserPageHeader, useOrganiserEditor, type OrganiserPageProps } from '../home/organiserPage';
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
  const nameField = useFocusOnOpen();
  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    await onSave({ ...(collection ? { id: collection.id } : {}), name, credentialIds: chosen });
  };
  return (
    <form className="editor" aria-label={collection ? t('collections.editTitle', { name: collection.name }) : t('collections.newTitle')} onSubmit={(event) => void submit(event)}>
      <TextField label={t('collections.name')} fieldRef={nameField} required maxLength={120} value={name} placeholder={t('collections.namePlaceholder')} onValue={setName} />
      <CredentialPicker credentials={credentials} chosen={chosen} onChange={setChosen} label={t('collections.credentials')} />
      <SaveCancel saveLabel={t('collections.save')} onCancel={onCancel} />
    </form>
  );
}

/** Named sets of credentials ("Data analyst applications"), each ready to export as a PDF. */
export function CollectionsView({ credentials, organiser, onOrganiser, onOpen, onExport }: OrganiserPageProps & { onExport: (collectionId: string) => void }) {
  const { t } = useI18n();
  const editor = useOrganiserEditor<Collection>(onOrganiser);
  const byId = useMemo(() => new Map(credentials.map((c) => [c.id, c])), [credentials]);

  return (
    <section className="page collections" aria-labelledby="collections-title">
      <OrganiserPageHeader titleId="collections-title" title={t('collections.title')} lead={t('collections.lead')} newLabel={t('collections.new')} {...editor.header} />
      {editor.open && (
        <CollectionEditor credentials={credentials} collection={editor.item} onCancel={editor.close} onSave={(draft) => editor.save(wallet().saveCollection(draft))} />
      )}
      {organiser.collections.length === 0 && !editor.open ? (
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
                <EditDeleteActions
                  page="collections"
                  name={collection.name}
                  onEdit={editor.onEdit(collection)}
                  onDelete={() => void editor.act(wallet().removeCollection({ id: collection.id }))}
                >
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
                </EditDeleteActions>
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
