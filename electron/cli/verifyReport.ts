import { checkLabelIn, checkSentenceIn, renderOr, summaryIn } from '../../shared/credential/verificationMessages';
import type { VerificationCheck, VerificationMessage, VerificationReport } from '../../shared/credential/verification';
import { formatCalendarDate } from '../../shared/credential/calendarDate';
import { pdfWords } from '../../shared/portfolio/pdfWords';
import type { PdfLanguage } from '../../shared/portfolio/types';
import type { VerifyResult } from './commands/verify';
import { germanStatuses } from './exportPdfWords';
import { renderTable } from './table';

/**
 * What `verify` prints for people, in English or German (`--language`, else the app's language
 * setting, as `verify-pdf` and `export-pdf`): the table, each credential's summary, what
 * confirms its issuer and each check, from the verification's own message keys. `--json` stays
 * in the codes and English sentences scripts match on. A file that was no credential, or could
 * not be read, says why from intake's message (`said`).
 */

/** What a result with no verification report says, as messages: for the human report only, --json leaves it out. */
export interface ResultMessages {
  readonly summary: VerificationMessage;
  /** Why its structure check failed (a damaged or unreadable file). */
  readonly reason?: VerificationMessage;
}

export type ShownResult = VerifyResult & { readonly shownName: string; readonly said?: ResultMessages | undefined };

/** The checks as the report shows them: a failed intake's structure check with its label and reason as messages. */
function shownChecks(r: ShownResult): readonly VerificationCheck[] {
  const reason = r.said?.reason;
  if (!reason) return r.checks;
  return r.checks.map((c) => (c.id === 'structure' ? { ...c, labelKey: 'label.structure', message: reason } : c));
}

const identityWords: Readonly<Record<NonNullable<VerifyResult['issuerIdentity']>['level'], string>> = {
  registry: 'listed in a registry',
  domain: 'key published on the web',
  'trust-list': 'on the EU trust list',
  unconfirmed: 'not confirmed',
};

interface ReportWords {
  readonly headers: readonly [string, string, string, string];
  readonly none: string;
  readonly status: (status: string) => string;
  readonly name: string;
  readonly notFetched: string;
  readonly notFetchedBecause: string;
  readonly identity: (result: ShownResult & { readonly issuerIdentity: NonNullable<VerifyResult['issuerIdentity']> }) => string;
}

const english: ReportWords = {
  headers: ['FILE', 'FORMAT', 'STATUS', 'NAME'],
  none: 'No credentials found.',
  status: (status) => status,
  name: 'Name',
  notFetched: 'Details not fetched: use --online, or --documents MAP with the documents it links to.',
  notFetchedBecause: 'Details not fetched',
  identity: (r) => `Issuer (${identityWords[r.issuerIdentity.level]}): ${r.issuerIdentity.sentence}`,
};

const german: ReportWords = {
  headers: ['DATEI', 'FORMAT', 'STATUS', 'NAME'],
  none: 'Keine Nachweise gefunden.',
  status: (status) => germanStatuses[status] ?? status,
  name: 'Name',
  notFetched: 'Details nicht abgerufen: mit --online, oder mit --documents MAP und den Dokumenten, auf die er verweist.',
  notFetchedBecause: 'Details nicht abgerufen',
  identity: (r) => pdfWords.de.identityLine(r.issuerIdentity, r.status, (iso) => formatCalendarDate(iso, 'de-DE', 'long')),
};

/** The human report; `reports` holds each verified result's report, for its sentences in German. */
export function humanReport(results: readonly ShownResult[], reports: ReadonlyMap<ShownResult, VerificationReport>, language: PdfLanguage): string {
  const w = language === 'de' ? german : english;
  if (results.length === 0) return `${w.none}\n`;
  const table = renderTable(
    [...w.headers],
    results.map((r) => [r.file, r.format, w.status(r.status), r.shownName]),
    { clipStart: [0] },
  );
  const details = results.map((r) => {
    const report = reports.get(r);
    const lines = shownChecks(r).map(
      (c) => `    ${c.outcome === 'passed' ? '✓' : c.outcome === 'failed' ? '✗' : '–'} ${checkLabelIn(c, language)}: ${checkSentenceIn(c, language)}`,
    );
    const identity = r.issuerIdentity ? [`  ${w.identity({ ...r, issuerIdentity: r.issuerIdentity })}`] : [];
    const named = r.name === null && r.format !== 'unknown' && r.status !== 'not-a-credential' ? [`  ${w.name}: ${r.shownName}`] : [];
    const details = r.details === 'not-fetched' ? [`  ${w.notFetched}`] : r.details === 'incomplete' ? (r.problems ?? []).map((p) => `  ${w.notFetchedBecause}: ${p}`) : [];
    return [
      `${r.file}: ${w.status(r.status)}`,
      `  ${report ? summaryIn(report, language) : language === 'en' ? r.summary : renderOr(r.said?.summary, language, r.summary)}`,
      ...named,
      ...details,
      ...identity,
      ...lines,
    ].join('\n');
  });
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const tally = [...counts].map(([status, n]) => `${String(n)} ${w.status(status)}`).join(', ');
  return `${table}\n\n${details.join('\n\n')}\n\n${tally}\n`;
}
