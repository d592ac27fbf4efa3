/**
 * The verdict words and their order, without the schemas of verification.ts: the verification
 * engine runs in worker threads and in the CLI, and needs these at run time but no schema
 * library (zod is 0.7 MB of code to load, more than the engine itself).
 */

/**
 * The overall verdict, most severe first:
 * - `malformed`: not a parsable or conformant credential;
 * - `invalid`: a signature, hash or binding does not hold (tampered, wrong key, bad status list);
 * - `revoked`: the issuer revoked or suspended it;
 * - `expired` / `not-yet-valid`: outside its validity dates at the clock used;
 * - `unverifiable`: a required check needs the network or a document we lack (the checks say which);
 * - `unsigned`: self-reported, nothing signed to check;
 * - `verified`: every required check passed.
 */
export const verificationStatuses = ['verified', 'invalid', 'expired', 'not-yet-valid', 'revoked', 'unverifiable', 'unsigned', 'malformed'] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];

/** Severity used to combine checks (and nested credentials) into one verdict: highest wins. */
export const statusSeverity: Readonly<Record<VerificationStatus, number>> = {
  verified: 0,
  unsigned: 1,
  unverifiable: 2,
  'not-yet-valid': 3,
  expired: 4,
  revoked: 5,
  invalid: 6,
  malformed: 7,
};

export function worstStatus(statuses: Iterable<VerificationStatus>, fallback: VerificationStatus = 'verified'): VerificationStatus {
  let worst = fallback;
  for (const status of statuses) if (statusSeverity[status] > statusSeverity[worst]) worst = status;
  return worst;
}
