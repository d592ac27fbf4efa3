import type { VerificationMessage } from '../../shared/credential/verification';
import { msg, type VerificationMessageKey } from '../../shared/credential/verificationMessages';
import { checkLabel, display, type Checks } from './checks';

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

/** Open Badges 1.0 and 2.0 also allow a Unix timestamp (seconds), as a number or a string of digits. */
function parseUnixTime(value: unknown): Date | undefined {
  const seconds = typeof value === 'number' ? value : typeof value === 'string' && /^\d{9,10}$/.test(value.trim()) ? Number(value) : undefined;
  if (seconds === undefined || !Number.isInteger(seconds) || seconds < 0) return undefined;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const dayMs = 24 * 60 * 60 * 1000;

export interface ValidityDates {
  /** Property names as the credential spells them, for messages. */
  readonly fromName: DateName;
  readonly untilName: DateName;
  readonly from?: unknown;
  readonly until?: unknown;
  /**
   * Plain dates ("2025-12-21"): OB 2.0 and Blockcerts allow them, and issuers write them in VCs
   * too, where the data model asks for a time. A plain start date counts from the start of that
   * day, a plain end date to the end of it (UTC), never against the holder.
   */
  readonly allowDateOnly?: boolean;
  /** Unix timestamps (Open Badges 1.0 and 2.0). */
  readonly allowUnixTime?: boolean;
}

function parseValidity(value: unknown, dates: ValidityDates, end: boolean): Date | undefined {
  if (dates.allowUnixTime) {
    const unix = parseUnixTime(value);
    if (unix) return unix;
  }
  const date = parseDateTime(value, dates.allowDateOnly);
  if (date && end && typeof value === 'string' && datePattern.test(value.trim())) return new Date(date.getTime() + dayMs - 1);
  return date;
}

/** The property names callers give (verifier.ts, ob2.ts), as catalogue keys: the German says them in German. */
const dateNames = {
  'valid-from date': 'dateName.validFrom',
  'issuance date': 'dateName.issuance',
  'valid-until date': 'dateName.validUntil',
  'expiration date': 'dateName.expiration',
  'issue date': 'dateName.issue',
  'expiry date': 'dateName.expiry',
} as const satisfies Readonly<Record<string, VerificationMessageKey>>;

/** A date's name as callers give it: only names the catalogues can say in every language. */
export type DateName = keyof typeof dateNames;

/** "The credential's issue date (…) is not a valid date." */
function invalidDate(name: DateName, value: unknown): VerificationMessage {
  return msg('dates.invalid', { dateName: msg(dateNames[name]), value: display(value) });
}

function inDate(from: Date | undefined, until: Date | undefined): VerificationMessage {
  if (from && until) return msg('dates.inDate.fromUntil', { fromDate: from.toISOString(), untilDate: until.toISOString() });
  if (from) return msg('dates.inDate.from', { fromDate: from.toISOString() });
  return until ? msg('dates.inDate.until', { untilDate: until.toISOString() }) : msg('dates.inDate.open');
}

/**
 * Valid-from and expiry against an explicit "now"; a malformed date is a malformed credential.
 * A date given as null (some baked copies of hosted badges carry `issuedOn: null`, the hosted
 * copy being the one that counts) is read as not given.
 */
export function checkDates(checks: Checks, given: ValidityDates, now: Date): void {
  const dates = { ...given, from: given.from ?? undefined, until: given.until ?? undefined };
  const from = dates.from === undefined ? undefined : parseValidity(dates.from, dates, false);
  const until = dates.until === undefined ? undefined : parseValidity(dates.until, dates, true);
  const label = checkLabel('dates');
  if (dates.from !== undefined && !from) {
    checks.fail('dates', label, invalidDate(dates.fromName, dates.from), 'malformed');
    return;
  }
  if (dates.until !== undefined && !until) {
    checks.fail('dates', label, invalidDate(dates.untilName, dates.until), 'malformed');
    return;
  }
  const evidence = { detail: `compared with ${now.toISOString()}` };
  if (until && until.getTime() <= now.getTime()) {
    checks.fail('dates', label, msg('dates.expired', { untilDate: until.toISOString() }), 'expired', evidence);
    return;
  }
  if (from && from.getTime() > now.getTime()) {
    checks.fail('dates', label, msg('dates.notYetValid', { fromDate: from.toISOString() }), 'not-yet-valid', evidence);
    return;
  }
  checks.pass('dates', label, inDate(from, until), evidence);
}
