import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { IpcResult } from '../../../shared/contract/result';
import type { CredentialSummary } from '../../../shared/credential/walletViews';
import type { Organiser } from '../../../shared/organiser';
import { useI18n } from '../i18n/i18n';

/** What every organiser page (collections, pathways) is given: the credentials, the organiser, and where changes and clicks go. */
export interface OrganiserPageProps {
  readonly credentials: readonly CredentialSummary[];
  readonly organiser: Organiser;
  readonly onOrganiser: (next: Organiser) => void;
  readonly onOpen: (id: string) => void;
}

/**
 * A change to the organiser (collections, pathways, the export log): the main process answers
 * with the whole new organiser, or with a sentence saying why not, shown on the page.
 */
export function useOrganiserChange(onOrganiser: (next: Organiser) => void) {
  const [error, setError] = useState<string | null>(null);
  const act = async (call: Promise<IpcResult<Organiser>>): Promise<boolean> => {
    const result = await call;
    if (!result.ok) {
      setError(result.error.message);
      return false;
    }
    setError(null);
    onOrganiser(result.value);
    return true;
  };
  return { error, act };
}

/** The top of a Collections or Pathways page: title, the "New…" button, what the page is for, and any refusal. */
export function OrganiserPageHeader({
  titleId,
  title,
  lead,
  newLabel,
  onNew,
  error,
  newButtonRef,
}: {
  titleId: string;
  title: string;
  lead: string;
  newLabel: string;
  /** Left out while an editor is open. */
  onNew?: (() => void) | undefined;
  error: string | null;
  /** The "New…" button, to return focus to when an editor closes. */
  newButtonRef?: RefObject<HTMLButtonElement | null>;
}) {
  return (
    <>
      <div className="page-header">
        <h1 id={titleId}>{title}</h1>
        {onNew && (
          <button ref={newButtonRef} type="button" className="primary" onClick={onNew}>
            {newLabel}
          </button>
        )}
      </div>
      <p className="lead">{lead}</p>
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
    </>
  );
}

/**
 * Focus for a page with an editor: when the editor closes (saved or cancelled), focus goes back
 * to the "New…" button that reappears, not to the top of the document.
 */
export function useFocusAfterEditor(open: boolean): RefObject<HTMLButtonElement | null> {
  const newButton = useRef<HTMLButtonElement | null>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) newButton.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return newButton;
}

/**
 * The editor of a Collections or Pathways page: the item it is open for (null for a new one),
 * the header's "New…" button (left out while the editor is open, focused again once it
 * closes), and saving through it, which closes it once the change is made.
 */
export function useOrganiserEditor<T>(onOrganiser: (next: Organiser) => void) {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const { error, act } = useOrganiserChange(onOrganiser);
  const newButtonRef = useFocusAfterEditor(editing !== null);
  const close = (): void => {
    setEditing(null);
  };
  return {
    open: editing !== null,
    item: editing === 'new' ? null : editing,
    /** A handler that opens the editor for this item. */
    onEdit: (item: T) => (): void => {
      setEditing(item);
    },
    close,
    save: async (call: Promise<IpcResult<Organiser>>): Promise<void> => {
      if (await act(call)) close();
    },
    act,
    /** For OrganiserPageHeader. */
    header: {
      error,
      newButtonRef,
      onNew:
        editing === null
          ? () => {
              setEditing('new');
            }
          : undefined,
    },
  };
}

/** An item's Edit and Delete buttons (Delete asks first), after any of the item's own actions. */
export function EditDeleteActions({
  page,
  name,
  onEdit,
  onDelete,
  children,
}: {
  /** Whose words: "Edit collection …" or "Edit pathway …". */
  page: 'collections' | 'pathways';
  /** The item's name. */
  name: string;
  onEdit: () => void;
  onDelete: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="row-actions">
      {children}
      <button type="button" aria-label={t(`${page}.edit`, { name })} onClick={onEdit}>
        {t('common.edit')}
      </button>
      <button
        type="button"
        aria-label={t(`${page}.delete`, { name })}
        onClick={() => {
          if (window.confirm(t(`${page}.confirmDelete`, { name }))) onDelete();
        }}
      >
        {t('common.delete')}
      </button>
    </div>
  );
}

/** A credential's name that opens its details. */
export function CredentialLink({ id, name, onOpen }: { id: string; name: string; onOpen: (id: string) => void }) {
  return (
    <button
      type="button"
      className="link"
      onClick={() => {
        onOpen(id);
      }}
    >
      {name}
    </button>
  );
}
