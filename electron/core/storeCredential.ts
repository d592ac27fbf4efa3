import type { NormalizedCredential } from '../../shared/credential/model';
import type { VerificationMessage, VerificationReport, VerificationStatus } from '../../shared/credential/verification';
import { msg } from '../../shared/credential/verificationMessages';
import type { Vault } from '../vault/vault';
import type { Verifier } from '../verify/verifier';

/**
 * How one recognised credential goes into the wallet: the one routine behind the app's import
 * and `badgefolio import`. Every credential is verified before it is stored, and what the
 * wallet holds is never lost or made worse:
 * - the same credential again: already there;
 * - a copy of a stored credential (same id, issuer, subject and achievement) replaces it only
 *   when it checks at least as well: a tampered or broken copy is refused as `not-replaced`,
 *   with a sentence, and the original stays;
 * - a different credential that happens to reuse an id (another issuer, subject or
 *   achievement, two test transcripts from one issuer) is not a copy: both are kept.
 */
export type StoreOutcome = 'added' | 'already-there' | 'updated' | 'not-replaced';

export interface Stored {
  readonly outcome: StoreOutcome;
  /** The wallet's short id of the credential concerned (the kept original, for `not-replaced`). */
  readonly id: string;
  /** The verification of the copy that came in; absent when it was already there. */
  readonly report?: VerificationReport;
  /** For `not-replaced`: why, in one sentence. */
  readonly reason?: string;
  /** The same as a message (the failing check's message inside), when that check has one. */
  readonly reasonMessage?: VerificationMessage;
}

/** Better first: verified, then what could not be fully checked, then dated-out, then broken. */
const rank: Readonly<Record<VerificationStatus, number>> = {
  verified: 4,
  unverifiable: 3,
  unsigned: 3,
  expired: 2,
  'not-yet-valid': 2,
  revoked: 2,
  invalid: 1,
  malformed: 0,
};

function storedStatus(verification: unknown): VerificationStatus | undefined {
  const status = (verification as { status?: unknown } | undefined)?.status;
  return typeof status === 'string' && status in rank ? (status as VerificationStatus) : undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : undefined);

function partyId(value: unknown): string | undefined {
  return text((value as { id?: unknown } | undefined)?.id);
}

/**
 * Whether two credentials under one id are the same credential: the same issuer, subject and
 * achievement wherever both say. What one of them does not say cannot tell them apart.
 */
function sameCredential(incoming: NormalizedCredential, stored: Record<string, unknown>): boolean {
  const pairs: [string | undefined, string | undefined][] = [
    [text(incoming.issuer.id), partyId(stored.issuer)],
    [text(incoming.recipient?.identity), text((stored.recipient as { identity?: unknown } | undefined)?.identity)],
    [text(incoming.achievementId), text(stored.achievementId)],
  ];
  // A test issuer's transcripts share an id and an issuer; their achievements' names still differ.
  if (!incoming.achievementId && !stored.achievementId) pairs.push([text(incoming.name), text(stored.name)]);
  return pairs.every(([a, b]) => a === undefined || b === undefined || a === b);
}

/** The first thing the report says is wrong, as a clause, and as a message when the report has one for it. */
function whyWorse(report: VerificationReport): { readonly clause: string; readonly message: VerificationMessage | undefined } {
  const failing = report.checks.find((c) => c.outcome === 'failed') ?? report.checks.find((c) => c.outcome === 'skipped' && c.implies !== undefined);
  const sentence = failing?.sentence ?? report.summary;
  const clause = sentence.replace(/\.$/, '');
  return { clause: clause.charAt(0).toLowerCase() + clause.slice(1), message: failing ? failing.message : report.summaryMessage };
}

export async function storeCredential(vault: Vault, verifier: Verifier, credential: NormalizedCredential, now: Date = new Date()): Promise<Stored> {
  let incoming = credential;
  let existing = vault.find(vault.idOf(incoming.identity));
  if (existing?.identity === incoming.identity && !sameCredential(incoming, existing.credential)) {
    // Another credential under a reused id: kept beside it, under an identity of its own.
    incoming = { ...incoming, identity: `${incoming.identity} (sha256:${incoming.contentHash.slice(0, 16)})` };
    existing = vault.find(vault.idOf(incoming.identity));
  }
  const id = vault.idOf(incoming.identity);
  if (existing?.contentHash === incoming.contentHash) {
    vault.put(incoming, now); // the same credential: restores stored files that went missing
    return { outcome: 'already-there', id };
  }
  const report = await verifier.verify(incoming);
  if (existing) {
    const before = storedStatus(existing.verification);
    if (before !== undefined && rank[report.status] < rank[before]) {
      const why = whyWorse(report);
      return {
        outcome: 'not-replaced',
        id,
        report,
        reason: `A changed copy of “${incoming.name}” was not stored: ${why.clause}. Your original is kept.`,
        ...(why.message ? { reasonMessage: msg('store.notReplaced', { name: incoming.name, why: why.message }) } : {}),
      };
    }
  }
  const outcome = vault.put(incoming, now);
  if (outcome === 'already-there') return { outcome, id };
  vault.setVerification(incoming.identity, report);
  return { outcome, id, report };
}
