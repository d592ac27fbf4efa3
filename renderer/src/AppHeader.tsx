import { languageSchema, themeSchema, type Preferences, type PreferencesPatch } from '../../shared/preferences';
import { Segmented } from './controls/Segmented';
import { useI18n } from './i18n/i18n';
import { BadgeMark } from './BadgeMark';

const languageNames: Readonly<Record<Preferences['language'], string>> = { en: 'English', de: 'Deutsch' };

export function AppHeader({ preferences, onChange, onLock }: { preferences: Preferences; onChange: (patch: PreferencesPatch) => void; onLock?: () => void }) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <div className="brand">
        <BadgeMark className="brand-mark" />
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <div className="header-controls">
        {onLock && (
          <button type="button" onClick={onLock}>
            {t('wallet.lock')}
          </button>
        )}
        <Segmented
          label={t('theme.label')}
          name="theme"
          options={themeSchema.options}
          value={preferences.theme}
          optionLabel={(theme) => <span>{t(`theme.${theme}`)}</span>}
          onChange={(theme) => {
            onChange({ theme });
          }}
        />
        <label className="select-label">
          <span className="visually-hidden">{t('language.label')}</span>
          <select
            aria-label={t('language.label')}
            value={preferences.language}
            onChange={(event) => {
              const language = languageSchema.safeParse(event.target.value);
              if (language.success) onChange({ language: language.data });
            }}
          >
            {languageSchema.options.map((language) => (
              <option key={language} value={language}>
                {languageNames[language]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
