import { RefusalError } from '../../../shared/contract/refusal';
import type { IssuerRegistries } from '../../../shared/credential/issuerRegistryView';
import { RegistryFormatError } from '../../verify/issuerRegistries';
import { safeFetch } from '../../verify/safeFetch';
import { IssuerRegistryStore } from '../issuerRegistryStore';
import { requireVault, type SessionContext } from './context';
import { networkUseOf } from './options';

/** Settings › Issuer registries: the lists of known issuers the wallet keeps, and their refresh. */
export class SessionRegistries {
  readonly store: IssuerRegistryStore;

  constructor(private readonly context: SessionContext) {
    this.store = new IssuerRegistryStore(() => context.current());
  }

  list(): IssuerRegistries {
    requireVault(this.context);
    return { registries: this.store.list(), lastRefresh: this.store.lastRefresh() };
  }

  add(fileName: string, bytes: Uint8Array): IssuerRegistries {
    return this.change(() => {
      this.store.add(fileName, bytes);
    });
  }

  remove(name: string): IssuerRegistries {
    return this.change(() => {
      this.store.remove(name);
    });
  }

  /** A change to the registries kept; one that is not a registry is refused with why. */
  private change(apply: () => void): IssuerRegistries {
    requireVault(this.context);
    try {
      apply();
    } catch (error) {
      if (error instanceof RegistryFormatError) throw new RefusalError(error.message, error.said);
      throw error;
    }
    return this.list();
  }

  /** "Refresh now": the DCC registries fetched from where they are published (network use must not be off). */
  async refresh(): Promise<IssuerRegistries & { updated: string[]; failed: { name: string; reason: string }[] }> {
    requireVault(this.context);
    if (networkUseOf(this.context.options) === 'offline') throw new RefusalError('Checking online is turned off in Settings.');
    const result = await this.store.refresh((url) => safeFetch(url, this.fetchOptions()));
    return { ...this.list(), updated: [...result.updated], failed: result.failed.map((f) => ({ ...f })) };
  }

  private fetchOptions() {
    return { maxBytes: 2 * 1024 * 1024, allowPrivateNetworkForTests: this.context.options.allowPrivateNetworkForTests === true };
  }

  /** After unlock, where network use is allowed: a weekly refresh in the background; failures keep the copy in hand. */
  refreshWhenDue(): void {
    if (!this.context.current() || networkUseOf(this.context.options) !== 'allowed') return;
    try {
      if (!this.store.refreshDue()) return;
    } catch {
      return; // an unreadable registries file is the wallet check's to report
    }
    this.store.refresh((url) => safeFetch(url, this.fetchOptions())).catch(() => undefined);
  }
}
