import type { Language } from '../../../shared/preferences';
import { de } from './de';
import { en, type Catalogue, type MessageKey } from './en';
import { formatNumber, selectPlurals } from './plural';

const catalogues: Readonly<Record<Language, Catalogue>> = { en, de };

export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

/**
 * A catalogue entry with its values: plural blocks pick their form by the count (plural.ts), and
 * numbers are written as the language writes them ("1,5" in German); text values stay as given.
 */
export function makeTranslate(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, values) => {
    const template = catalogue[key];
    if (!values) return template;
    return selectPlurals(template, language, values).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? formatNumber(language, value) : value;
    });
  };
}
