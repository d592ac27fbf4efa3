/**
 * A count in words, its form picked by the language's plural rules (Intl.PluralRules, as the
 * app's catalogues do): `{ one: '# credential', other: '# credentials' }`, `#` the count written
 * as the language writes numbers ("1.250" in German). For the PDF's sentences and the command
 * line's, which run in Node and in the browser alike.
 */

export type CountForm = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

const rules = new Map<string, Intl.PluralRules>();

export function sayCount(locale: string, form: CountForm, count: number): string {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return (form[rule.select(count)] ?? form.other).replace('#', count.toLocaleString(locale));
}
