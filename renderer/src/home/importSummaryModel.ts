import type { ImportOutcome } from '../../../shared/credential/walletViews';

/**
 * An import's summary by file: one row per file, each with one outcome, so the counts add up
 * to the number of files. What counts as a file, the same way every time:
 *
 * - a folder counts as the files in it, and so does an archive (a zip is a packed folder): each
 *   file inside it is a row of its own, named `exports.zip › badges/python.png`;
 * - a file holding several credentials (a CLR transcript and what it nests, a PDF with signed
 *   badges attached) is one row listing them; it counts under the best that happened to any of
 *   them (one added: added), and what could not be read inside it is listed on the row.
 */

export type FileOutcome = ImportOutcome['outcome'];

export interface SummaryRow {
  /** The file as counted: the file dropped, or `archive.zip › entry`. */
  readonly file: string;
  readonly outcome: FileOutcome;
  /** The credentials found in it (added, already there, updated or not replaced), in order. */
  readonly credentials: readonly ImportOutcome[];
  /** Why nothing (or not everything) in it is a credential: malformed and not-a-credential outcomes. */
  readonly problems: readonly ImportOutcome[];
  /** A picture with no badge or QR code in it: "Keep as a certificate" is offered. */
  readonly picture: boolean;
  /** The file is one inside an archive. */
  readonly inArchive: boolean;
}

export interface ImportSummaryModel {
  readonly rows: readonly SummaryRow[];
  /** Files by their outcome; they add up to `files`. */
  readonly counts: Readonly<Record<FileOutcome, number>>;
  readonly files: number;
  /** Credentials found in all the files (more than the files when one holds several). */
  readonly credentials: number;
  /** Some rows are files inside an archive or a folder, or hold several credentials: the summary says how files are counted. */
  readonly countingNote: boolean;
  /** Self-reported entries stored by this import (their title, issuer and date are the user's to review), in order. */
  readonly selfReportedAdded: readonly string[];
}

/** Better first: a file counts under the best that happened to a credential in it. */
const credentialOrder: readonly FileOutcome[] = ['added', 'updated', 'not-replaced', 'already-there'];

/**
 * The separator intake puts between an archive (or PDF) and a file inside it. A file dropped
 * from a folder is named by its path, with slashes.
 */
const inside = ' › ';

const isCredential = (o: ImportOutcome): boolean => credentialOrder.includes(o.outcome);

export function summariseImport(outcomes: readonly ImportOutcome[]): ImportSummaryModel {
  const byFile = new Map<string, ImportOutcome[]>();
  for (const outcome of outcomes) {
    const file = outcome.sourceFile ?? outcome.file;
    const list = byFile.get(file);
    if (list) list.push(outcome);
    else byFile.set(file, [outcome]);
  }
  const counts: Record<FileOutcome, number> = { added: 0, 'already-there': 0, updated: 0, 'not-replaced': 0, 'not-a-credential': 0, malformed: 0, 'offer-found': 0 };
  const rows: SummaryRow[] = [];
  for (const [file, list] of byFile) {
    const credentials = list.filter(isCredential);
    const problems = list.filter((o) => !isCredential(o));
    const outcome =
      credentials.length > 0
        ? (credentialOrder.find((kind) => credentials.some((c) => c.outcome === kind)) ?? 'added')
        : problems.some((p) => p.outcome === 'malformed')
          ? 'malformed'
          : problems.some((p) => p.outcome === 'offer-found')
            ? 'offer-found'
            : 'not-a-credential';
    counts[outcome] += 1;
    rows.push({ file, outcome, credentials, problems, picture: problems.length === 1 && problems[0]?.picture === true, inArchive: file.includes(inside) });
  }
  const credentialCount = outcomes.filter(isCredential).length;
  return {
    rows,
    counts,
    files: rows.length,
    credentials: credentialCount,
    countingNote: rows.some((row) => row.inArchive || row.file.includes('/') || row.credentials.length > 1),
    selfReportedAdded: outcomes.flatMap((o) => (o.selfReported && o.id && (o.outcome === 'added' || o.outcome === 'updated') ? [o.id] : [])),
  };
}

/**
 * The outcomes after "Keep as a certificate": the picture's row replaced by what keeping it
 * gave, in place, the other files as they were.
 */
export function replaceFileOutcomes(outcomes: readonly ImportOutcome[], file: string, replacement: readonly ImportOutcome[]): ImportOutcome[] {
  const at = outcomes.findIndex((o) => (o.sourceFile ?? o.file) === file);
  if (at < 0) return [...outcomes, ...replacement];
  return [...outcomes.slice(0, at), ...replacement, ...outcomes.slice(at).filter((o) => (o.sourceFile ?? o.file) !== file)];
}
