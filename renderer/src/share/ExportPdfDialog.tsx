import { useEffect, useMemo, useRef, useState } from 'react';
import type { CredentialSummary, PortfolioMaterial } from '../../../shared/credential/walletViews';
import type { Organiser } from '../../../shared/organiser';
import type { Language, Preferences, PreferencesPatch } from '../../../shared/preferences';
import { CheckboxField, TextField } from '../controls/formParts';
import { Segmented } from '../controls/Segmented';
import { useI18n } from '../i18n/i18n';
import { wallet } from '../wallet';
import { buildPortfolio, walletPresentationSigner } from './portfolioBuild';
import { PdfPreview } from './PdfPreview';
import { FontLoadError, fontLoadSentence } from '../portfolio/fontLoadError';
import { exportWarning, fileNameFor, ordered, orders, paperFor, pathwaysFor, pdfLanguages, pdfLocale, type ExportScope, type ExportWarning, type Order } from './exportChoices';
import { ExportScopeChoice, useExportScope } from './ExportScopeChoice';
import { ExportWarningBanner } from './ExportWarningBanner';

export type { ExportScope } from './exportChoices';

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
  const choice = useExportScope(initial, organiser.collections);
  const { scope, collectionId, chosen } = choice;
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
    const ids = scope === 'all' ? credentials.map((c) => c.id) : scope === 'collection' ? (organiser.collections.find((c) => c.id === collectionId)?.credentialIds ?? []) : chosen;
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
  /** A change to an option: a preview built before no longer shows it. */
  const thenInvalidate =
    <T,>(set: (value: T) => void) =>
    (value: T): void => {
      set(value);
      invalidate();
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
      <ExportScopeChoice credentials={credentials} collections={organiser.collections} choice={choice} onAnyChange={invalidate} />
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
        <Segmented
          label={t('export.paper')}
          name="export-paper"
          options={['a4', 'letter'] as const}
          value={paper}
          optionLabel={(size) => <span>{size === 'a4' ? 'A4' : 'Letter'}</span>}
          onChange={(size) => {
            setPaper(size);
            onPreferences({ exportPaper: size });
            invalidate();
          }}
        />
        <Segmented
          label={t('export.language')}
          name="export-language"
          options={pdfLanguages}
          value={pdfLanguage}
          // Each language in its own words, as language menus do.
          optionLabel={(code) => <span lang={code}>{code === 'de' ? 'Deutsch' : 'English'}</span>}
          onChange={thenInvalidate(setPdfLanguage)}
        />
        <TextField label={t('export.recipient')} value={recipient} maxLength={200} placeholder={t('export.recipientPlaceholder')} onValue={thenInvalidate(setRecipient)} />
        <CheckboxField label={t('export.sign')} checked={signed} onChecked={thenInvalidate(setSigned)} />
        {preferences.network === 'ask' && <CheckboxField label={t('export.checkOnline')} checked={online} onChecked={thenInvalidate(setOnline)} />}
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
      {pending && <ExportWarningBanner pending={pending} busy={busy} onLeaveOut={leaveOut} onKeep={() => void build(pending.entries, 0)} />}
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
