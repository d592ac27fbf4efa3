/**
 * Credits as a reader writes them, for the app and the PDF alike: numbers in the reader's
 * format ("1,5" in German, "1.5" in English) and the unit in their words where the credential
 * names none (Open Badges 3.0's creditsAvailable has no unit; intake records it as "credits").
 */

/** A number with at most two decimals, as `locale` writes it. */
export const formatNumber = (value: number, locale: string): string => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);

/** The unit a credential gives, or the reader's word for credits where it gives none. */
export function creditUnitOr(unit: string, creditsWord: string): string {
  const given = unit.trim();
  return given === '' || given === 'credits' ? creditsWord : given;
}

/** "1,5 Leistungspunkte, 3 ECTS": every finite credit, its number written by `writeNumber`, its unit in the reader's words. */
export function creditsText(credits: readonly { readonly unit: string; readonly value: number }[], writeNumber: (value: number) => string, creditsWord: string): string {
  return credits
    .filter((credit) => Number.isFinite(credit.value))
    .map((credit) => `${writeNumber(credit.value)} ${creditUnitOr(credit.unit, creditsWord)}`)
    .join(', ');
}
