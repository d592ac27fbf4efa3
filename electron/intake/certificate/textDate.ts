/**
 * The date a certificate was issued, read from its words as people write them, in English
 * and German: "issued on 12 March 2024", "March 12th, 2024", "Datum: 12.03.2024",
 * "ausgestellt am 12. März 2024", "Berlin, den 12.03.2024", "2024-03-12". Only a date the
 * text makes clear is taken; otherwise none, for the user to fill in, never a guess:
 *
 * - a date next to words that say it is the issue date wins (the first such);
 * - dates next to words that say they are something else (a birthday, an expiry, the start or
 *   end of a course) are never taken;
 * - otherwise a date is taken only when it is the only one the text gives;
 * - "03/04/2024" is read only when it cannot be both 3 April and 4 March.
 */

const months: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  januar: 1,
  jänner: 1,
  jaenner: 1,
  february: 2,
  feb: 2,
  februar: 2,
  feber: 2,
  march: 3,
  mar: 3,
  märz: 3,
  maerz: 3,
  mär: 3,
  mrz: 3,
  april: 4,
  apr: 4,
  may: 5,
  mai: 5,
  june: 6,
  jun: 6,
  juni: 6,
  july: 7,
  jul: 7,
  juli: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
  dezember: 12,
  dez: 12,
};

const monthWord = `(${Object.keys(months)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;
const day = '(\\d{1,2})(?:st|nd|rd|th)?\\.?';
const year = '(\\d{4})';

/** Each written form, and how its parts map to year, month and day. */
const forms: readonly { readonly pattern: RegExp; readonly parts: (match: RegExpExecArray) => [string, string, string] | undefined }[] = [
  // 2024-03-12
  { pattern: /(?<![\d.])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/giu, parts: (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? ''] },
  // 12.03.2024, 12. 03. 2024
  { pattern: /(?<![\d.])(\d{1,2})\s?\.\s?(\d{1,2})\s?\.\s?(\d{4})(?!\d)/giu, parts: (m) => [m[3] ?? '', m[2] ?? '', m[1] ?? ''] },
  // 12 March 2024, 12th of March, 2024, 12. März 2024
  {
    pattern: new RegExp(`(?<![\\d.])${day}\\s*(?:of\\s+)?${monthWord},?\\s*${year}(?!\\d)`, 'giu'),
    parts: (m) => [m[3] ?? '', String(months[(m[2] ?? '').toLowerCase()] ?? ''), m[1] ?? ''],
  },
  // March 12, 2024; March 12th 2024
  {
    pattern: new RegExp(`(?<![\\p{L}])${monthWord}\\s*${day},?\\s*${year}(?!\\d)`, 'giu'),
    parts: (m) => [m[3] ?? '', String(months[(m[1] ?? '').toLowerCase()] ?? ''), m[2] ?? ''],
  },
  // 03/12/2024: day and month told apart only when one of them is over 12, or both are the same
  {
    pattern: /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/giu,
    parts: (m) => {
      const [a, b] = [Number(m[1]), Number(m[2])];
      if (a === b || b > 12) return [m[3] ?? '', String(a), String(b)];
      if (a > 12) return [m[3] ?? '', String(b), String(a)];
      return undefined;
    },
  },
];

/** Words just before a date saying it is the date of issue. */
const issueWords =
  /(?<!\p{L})(issued|awarded|granted|conferred|completed|achieved|earned|passed|certified|dated|date of (?:issue|award|completion)|issue date|completion date|date|on|ausgestellt|verliehen|erteilt|abgeschlossen|bestanden|erworben|ausstellungsdatum|datum|am|den)\s*(?:on|am|:)?\s*[:,]?\s*$/iu;
/** Words just before a date saying it is some other date. */
const otherWords =
  /(?<!\p{L})(born|birth|dob|geboren|geb\.|geburtsdatum|expires?|expiry|expiration|valid (?:until|through|to|thru)|until|through|thru|from|to|between|and|gültig bis|bis|vom|von|ab|zwischen|und)\s*(?:on|am|:)?\s*[:,]?\s*$|[–-]\s*$/iu;
/** Words just after a date making it the start of a span ("12 March 2024 – 14 March 2024"). */
const spanAfter = /^\s*(?:[–-]|to\b|until\b|bis\b)/iu;

interface Found {
  readonly iso: string;
  readonly at: number;
  readonly end: number;
}

function isoDate(parts: readonly [string, string, string], latestYear: number): string | undefined {
  const [y, m, d] = parts.map(Number) as [number, number, number];
  if (!Number.isInteger(y) || y < 1950 || y > latestYear) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 31 April over into May: a date that does not round-trip is no date.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Every date the text writes out, in order, overlapping readings dropped. */
function datesIn(text: string, latestYear: number): Found[] {
  const found: Found[] = [];
  for (const form of forms) {
    form.pattern.lastIndex = 0;
    for (let match = form.pattern.exec(text); match; match = form.pattern.exec(text)) {
      const parts = form.parts(match);
      const iso = parts ? isoDate(parts, latestYear) : undefined;
      const end = match.index + match[0].length;
      if (iso && !found.some((f) => f.at < end && match.index < f.end)) found.push({ iso, at: match.index, end });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/**
 * The issue date the text gives (YYYY-MM-DD), or undefined. `now` bounds the year: a
 * certificate is not issued years ahead (a typo or another kind of date).
 */
export function issueDateFromText(text: string, now: Date = new Date()): string | undefined {
  const flat = text.replace(/[ \t\u00a0]+/g, ' ');
  const candidates = datesIn(flat, now.getUTCFullYear() + 1);
  const usable: Found[] = [];
  for (const candidate of candidates) {
    const lineStart = flat.lastIndexOf('\n', candidate.at - 1) + 1;
    const before = flat.slice(Math.max(lineStart, candidate.at - 40), candidate.at);
    // "Berlin, den 12.03.2024" / "Issued on: 12 March 2024" on the line before the date.
    const previousLine = lineStart > 0 && before.trim() === '' ? flat.slice(flat.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1).slice(-40) : '';
    const context = before.trim() === '' ? previousLine : before;
    const after = flat.slice(candidate.end, candidate.end + 12);
    if (otherWords.test(context) || spanAfter.test(after)) continue;
    if (issueWords.test(context)) return candidate.iso;
    usable.push(candidate);
  }
  const distinct = new Set(usable.map((c) => c.iso));
  // Several dates and nothing to tell which is the issue date: none is taken.
  return distinct.size === 1 && candidates.length === usable.length ? usable[0]?.iso : undefined;
}
