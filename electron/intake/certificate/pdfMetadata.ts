import type { PDFDict } from 'pdf-lib';
import type { PdfObjects } from './pdfObjects';

export interface PdfMetadata {
  readonly title?: string;
  readonly author?: string;
  readonly subject?: string;
  readonly createdOn?: string;
}

/** Long enough for any real title; a bound on what a hostile file can put in front of a person. */
const maxTextLength = 1000;

function cleanText(text: string | undefined): string | undefined {
  const cleaned = text
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    ?.replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .slice(0, maxTextLength);
  return cleaned === '' ? undefined : cleaned;
}

const isoDatePattern = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const pdfDatePattern = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(?:[Zz]|([+-])(\d{2})'?(\d{2})?'?)?/;

/**
 * A PDF date (`D:YYYYMMDDHHmmSSOHH'mm'`, every part after the year optional) as ISO 8601
 * in UTC. A date without an offset is read as UTC: the spec leaves its zone unknown, and a
 * day is what a person looks at. Some writers put an ISO 8601 date there instead; it is
 * accepted too. Anything else, or an impossible date (13th month, 30 February), is dropped.
 */
export function pdfDateToIso(text: string): string | undefined {
  const trimmed = text.trim();
  if (isoDatePattern.test(trimmed)) {
    // Like a PDF date, a time without an offset is read as UTC (JavaScript would read it as local).
    const withTime = trimmed.replace(' ', 'T');
    const parsed = new Date(/T[\d:.]+$/.test(withTime) ? `${withTime}Z` : withTime);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
  }
  const match = pdfDatePattern.exec(trimmed);
  if (!match) return undefined;
  const part = (index: number, fallback: number): number => (match[index] === undefined ? fallback : Number(match[index]));
  const [year, month, day, hour, minute, second] = [part(1, 0), part(2, 1), part(3, 1), part(4, 0), part(5, 0), part(6, 0)];
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 30 February over into March; a date that does not survive the round trip is not a date.
  const exact =
    utc.getUTCFullYear() === year &&
    utc.getUTCMonth() === month - 1 &&
    utc.getUTCDate() === day &&
    utc.getUTCHours() === hour &&
    utc.getUTCMinutes() === minute &&
    utc.getUTCSeconds() === second;
  if (!exact) return undefined;
  const sign = match[7];
  const offset = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (part(8, 0) * 60 + part(9, 0));
  if (Math.abs(offset) > 14 * 60) return undefined;
  return new Date(utc.getTime() - offset * 60_000).toISOString();
}

/** The document information dictionary's Title, Author, Subject and CreationDate. */
export function readMetadata(objects: PdfObjects, info: PDFDict | undefined): PdfMetadata {
  const text = (key: string): string | undefined => cleanText(objects.text(objects.get(info, key)));
  const created = objects.text(objects.get(info, 'CreationDate'));
  const title = text('Title');
  const author = text('Author');
  const subject = text('Subject');
  const createdOn = created === undefined ? undefined : pdfDateToIso(created);
  return {
    ...(title === undefined ? {} : { title }),
    ...(author === undefined ? {} : { author }),
    ...(subject === undefined ? {} : { subject }),
    ...(createdOn === undefined ? {} : { createdOn }),
  };
}
