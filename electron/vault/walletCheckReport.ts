import type { damagedKinds, damageProblems } from '../../shared/credential/walletViews';
import type { WalletDocumentName } from './walletDocuments';

/** What the wallet check (walletCheck.ts) reports, and its findings in plain English for the CLI. */

/** What a damaged file was to its credential (or the wallet); the contract's words (shared/credential/walletViews.ts). */
export type CheckedKind = (typeof damagedKinds)[number];
export type CheckProblem = (typeof damageProblems)[number];

export interface DamagedItem {
  /** Relative to the wallet folder, e.g. records/<hmac>.rec. */
  readonly file: string;
  readonly kind: CheckedKind;
  /** The credential's short id (as `list` shows it); null for a wallet document. */
  readonly id: string | null;
  /** The credential's name (from the catalog's copy when its own record is damaged); null when unknown. */
  readonly name: string | null;
  /** Other credentials that share the file (a badge picture used by several). */
  readonly otherNames: readonly string[];
  /** Which wallet document, for kind "document"; 'fetched-document' for one of the documents fetched for verification (fetchedDocuments.ts). */
  readonly document?: WalletDocumentName | 'fetched-document';
  /** Where a damaged fetched document came from: it is fetched again from there when next needed. */
  readonly url?: string;
  readonly problem: CheckProblem;
  /** The problem in plain words. */
  readonly reason: string;
  /**
   * Where it is kept for rescue, relative to the wallet folder: where this check moved it, or
   * for a missing file the copy an earlier check set aside; null when there is none (or the
   * wallet was open read-only).
   */
  readonly quarantinedAs: string | null;
}

export interface WalletCheckResult {
  /** Credentials (record files) and the other stored files (blobs and documents) read. */
  readonly checked: { readonly credentials: number; readonly files: number };
  readonly damaged: readonly DamagedItem[];
  /** The wallet's quarantine folder (absolute). */
  readonly quarantineFolder: string;
  /** False when another Badgefolio holds the writer lock: damage is reported, nothing was moved. */
  readonly writable: boolean;
}

export const problemWords: Readonly<Record<CheckProblem, string>> = {
  damaged: 'changed or damaged on disk',
  unreadable: 'unreadable',
  missing: 'missing',
};

const kindPhrases: Readonly<Record<Exclude<CheckedKind, 'document'>, string>> = {
  record: 'the record of',
  original: 'the original file of',
  'signed-text': 'the signed text of',
  picture: 'the picture of',
  'stored-file': 'a picture or file stored with',
  'earlier-version': 'an earlier version of',
};

const documentWords: Readonly<Record<WalletDocumentName, string>> = {
  organiser: 'the collections, pathways and export history are',
  'profile-photo': 'the profile photo is',
  'fetch-cache': 'the documents kept for offline checks are',
  'holder-key': 'the key that signs exported portfolios is',
  'issuer-registries': 'the issuer registries you added or refreshed are',
};

function listOf(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** One damaged item in plain English: `the picture of "Forklift safety" is changed or damaged on disk`. */
export function describeDamage(item: DamagedItem): string {
  if (item.document === 'fetched-document') {
    return `a document fetched for checking offline (${item.url ?? 'its address is unknown'}) is ${problemWords[item.problem]}; it is not a credential, and it is fetched again when next needed`;
  }
  if (item.kind === 'document') return `${item.document ? documentWords[item.document] : 'a wallet document is'} ${problemWords[item.problem]}`;
  const verb = `is ${problemWords[item.problem]}`;
  const names = [item.name, ...item.otherNames].filter((name): name is string => name !== null).map((name) => `"${name}"`);
  const who = names.length > 0 ? listOf(names) : `credential ${item.id ?? '?'} (its name is unknown)`;
  return `${kindPhrases[item.kind]} ${who}${names.length > 1 ? ' (one file they share)' : ''} ${verb}`;
}
