import { describe, expect, it } from 'vitest';
import { de } from '../../renderer/src/i18n/de';
import { en, type MessageKey } from '../../renderer/src/i18n/en';
import { makeTranslate } from '../../renderer/src/i18n/translate';
import { formatNumber, pluralCategory, selectPlurals } from '../../renderer/src/i18n/plural';

/**
 * Issue #17: counts read right in both languages ("1 Nachweis", "2 Nachweise"), chosen by the
 * language's plural rules, and numbers are written as the language writes them.
 */
describe('counts through the catalogues', () => {
  const tEn = makeTranslate('en');
  const tDe = makeTranslate('de');

  it('one credential, several credentials, none', () => {
    expect(tDe('portfolio.count', { count: 1 })).toBe('1 Nachweis');
    expect(tDe('portfolio.count', { count: 2 })).toBe('2 Nachweise');
    expect(tDe('portfolio.count', { count: 0 })).toBe('0 Nachweise');
    expect(tEn('portfolio.count', { count: 1 })).toBe('1 credential');
    expect(tEn('portfolio.count', { count: 7 })).toBe('7 credentials');
  });

  it('German declines the noun after "von" and agrees the verb with the count', () => {
    expect(tDe('portfolio.countOf', { shown: 1, count: 1 })).toBe('1 von 1 Nachweis');
    expect(tDe('portfolio.countOf', { shown: 3, count: 12 })).toBe('3 von 12 Nachweisen');
    expect(tDe('export.selected', { count: 1 })).toBe('1 Nachweis wird aufgenommen.');
    expect(tDe('export.selected', { count: 4 })).toBe('4 Nachweise werden aufgenommen.');
    expect(tDe('attention.expiring', { days: 1, date: '2. Mai 2026' })).toMatch(/^läuft in 1 Tag ab \(2\. Mai 2026\)\./);
    expect(tEn('attention.expiring', { days: 1, date: '2 May 2026' })).toMatch(/^expires in 1 day \(2 May 2026\)\./);
  });

  it('two counts in one sentence each pick their own form', () => {
    expect(tDe('skills.lead', { skills: 1, frameworks: 3 })).toBe('1 Kompetenz aus 3 Rahmenwerken, jeweils mit den Nachweisen, die sie belegen.');
    expect(tEn('check.clean', { credentials: 1, files: 2 })).toBe('Checked 1 credential and 2 stored files: nothing is damaged.');
    expect(tDe('check.clean', { credentials: 2, files: 1 })).toBe('2 Nachweise und 1 gespeicherte Datei geprüft: nichts ist beschädigt.');
  });

  it('numbers are written as the language writes them: "1,5 MB" in German', () => {
    expect(tDe('preview.pages', { count: 3, size: 1.5 })).toBe('3 Seiten, 1,5 MB');
    expect(tEn('preview.pages', { count: 1, size: 1.5 })).toBe('1 page, 1.5 MB');
    expect(tDe('detail.originalFile', { file: 'schweissen.png', size: 12.5 })).toBe('schweissen.png (12,5 KB)');
    expect(tDe('portfolio.count', { count: 12_500 })).toBe('12.500 Nachweise');
    // A four-digit number is not grouped: a year given as a number still reads as a year.
    expect(formatNumber('de', 2025)).toBe('2025');
    expect(formatNumber('de', 0.125)).toBe('0,13');
  });

  it('every entry with plural forms has an "other" form and renders with a count in both languages', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      for (const [language, catalogue] of [
        ['en', en],
        ['de', de],
      ] as const) {
        const template = catalogue[key];
        const names = [...template.matchAll(/\{(\w+),\s*plural,/g)].map((m) => m[1] ?? '');
        if (names.length === 0) continue;
        expect(template, `${language} ${key}`).toMatch(/other\s*\{/);
        const values = Object.fromEntries(names.map((name) => [name, 2]));
        const text = selectPlurals(template, language, values);
        expect(text, `${language} ${key}`).not.toMatch(/plural,|\bone \{|other \{|#/);
      }
    }
  });
});

describe('the plural helper', () => {
  it('asks the language for its category', () => {
    expect(pluralCategory('de', 1)).toBe('one');
    expect(pluralCategory('de', 0)).toBe('other');
    expect(pluralCategory('en', 1.5)).toBe('other');
  });

  it('an exact form (=0) goes before the category, and placeholders inside a form stay for the caller', () => {
    const template = 'Noch {count, plural, =0 {keine Datei} one {# Datei für {name}} other {# Dateien für {name}}}.';
    expect(selectPlurals(template, 'de', { count: 0 })).toBe('Noch keine Datei.');
    expect(selectPlurals(template, 'de', { count: 1 })).toBe('Noch 1 Datei für {name}.');
    expect(selectPlurals(template, 'de', { count: 1200 })).toBe('Noch 1200 Dateien für {name}.');
  });

  it('a count given as text takes the general form with the text as it is', () => {
    expect(selectPlurals('{count, plural, one {# Nachweis} other {# Nachweise}}', 'de', { count: 'viele' })).toBe('viele Nachweise');
  });
});
