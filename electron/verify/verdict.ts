import { worstStatus, type VerificationStatus } from '../../shared/credential/verdictOrder';
import type { IssuerIdentity, VerificationCheck } from '../../shared/credential/verification';

/** Checks that prove the credential came from its issuer unchanged: without one passing, nothing is verified. */
const proofChecks = new Set(['signature', 'hosted', 'hash']);

export function verdictOf(checks: readonly VerificationCheck[]): VerificationStatus {
  const status = worstStatus(checks.flatMap((c) => (c.outcome !== 'passed' && c.implies !== undefined ? [c.implies] : [])));
  if (status === 'verified' && !checks.some((c) => c.outcome === 'passed' && proofChecks.has(c.id))) return 'unsigned';
  return status;
}

const leads: Readonly<Record<VerificationStatus, string>> = {
  verified: 'Genuine: signed by its issuer, unchanged since, in date and not revoked as far as its issuer publishes.',
  invalid: 'Not genuine:',
  expired: 'Genuine but expired:',
  'not-yet-valid': 'Genuine but not yet valid:',
  revoked: 'Revoked by its issuer:',
  unverifiable: 'Not fully checked:',
  unsigned: 'Self-reported: there is no signature to check, so Badgefolio cannot vouch for it.',
  malformed: 'Damaged or not a conformant credential:',
};

/**
 * A Blockcerts test certificate (mock chain) passes every check it can have, but no chain
 * record or issuer key stands behind it: "signed by its issuer" would overstate it.
 */
const testCertificate = 'A test certificate: unchanged since it was issued and in date, but it is anchored on a test chain, so no blockchain record or issuer key stands behind it.';

const inDate = 'unchanged since, in date and not revoked as far as its issuer publishes.';
const quoted = (name: string): string => `“${name}”`;

/**
 * A verified credential's sentence says who signed it only as far as the identity finding
 * goes: a registry's name, a web domain, or that the name is the signer's own claim.
 */
function verifiedSentence(identity: IssuerIdentity | undefined): string {
  if (identity?.level === 'registry' && identity.name) {
    return `Genuine: signed by ${identity.name}${identity.test ? ' (a test issuer)' : ''}, as the ${identity.source ?? 'registry'} lists; ${inDate}`;
  }
  if (identity?.level === 'domain' && identity.source) return `Genuine: signed with a key published at ${identity.source}; ${inDate}`;
  if (identity?.level === 'unconfirmed') {
    return identity.name
      ? `Signed and unchanged, but nothing confirms that the signer is ${quoted(identity.name)}: the name is the signer's own claim.`
      : 'Signed and unchanged, but nothing confirms who the signer is.';
  }
  return leads.verified;
}

export function summaryOf(status: VerificationStatus, checks: readonly VerificationCheck[], identity?: IssuerIdentity): string {
  if (status === 'verified' && checks.some((c) => c.id === 'anchor' && c.outcome === 'skipped' && c.implies === undefined)) return testCertificate;
  if (status === 'verified') return verifiedSentence(identity);
  if (status === 'unsigned') return leads[status];
  const reason = checks.find((c) => c.outcome !== 'passed' && c.implies === status);
  return reason ? `${leads[status]} ${reason.sentence}` : leads[status];
}
