import type { NormalizedCredential } from '../../shared/credential/model';
import type { VerificationReport } from '../../shared/credential/verification';
import type { Verifier } from './verifier';

/**
 * A few checks under way at once on this thread, reports in input order. One check at a time
 * leaves the second core idle while a signature is checked on the thread pool
 * (signatureCheck.ts); with a few under way, this thread canonicalises the next credential
 * meanwhile. A few, not all: every check under way holds its documents in memory.
 */
export const checksUnderWay = 4;

/** One promise per credential, in order; a failed check is an Error value, never a rejection left unhandled. */
export function verifyInOrder(verifier: Verifier, credentials: readonly NormalizedCredential[], underWay = checksUnderWay): Promise<VerificationReport | Error>[] {
  const settle: ((outcome: VerificationReport | Error) => void)[] = [];
  const reports = credentials.map(() => new Promise<VerificationReport | Error>((resolve) => settle.push(resolve)));
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let index = next++; index < credentials.length; index = next++) {
      const credential = credentials[index];
      if (credential === undefined) break;
      const outcome = await verifier.verify(credential).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
      settle[index]?.(outcome);
    }
  };
  for (let i = 0; i < Math.min(underWay, credentials.length); i++) void lane();
  return reports;
}
