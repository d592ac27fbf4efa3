import { useId } from 'react';
import { languageSchema, networkUseSchema, themeSchema, type Preferences, type PreferencesPatch } from '../../../shared/preferences';
import { useI18n } from '../i18n/i18n';
import { RadioChoices } from './RadioChoices';
import { UrlSetting } from './UrlSetting';
import { VerifierSetting } from './VerifierSetting';
import { WalletCheckPanel } from './WalletCheckPanel';
import { RegistriesPanel } from './RegistriesPanel';
import { WalletIdentifier } from './WalletIdentifier';
import '../styles/forms.css';

/** Language names are written in their own language, so anyone can find theirs. */
const languageNames: Readonly<Record<Preferences['language'], string>> = { en: 'English', de: 'Deutsch' };

/** Minutes of inactivity before the wallet locks; 0 is "never". */
const autoLockChoices = [0, 1, 5, 15, 30, 60] as const;

/** A drop-down with its words above it and, given one, a hint below that describes it. */
function SelectField({
  id,
  label,
  value,
  choices,
  hint,
  onValue,
}: {
  id: string;
  label: string;
  value: string;
  /** `lang` for a choice written in a language of its own (a language's name). */
  choices: readonly { value: string; label: string; lang?: string }[];
  hint?: string;
  onValue: (value: string) => void;
}) {
  return (
    <div className="field-group">
      <label className="field" htmlFor={id}>
        <span>{label}</span>
      </label>
      <select
        id={id}
        value={value}
        {...(hint === undefined ? {} : { 'aria-describedby': `${id}-hint` })}
        onChange={(event) => {
          onValue(event.target.value);
        }}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} lang={choice.lang}>
            {choice.label}
          </option>
        ))}
      </select>
      {hint !== undefined && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * Every preference, saved as it changes: the parent persists each patch through the main
 * process. Last, the wallet check (`onWalletChecked` after each run; `focusWalletCheck`, a new
 * number, brings it into view).
 */
export function SettingsView({
  preferences,
  onChange,
  onWalletChecked,
  focusWalletCheck,
}: {
  preferences: Preferences;
  onChange: (patch: PreferencesPatch) => void;
  onWalletChecked?: () => void;
  focusWalletCheck?: number;
}) {
  const { t } = useI18n();
  const id = useId();
  // A value set elsewhere (the CLI, a hand-edited file) is shown as it is rather than misreported.
  const lockChoices: readonly number[] = autoLockChoices.some((m) => m === preferences.autoLockMinutes)
    ? autoLockChoices
    : [...autoLockChoices, preferences.autoLockMinutes].sort((a, b) => a - b);
  const lockLabel = (minutes: number): string =>
    minutes === 0 ? t('settings.autoLock.never') : minutes === 1 ? t('settings.autoLock.minute') : t('settings.autoLock.minutes', { count: minutes });

  return (
    <section className="form-page" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('settings.title')}</h1>
      <p className="page-lead">{t('settings.lead')}</p>

      <div className="form-card" role="group" aria-labelledby={`${id}-appearance`}>
        <h2 id={`${id}-appearance`}>{t('settings.appearance')}</h2>
        <RadioChoices
          legend={t('theme.label')}
          className="choices-inline"
          value={preferences.theme}
          choices={themeSchema.options.map((theme) => ({ value: theme, label: t(`theme.${theme}`) }))}
          onChange={(theme) => {
            onChange({ theme });
          }}
        />
        <SelectField
          id={`${id}-language`}
          label={t('language.label')}
          value={preferences.language}
          choices={languageSchema.options.map((language) => ({ value: language, label: languageNames[language], lang: language }))}
          onValue={(value) => {
            const language = languageSchema.safeParse(value);
            if (language.success) onChange({ language: language.data });
          }}
        />
      </div>

      <div className="form-card" role="group" aria-labelledby={`${id}-security`}>
        <h2 id={`${id}-security`}>{t('settings.security')}</h2>
        <SelectField
          id={`${id}-lock`}
          label={t('settings.autoLock')}
          value={String(preferences.autoLockMinutes)}
          choices={lockChoices.map((minutes) => ({ value: String(minutes), label: lockLabel(minutes) }))}
          hint={t('settings.autoLock.hint')}
          onValue={(value) => {
            const minutes = Number.parseInt(value, 10);
            if (Number.isInteger(minutes) && minutes >= 0) onChange({ autoLockMinutes: minutes });
          }}
        />
      </div>

      <div className="form-card">
        <RadioChoices
          legend={t('settings.network')}
          lead={t('settings.network.lead')}
          className="choices-card"
          value={preferences.network}
          choices={networkUseSchema.options.map((network) => ({
            value: network,
            label: t(`settings.network.${network}`),
            hint: t(`settings.network.${network}.hint`),
          }))}
          onChange={(network) => {
            onChange({ network });
          }}
        />
      </div>

      <RegistriesPanel network={preferences.network} />

      <WalletIdentifier />

      <div className="form-card" role="group" aria-labelledby={`${id}-notifications`}>
        <h2 id={`${id}-notifications`}>{t('settings.notifications')}</h2>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={preferences.osNotifications}
            onChange={(event) => {
              onChange({ osNotifications: event.target.checked });
            }}
          />
          {t('settings.osNotifications')}
        </label>
      </div>

      <div className="form-card" role="group" aria-labelledby={`${id}-updates`}>
        <h2 id={`${id}-updates`}>{t('settings.updates')}</h2>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={preferences.updates.enabled}
            onChange={(event) => {
              onChange({ updates: { ...preferences.updates, enabled: event.target.checked } });
            }}
          />
          {t('settings.updates.enabled')}
        </label>
        <UrlSetting
          label={t('settings.updates.feed')}
          hint={t('settings.updates.feed.hint')}
          value={preferences.updates.feedUrl}
          onCommit={(feedUrl) => {
            onChange({ updates: feedUrl === undefined ? { enabled: preferences.updates.enabled } : { enabled: preferences.updates.enabled, feedUrl } });
          }}
        />
      </div>

      <div className="form-card" role="group" aria-labelledby={`${id}-pdf`}>
        <h2 id={`${id}-pdf`}>{t('settings.verifier.section')}</h2>
        <VerifierSetting
          value={preferences.verifierUrl}
          onCommit={(verifierUrl) => {
            // An empty string, not undefined: a patch cannot delete a stored key (undefined is
            // dropped on the way); empty means the project's published verifier page.
            onChange({ verifierUrl: verifierUrl ?? '' });
          }}
        />
      </div>

      <WalletCheckPanel onChecked={onWalletChecked} focusRequest={focusWalletCheck} />
    </section>
  );
}
