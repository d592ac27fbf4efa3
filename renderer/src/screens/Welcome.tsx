import type { ReactNode } from 'react';
import { BadgeMark } from '../BadgeMark';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

const promises: readonly { title: MessageKey; body: MessageKey }[] = [
  { title: 'welcome.keep.title', body: 'welcome.keep.body' },
  { title: 'welcome.check.title', body: 'welcome.check.body' },
  { title: 'welcome.show.title', body: 'welcome.show.body' },
];

/** The first screen: what Badgefolio is for, and an honest empty state. */
export function Welcome({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <div className="welcome-intro">
        <BadgeMark className="welcome-mark" />
        <h1 id="welcome-title">{t('welcome.title')}</h1>
        <p className="lead">{t('welcome.lead')}</p>
        <ul className="promises">
          {promises.map((promise) => (
            <li key={promise.title} className="promise">
              <h2>{t(promise.title)}</h2>
              <p>{t(promise.body)}</p>
            </li>
          ))}
        </ul>
      </div>
      {/* Beside the introduction (under it in a narrow window): the form, in view without scrolling. */}
      <div className="welcome-start">
        <p className="welcome-note" role="status">
          {t('welcome.empty')}
        </p>
        {children}
      </div>
    </section>
  );
}
