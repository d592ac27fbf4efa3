import type { NormalizedCredential } from '../../shared/credential/model';
import type { StoredCredentialJson } from './storedCredential';

/** What the wallet keeps per credential, and how it is shown: the record types and their rules. */

export class VaultError extends Error {
  override readonly name = 'VaultError';
}

/** What a stored record and the entry a list shows of it have in common. */
interface RecordFields {
  readonly identity: string;
  /** SHA-256 of the credential's content: the same hash under the same identity is the same credential. */
  readonly contentHash: string;
  readonly addedAt: string;
  readonly updatedAt: string;
  readonly credential: StoredCredentialJson;
  /** The last verification report (JSON of shared/credential/verification), with its date inside. */
  readonly verification?: unknown;
}

export interface StoredRecord extends RecordFields {
  readonly v: 1;
  /** What the owner corrected on a self-reported entry (nothing signed says otherwise). */
  readonly userEdits?: UserEdits;
}

/** The fields of a self-reported certificate a person may correct: what intake guessed from a PDF or a picture. */
export interface UserEdits {
  readonly name?: string;
  readonly issuerName?: string;
  readonly issuedOn?: string;
}

/** What a list shows: everything but the bytes (and a self-reported entry with its corrections applied). */
export interface VaultEntry extends RecordFields {
  /** Short id used by the CLI and the app: stable, reveals nothing. */
  readonly id: string;
}

export interface DamagedRecord {
  readonly id: string;
  readonly file: string;
  readonly reason: string;
  readonly problem: 'damaged' | 'unreadable' | 'missing';
  /** The credential's name, from the catalog's copy of the record, when it has one. */
  readonly name?: string;
  /** Where the file went (relative to the wallet folder); absent when opened read-only. */
  readonly quarantinedAs?: string;
}

export type PutOutcome = 'added' | 'already-there' | 'updated';

/** How a damaged or missing record file is reported (at unlock, and by the wallet check). */
export function damageNote(file: string, name: string, damage: { problem: DamagedRecord['problem']; name: string | undefined; quarantinedAs: string | null }): DamagedRecord {
  const reasons = { damaged: 'it was changed or damaged on disk', unreadable: 'its content is unreadable', missing: 'its file is missing' };
  return {
    id: name.slice(0, 12),
    file,
    problem: damage.problem,
    reason: reasons[damage.problem],
    ...(damage.name === undefined ? {} : { name: damage.name }),
    ...(damage.quarantinedAs === null ? {} : { quarantinedAs: damage.quarantinedAs }),
  };
}

/** The stored credential as shown: a self-reported entry with the owner's corrections applied. */
function withUserEdits(json: StoredCredentialJson, edits: UserEdits | undefined): StoredCredentialJson {
  if (!edits || json.selfReported !== true) return json;
  const issuer = typeof json.issuer === 'object' && json.issuer !== null ? (json.issuer as Record<string, unknown>) : {};
  return {
    ...json,
    ...(edits.name ? { name: edits.name } : {}),
    ...(edits.issuedOn ? { issuedOn: edits.issuedOn } : {}),
    ...(edits.issuerName ? { issuer: { ...issuer, name: edits.issuerName } } : {}),
  };
}

export function entryOf(name: string, record: StoredRecord): VaultEntry {
  return {
    id: name.slice(0, 12),
    identity: record.identity,
    contentHash: record.contentHash,
    addedAt: record.addedAt,
    updatedAt: record.updatedAt,
    credential: withUserEdits(record.credential, record.userEdits),
    ...(record.verification === undefined ? {} : { verification: record.verification }),
  };
}

/** The name a credential is shown by: a self-reported entry's correction, else its own. */
export function titleOf(record: StoredRecord): string | undefined {
  const name = withUserEdits(record.credential, record.userEdits).name;
  return typeof name === 'string' ? name : undefined;
}

/** A record read back from disk or a backup: its shape checked before it is trusted. */
export function asStoredRecord(value: unknown): StoredRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Partial<StoredRecord>;
  const valid =
    record.v === 1 &&
    typeof record.identity === 'string' &&
    typeof record.contentHash === 'string' &&
    typeof record.addedAt === 'string' &&
    typeof record.updatedAt === 'string' &&
    typeof record.credential === 'object';
  return valid ? (record as StoredRecord) : null;
}

function issueDate(value: { issuedOn?: unknown; validFrom?: unknown }): number {
  const date = typeof value.issuedOn === 'string' ? value.issuedOn : typeof value.validFrom === 'string' ? value.validFrom : '';
  const time = Date.parse(date);
  return Number.isNaN(time) ? Number.NaN : time;
}

/** An older copy of a credential we hold (re-downloaded from an old e-mail, say) never replaces the newer one. */
export function isOlder(incoming: NormalizedCredential, stored: StoredCredentialJson): boolean {
  const a = issueDate(incoming);
  const b = issueDate(stored);
  return !Number.isNaN(a) && !Number.isNaN(b) && a < b;
}
