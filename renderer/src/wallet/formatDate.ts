/**
 * One formatter per language: building an Intl.DateTimeFormat costs far more than using one,
 * and a screenful of cards formats a date each (toLocaleDateString builds one every call).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(language: string): Intl.DateTimeFormat {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric' });
    formatters.set(language, formatter);
  }
  return formatter;
}

/** A date as the reader's language writes it; the text as given when it is not a date. */
export function formatDate(iso: string | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatterFor(language).format(date);
}
