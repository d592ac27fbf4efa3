/** A date as the reader's language writes it; the text as given when it is not a date. */
export function formatDate(iso: string | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(language, { year: 'numeric', month: 'short', day: 'numeric' });
}
