import { useId, useRef, useState, type SyntheticEvent } from 'react';
import type { Preferences, PreferencesPatch } from '../../../shared/preferences';
import { useI18n } from '../i18n/i18n';
import { ProfilePhoto } from './ProfilePhoto';
import { draftFromProfile, maxLinks, profileFromDraft, type FieldRef, type LinkDraft, type ProfileDraft, type TextField } from './profileDraft';
import '../styles/forms.css';

function sameRef(a: FieldRef | null, b: FieldRef): boolean {
  if (!a) return false;
  if ('field' in a) return 'field' in b && a.field === b.field;
  return 'link' in b && a.link === b.link && a.part === b.part;
}

/** Who the portfolio PDF is about. Saved with "Save profile", after every field checks out. */
export function ProfileView({ preferences, onChange }: { preferences: Preferences; onChange: (patch: PreferencesPatch) => void }) {
  const { t } = useI18n();
  const id = useId();
  const keys = useRef(0);
  const nextKey = (): number => ++keys.current;
  const savedJson = JSON.stringify(preferences.profile);
  const [shownJson, setShownJson] = useState(savedJson);
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFromProfile(preferences.profile, nextKey));
  const [error, setError] = useState<{ at: FieldRef; message: string } | null>(null);
  const [saved, setSaved] = useState(false);

  // A profile saved elsewhere (or loaded late) replaces the form; other preference changes
  // (theme, language) leave what is being typed alone, hence comparing contents, not objects.
  if (savedJson !== shownJson) {
    setShownJson(savedJson);
    setDraft(draftFromProfile(preferences.profile, nextKey));
  }

  const fieldId = (at: FieldRef): string => ('field' in at ? `${id}-${at.field}` : `${id}-link-${String(at.link)}-${at.part}`);
  const errorId = `${id}-error`;

  const edit = (change: Partial<ProfileDraft>): void => {
    setDraft((current) => ({ ...current, ...change }));
    setSaved(false);
  };
  const editLink = (index: number, change: Partial<Omit<LinkDraft, 'key'>>): void => {
    setDraft((current) => ({ ...current, links: current.links.map((link, i) => (i === index ? { ...link, ...change } : link)) }));
    setSaved(false);
  };

  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    const checked = profileFromDraft(draft, t);
    if (!checked.ok) {
      setError({ at: checked.at, message: checked.message });
      setSaved(false);
      document.getElementById(fieldId(checked.at))?.focus();
      return;
    }
    setError(null);
    onChange({ profile: checked.profile });
    setSaved(true);
  };

  /** Props that tie an input to its error, when the error is about it. */
  const errorProps = (at: FieldRef) => (sameRef(error?.at ?? null, at) ? ({ 'aria-invalid': true, 'aria-errormessage': errorId } as const) : ({ 'aria-invalid': false } as const));

  const textField = (field: TextField, label: string, options: { type?: string; maxLength: number; autoComplete?: string; hint?: string; multiline?: boolean }) => {
    const inputId = fieldId({ field });
    const hintId = `${inputId}-hint`;
    const describedBy = [options.hint ? hintId : '', sameRef(error?.at ?? null, { field }) ? errorId : ''].filter(Boolean).join(' ');
    const common = {
      id: inputId,
      className: 'text-input',
      value: draft[field],
      maxLength: options.maxLength,
      ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      ...errorProps({ field }),
    };
    return (
      <div className="field-group">
        <label className="field" htmlFor={inputId}>
          <span>{label}</span>
        </label>
        {options.multiline ? (
          <textarea
            {...common}
            rows={field === 'about' ? 5 : 3}
            spellCheck={field === 'about'}
            onChange={(event) => {
              edit({ [field]: event.target.value });
            }}
          />
        ) : (
          <input
            {...common}
            type={options.type ?? 'text'}
            autoComplete={options.autoComplete ?? 'off'}
            onChange={(event) => {
              edit({ [field]: event.target.value });
            }}
          />
        )}
        {options.hint && (
          <p id={hintId} className="field-hint">
            {options.hint}
          </p>
        )}
        {error && sameRef(error.at, { field }) && (
          <p id={errorId} role="alert" className="field-error">
            {error.message}
          </p>
        )}
      </div>
    );
  };

  const linkError = error && 'link' in error.at ? error : null;

  return (
    <section className="form-page" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('profile.title')}</h1>
      <p className="page-lead">{t('profile.lead')}</p>
      <ProfilePhoto />
      <form className="form-card profile-form" noValidate onSubmit={submit}>
        {textField('name', t('profile.name'), { maxLength: 200, autoComplete: 'name' })}
        {textField('headline', t('profile.headline'), { maxLength: 300, hint: t('profile.headline.hint') })}
        {textField('emails', t('profile.emails'), { maxLength: 20 * 260, multiline: true, hint: t('profile.emails.hint') })}
        {textField('phone', t('profile.phone'), { type: 'tel', maxLength: 50, autoComplete: 'tel' })}
        {textField('website', t('profile.website'), { type: 'url', maxLength: 500, autoComplete: 'url' })}
        {textField('location', t('profile.location'), { maxLength: 200, hint: t('profile.location.hint') })}
        {textField('about', t('profile.about'), { maxLength: 2000, multiline: true })}

        <fieldset className="links-editor" aria-describedby={`${id}-links-hint`}>
          <legend>{t('profile.links')}</legend>
          <p id={`${id}-links-hint`} className="field-hint">
            {t('profile.links.hint')}
          </p>
          {draft.links.length === 0 && <p className="field-hint">{t('profile.links.empty')}</p>}
          {draft.links.map((link, index) => {
            const number = index + 1;
            // The link's name and address: a text field each, named by the link's number.
            const part = (name: 'label' | 'url', attrs: { type: 'text' | 'url'; placeholder: string; maxLength: number; spellCheck?: boolean }) => {
              const at: FieldRef = { link: index, part: name };
              return (
                <input
                  id={fieldId(at)}
                  className="text-input"
                  {...attrs}
                  aria-label={t(name === 'label' ? 'profile.link.label' : 'profile.link.url', { number })}
                  value={link[name]}
                  {...errorProps(at)}
                  {...(sameRef(error?.at ?? null, at) ? { 'aria-describedby': errorId } : {})}
                  onChange={(event) => {
                    editLink(index, name === 'label' ? { label: event.target.value } : { url: event.target.value });
                  }}
                />
              );
            };
            return (
              <div key={link.key} className="link-row">
                {part('label', { type: 'text', placeholder: 'GitHub', maxLength: 100 })}
                {part('url', { type: 'url', placeholder: 'https://', maxLength: 500, spellCheck: false })}
                <button
                  type="button"
                  onClick={() => {
                    edit({ links: draft.links.filter((_, i) => i !== index) });
                    if (linkError) setError(null);
                  }}
                >
                  {t('profile.link.remove', { number })}
                </button>
              </div>
            );
          })}
          {linkError && (
            <p id={errorId} role="alert" className="field-error">
              {linkError.message}
            </p>
          )}
          <div className="button-row">
            <button
              type="button"
              disabled={draft.links.length >= maxLinks}
              onClick={() => {
                const index = draft.links.length;
                edit({ links: [...draft.links, { key: nextKey(), label: '', url: '' }] });
                // Typing starts in the new row.
                requestAnimationFrame(() => document.getElementById(fieldId({ link: index, part: 'label' }))?.focus());
              }}
            >
              {t('profile.link.add')}
            </button>
          </div>
        </fieldset>

        <div className="form-end">
          <button type="submit" className="primary">
            {t('profile.save')}
          </button>
          <p role="status" className="field-saved">
            {saved ? t('profile.saved') : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
