import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Language } from '../../../shared/preferences';
import { de } from './de';
import { en, type Catalogue, type MessageKey } from './en';

/** All user-visible text goes through here; components never hold literal strings. */
const catalogues: Readonly<Record<Language, Catalogue>> = { en, de };

export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

function makeTranslate(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, values) => {
    const template = catalogue[key];
    if (!values) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      return value === undefined ? whole : String(value);
    });
  };
}

const I18nContext = createContext<{ language: Language; t: Translate }>({ language: 'en', t: makeTranslate('en') });

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => ({ language, t: makeTranslate(language) }), [language]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n() {
  return useContext(I18nContext);
}
