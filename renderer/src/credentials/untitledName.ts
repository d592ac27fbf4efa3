import type { DetailsState } from '../../../shared/credential/model';
import type { Translate } from '../i18n/translate';

/**
 * Why a credential has no name of its own, as the key that says so. Only a credential whose
 * linked details (an OB 2.0 badge's name at its issuer) were not fetched, or could not all be
 * had, says "Details not fetched yet" / "Details incomplete": telling a user to fetch details
 * of a credential that links to nothing would send them looking for a button that does nothing.
 * Anything else without a name (a Blockcerts certificate, a VC with no title) is "untitled".
 */
export function untitledKey(details: DetailsState | undefined): 'details.notFetched' | 'details.incomplete' | 'details.untitled' {
  if (details === 'not-fetched') return 'details.notFetched';
  if (details === 'incomplete') return 'details.incomplete';
  return 'details.untitled';
}

/** The name to show: the credential's own, else what is true about its absence, in the reader's language. */
export function displayName(name: string | undefined, details: DetailsState | undefined, t: Translate): string {
  return name !== undefined && name !== '' ? name : t(untitledKey(details));
}
