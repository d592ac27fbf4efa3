import type { CredentialSummary } from '../../../shared/credential/walletViews';
import type { VerificationStatus } from '../../../shared/credential/verification';

/**
 * Search, filter and sort of the portfolio: pure functions over the summaries the main process
 * lists, so that one keystroke over 10,000 credentials is a scan of precomputed lower-case text
 * and never a call to the main process.
 */

export const sortKeys = ['issued', 'added', 'issuer', 'name', 'status'] as const;
export type SortKey = (typeof sortKeys)[number];

export interface PortfolioFilters {
  readonly issuer?: string;
  readonly status?: VerificationStatus | 'none';
  readonly skill?: string;
  readonly kind?: CredentialSummary['kind'];
}

/** Worst first in the status sort: what needs attention comes to the top. */
const statusOrder: Readonly<Record<VerificationStatus | 'none', number>> = {
  revoked: 0,
  invalid: 1,
  malformed: 2,
  expired: 3,
  'not-yet-valid': 4,
  unverifiable: 5,
  unsigned: 6,
  none: 7,
  verified: 8,
};

export interface IndexedCredential {
  readonly summary: CredentialSummary;
  /** Name, issuer, skills and description in lower case, searched by substring. */
  readonly haystack: string;
}

export function indexCredentials(credentials: readonly CredentialSummary[], locale: string): IndexedCredential[] {
  return credentials.map((summary) => ({
    summary,
    haystack: [summary.name, summary.issuerName ?? '', ...summary.skills.map((s) => s.name), summary.description ?? ''].join('\n').toLocaleLowerCase(locale),
  }));
}

/** The status a person sees: a self-reported entry never checked is still "Self-reported". */
export function statusOf(summary: CredentialSummary): VerificationStatus | 'none' {
  return summary.status ?? (summary.selfReported ? 'unsigned' : 'none');
}

/**
 * The issue date as it sorts: ISO text as given. A credential with no issue date, or one that
 * is no date ("spring 2019"), sorts after every dated one: the day it was added says nothing
 * about when it was earned, so it must not put an undated certificate at the top as the newest.
 */
function sortableDate(summary: CredentialSummary): string {
  const date = summary.issuedOn ?? '';
  return /^\d{4}-\d{2}/.test(date) ? date : '';
}

/**
 * The portfolio in one sort order. The view sorts once per order (and per change of the
 * wallet) and each keystroke only filters. Every sort key is worked out once per credential
 * (a comparison runs some 130,000 times for 10,000 credentials); names are collated for the
 * name order, and otherwise only to break ties.
 */
export function sortPortfolio(indexed: readonly IndexedCredential[], sort: SortKey, locale: string): IndexedCredential[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byName = (a: IndexedCredential, b: IndexedCredential): number => collator.compare(a.summary.name, b.summary.name);
  if (sort === 'name') return [...indexed].sort(byName);
  const issuerRank = new Map<string, number>();
  if (sort === 'issuer') {
    const issuers = [...new Set(indexed.map((item) => item.summary.issuerName ?? ''))].sort((a, b) => collator.compare(a, b));
    issuers.forEach((issuer, rank) => issuerRank.set(issuer, rank));
  }
  // Newest first for dates: the key is compared in reverse.
  const keyOf: Readonly<Record<Exclude<SortKey, 'name'>, (summary: CredentialSummary) => string | number>> = {
    issued: sortableDate,
    added: (summary) => summary.addedAt,
    // Credentials without an issuer go last.
    issuer: (summary) => (summary.issuerName ? (issuerRank.get(summary.issuerName) ?? 0) : Number.MAX_SAFE_INTEGER),
    status: (summary) => statusOrder[statusOf(summary)],
  };
  const key = keyOf[sort];
  const direction = sort === 'issued' || sort === 'added' ? -1 : 1;
  // Plain code-unit order: ISO dates sort correctly this way, far faster than localeCompare.
  return indexed
    .map((item) => ({ item, key: key(item.summary) }))
    .sort((a, b) => direction * (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || byName(a.item, b.item))
    .map(({ item }) => item);
}

/** The credentials of a sorted portfolio that match the search text (every word) and the filters, in order. */
export function filterPortfolio(sorted: readonly IndexedCredential[], query: { readonly text: string; readonly filters: PortfolioFilters }, locale: string): CredentialSummary[] {
  const needles = query.text.trim().toLocaleLowerCase(locale).split(/\s+/).filter(Boolean);
  const { issuer, status, skill, kind } = query.filters;
  const matches: CredentialSummary[] = [];
  for (const item of sorted) {
    const c = item.summary;
    if (issuer !== undefined && (c.issuerName ?? '') !== issuer) continue;
    if (status !== undefined && statusOf(c) !== status) continue;
    if (kind !== undefined && c.kind !== kind) continue;
    if (skill !== undefined && !c.skills.some((s) => s.name === skill)) continue;
    if (needles.length > 0 && !needles.every((needle) => item.haystack.includes(needle))) continue;
    matches.push(c);
  }
  return matches;
}

export function queryPortfolio(
  indexed: readonly IndexedCredential[],
  query: { readonly text: string; readonly filters: PortfolioFilters; readonly sort: SortKey },
  locale: string,
): CredentialSummary[] {
  return filterPortfolio(sortPortfolio(indexed, query.sort, locale), query, locale);
}

/** The values each filter can take, from what the wallet holds, sorted for people. */
export function filterChoices(credentials: readonly CredentialSummary[], locale: string) {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const issuers = new Set<string>();
  const skills = new Set<string>();
  const kinds = new Set<CredentialSummary['kind']>();
  const statuses = new Set<VerificationStatus | 'none'>();
  for (const c of credentials) {
    if (c.issuerName) issuers.add(c.issuerName);
    for (const s of c.skills) skills.add(s.name);
    kinds.add(c.kind);
    statuses.add(statusOf(c));
  }
  return {
    issuers: [...issuers].sort(collator.compare),
    skills: [...skills].sort(collator.compare),
    kinds: [...kinds].sort(),
    statuses: [...statuses].sort((a, b) => statusOrder[a] - statusOrder[b]),
  };
}

export interface TimelineGroup {
  /** "2026-03": year and month, or "undated". */
  readonly key: string;
  readonly credentials: readonly CredentialSummary[];
}

/**
 * The credentials by month issued (newest first), each month's in the order given. A credential
 * whose issue date is unknown (a photo of a certificate) is "undated", at the end: filing it
 * under the month it was added would say it was earned then.
 */
export function timelineGroups(credentials: readonly CredentialSummary[]): TimelineGroup[] {
  const groups = new Map<string, CredentialSummary[]>();
  for (const c of credentials) {
    const date = c.issuedOn ?? '';
    const key = /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : 'undated';
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  return [...groups].sort(([a], [b]) => (a === 'undated' ? 1 : b === 'undated' ? -1 : b.localeCompare(a))).map(([key, list]) => ({ key, credentials: list }));
}
