import { formatCalendarDate } from '../../../shared/credential/calendarDate';

/**
 * A credential's date on a card or in the details: the same day the PDF and the reports give
 * (shared/credential/calendarDate.ts), in the short form cards have room for.
 */
export function formatDate(iso: string | undefined, language: string): string {
  return formatCalendarDate(iso, language, 'short') ?? '';
}
