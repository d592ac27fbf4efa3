import type { VerificationCheck } from './verification';

/** Checks that prove the credential came from its issuer unchanged: a signature, a hosted copy, a Blockcerts hash. */
export const proofCheckIds: ReadonlySet<string> = new Set(['signature', 'hosted', 'hash']);

/**
 * Whether the credential carries nothing signed: the engine looked for a proof and found none
 * (a proof check skipped with nothing that could settle it), and no other proof was tried. Such
 * a credential is never vouched for, whatever else could not be checked, so its sentence says
 * so first: an employer reading "revocation list not checked" would otherwise miss it.
 */
export function carriesNoSignature(checks: readonly Pick<VerificationCheck, 'id' | 'outcome' | 'implies'>[]): boolean {
  const proofs = checks.filter((check) => proofCheckIds.has(check.id));
  return proofs.length > 0 && proofs.every((check) => check.outcome === 'skipped' && check.implies === undefined);
}

/** Whether a proof check passed: only then may a sentence call the credential signed, unchanged or genuine. */
export function provenByProof(checks: readonly Pick<VerificationCheck, 'id' | 'outcome'>[]): boolean {
  return checks.some((check) => check.outcome === 'passed' && proofCheckIds.has(check.id));
}

/**
 * Whether the report is about a self-reported entry (a PDF or image certificate the holder
 * added, with no signed credential in it): its signature check says so. An issuer's unsigned
 * credential is "not signed", never "self-reported": the holder did not make it up.
 */
export function selfReportedEntry(checks: readonly Pick<VerificationCheck, 'id' | 'message'>[]): boolean {
  return checks.some((check) => check.id === 'signature' && check.message?.key === 'engine.selfReported');
}
