import type { VerificationCheck, VerificationMessage, VerificationReport } from '../../../shared/credential/verification';
import { checkLabelIn, checkSentenceIn, summaryIn } from '../../../shared/credential/verificationMessages';
import { withoutTechnicalAsides } from '../../../shared/credential/technicalText';
import { useId, type ReactNode } from 'react';
import type { Language } from '../../../shared/preferences';
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

type SummaryReport = { readonly summary: string; readonly summaryMessage?: VerificationMessage | undefined } & Partial<
  Pick<VerificationReport, 'status' | 'checks' | 'issuerIdentity' | 'network'>
>;

/** Whether the report's sentence names keys, addresses or error codes that the plain one leaves out. */
export function summaryHasTechnicalText(report: SummaryReport, language: Language): boolean {
  const full = summaryIn(report, language);
  return withoutTechnicalAsides(full) !== full;
}

/**
 * The verdict as one plain sentence for the visible status: the report's own sentence without
 * addresses or error codes in brackets; where those are the heart of it ("https://… could not be
 * fetched: getaddrinfo ENOTFOUND"), a plain sentence for the status instead. The report's own
 * words stay available under "Technical details".
 */
export function PlainSummary({ report }: { report: SummaryReport }) {
  const { t, language } = useI18n();
  const full = summaryIn(report, language);
  const plain = withoutTechnicalAsides(full);
  if ((plain !== undefined && plain !== '') || report.status === undefined) return <>{plain ?? full}</>;
  // Offline, a check that needed the issuer's site could not even try: checking again online can finish it.
  if (report.status === 'unverifiable') return <>{t(report.network === 'offline' ? 'plain.unverifiableOffline' : 'plain.unverifiable')}</>;
  return <>{t(`plain.${report.status}`)}</>;
}

/** A collapsed "Technical details" (native <details>, named by its summary for assistive technology). */
export function TechnicalDisclosure({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const summaryId = useId();
  return (
    <details className="technical" aria-labelledby={summaryId}>
      <summary id={summaryId}>{t('detail.technical')}</summary>
      {children}
    </details>
  );
}

/** The plain sentence in a paragraph, and the report's own one under "Technical details" when it says more. */
export function PlainReportSentence({ report, className }: { report: SummaryReport; className?: string }) {
  const { language } = useI18n();
  return (
    <>
      <p className={className}>
        <PlainSummary report={report} />
      </p>
      {summaryHasTechnicalText(report, language) && (
        <TechnicalDisclosure>
          <p>
            <ReportSummary report={report} />
          </p>
        </TechnicalDisclosure>
      )}
    </>
  );
}
