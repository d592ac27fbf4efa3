import type { VerificationCheck, VerificationMessage, VerificationReport } from '../../../shared/credential/verification';
import { checkLabelIn, checkSentenceIn, summaryIn } from '../../../shared/credential/verificationMessages';
import { useI18n } from '../i18n/i18n';

/**
 * A verification report's words in the reader's language: the engine stores each sentence as a
 * message with its English beside it; English readers get the engine's English (the CLI's
 * words), others the message rendered from shared/credential/verificationMessages.ts. A report
 * stored before messages existed shows its English.
 */

/** A check's short label: "Signature", "Signatur". */
export function CheckLabel({ check }: { check: Pick<VerificationCheck, 'label' | 'labelKey' | 'labelParams'> }) {
  const { language } = useI18n();
  return <>{checkLabelIn(check, language)}</>;
}

/** A check's sentence. */
export function CheckSentence({ check }: { check: Pick<VerificationCheck, 'sentence' | 'message'> }) {
  const { language } = useI18n();
  return <>{checkSentenceIn(check, language)}</>;
}

/**
 * The verdict's sentence for a whole report, or for an excerpt of one (Check a PDF's rows carry
 * the summary and, when given, its message, but no checks to derive it from).
 */
export function ReportSummary({
  report,
}: {
  report: { readonly summary: string; readonly summaryMessage?: VerificationMessage | undefined } & Partial<Pick<VerificationReport, 'status' | 'checks' | 'issuerIdentity'>>;
}) {
  const { language } = useI18n();
  return <>{summaryIn(report, language)}</>;
}
