import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DamageNotice } from '../../../shared/credential/notices';
import type { CredentialSummary } from '../../../shared/credential/walletViews';
import { emptyOrganiser, type Organiser } from '../../../shared/organiser';
import type { Preferences, PreferencesPatch } from '../../../shared/preferences';
import { useI18n } from '../i18n/i18n';
import { wallet } from '../wallet';
import { PortfolioView } from '../credentials/PortfolioView';
import { displayName } from '../credentials/untitledName';
import { CredentialDetailDialog } from '../wallet/CredentialDetailDialog';
import { SkillsView } from '../skills/SkillsView';
import { PathwaysView } from '../pathways/PathwaysView';
import { CollectionsView } from '../collections/CollectionsView';
import { ExportLogView } from '../exports/ExportLogView';
import { CheckPdfView } from '../exports/CheckPdfView';
import { ProfileView } from '../profile/ProfileView';
import { SettingsView } from '../settings/SettingsView';
import { ExportPdfDialog, type ExportScope } from '../share/ExportPdfDialog';
import { ImportNotices, ImportSummary } from './ImportNotices';
import { AttentionPanel } from './AttentionPanel';
import { BackupPanel } from '../backup/BackupPanel';
import type { ShellState } from '../shell/useShellEvents';
import { useImport } from './useImport';
import { useReceive } from '../receive/useReceive';
import { ReceivePanel } from '../receive/ReceivePanel';
import { focusMainContent } from '../focusMain';

export const sections = ['portfolio', 'skills', 'pathways', 'collections', 'exports', 'check', 'profile', 'settings'] as const;
export type Section = (typeof sections)[number];

/**
 * The unlocked wallet: the sections in a side bar, the credentials loaded once and shared by
 * every section, one details dialog, one export dialog. Import works from any section.
 */
export function WalletHome({
  preferences,
  onPreferences,
  onLocked,
  command,
  shell,
  justCreated = false,
  focusOnOpen = false,
}: {
  preferences: Preferences;
  onPreferences: (patch: PreferencesPatch) => void;
  onLocked: () => void;
  /** A request from outside the page (the application menu): import, export, preferences. */
  command?: { readonly name: 'exportPdf' | 'preferences'; readonly at: number } | null;
  /** What the shell reported: files opened with the app and imported by the main process. */
  shell?: ShellState;
  /** The wallet was made a moment ago: offer a backup at once. */
  justCreated?: boolean;
  /** The user has just unlocked or created the wallet: focus goes to the content once it shows. */
  focusOnOpen?: boolean;
}) {
  const { t } = useI18n();
  const [section, setSection] = useState<Section>('portfolio');
  const [credentials, setCredentials] = useState<CredentialSummary[] | null>(null);
  const [organiser, setOrganiser] = useState<Organiser>(emptyOrganiser);
  const [selected, setSelected] = useState<string | null>(null);
  const [exporting, setExporting] = useState<ExportScope | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [offerBackup, setOfferBackup] = useState(justCreated);
  const picker = useRef<HTMLInputElement>(null);
  const folderPicker = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async () => {
    const [list, organised] = await Promise.all([wallet().listCredentials({}), wallet().organiser({})]);
    if (!list.ok) {
      onLocked();
      return;
    }
    setCredentials(list.value.credentials);
    if (organised.ok) setOrganiser(organised.value);
    else setProblem(organised.error.message);
  }, [onLocked]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Unlocked by the user: the page's heading takes the focus the unlock form had (once).
  const focusPending = useRef(focusOnOpen);
  const loaded = credentials !== null;
  useEffect(() => {
    if (!loaded || !focusPending.current) return;
    focusPending.current = false;
    focusMainContent();
  }, [loaded]);

  // "Add from a link", links opened with the app and offers in a picture's QR code: the consent dialog shows in any section.
  const receiver = useReceive(() => void refresh());
  const importer = useImport(() => void refresh(), receiver.receive);
  const [linkFormOpen, setLinkFormOpen] = useState(false);

  useEffect(() => {
    if (!command) return;
    if (command.name === 'exportPdf') setExporting({ kind: 'all' });
    else setSection('settings');
  }, [command]);

  // Files opened with Badgefolio from the OS were imported by the main process: show them.
  const shellImported = shell?.imported;
  useEffect(() => {
    if (shellImported) void refresh();
  }, [shellImported, refresh]);

  // The wallet check after unlock found damage: the notice names it, and a credential whose
  // record was set aside is no longer in the list.
  const notices = shell?.notices;
  const damage = useMemo(() => (notices ?? []).filter((notice): notice is DamageNotice => notice.kind === 'damaged'), [notices]);
  const damageKey = damage.map((notice) => notice.id).join('\n');
  useEffect(() => {
    if (damageKey !== '') void refresh();
  }, [damageKey, refresh]);
  const [focusWalletCheck, setFocusWalletCheck] = useState(0);

  const open = useCallback((id: string) => {
    setSelected(id);
    setReviewing(false);
  }, []);
  // "Review self-reported entries" after an import: the first one opens at its corrections.
  const [reviewing, setReviewing] = useState(false);
  const review = useCallback((id: string) => {
    setSelected(id);
    setReviewing(true);
  }, []);

  // A credential with no name of its own (details not fetched yet, or simply untitled): every
  // screen (picker, export, pathways) shows what is true instead of a blank or a made-up placeholder.
  const list = useMemo(() => (credentials ?? []).map((c) => (c.name !== '' ? c : { ...c, name: displayName(c.name, c.details, t) })), [credentials, t]);
  const actions = (
    <>
      <button type="button" className="primary" onClick={() => picker.current?.click()}>
        {t('portfolio.import')}
      </button>
      <button type="button" onClick={() => folderPicker.current?.click()}>
        {t('portfolio.importFolder')}
      </button>
      <button
        type="button"
        aria-expanded={linkFormOpen}
        onClick={() => {
          setLinkFormOpen((open) => !open);
        }}
      >
        {t('receive.open')}
      </button>
      <button
        type="button"
        disabled={list.length === 0}
        onClick={() => {
          setExporting({ kind: 'all' });
        }}
      >
        {t('export.button')}
      </button>
    </>
  );

  return (
    <div className="home">
      <nav className="sidebar" aria-label={t('nav.label')}>
        <ul>
          {sections.map((name) => (
            <li key={name}>
              <button
                type="button"
                className="nav-item"
                aria-current={section === name ? 'page' : undefined}
                onClick={() => {
                  setSection(name);
                }}
              >
                {t(`nav.${name}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="home-content">
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          data-testid="import-input"
          accept=".png,.svg,.json,.jsonld,.jwt,.jws,.txt,.zip,.pdf,.jpg,.jpeg,.xml"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            void importer.importFiles(files);
          }}
        />
        <input
          ref={folderPicker}
          type="file"
          hidden
          data-testid="import-folder-input"
          {...{ webkitdirectory: '' }}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            void importer.importFiles(files);
          }}
        />
        {importer.dragging && <div className="drop-overlay">{t('portfolio.dropHere')}</div>}
        {problem && (
          <p role="alert" className="banner banner-error">
            {problem}
          </p>
        )}
        {offerBackup && (
          <div className="banner banner-with-actions">
            <p>{t('backup.offer')}</p>
            <div className="banner-actions">
              <button
                type="button"
                onClick={() => {
                  setSection('settings');
                  setOfferBackup(false);
                }}
              >
                {t('backup.offerButton')}
              </button>
              <button
                type="button"
                onClick={() => {
                  setOfferBackup(false);
                }}
              >
                {t('import.dismiss')}
              </button>
            </div>
          </div>
        )}
        {section !== 'portfolio' && <ImportNotices importer={importer} onReview={review} />}
        <ReceivePanel
          receiver={receiver}
          open={linkFormOpen && section === 'portfolio'}
          onClose={() => {
            setLinkFormOpen(false);
          }}
        />
        {shell?.imported && (
          <ImportSummary
            outcomes={shell.imported}
            onDismiss={() => {
              shell.dismissImported();
            }}
            title={t('shell.imported')}
            onChanged={() => void refresh()}
            onReview={review}
          />
        )}
        {shell?.backupOpened && (
          <div role="status" className="banner banner-with-actions">
            <p>{t('shell.backup', { file: shell.backupOpened })}</p>
            <div className="banner-actions">
              <button
                type="button"
                onClick={() => {
                  shell.dismissBackup();
                }}
              >
                {t('import.dismiss')}
              </button>
            </div>
          </div>
        )}
        {credentials === null ? (
          <p role="status" className="banner">
            {t('portfolio.loading')}
          </p>
        ) : section === 'portfolio' ? (
          <PortfolioView
            credentials={list}
            onOpen={open}
            actions={actions}
            onChooseFiles={() => picker.current?.click()}
            dragging={importer.dragging}
            notices={
              <>
                <AttentionPanel
                  credentials={list}
                  damage={damage}
                  onOpen={open}
                  onCheckWallet={() => {
                    setSection('settings');
                    setFocusWalletCheck((count) => count + 1);
                  }}
                />
                <ImportNotices importer={importer} onReview={review} />
              </>
            }
          />
        ) : section === 'skills' ? (
          <SkillsView credentials={list} onOpen={open} />
        ) : section === 'pathways' ? (
          <PathwaysView credentials={list} organiser={organiser} onOrganiser={setOrganiser} onOpen={open} />
        ) : section === 'collections' ? (
          <CollectionsView
            credentials={list}
            organiser={organiser}
            onOrganiser={setOrganiser}
            onOpen={open}
            onExport={(id) => {
              setExporting({ kind: 'collection', id });
            }}
          />
        ) : section === 'exports' ? (
          <ExportLogView organiser={organiser} onOrganiser={setOrganiser} />
        ) : section === 'check' ? (
          <CheckPdfView network={preferences.network} />
        ) : section === 'profile' ? (
          <ProfileView preferences={preferences} onChange={onPreferences} />
        ) : (
          <>
            <SettingsView preferences={preferences} onChange={onPreferences} onWalletChecked={() => void refresh()} focusWalletCheck={focusWalletCheck} />
            <BackupPanel onRestored={() => void refresh()} />
          </>
        )}
      </div>
      {selected && (
        <CredentialDetailDialog
          id={selected}
          credentials={list}
          network={preferences.network}
          startEditing={reviewing}
          onOpen={open}
          onClose={() => {
            setSelected(null);
            setReviewing(false);
          }}
          onChanged={() => void refresh()}
        />
      )}
      {exporting && (
        <ExportPdfDialog
          credentials={list}
          organiser={organiser}
          preferences={preferences}
          initial={exporting}
          onClose={() => {
            setExporting(null);
          }}
          onExported={() => void refresh()}
          onPreferences={onPreferences}
        />
      )}
    </div>
  );
}
