import { RefusalError } from '../../../shared/contract/refusal';
import type { DetailsState, NormalizedCredential } from '../../../shared/credential/model';
import type { VerificationReport } from '../../../shared/credential/verification';
import { keptDocuments } from '../../intake/linkedDocuments';
import { turnTaker } from '../fillIn';
import { knownIds, requireVault, type SessionContext } from './context';
import { networkUseOf } from './options';
import type { SessionVerifiers } from './verifiers';

/** "Fetch details" for one credential: what it shows now, and what could not be had. */
export interface FetchedDetails {
  readonly id: string;
  readonly name?: string;
  readonly details?: DetailsState;
  readonly status: VerificationReport['status'];
  readonly problems: string[];
}

interface Refreshed {
  readonly id: string;
  readonly credential: NormalizedCredential;
  readonly report: VerificationReport;
}

/** Checking stored credentials again, with what they link to fetched again first when allowed. */
export class CredentialDetails {
  constructor(
    private readonly context: SessionContext,
    private readonly verifiers: SessionVerifiers,
  ) {}

  /**
   * "Check again": online (the setting allows it, or the user said yes), what the credential
   * links to is fetched again first and the credential updated with it; offline, it is checked
   * with the documents it keeps, each with its date.
   */
  async recheck(id: string, online = false): Promise<VerificationReport> {
    const vault = requireVault(this.context);
    const entry = vault.find(id);
    const credential = entry ? vault.get(entry.id) : null;
    if (!entry || !credential) throw new RefusalError('No such credential in this wallet.');
    if (this.verifiers.fetchAllowed(online)) {
      const [refreshed] = await this.refresh([entry.id], online, true);
      if (refreshed) return refreshed.report;
    }
    const report = await this.verifiers.offlineVerifierFor(credential).verify(credential);
    vault.setVerification(credential.identity, report);
    return report;
  }

  /**
   * "Fetch details": what these credentials link to, fetched now at the user's request (the
   * click is their yes, whatever the setting: "offline only" offers this one-click fetch), kept
   * with each, and each checked again with what came.
   */
  async fetch(ids: readonly string[]): Promise<FetchedDetails[]> {
    const known = knownIds(requireVault(this.context), ids);
    const online = networkUseOf(this.context.options) !== 'offline';
    const refreshed = await this.refresh(known, online, true);
    return refreshed.map(({ id, credential, report }) => ({
      id,
      ...(credential.name ? { name: credential.name } : {}),
      ...(credential.linked ? { details: credential.linked.state } : {}),
      status: report.status,
      problems: credential.linked?.problems ?? [],
    }));
  }

  /**
   * Fetches again what stored credentials link to (all side by side, at most 4 requests per
   * host), then, in order, checks each with those documents and keeps it. The new copy replaces
   * the stored one even when it checks worse (a badge revoked since must show as revoked): it is
   * the same credential, seen with newer documents. A fetch that fails keeps the older copy.
   */
  private async refresh(ids: readonly string[], online: boolean, fetch: boolean): Promise<Refreshed[]> {
    const vault = requireVault(this.context);
    const fillIn = this.verifiers.fillInFor(fetch);
    const verifier = this.verifiers.verifierFor(online, { documents: fillIn.documents });
    const work = ids.map((id) => {
      const stored = vault.get(id);
      if (!stored) throw new RefusalError(`No credential with ID "${id}" in this wallet.`);
      return { id, stored, filled: fillIn.fill(stored, keptDocuments(stored), true).catch(() => stored) };
    });
    const results: Refreshed[] = [];
    const takeTurn = turnTaker();
    for (const { id, stored, filled } of work) {
      await takeTurn();
      const credential = await filled;
      const report = await verifier.verify(credential);
      if (credential.contentHash !== stored.contentHash) {
        vault.put(credential);
        this.context.forgetThumbnail(id);
      }
      vault.setVerification(credential.identity, report);
      results.push({ id, credential, report });
    }
    return results;
  }
}
