import type { PageFetch } from '../../shared/contract/verifierPage';
import type { VerificationCheck } from '../../shared/credential/verification';
import { checkLabelIn } from '../../shared/credential/verificationMessages';
import type { Language } from '../../shared/preferences';
import { fetchKey, type PageWords } from './pageWords';

interface Props {
  readonly fetches: readonly PageFetch[];
  /** Every check shown on the page, to name the ones a refused request left unmade. */
  readonly checks: readonly VerificationCheck[];
  readonly language: Language;
  readonly w: PageWords;
}

/** The checks that used this address: by their evidence, or by naming it in their sentence. */
function checksOf(url: string, checks: readonly VerificationCheck[], language: Language): string[] {
  const names = checks.filter((check) => check.evidence?.url === url || check.sentence.includes(url)).map((check) => checkLabelIn(check, language));
  return [...new Set(names)];
}

/** Every request the checks made from this browser, what became of it, and which checks could not be made. */
export function FetchList({ fetches, checks, language, w }: Props) {
  return (
    <section className="fetches" aria-labelledby="fetches-heading">
      <h2 id="fetches-heading">{w('fetches')}</h2>
      {fetches.length === 0 ? (
        <p>{w('noFetches')}</p>
      ) : (
        <ul>
          {fetches.map((fetch, index) => {
            const unmade = fetch.outcome === 'answered' ? [] : checksOf(fetch.url, checks, language);
            // The issuer's DID configuration adds a check only when it can be read: say what its absence leaves open.
            const webSite = fetch.outcome !== 'answered' && unmade.length === 0 && fetch.url.endsWith('/.well-known/did-configuration.json');
            return (
              <li key={`${fetch.url}-${String(index)}`} className={`fetch fetch-${fetch.outcome}`}>
                <span className="wrap url">{fetch.url}</span>: {w(fetchKey(fetch.outcome), { status: fetch.status ?? '' })}
                {unmade.length > 0 && <span className="unmade"> ({w('checksNotMade', { checks: unmade.join(', ') })})</span>}
                {webSite && <span className="unmade"> ({w('webSiteNotChecked')})</span>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
