import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelResponse } from '../../shared/contract/channels';
import { defaultPreferences, type Preferences, type PreferencesPatch } from '../../shared/preferences';
import { I18nProvider, useI18n } from './i18n/i18n';
import { Welcome } from './screens/Welcome';
import type { WalletState } from '../../shared/credential/walletViews';
import { CreateWalletForm, UnlockForm } from './wallet/PassphraseForms';
import { WalletHome } from './home/WalletHome';
import { AppHeader } from './AppHeader';
import { applyTheme, followSystemTheme } from './theme/applyTheme';
import { wallet } from './wallet';
import { forgetCredentialImages } from './wallet/CredentialImage';
import { useShellEvents, useShellState, type ShellState } from './shell/useShellEvents';
import { focusMainContent } from './focusMain';
import { DeveloperHostsBanner } from './DeveloperHostsBanner';

type AppInfo = ChannelResponse<'appInfo'>;

export function App() {
  const [preferences, setPreferences] = useState<Preferences>(defaultPreferences);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  const [walletState, setWalletState] = useState<WalletState | null>(null);
  const earlyChanges = useRef<PreferencesPatch>({});
  const latestRequest = useRef(0);

  useEffect(() => {
    void Promise.all([wallet().getPreferences({}), wallet().appInfo({}), wallet().walletState({})]).then(async ([prefs, appInfo, state]) => {
      // A choice made while the app was still starting (a quick click on a theme) wins over the stored one.
      if (prefs.ok) setPreferences({ ...prefs.value, ...earlyChanges.current });
      if (appInfo.ok) setInfo(appInfo.value);
      setUnreachable(!prefs.ok || !appInfo.ok || !state.ok);
      if (!state.ok) return;
      // A wallet remembered on this device opens without the passphrase.
      if (state.value.state === 'locked' && state.value.remembered) {
        const opened = await wallet().unlockOnThisDevice({});
        setWalletState(opened.ok ? opened.value : state.value);
      } else setWalletState(state.value);
    });
  }, []);

  // Locking it here, or told it locked itself: the credentials' images leave memory and the screen follows the state the wallet reports.
  const leave = useCallback((ask: 'lockWallet' | 'walletState') => {
    forgetCredentialImages();
    void wallet()
      [ask]({})
      .then((result) => {
        if (result.ok) setWalletState(result.value);
      });
  }, []);
  const lock = useCallback(() => {
    leave('lockWallet');
  }, [leave]);
  const locked = useCallback(() => {
    leave('walletState');
  }, [leave]);

  useEffect(() => {
    applyTheme(preferences.theme);
    document.documentElement.lang = preferences.language;
    return preferences.theme === 'system'
      ? followSystemTheme(() => {
          applyTheme('system');
        })
      : undefined;
  }, [preferences.theme, preferences.language]);

  const changePreferences = useCallback((patch: PreferencesPatch) => {
    earlyChanges.current = { ...earlyChanges.current, ...patch };
    setPreferences((current) => ({ ...current, ...patch }));
    const request = ++latestRequest.current;
    void wallet()
      .setPreferences(patch)
      .then((result) => {
        // Answers may arrive out of order: only the newest change's answer is the truth.
        if (result.ok && request === latestRequest.current) setPreferences(result.value);
        else if (!result.ok) setUnreachable(true);
      });
  }, []);

  return (
    <I18nProvider language={preferences.language}>
      <Shell
        preferences={preferences}
        info={info}
        unreachable={unreachable}
        onChange={changePreferences}
        walletState={walletState}
        onWalletState={setWalletState}
        onLock={lock}
        onLocked={locked}
      />
    </I18nProvider>
  );
}

function Shell(props: {
  preferences: Preferences;
  info: AppInfo | null;
  unreachable: boolean;
  onChange: (patch: PreferencesPatch) => void;
  walletState: WalletState | null;
  onWalletState: (state: WalletState) => void;
  onLock: () => void;
  onLocked: () => void;
}) {
  const { t } = useI18n();
  const state = props.walletState;
  const [command, setCommand] = useState<{ name: 'exportPdf' | 'preferences'; at: number } | null>(null);
  // The application menu: Export PDF and Preferences are shown by the page (Import and Lock are the main process's).
  useShellEvents({
    menuCommand: ({ command: name }) => {
      setCommand({ name, at: Date.now() });
    },
  });
  const shell: ShellState = useShellState();
  const [justCreated, setJustCreated] = useState(false);
  // The wallet was opened by the user (unlock or create): focus goes to the portfolio's heading.
  const [opened, setOpened] = useState(false);
  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          focusMainContent();
        }}
      >
        {t('shell.skipToContent')}
      </a>
      <AppHeader preferences={props.preferences} onChange={props.onChange} {...(state?.state === 'unlocked' ? { onLock: props.onLock } : {})} />
      {props.info?.developerHosts && <DeveloperHostsBanner developerHosts={props.info.developerHosts} />}
      {props.unreachable && (
        <p role="alert" className="banner banner-error">
          {t('error.unreachable')}
        </p>
      )}
      <main className={state?.state === 'unlocked' ? 'app-main app-main-home' : 'app-main'} id="main">
        {state?.state === 'unlocked' ? (
          <WalletHome
            preferences={props.preferences}
            onPreferences={props.onChange}
            onLocked={props.onLocked}
            command={command}
            shell={shell}
            justCreated={justCreated}
            focusOnOpen={opened}
          />
        ) : state?.state === 'locked' ? (
          <>
            {shell.waiting.count > 0 && (
              <p role="status" className="banner">
                {t('shell.waiting', { count: shell.waiting.count })}
              </p>
            )}
            {shell.linksWaiting > 0 && (
              <p role="status" className="banner">
                {t('receive.waiting', { count: shell.linksWaiting })}
              </p>
            )}
            <UnlockForm
              state={state}
              onState={(next) => {
                setOpened(next.state === 'unlocked');
                props.onWalletState(next);
              }}
            />
          </>
        ) : (
          <Welcome>
            {state && (
              <CreateWalletForm
                state={state}
                onState={(next) => {
                  setJustCreated(next.state === 'unlocked');
                  setOpened(next.state === 'unlocked');
                  props.onWalletState(next);
                }}
              />
            )}
          </Welcome>
        )}
      </main>
      <footer className="app-footer">
        {props.info && (
          <span>
            {t('footer.version', { version: props.info.version })}
            {props.info.host === 'harness' ? ` · ${t('footer.harness')}` : ''}
          </span>
        )}
      </footer>
    </div>
  );
}
