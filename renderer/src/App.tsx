import { useCallback, useEffect, useState } from 'react';
import type { ChannelResponse } from '../../shared/contract/channels';
import { defaultPreferences, type Preferences, type PreferencesPatch } from '../../shared/preferences';
import { I18nProvider, useI18n } from './i18n/i18n';
import { Welcome } from './screens/Welcome';
import { AppHeader } from './AppHeader';
import { applyTheme, followSystemTheme } from './theme/applyTheme';
import { wallet } from './wallet';

type AppInfo = ChannelResponse<'appInfo'>;

export function App() {
  const [preferences, setPreferences] = useState<Preferences>(defaultPreferences);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [unreachable, setUnreachable] = useState(false);

  useEffect(() => {
    void Promise.all([wallet().getPreferences({}), wallet().appInfo({})]).then(([prefs, appInfo]) => {
      if (prefs.ok) setPreferences(prefs.value);
      if (appInfo.ok) setInfo(appInfo.value);
      setUnreachable(!prefs.ok || !appInfo.ok);
    });
  }, []);

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
    setPreferences((current) => ({ ...current, ...patch }));
    void wallet()
      .setPreferences(patch)
      .then((result) => {
        if (result.ok) setPreferences(result.value);
        else setUnreachable(true);
      });
  }, []);

  return (
    <I18nProvider language={preferences.language}>
      <Shell preferences={preferences} info={info} unreachable={unreachable} onChange={changePreferences} />
    </I18nProvider>
  );
}

function Shell(props: {
  preferences: Preferences;
  info: AppInfo | null;
  unreachable: boolean;
  onChange: (patch: PreferencesPatch) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="app">
      <AppHeader preferences={props.preferences} onChange={props.onChange} />
      {props.unreachable && (
        <p role="alert" className="banner banner-error">
          {t('error.unreachable')}
        </p>
      )}
      <main className="app-main" id="main">
        <Welcome />
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
