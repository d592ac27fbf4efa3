import { useEffect, useMemo, useRef, useState } from 'react';
import type { CredentialSummary } from '../../../shared/credential/walletViews';
import type { Organiser, Pathway } from '../../../shared/organiser';
import { pathwayProgress } from '../../../shared/organiser';
import type { Preferences } from '../../../shared/preferences';
import { useI18n } from '../i18n/i18n';
import { wallet } from '../wallet';
import { CredentialPicker } from '../collections/CredentialPicker';
import { buildPortfolio, walletPresentationSigner } from './portfolioBuild';
import { PdfPreview } from './PdfPreview';

export type ExportScope = { readonly kind: 'all' } | { readonly kind: 'collection'; readonly id: string } | { readonly kind: 'chosen'; readonly ids: readonly string[] };
const orders = ['newest', 'oldest', 'name', 'given'] as const;
type Order = (typeof orders)[number];

function ordered(ids: readonly string[], order: Order, byId: ReadonlyMap<string, CredentialSummary>, locale: string): string[] {
  if (order === 'given') return [...ids];
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const list = ids.flatMap((id) => {
    const c = byId.get(id);
    return c ? [c] : [];
  });
  const date = (c: CredentialSummary): string => c.issuedOn ?? c.addedAt;
  if (order === 'name') list.sort((a, b) => collator.compare(a.name, b.name));
  else list.sort((a, b) => (order === 'newest' ? date(b).localeCompare(date(a)) : date(a).localeCompare(date(b))));
  return list.map((c) => c.id);
}

function fileNameFor(owner: string, recipient: string): string {
  const parts = ['Portfolio', owner.trim(), recipient.trim()].filter(Boolean);
  return `${parts.join(' - ').replace(/[\\/:*?"<>|]/g, '_').slice(0, 120)}.pdf`;
}

/**
 * Export PDF: choose what goes in (all, a collection, chosen credentials), the order, the
 * paper and who it is for; the PDF is built here in the renderer, previewed, then saved
 * through the main process (a save dialog) and noted in the export history.
 */
export function ExportPdfDialog({
  credentials,
  organiser,
  preferences,
  initial,
  onClose,
  onExported,
}: {
  credentials: readonly CredentialSummary[];
  organiser: Organiser;
  preferences: Preferences;
  initial: ExportScope;
  onClose: () => void;
  onExported: () => void;
}) {
  const { t, language } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [scope, setScope] = useState<ExportScope['kind']>(initial.kind);
  const [collectionId, setCollectionId] = useState(initial.kind === 'collection' ? initial.id : (organiser.collections[0]?.id ?? ''));
  const [chosen, setChosen] = useState<string[]>(initial.kind === 'chosen' ? [...initial.ids] : []);
  const [order, setOrder] = useState<Order>(initial.kind === 'all' ? 'newest' : 'given');
  const [paper, setPaper] = useState<'a4' | 'letter'>(language === 'en' && navigator.language === 'en-US' ? 'letter' : 'a4');
  const [recipient, setRecipient] = useState('');
  const [online, setOnline] = useState(preferences.network === 'allowed');
  const [signed, setSigned] = useState(true);
  const [phase, setPhase] = useState<'idle' | 'checking' | 'building' | 'saving'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [built, setBuilt] = useState<{ bytes: Uint8Array; ids: string[] } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const byId = useMemo(() => new Map(credentials.map((c) => [c.id, c])), [credentials]);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const selectedIds = useMemo(() => {
    const ids =
      scope === 'all'
        ? credentials.map((c) => c.id)
        : scope === 'collection'
          ? (organiser.collections.find((c) => c.id === collectionId)?.credentialIds ?? [])
          : chosen;
    return ordered(
      ids.filter((id) => byId.has(id)),
      scope === 'all' && order === 'given' ? 'newest' : order,
      byId,
      language,
    );
  }, [scope, credentials, organiser.collections, collectionId, chosen, order, byId, language]);

  const invalidate = (): void => {
    setBuilt(null);
    setSaved(null);
  };

  const preview = async (): Promise<void> => {
    setError(null);
    setSaved(null);
    setPhase('checking');
    const material = await wallet().portfolioMaterial({ ids: selectedIds, ...(online ? { online: true } : {}) });
    if (!material.ok) {
      setError(material.error.message);
      setPhase('idle');
      return;
    }
    setPhase('building');
    try {
      const photo = await wallet().profilePhoto({});
      const completed = (p: Pathway): boolean => pathwayProgress(p, byId).complete;
      const bytes = await buildPortfolio({
        profile: preferences.profile,
        photo: photo.ok ? photo.value.image : null,
        entries: material.value.entries,
        paper,
        recipient,
        locale: language === 'de' ? 'de-DE' : navigator.language || 'en-GB',
        pathways: organiser.pathways.map((p) => ({ name: p.name, completed: completed(p) })),
        ...(preferences.verifierUrl ? { verifierUrl: preferences.verifierUrl } : {}),
        ...(signed ? { presentation: await walletPresentationSigner() } : {}),
      });
      setBuilt({ bytes, ids: selectedIds });
    } catch (cause) {
      setError(t('export.buildFailed', { reason: cause instanceof Error ? cause.message : String(cause) }));
    }
    setPhase('idle');
  };

  const save = async (): Promise<void> => {
    if (!built) return;
    setPhase('saving');
    const result = await wallet().saveExport({
      bytes: built.bytes,
      fileName: fileNameFor(preferences.profile.name, recipient),
      recipient,
      paper,
      credentialIds: built.ids,
    });
    setPhase('idle');
    if (!result.ok) setError(result.error.message);
    else if (result.value.saved) {
      setSaved(result.value.fileName ?? '');
      onExported();
    }
  };

  const busy = phase !== 'idle';
  return (
    <dialog ref={dialog} className="detail export-dialog" aria-labelledby="export-title" onClose={onClose}>
      <h2 id="export-title">{t('export.title')}</h2>
      <fieldset onChange={invalidate}>
        <legend>{t('export.include')}</legend>
        <label>
          <input
            type="radio"
            name="export-scope"
            checked={scope === 'all'}
            onChange={() => {
              setScope('all');
            }}
          />
          {t('export.all', { count: credentials.length })}
        </label>
        <label>
          <input
            type="radio"
            name="export-scope"
            checked={scope === 'collection'}
            disabled={organiser.collections.length === 0}
            onChange={() => {
              setScope('collection');
            }}
          />
          {t('export.collection')}
        </label>
        {scope === 'collection' && (
          <label className="indented">
            <span>{t('export.whichCollection')}</span>
            <select
              value={collectionId}
              onChange={(event) => {
                setCollectionId(event.target.value);
              }}
            >
              {organiser.collections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <input
            type="radio"
            name="export-scope"
            checked={scope === 'chosen'}
            onChange={() => {
              setScope('chosen');
            }}
          />
          {t('export.chosen')}
        </label>
      </fieldset>
      {scope === 'chosen' && (
        <CredentialPicker
          credentials={credentials}
          chosen={chosen}
          onChange={(ids) => {
            setChosen(ids);
            invalidate();
          }}
          label={t('export.pick')}
        />
      )}
      <div className="export-options">
        <label>
          <span>{t('export.order')}</span>
          <select
            value={order}
            onChange={(event) => {
              setOrder(orders.find((o) => o === event.target.value) ?? 'newest');
              invalidate();
            }}
          >
            {orders.map((o) => (
              <option key={o} value={o} disabled={o === 'given' && scope === 'all'}>
                {t(`export.order.${o}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="segmented" aria-label={t('export.paper')} onChange={invalidate}>
          <legend className="visually-hidden">{t('export.paper')}</legend>
          {(['a4', 'letter'] as const).map((size) => (
            <label key={size} className="segment">
              <input
                type="radio"
                name="export-paper"
                checked={paper === size}
                onChange={() => {
                  setPaper(size);
                }}
              />
              <span>{size === 'a4' ? 'A4' : 'Letter'}</span>
            </label>
          ))}
        </fieldset>
        <label>
          <span>{t('export.recipient')}</span>
          <input
            value={recipient}
            maxLength={200}
            placeholder={t('export.recipientPlaceholder')}
            onChange={(event) => {
              setRecipient(event.target.value);
              invalidate();
            }}
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={signed}
            onChange={(event) => {
              setSigned(event.target.checked);
              invalidate();
            }}
          />
          {t('export.sign')}
        </label>
        {preferences.network === 'ask' && (
          <label>
            <input
              type="checkbox"
              checked={online}
              onChange={(event) => {
                setOnline(event.target.checked);
                invalidate();
              }}
            />
            {t('export.checkOnline')}
          </label>
        )}
      </div>
      {preferences.profile.name.trim() === '' && <p className="hint">{t('export.noProfile')}</p>}
      <p className="hint">{t('export.selected', { count: selectedIds.length })}</p>
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
      {busy && (
        <p role="status" className="banner">
          {t(`export.phase.${phase}`, { count: selectedIds.length })}
        </p>
      )}
      {built && <PdfPreview bytes={built.bytes} />}
      {saved !== null && (
        <p role="status" className="banner banner-ok">
          {t('export.saved', { file: saved })}
        </p>
      )}
      <div className="row-actions">
        <button type="button" className={built ? '' : 'primary'} disabled={busy || selectedIds.length === 0} onClick={() => void preview()}>
          {built ? t('export.rebuild') : t('export.makePreview')}
        </button>
        <button type="button" className={built ? 'primary' : ''} disabled={busy || !built} onClick={() => void save()}>
          {t('export.save')}
        </button>
        <form method="dialog">
          <button type="submit">{t('detail.close')}</button>
        </form>
      </div>
    </dialog>
  );
}
