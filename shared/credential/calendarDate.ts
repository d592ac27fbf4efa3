/**
 * The one way Badgefolio writes a credential's date, in the app, the PDF and the reports.
 *
 * A credential's date is the calendar day its issuer wrote ("2024-03-01T00:00:00-05:00" is
 * 1 March 2024), whatever the reader's time zone: formatting it as a moment in local time moved
 * it a day back west of UTC (the app said 29 February where the PDF said 1 March). So the day
 * written at the start of an ISO value is the day shown; any other date text is read as a moment
 * and shown in UTC, the same on every machine.
 */
export type DateStyle = 'short' | 'long';

const formatters = new Map<string, Intl.DateTimeFormat | null>();
const writtenDay = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/;

function formatterFor(locale: string, style: DateStyle): Intl.DateTimeFormat | null {
  const key = `${style} ${locale}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    // Building a formatter costs far more than using one: a screenful of cards and a
    // 400-credential report format a date each.
    try {
      formatter = new Intl.DateTimeFormat(locale, { year: 'numeric', month: style, day: 'numeric', timeZone: 'UTC' });
    } catch {
      formatter = null; // a locale this runtime does not know: ISO below
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Long dates in the app's two languages are written here, the same text as Intl's en-GB and
 * de-DE long dates (calendarDate.test.ts compares them month by month): building a first
 * Intl.DateTimeFormat loads the runtime's locale data, ~13 ms of a `badgefolio verify`, whose
 * English sentences name dates. Other locales, styles and years go to Intl.
 */
const longMonths: Readonly<Record<string, readonly string[]>> = {
  'en-GB': ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  'de-DE': ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};

function writtenLong(time: number, locale: string): string | undefined {
  const months = longMonths[locale];
  const date = new Date(time);
  const year = date.getUTCFullYear();
  const month = months?.[date.getUTCMonth()];
  if (month === undefined || year < 1000 || year > 9999) return undefined;
  const day = String(date.getUTCDate());
  return locale === 'de-DE' ? `${day}. ${month} ${String(year)}` : `${day} ${month} ${String(year)}`;
}

/** The instant at UTC midnight of the day the value names, or NaN when it names none. */
export function calendarDay(iso: string): number {
  const written = writtenDay.exec(iso.trim());
  if (written) {
    const [, year, month, day] = written.map(Number) as [number, number, number, number];
    const time = Date.UTC(year, month - 1, day);
    // 2024-02-31 is no day at all: Date.UTC would roll it over into March.
    return new Date(time).getUTCDate() === day && new Date(time).getUTCMonth() === month - 1 ? time : Number.NaN;
  }
  return Date.parse(iso);
}

/** "1 Mar 2024" / "1 March 2024" as the locale writes it; undefined for no date; the text itself (cut short) when it is not one. */
export function formatCalendarDate(iso: string | undefined, locale: string, style: DateStyle = 'long'): string | undefined {
  if (iso === undefined || iso.trim() === '') return undefined;
  const time = calendarDay(iso);
  if (Number.isNaN(time)) return iso.slice(0, 40);
  const key = `${style} ${locale} ${String(time)}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = (style === 'long' ? writtenLong(time, locale) : undefined) ?? formatterFor(locale, style)?.format(time) ?? new Date(time).toISOString().slice(0, 10);
    if (formatted.size >= maxFormatted) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

/**
 * Days already written: a report names each credential's dates in several sentences, and a
 * batch's credentials share their days (a cohort's issue date), while even a built formatter
 * costs tens of microseconds a call (15 ms of a 400-credential `badgefolio verify`).
 */
const formatted = new Map<string, string>();
const maxFormatted = 4096;
