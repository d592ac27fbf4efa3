import type { VerificationStatus } from '../../../shared/credential/verification';
import type { MessageKey } from '../i18n/en';

/**
 * The catalogue key of a verdict's short word. An unsigned entry the holder added (a PDF or image
 * certificate) is "Self-reported"; an issuer's credential that merely carries no signature is
 * "Not signed": calling it self-reported would tell an employer the holder made it up.
 */
export function statusWordKey(status: VerificationStatus, selfReported: boolean): MessageKey {
  return status === 'unsigned' && selfReported ? 'portfolio.selfReported' : `status.${status}`;
}
