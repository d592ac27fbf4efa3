import { describe, expect, it } from 'vitest';
import { formatCalendarDate } from '../../shared/credential/calendarDate';
import { longDate } from '../../shared/credential/verificationMessages';
import { formatDate as pdfDate } from '../../shared/portfolio/pdfLayout';
import { formatDate as appDate } from '../../renderer/src/wallet/formatDate';

describe('one calendar date for the app, the PDF and the reports', () => {
  it('shows the day the issuer wrote, not the day it is somewhere else', () => {
    // 23:30 in New York on 1 March is 2 March in UTC: the credential still says 1 March.
    expect(formatCalendarDate('2024-03-01T23:30:00-05:00', 'en-GB')).toBe('1 March 2024');
    // Midnight UTC is 29 February west of Greenwich: still 1 March.
    expect(formatCalendarDate('2024-03-01T00:00:00Z', 'en-US', 'short')).toBe('Mar 1, 2024');
    expect(formatCalendarDate('2024-03-01', 'de-DE')).toBe('1. März 2024');
  });

  it('the card, the PDF and a report sentence name the same day', () => {
    const issued = '2023-12-31T22:00:00-08:00';
    expect(appDate(issued, 'en-GB')).toBe('31 Dec 2023');
    expect(pdfDate(issued, 'en-GB')).toBe('31 December 2023');
    expect(longDate(issued, 'en')).toBe('31 December 2023');
    expect(longDate(issued, 'de')).toBe('31. Dezember 2023');
  });

  it("writes every month of a long English and German date as the runtime's own date formatting does", () => {
    for (const locale of ['en-GB', 'de-DE']) {
      const intl = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
      for (let month = 1; month <= 12; month += 1) {
        const day = `2031-${String(month).padStart(2, '0')}-${String(month + 9)}`;
        expect(formatCalendarDate(day, locale)).toBe(intl.format(Date.UTC(2031, month - 1, month + 9)));
      }
    }
    // A year Badgefolio does not write itself is still the runtime's.
    expect(formatCalendarDate('0999-01-01T00:00:00Z', 'en-GB')).toBe(
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse('0999-01-01T00:00:00Z')),
    );
  });

  it('no date, a day that does not exist, and text that is no date', () => {
    expect(formatCalendarDate(undefined, 'en-GB')).toBeUndefined();
    expect(formatCalendarDate('  ', 'en-GB')).toBeUndefined();
    expect(formatCalendarDate('2024-02-31', 'en-GB')).toBe('2024-02-31');
    expect(formatCalendarDate('sometime in spring', 'en-GB')).toBe('sometime in spring');
    expect(appDate(undefined, 'en')).toBe('');
    // OB 1.0's Unix-time dates are moments: shown in UTC, the same everywhere.
    expect(formatCalendarDate(new Date(1_709_251_200_000).toISOString(), 'en-GB')).toBe('1 March 2024');
  });
});
