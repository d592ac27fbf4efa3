import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The real-world corpus beside the repository (../shared/fixtures), when it is there. */
export const sharedFixturesDir = path.resolve(import.meta.dirname, '../../../shared/fixtures');
export const sharedFixturesPresent = existsSync(path.join(sharedFixturesDir, 'MANIFEST.tsv'));
export const sharedFixturesSkipReason = 'skipped: ../shared/fixtures is not present beside the repository';

/**
 * Real badges the project collected from public repositories and issue attachments
 * (tests/fixtures/real-world: SOURCES.tsv says where each came from, EXPECTED.tsv what a correct
 * reading is). Unlike ../shared they are the project's own test data, committed, so CI reads them.
 */
export const realWorldDir = path.resolve(import.meta.dirname, '../fixtures/real-world');

export interface ManifestRow {
  readonly file: string;
  readonly format: string;
  readonly expected: string;
  readonly notes: string;
}

export function manifestRows(): ManifestRow[] {
  if (!sharedFixturesPresent) return [];
  const [, ...lines] = readFileSync(path.join(sharedFixturesDir, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  return lines.map((line) => {
    const [file = '', format = '', , , expected = '', notes = ''] = line.split('\t');
    return { file, format, expected, notes };
  });
}

/** The corpus's format names, mapped onto Badgefolio's. */
export function expectedFormat(manifestFormat: string): string {
  if (manifestFormat.startsWith('ob2')) return 'ob2';
  if (manifestFormat.startsWith('ob3')) return 'ob3';
  if (manifestFormat.startsWith('blockcerts')) return 'blockcerts';
  if (manifestFormat === 'vc-generic') return 'vc';
  return manifestFormat;
}
