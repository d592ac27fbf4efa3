import type { CredentialSummary } from '../../../shared/credential/walletViews';
import { pathwayProgress, type Organiser } from '../../../shared/organiser';
import type { Language } from '../../../shared/preferences';
import type { PaperSize, PathwaySummary } from '../../../shared/portfolio/types';

/**
 * The export dialog's decisions that do not need React: the order of the credentials, the
 * pathways they count towards, the file's name, the paper a person most likely uses, which
 * chosen credentials a reader of the PDF would see as not standing, and the locale the PDF's
 * dates are written in.
 */

/**
 * Countries and territories whose offices use US Letter (CLDR's measurement data): the United
 * States and Canada, Mexico, the Philippines, and much of Central and South America.
 * Everywhere else uses A4.
 */
const letterRegions: ReadonlySet<string> = new Set(['US', 'CA', 'MX', 'PH', 'PR', 'BZ', 'CL', 'CO', 'CR', 'GT', 'NI', 'PA', 'SV', 'VE']);

/** The region of a BCP 47 tag ("en-CA" → CA), or the most likely one for a bare language ("en" → US); undefined when unknown. */
function regionOf(tag: string): string | undefined {
  try {
    const locale = new Intl.Locale(tag);
    return locale.region ?? locale.maximize().region;
  } catch {
    return undefined;
  }
}

/**
 * The paper to offer before the person has chosen one: Letter where the system's locale is in
 * a Letter country, A4 elsewhere. The first tag that names a region decides ("de" then
 * "en-US" is a German speaker in the US); with none, the first tag's likely region.
 */
export function defaultPaper(locales: readonly string[]): PaperSize {
  const tags = locales.filter((tag) => tag.trim() !== '');
  let region: string | undefined;
  for (const tag of tags) {
    try {
      region = new Intl.Locale(tag).region;
    } catch {
      region = undefined;
    }
    if (region !== undefined) break;
  }
  region ??= tags[0] === undefined ? undefined : regionOf(tags[0]);
  return region !== undefined && letterRegions.has(region.toUpperCase()) ? 'letter' : 'a4';
}

/** The paper for this export: the one last chosen, else the locale's. */
export function paperFor(remembered: PaperSize | undefined, locales: readonly string[]): PaperSize {
  return remembered ?? defaultPaper(locales);
}

/** What a reader would see as not standing, by kind: each counted once. */
export interface ExportWarning {
  readonly expired: number;
  readonly revoked: number;
  /** Failed, unreadable, not checkable or not yet valid. */
  readonly unverified: number;
  /** The wallet ids of all of them, to leave out. */
  readonly ids: readonly string[];
}

/**
 * Which of the credentials about to be exported would be printed as expired, revoked or not
 * verified, from their statuses as checked for this export. Self-reported certificates are
 * not among them: they never carried a signature, and the PDF says so plainly.
 */
export function exportWarning(entries: readonly { readonly walletId: string; readonly status: string }[]): ExportWarning {
  let expired = 0;
  let revoked = 0;
  let unverified = 0;
  const ids: string[] = [];
  for (const { walletId, status } of entries) {
    if (status === 'verified' || status === 'unsigned') continue;
    if (status === 'expired') expired++;
    else if (status === 'revoked') revoked++;
    else unverified++;
    ids.push(walletId);
  }
  return { expired, revoked, unverified, ids };
}

/** The locale the PDF's dates are written in: German dates in a German PDF; in an English one, the system's English (else British). */
export function pdfLocale(language: Language, systemLanguage: string | undefined): string {
  if (language === 'de') return 'de-DE';
  return systemLanguage?.toLowerCase().startsWith('en') ? systemLanguage : 'en-GB';
}

export type ExportScope = { readonly kind: 'all' } | { readonly kind: 'collection'; readonly id: string } | { readonly kind: 'chosen'; readonly ids: readonly string[] };
export const orders = ['newest', 'oldest', 'name', 'given'] as const;
export type Order = (typeof orders)[number];

export function ordered(ids: readonly string[], order: Order, byId: ReadonlyMap<string, CredentialSummary>, locale: string): string[] {
  if (order === 'given') return [...ids];
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const list = ids.flatMap((id) => {
    const c = byId.get(id);
    return c ? [c] : [];
  });
  const date = (c: CredentialSummary): string => c.issuedOn ?? c.addedAt;
  if (order === 'name') list.sort((a, b) => collator.compare(a.name, b.name));
  else list.sort((a, b) => (order === 'newest' ? date(b).localeCompare(date(a)) : date(a).localeCompare(date(b))));
  return list.map((c) => c.id);
}

/**
 * The pathways the exported credentials count towards, each named by its goal with how far
 * along it is: a pathway none of them belongs to says nothing about this portfolio.
 */
export function pathwaysFor(organiser: Organiser, exported: ReadonlySet<string>, byId: ReadonlyMap<string, CredentialSummary>): PathwaySummary[] {
  return organiser.pathways
    .filter((pathway) => pathway.steps.some((step) => step.credentialId !== undefined && exported.has(step.credentialId)))
    .map((pathway) => {
      const progress = pathwayProgress(pathway, byId);
      return { name: pathway.name, completed: progress.complete, done: Math.min(progress.done, progress.required), required: progress.required };
    });
}

export const pdfLanguages: readonly Language[] = ['en', 'de'];

export function fileNameFor(owner: string, recipient: string): string {
  const parts = ['Portfolio', owner.trim(), recipient.trim()].filter(Boolean);
  return `${parts
    .join(' - ')
    .replace(/[\\/:*?"<>|]/g, '_')
    .slice(0, 120)}.pdf`;
}
