import { RefusalError } from '../../../shared/contract/refusal';
import type { NormalizedCredential } from '../../../shared/credential/model';
import { keptDocuments } from '../../intake/linkedDocuments';
import type { DocumentSource } from '../../verify/documents';
import type { FetchCache } from '../../verify/fetchCache';
import type { SafeFetchOptions } from '../../verify/safeFetch';
import { createVerifier, type Verifier } from '../../verify/verifier';
import type { DocumentsBeside } from '../documentsBeside';
import { FillIn, keptCache } from '../fillIn';
import type { IssuerRegistryStore } from '../issuerRegistryStore';
import { VaultFetchCache } from '../vaultFetchCache';
import type { SessionContext } from './context';
import { networkUseOf } from './options';

/** Progress of fetching what imported credentials link to: documents done of those asked for. */
export interface DetailsProgress {
  readonly done: number;
  readonly total: number;
}

/** Progress goes to the window at most this often (and once at the end). */
const progressIntervalMs = 100;

/**
 * How the session reaches the network and checks credentials: the user's network setting,
 * the wallet's dated cache of fetched documents, the issuer registries, and the progress of
 * fetches the window hears about. Every verifier and fill-in of the session is made here.
 */
export class SessionVerifiers {
  readonly fetchCache: VaultFetchCache;
  private readonly progressListeners = new Set<(progress: DetailsProgress) => void>();

  constructor(
    private readonly context: SessionContext,
    private readonly registryStore: IssuerRegistryStore,
  ) {
    this.fetchCache = new VaultFetchCache(() => context.current());
  }

  /** Hears the progress of fetching what imported credentials link to (the shell sends it to the window). */
  onDetailsProgress(listener: (progress: DetailsProgress) => void): () => void {
    this.progressListeners.add(listener);
    return () => {
      this.progressListeners.delete(listener);
    };
  }

  /** Progress, at most every 100 ms and when the last document is in: never a flood of events. */
  private progressReporter(): (progress: DetailsProgress) => void {
    let last = 0;
    return (progress) => {
      const now = performance.now();
      if (progress.done < progress.total && now - last < progressIntervalMs) return;
      last = now;
      for (const listener of [...this.progressListeners]) listener(progress);
    };
  }

  fetchOptions(): SafeFetchOptions {
    const options = this.context.options;
    return {
      ...options.fetchOptions,
      ...(options.testNetwork ? { testNetwork: options.testNetwork } : {}),
      allowPrivateNetworkForTests: options.allowPrivateNetworkForTests === true,
    };
  }

  /**
   * Whether what credentials link to may be fetched now: the setting "allowed", or the user
   * just said yes (`online`, with "ask"). With "offline only" an online request is refused.
   */
  fetchAllowed(online: boolean): boolean {
    const use = networkUseOf(this.context.options);
    if (online && use === 'offline') throw new RefusalError('Checking online is turned off in Settings.');
    return online || use === 'allowed';
  }

  fillInFor(fetch: boolean, beside?: DocumentsBeside): FillIn {
    return new FillIn({ fetch, ...(beside ? { documents: beside } : {}), cache: this.fetchCache, fetchOptions: this.fetchOptions(), onProgress: this.progressReporter() });
  }

  /**
   * A verifier for one check. Offline unless the user's setting allows the network (or, with
   * "ask", the user just said yes); either way it reads and fills the wallet's dated cache.
   */
  verifierFor(online: boolean, sources: { documents?: DocumentSource; cache?: FetchCache } = {}): Verifier {
    const options = this.context.options;
    return createVerifier({
      network: this.fetchAllowed(online) ? 'allowed' : 'offline',
      cache: sources.cache ?? this.fetchCache,
      // What this import or check already obtained (with origin and date): never fetched twice.
      ...(sources.documents ? { documents: sources.documents } : {}),
      registries: this.context.current() ? this.registryStore.registries() : undefined,
      ownerEmails: options.ownerEmails?.() ?? [],
      allowPrivateNetworkForTests: options.allowPrivateNetworkForTests === true,
      fetchOptions: this.fetchOptions(),
    });
  }

  /** Offline, a credential is checked with the documents it keeps (dated), then the wallet's cache. */
  offlineVerifierFor(credential: NormalizedCredential): Verifier {
    return this.verifierFor(false, { cache: keptCache(keptDocuments(credential), this.fetchCache) });
  }
}
