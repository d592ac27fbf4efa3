import { worstStatus, type VerificationStatus } from '../../shared/credential/verdictOrder';
import type { IssuerIdentity, VerificationCheck } from '../../shared/credential/verification';
import { englishOf, summaryLeadOf, summaryMessageOf } from '../../shared/credential/verificationMessages';
import { proofCheckIds } from '../../shared/credential/proofChecks';

/**
 * What the signature and the issuer say of the credential: not genuine, revoked, expired, not
 * yet valid. A credential that also breaks its standard's schema keeps that verdict (the schema
 * check stays in the list): a revoked badge is revoked whatever it lacks, and these are what
 * its holder must act on. Otherwise a schema failure makes it malformed. A credential that
 * cannot be read at all (a failed structure check) is malformed before anything else.
 */
const standing: ReadonlySet<VerificationStatus> = new Set(['invalid', 'revoked', 'expired', 'not-yet-valid']);

export function verdictOf(checks: readonly VerificationCheck[]): VerificationStatus {
  const implied = (c: VerificationCheck): VerificationStatus[] => (c.outcome !== 'passed' && c.implies !== undefined ? [c.implies] : []);
  let status = worstStatus(checks.filter((c) => c.id !== 'schema').flatMap(implied));
  // Without a proof check passing, nothing is verified.
  if (status === 'verified' && !checks.some((c) => c.outcome === 'passed' && proofCheckIds.has(c.id))) status = 'unsigned';
  if (standing.has(status)) return status;
  return worstStatus([status, ...checks.filter((c) => c.id === 'schema').flatMap(implied)]);
}

/**
 * The report's sentence as a message, for the report's `summaryMessage`: the app says it in
 * the reader's language (shared/credential/verificationMessages.ts words it).
 */
export { summaryMessageOf };

/**
 * The sentence for the whole credential in English, as the CLI prints it and the report stores
 * it: the English of its message. A verdict decided by a check still worded in English only has
 * no message: its English lead is followed by that check's sentence.
 */
export function summaryOf(status: VerificationStatus, checks: readonly VerificationCheck[], identity?: IssuerIdentity): string {
  const message = summaryMessageOf(status, checks, identity);
  if (message) return englishOf(message);
  const reason = checks.find((c) => c.outcome !== 'passed' && c.implies === status);
  const lead = englishOf(summaryLeadOf(status, identity, checks));
  return reason ? `${lead} ${reason.sentence}` : lead;
}
