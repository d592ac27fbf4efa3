import { useEffect, useMemo, useRef, useState } from 'react';
import type { CredentialSummary, PortfolioMaterial } from '../../../shared/credential/walletViews';
import type { Organiser } from '../../../shared/organiser';
import { pathwayProgress } from '../../../shared/organiser';
import type { Language, Preferences, PreferencesPatch } from '../../../shared/preferences';
import type { PathwaySummary } from '../../../shared/portfolio/types';
import { useI18n } from '../i18n/i18n';
import { wallet } from '../wallet';
import { CredentialPicker } from '../collections/CredentialPicker';
import { buildPortfolio, walletPresentationSigner } from './portfolioBuild';
import { PdfPreview } from './PdfPreview';
import { FontLoadError, fontLoadSentence } from '../portfolio/fontLoadError';
import { exportWarning, paperFor, pdfLocale, type ExportWarning } from './exportChoices';

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

/**
 * The pathways the exported credentials count towards, each named by its goal with how far
 * along it is: a pathway none of them belongs to says nothing about this portfolio.
 */
function pathwaysFor(organiser: Organiser, exported: ReadonlySet<string>, byId: ReadonlyMap<string, CredentialSummary>): PathwaySummary[] {
  return organiser.pathways
    .filter((pathway) => pathway.steps.some((step) => step.credentialId !== undefined && exported.has(step.credentialId)))
    .map((pathway) => {
      const progress = pathwayProgress(pathway, byId);
      return { name: pathway.name, completed: progress.complete, done: Math.min(progress.done, progress.required), required: progress.required };
    });
}

const pdfLanguages: readonly Language[] = ['en', 'de'];

function fileNameFor(owner: string, recipient: string): string {
  const parts = ['Portfolio', owner.trim(), recipient.trim()].filter(Boolean);
  return `${parts.join(' - ').replace(/[\\/:*?"<>|]/g, '_').slice(0, 120)}.pdf`;
}

/**
 * Export PDF: choose what goes in (all, a collection, chosen credentials), the order, the
 * paper (remembered for next time), the PDF's language and who it is for; the PDF is built
 * here in the renderer, previewed, then saved through the main process (a save dialog) and
 * noted in the export history. Before anything expired, revoked or unverified goes into it,
 * the person is told how many and chooses to leave them out or keep them.
 */
export function ExportPdfDialog({
  credentials,
  organiser,
  preferences,
  initial,
  onClose,
  onExported,
  onPreferences,
}: {
  credentials: readonly CredentialSummary[];
  organiser: Organiser;
  preferences: Preferences;
  initial: ExportScope;
  onClose: () => void;
  onExported: () => void;
  /** Stores the paper chosen, so that the next export starts with it. */
  onPreferences: (patch: PreferencesPatch) => void;
}) {
  const { t, language } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [scope, setScope] = useState<ExportScope['kind']>(initial.kind);
  const [collectionId, setCollectionId] = useState(initial.kind === 'collection' ? initial.id : (organiser.collections[0]?.id ?? ''));
  const [chosen, setChosen] = useState<string[]>(initial.kind === 'chosen' ? [...initial.ids] : []);
  const [order, setOrder] = useState<Order>(initial.kind === 'all' ? 'newest' : 'given');
  const [paper, setPaper] = useState<'a4' | 'letter'>(() => paperFor(preferences.exportPaper, navigator.languages.length > 0 ? navigator.languages : [navigator.language]));
  const [pdfLanguage, setPdfLanguage] = useState<Language>(language);
  const [recipient, setRecipient] = useState('');
  const [online, setOnline] = useState(preferences.network === 'allowed');
  const [signed, setSigned] = useState(true);
  const [phase, setPhase] = useState<'idle' | 'checking' | 'building' | 'saving'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [built, setBuilt] = useState<{ bytes: Uint8Array; ids: string[]; leftOut: number } | null>(null);
  // Checked for this export, with something a reader would see as not standing: waiting for the person's choice.
  const [pending, setPending] = useState<{ entries: PortfolioMaterial[]; warning: ExportWarning } | null>(null);
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
    setPending(null);
  };

  const build = async (entries: readonly PortfolioMaterial[], leftOut: number): Promise<void> => {
    setPending(null);
    setPhase('building');
    try {
      const photo = await wallet().profilePhoto({});
      // Every entry links to the verifier page: the one chosen in Settings, else the project's published one.
      const info = await wallet().appInfo({});
      // An empty setting (the field cleared) means the published page too.
      const chosen = preferences.verifierUrl === '' ? undefined : preferences.verifierUrl;
      const verifierUrl = chosen ?? (info.ok ? info.value.verifierUrl : undefined);
      const ids = entries.map((entry) => entry.walletId);
      const bytes = await buildPortfolio({
        profile: preferences.profile,
        photo: photo.ok ? photo.value.image : null,
        entries,
        paper,
        recipient,
        language: pdfLanguage,
        locale: pdfLocale(pdfLanguage, navigator.language),
        pathways: pathwaysFor(organiser, new Set(ids), byId),
        ...(verifierUrl ? { verifierUrl } : {}),
        ...(signed ? { presentation: await walletPresentationSigner() } : {}),
      });
      setBuilt({ bytes, ids, leftOut });
    } catch (cause) {
      // A font that could not be loaded is said in the reader's language; anything else as it came.
      setError(t('export.buildFailed', { reason: cause instanceof FontLoadError ? fontLoadSentence(cause, t) : cause instanceof Error ? cause.message : String(cause) }));
    }
    setPhase('idle');
  };

  const preview = async (): Promise<void> => {
    setError(null);
    setSaved(null);
    setPending(null);
    setPhase('checking');
    const material = await wallet().portfolioMaterial({ ids: selectedIds, ...(online ? { online: true } : {}) });
    if (!material.ok) {
      setError(material.error.message);
      setPhase('idle');
      return;
    }
    // Statuses as checked just now, for this PDF: what the reader will see printed.
    const warning = exportWarning(material.value.entries);
    if (warning.ids.length > 0) {
      setPending({ entries: material.value.entries, warning });
      setPhase('idle');
      return;
    }
    await build(material.value.entries, 0);
  };

  const leaveOut = (): void => {
    if (!pending) return;
    const flagged = new Set(pending.warning.ids);
    void build(
      pending.entries.filter((entry) => !flagged.has(entry.walletId)),
      flagged.size,
    );
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
                  onPreferences({ exportPaper: size });
                }}
              />
              <span>{size === 'a4' ? 'A4' : 'Letter'}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="segmented" aria-label={t('export.language')} onChange={invalidate}>
          <legend className="visually-hidden">{t('export.language')}</legend>
          {pdfLanguages.map((code) => (
            <label key={code} className="segment">
              <input
                type="radio"
                name="export-language"
                checked={pdfLanguage === code}
                onChange={() => {
                  setPdfLanguage(code);
                }}
              />
              {/* Each language in its own words, as language menus do. */}
              <span lang={code}>{code === 'de' ? 'Deutsch' : 'English'}</span>
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
      {pending && (
        <section className="banner banner-error banner-with-actions export-warning" aria-labelledby="export-warning-title">
          <h3 id="export-warning-title" className="visually-hidden">
            {t('export.warning.title')}
          </h3>
          <p role="alert">
            {t('export.warning.lead', {
              count: pending.warning.ids.length,
              total: pending.entries.length,
              list: (['expired', 'revoked', 'unverified'] as const)
                .filter((kind) => pending.warning[kind] > 0)
                .map((kind) => t(`export.warning.${kind}`, { count: pending.warning[kind] }))
                .join(', '),
            })}
            {pending.warning.ids.length === pending.entries.length && ` ${t('export.warning.nothingLeft')}`}
          </p>
          <div className="banner-actions">
            <button type="button" className="primary" disabled={busy || pending.warning.ids.length === pending.entries.length} onClick={leaveOut}>
              {t('export.warning.leaveOut', { count: pending.warning.ids.length })}
            </button>
            <button type="button" disabled={busy} onClick={() => void build(pending.entries, 0)}>
              {t('export.warning.anyway')}
            </button>
          </div>
        </section>
      )}
      {built && built.leftOut > 0 && (
        <p role="status" className="hint">
          {t('export.warning.leftOut', { count: built.leftOut })}
        </p>
      )}
      {built && <PdfPreview bytes={built.bytes} />}
      {saved !== null && (
        <p role="status" className="banner banner-ok">
          {t('export.saved', { file: saved })}
        </p>
      )}
      <div className="row-actions">
        <button type="button" className={built || pending ? '' : 'primary'} disabled={busy || selectedIds.length === 0} onClick={() => void preview()}>
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
