import type { ConsentQuestion } from '../../shared/credential/receiving';
import type { IssuerRegistry } from '../verify/issuerRegistries';

/**
 * What the known-issuer registries say about the host asking, before anything is sent: an
 * entry whose web site (`url`) is this host, or a host under it (`badges.mit.edu` under
 * `mit.edu`), names the institution behind it. The registry vouches for the institution's
 * web site, not yet for a key: the credentials received are judged on their own signatures
 * afterwards, as every import is. Nothing found: nothing said (the host alone is shown).
 */
function siteHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

export function hostIdentity(host: string, registries: readonly IssuerRegistry[]): ConsentQuestion['issuerIdentity'] {
  const name = host
    .toLowerCase()
    .replace(/:\d+$/, '')
    .replace(/^www\./, '');
  for (const registry of registries) {
    for (const entry of registry.entries.values()) {
      const site = siteHost(entry.url);
      if (site && (name === site || name.endsWith(`.${site}`))) {
        // Parts, not a sentence: the dialog and the terminal say them in the user's language.
        return { level: 'registry', name: entry.name, source: registry.name, ...(registry.test ? { test: true } : {}), site };
      }
    }
  }
  return undefined;
}

/** The question with the host's registry finding added, where there is one. */
export function withHostIdentity(question: ConsentQuestion, registries: readonly IssuerRegistry[]): ConsentQuestion {
  if (question.issuerIdentity) return question;
  const identity = hostIdentity(question.issuerHost, registries);
  return identity ? { ...question, issuerIdentity: identity } : question;
}
