import type { CheckedCredential } from '../../shared/contract/verifierPage';
import type { Language } from '../../shared/preferences';
import { checkLabelIn, checkSentenceIn, summaryIn } from '../../shared/credential/verificationMessages';
import { identityLabel, identitySentence } from '../src/credentials/issuerIdentityWords';
import { statusWordKey } from '../src/credentials/statusWords';
import { selfReportedEntry } from '../../shared/credential/proofChecks';
import type { Translate } from '../src/i18n/translate';
import { formatDate } from '../src/wallet/formatDate';
import type { PageWords } from './pageWords';

interface Props {
  readonly checked: CheckedCredential;
  readonly nested: readonly CheckedCredential[];
  readonly language: Language;
  readonly t: Translate;
  readonly w: PageWords;
  /** Heading level of the credential's name: 2 on its own, 3 inside a PDF's list. */
  readonly level?: 2 | 3;
}

const outcomeMark = { passed: '✓', failed: '✗', skipped: '–' } as const;

function recipientText(checked: CheckedCredential, w: PageWords): string | undefined {
  const recipient = checked.credential.recipient;
  if (!recipient) return undefined;
  if (recipient.name) return recipient.name;
  if (recipient.hashed) return w('recipientHashed');
  return recipient.identity;
}

/**
 * One credential as an employer needs it: the verdict first (the app's status word and its
 * sentence), who issued it and how sure that is, then what it says, then each check in plain words.
 */
export function CredentialView({ checked, nested, language, t, w, level = 2 }: Props) {
  const { credential, report } = checked;
  const Heading = level === 2 ? 'h2' : 'h3';
  const recipient = recipientText(checked, w);
  const dates: [string, string | undefined][] = [
    [w('issued'), credential.issuedOn],
    [w('validFrom'), credential.validFrom !== credential.issuedOn ? credential.validFrom : undefined],
    [w('expires'), credential.expires],
  ];
  const identity = report.issuerIdentity;
  return (
    <article className={`credential status-${report.status}`} aria-label={credential.name}>
      <Heading className="credential-name">{credential.name}</Heading>
      <p className="verdict">
        <span className="status-word" data-status={report.status}>
          {t(statusWordKey(report.status, selfReportedEntry(report.checks)))}
        </span>{' '}
        <span className="summary">{summaryIn(report, language)}</span>
      </p>
      <dl className="facts">
        <div className="pair">
          <dt>{w('issuer')}</dt>
          <dd>
            {identity?.level === 'registry' && identity.name ? identity.name : (credential.issuer.name ?? credential.issuer.id ?? '')}
            {identity && (
              <>
                <span className={`identity identity-${identity.level}`}> · {identityLabel(identity, t)}</span>
                <span className="identity-sentence">{identitySentence(identity, report.status, t, language)}</span>
              </>
            )}
          </dd>
        </div>
        {recipient !== undefined && (
          <div className="pair">
            <dt>{w('recipient')}</dt>
            <dd className="wrap">{recipient}</dd>
          </div>
        )}
        {credential.description && (
          <div className="pair">
            <dt>{w('achievement')}</dt>
            <dd>{credential.description}</dd>
          </div>
        )}
        {dates.map(([label, iso]) =>
          iso ? (
            <div key={label} className="pair">
              <dt>{label}</dt>
              <dd>{formatDate(iso, language)}</dd>
            </div>
          ) : null,
        )}
        {credential.skills.length > 0 && (
          <div className="pair">
            <dt>{w('skills')}</dt>
            <dd>
              <ul className="skills">
                {credential.skills.map((skill) => (
                  <li key={`${skill.name}-${skill.code ?? ''}`}>{skill.name}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      <details className="checks">
        <summary>{w('checks')}</summary>
        <ul>
          {report.checks.map((check, index) => (
            <li key={`${check.id}-${String(index)}`} className={`check outcome-${check.outcome}`}>
              <span aria-hidden="true" className="mark">
                {outcomeMark[check.outcome]}
              </span>{' '}
              <strong>{checkLabelIn(check, language)}:</strong> <span className="wrap">{checkSentenceIn(check, language)}</span>
            </li>
          ))}
        </ul>
      </details>
      {nested.length > 0 && (
        <section className="nested" aria-label={w('nested')}>
          <h3>{w('nested')}</h3>
          {nested.map((child) => (
            <CredentialView key={child.credential.identity} checked={child} nested={[]} language={language} t={t} w={w} level={3} />
          ))}
        </section>
      )}
    </article>
  );
}

/** Top-level credentials, each with the ones a transcript (CLR) carries listed under it. */
export function groupNested(all: readonly CheckedCredential[]): { top: CheckedCredential; nested: CheckedCredential[] }[] {
  const identities = new Set(all.map((c) => c.credential.identity));
  const top = all.filter((c) => c.credential.parentIdentity === undefined || !identities.has(c.credential.parentIdentity));
  return top.map((parent) => ({ top: parent, nested: all.filter((c) => c.credential.parentIdentity === parent.credential.identity && c !== parent) }));
}
