import type { DetailsState } from '../../shared/credential/model';
import { walletWords, type WalletWords } from './walletWords';

/**
 * How the command line speaks of a credential's name: never a made-up one. Kept apart from the
 * documents code (linkedDetails.ts) because every wallet command shows names, and loading the
 * format readers for that alone would slow each of them down.
 */

/** What naming needs of a credential: a full one, or what `inspect` and the wallet list hold of it. */
interface Named {
  readonly name: string;
  readonly format: string;
  readonly linked?: { readonly state: DetailsState } | undefined;
}

export const detailsWords: Readonly<Record<DetailsState, string>> = {
  fetched: '',
  'not-fetched': 'details not fetched yet',
  incomplete: 'details incomplete',
};

/**
 * The credential's name for a person reading the command's output, or null when it has none:
 * an Open Badges 2.0 badge whose name lives at its issuer and was not had, or a certificate
 * that names itself nowhere. Never a made-up name.
 */
export function knownName(credential: Named): string | null {
  const name = credential.name.trim();
  return name === '' ? null : name;
}

/**
 * What stands in a table's name column for a credential without a name: why it has none. Only
 * an Open Badges 2.0 badge has its name elsewhere (its BadgeClass): other credentials that link
 * to documents (a Blockcerts issuer profile, a status list) get no name from them.
 */
export function nameOrWhy(credential: Named, say: Pick<WalletWords, 'detailsNotFetched' | 'detailsIncomplete' | 'untitled'> = walletWords('en')): string {
  const name = knownName(credential);
  if (name !== null) return name;
  const state = credential.format === 'ob2' ? credential.linked?.state : undefined;
  if (state === 'not-fetched') return say.detailsNotFetched;
  if (state === 'incomplete') return say.detailsIncomplete;
  return say.untitled;
}
