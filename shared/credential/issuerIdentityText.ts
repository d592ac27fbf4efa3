import type { IssuerIdentity } from './verification';
import type { VerificationStatus } from './verdictOrder';

/**
 * Who stands behind a credential, in the few plain English words that the portfolio PDF and
 * the command line print beside its status, for job seekers and employers: which registry
 * lists the issuer, which web domain publishes its key, or that nothing confirms it. No DIDs,
 * no URLs: a domain name at most. (The app words the same in the reader's language.)
 */

/** What ties the key to the name, as much as a reader needs: the fields the words are made from. */
export type IdentityGist = Pick<IssuerIdentity, 'level' | 'name' | 'source' | 'asOf'> & { readonly test?: boolean | undefined; readonly claimedName?: string | undefined };

/** Statuses whose signature held: for these, an unconfirmed name is the signer's own claim. */
const signatureHeld: ReadonlySet<string> = new Set<VerificationStatus>(['verified', 'expired', 'revoked', 'not-yet-valid']);

/** "DCC Member Registry" reads with "the"; a list the user added, named by its file ("acme.json"), without. */
export function registryName(source: string | null): string {
  if (source === null || source.trim() === '') return 'a registry';
  return /\.[a-z0-9]{2,5}$/i.test(source) || /^the\s/i.test(source) ? source : `the ${source}`;
}

/**
 * The short phrase: "listed in the DCC Member Registry", "key published at credly.com",
 * "seal on the EU trust list", "not confirmed".
 */
export function identityPhrase(identity: IdentityGist): string {
  switch (identity.level) {
    case 'registry':
      return `listed in ${registryName(identity.source)}${identity.test ? ', a registry of test issuers' : ''}`;
    case 'domain':
      return identity.source ? `key published at ${identity.source}` : 'key published on the web';
    case 'trust-list':
      return 'seal on the EU trust list';
    case 'unconfirmed':
      return 'not confirmed';
  }
}

/**
 * The line under a credential's status: "Issuer: listed in the DCC Member Registry (as of
 * 9 May 2025)", "Issuer: key published at credly.com", "Issuer: not confirmed — the name is the
 * issuer's own claim". `formatDate` writes the registry's date as the document does.
 */
export function identityLine(identity: IdentityGist, status: string, formatDate: (iso: string) => string | undefined): string {
  switch (identity.level) {
    case 'registry': {
      const listedName = identity.name && identity.claimedName ? ` as “${identity.name}”` : '';
      const date = identity.asOf ? formatDate(identity.asOf) : undefined;
      const test = identity.test ? ', a registry of test issuers' : '';
      return `Issuer: listed${listedName} in ${registryName(identity.source)}${test}${date ? ` (as of ${date})` : ''}`;
    }
    case 'domain':
    case 'trust-list':
      return `Issuer: ${identityPhrase(identity)}`;
    case 'unconfirmed':
      return identity.name && signatureHeld.has(status) ? "Issuer: not confirmed — the name is the issuer's own claim" : 'Issuer: not confirmed';
  }
}

/** How many issuers were confirmed each way (test registries apart), for a summary in any language. */
export function identityTally(identities: readonly IdentityGist[]): Record<'registry' | 'test' | 'domain' | 'trust-list' | 'unconfirmed', number> {
  const tally = { registry: 0, test: 0, domain: 0, 'trust-list': 0, unconfirmed: 0 };
  for (const identity of identities) {
    if (identity.level === 'registry' && identity.test) tally.test++;
    else tally[identity.level]++;
  }
  return tally;
}
