import type { VerificationReport } from '../../../shared/credential/verification';
import type { CredentialDetail } from '../../../shared/credential/walletViews';
import { useI18n } from '../i18n/i18n';
import { Row } from './DetailRows';
import { CheckLabel, CheckSentence, ReportSummary, summaryHasTechnicalText, TechnicalDisclosure } from './VerificationText';

const checkMarks = { passed: '✓', failed: '✗', skipped: '–' } as const;

/**
 * What a job seeker need not read to understand the status, for whoever wants it: every check
 * in the engine's words (with the keys and addresses they name), the issuer's address, the
 * public verification link, and why linked documents could not be fetched. Collapsed at first.
 */
export function TechnicalDetails({ detail, report }: { detail: CredentialDetail; report: VerificationReport | null }) {
  const { t, language } = useI18n();
  // Its web address and its identifier (a DID, a URL), when they differ.
  const issuerAddress = [...new Set([detail.issuer.url, detail.issuer.id].filter(Boolean))].join(' · ');
  const unnamedEndorsers = detail.endorsements.flatMap((e) => (!e.issuerName && e.issuerId ? [e.issuerId] : []));
  const problems = detail.linked && detail.linked.state !== 'fetched' ? detail.linked.problems : [];
  return (
    <TechnicalDisclosure>
      {/* The report's own sentence, when the visible one had to leave something out. */}
      {report && summaryHasTechnicalText(report, language) && (
        <p>
          <strong>{t('detail.fullSummary')}</strong> <ReportSummary report={report} />
        </p>
      )}
      {report && (
        <ul className="checks">
          {report.checks.map((check) => (
            <li key={check.id} className={`check check-${check.outcome}`}>
              <span aria-hidden="true">{checkMarks[check.outcome]}</span>{' '}
              <strong>
                <CheckLabel check={check} />
              </strong>
              : <CheckSentence check={check} />
            </li>
          ))}
        </ul>
      )}
      <dl className="facts">
        <Row label={t('detail.issuerAddress')} value={issuerAddress} />
        <Row label={t('detail.endorsements')} value={unnamedEndorsers.join(', ')} />
      </dl>
      {detail.share.verificationUrl && <p>{t('detail.verificationLink', { url: detail.share.verificationUrl })}</p>}
      {problems.length > 0 && (
        <ul>
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </TechnicalDisclosure>
  );
}
