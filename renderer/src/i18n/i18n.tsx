import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Language } from '../../../shared/preferences';
import { makeTranslate, type Translate } from './translate';

/** All user-visible text goes through here; components never hold literal strings. */
export type { Translate };

const I18nContext = createContext<{ language: Language; t: Translate }>({ language: 'en', t: makeTranslate('en') });

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => ({ language, t: makeTranslate(language) }), [language]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n() {
  return useContext(I18nContext);
}
