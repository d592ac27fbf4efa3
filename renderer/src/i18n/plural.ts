import type { Language } from '../../../shared/preferences';

/**
 * Counts and numbers in the reader's language. A catalogue entry that depends on a count
 * carries its forms in ICU's plural syntax, `{count, plural, one {# Nachweis} other {# Nachweise}}`,
 * and the language's own rules (Intl.PluralRules) pick the form: English and German both say
 * "1 credential" but "0 credentials", other languages have more forms. `#` is the count, and
 * every number is written as the language writes numbers ("1,5" in German, "1,234" in English).
 * Pure: no DOM, so the unit tests call it directly.
 */

const locales: Readonly<Record<Language, string>> = { en: 'en-GB', de: 'de-DE' };

const pluralRules = new Map<Language, Intl.PluralRules>();
const numberFormats = new Map<Language, Intl.NumberFormat>();

/** The plural category ("one", "other", …) of a count in a language. */
export function pluralCategory(language: Language, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(locales[language]);
    pluralRules.set(language, rules);
  }
  return rules.select(count);
}

/** A number as the language writes it, with at most two decimals: "1,5" in German, "1.5" in English. */
export function formatNumber(language: Language, value: number): string {
  let format = numberFormats.get(language);
  if (!format) {
    // One formatter per language: a list of 400 cards formats a count on each. Digits are grouped
    // from five on ("12.500", never "2.025"), so a year passed as a number reads as a year.
    format = new Intl.NumberFormat(locales[language], { maximumFractionDigits: 2, useGrouping: 'min2' });
    numberFormats.set(language, format);
  }
  return format.format(value);
}

/** Where a plural block's name ends and its forms begin: `{count, plural, `. */
const pluralStart = /\{(\w+),\s*plural,\s*/g;

/** The forms of one plural block, from just after `plural,` to its closing brace: `one {…} other {…}` and where the block ends. */
function readForms(template: string, from: number): { forms: Map<string, string>; end: number } {
  const forms = new Map<string, string>();
  let at = from;
  for (;;) {
    while (template[at] === ' ') at++;
    if (template[at] === '}') return { forms, end: at + 1 };
    const selector = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(template.slice(at));
    if (!selector?.[1]) throw new Error(`a plural form in “${template}” has no selector at ${String(at)}`);
    at += selector[0].length;
    // The form's text runs to its matching brace: placeholders inside it ({name}) nest.
    let depth = 1;
    const start = at;
    while (depth > 0) {
      const char = template[at];
      if (char === undefined) throw new Error(`a plural form in “${template}” is not closed`);
      if (char === '{') depth++;
      else if (char === '}') depth--;
      at++;
    }
    forms.set(selector[1], template.slice(start, at - 1));
  }
}

/**
 * The template with each plural block replaced by the form its count calls for (`=0` before the
 * category, `other` when the language's category has no form), and `#` in it by the count.
 */
export function selectPlurals(template: string, language: Language, values: Readonly<Record<string, string | number>>): string {
  let out = '';
  let last = 0;
  pluralStart.lastIndex = 0;
  for (let match = pluralStart.exec(template); match; match = pluralStart.exec(template)) {
    const name = match[1] ?? '';
    const { forms, end } = readForms(template, match.index + match[0].length);
    const count = values[name];
    // A count given as text (or not given) cannot pick a form: the general one, with the text as it is.
    const form =
      typeof count === 'number' ? (forms.get(`=${String(count)}`) ?? forms.get(pluralCategory(language, count)) ?? forms.get('other') ?? '') : (forms.get('other') ?? '');
    out += template.slice(last, match.index) + form.replace(/#/g, typeof count === 'number' ? formatNumber(language, count) : (count ?? `{${name}}`));
    last = end;
    pluralStart.lastIndex = end;
  }
  return out + template.slice(last);
}
