import { humanDate, display, type Checks } from './checks';

const dateTimePattern = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)?$/i;
const datePattern = /^\d{4}-\d\d-\d\d$/;

/**
 * An XML Schema dateTime as the VC data models require (a missing zone is read as UTC, so
 * the verdict does not depend on the machine's time zone), or undefined when malformed.
 */
export function parseDateTime(value: unknown, allowDateOnly = false): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (dateTimePattern.test(text)) {
    const zoned = /(Z|[+-]\d\d:\d\d)$/i.test(text) ? text : `${text}Z`;
    const date = new Date(zoned);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  if (allowDateOnly && datePattern.test(text)) {
    const date = new Date(`${text}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

export interface ValidityDates {
  /** Property names as the credential spells them, for messages. */
  readonly fromName: string;
  readonly untilName: string;
  readonly from?: unknown;
  readonly until?: unknown;
  /** OB 2.0 allowed plain dates (and some issuers wrote them). */
  readonly allowDateOnly?: boolean;
}

/** Valid-from and expiry against an explicit "now"; a malformed date is a malformed credential. */
export function checkDates(checks: Checks, dates: ValidityDates, now: Date): void {
  const from = dates.from === undefined ? undefined : parseDateTime(dates.from, dates.allowDateOnly);
  const until = dates.until === undefined ? undefined : parseDateTime(dates.until, dates.allowDateOnly);
  if (dates.from !== undefined && !from) {
    checks.fail('dates', 'Dates', `The credential's ${dates.fromName} (${display(dates.from)}) is not a valid date.`, 'malformed');
    return;
  }
  if (dates.until !== undefined && !until) {
    checks.fail('dates', 'Dates', `The credential's ${dates.untilName} (${display(dates.until)}) is not a valid date.`, 'malformed');
    return;
  }
  const evidence = { detail: `compared with ${now.toISOString()}` };
  if (until && until.getTime() <= now.getTime()) {
    checks.fail('dates', 'Dates', `This credential expired on ${humanDate(until)}.`, 'expired', evidence);
    return;
  }
  if (from && from.getTime() > now.getTime()) {
    checks.fail('dates', 'Dates', `This credential is not valid until ${humanDate(from)}.`, 'not-yet-valid', evidence);
    return;
  }
  const parts = [
    from ? `valid since ${humanDate(from)}` : undefined,
    until ? `until ${humanDate(until)}` : 'with no expiry date',
  ].filter(Boolean);
  checks.pass('dates', 'Dates', `The credential is in date: ${parts.join(' ')}.`, evidence);
}
