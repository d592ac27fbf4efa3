import type { IssuerRegistryView } from '../../shared/credential/issuerRegistryView';
import type { Vault } from '../vault/vault';
import { bundledRegistries, readRegistry, RegistryFormatError, type IssuerRegistry } from '../verify/issuerRegistries';
import type { FetchResult } from '../verify/safeFetch';
import { isRecord } from '../../shared/jsonValue';
import { msg } from '../../shared/credential/verificationMessages';

/**
 * The known-issuer registries a wallet consults, kept in the wallet beside the credentials:
 * - the lists the user added (an employer's, a consortium's), first: chosen for a purpose;
 * - the DCC registries, as last refreshed online when that is newer than the bundled snapshot,
 *   else as bundled. A refresh that fails or gives something that is not a registry changes
 *   nothing: the copy in hand stays.
 * Which lists someone consults says where they studied or apply: the file is encrypted.
 */

/** A registry file larger than this is refused (the DCC's largest is under 100 kB). */
export const maxRegistryBytes = 2 * 1024 * 1024;
/** Enough for any employer; a cap so that a mistaken folder of files does not fill the wallet. */
const maxOwnRegistries = 20;
/** The DCC registries change a few times a year: refresh at most weekly unless asked. */
export const registryRefreshInterval = 7 * 24 * 60 * 60 * 1000;

interface OwnEntry {
  readonly name: string;
  readonly addedAt: string;
  readonly document: unknown;
}

interface RefreshedEntry {
  readonly url: string;
  readonly fetchedAt: string;
  readonly document: unknown;
}

interface StoredRegistries {
  readonly own: readonly OwnEntry[];
  readonly refreshed: readonly RefreshedEntry[];
  readonly lastRefresh: string | null;
}

const emptyStore: StoredRegistries = { own: [], refreshed: [], lastRefresh: null };

export interface RefreshResult {
  /** Registries now newer than before. */
  readonly updated: readonly string[];
  /** Registries that could not be refreshed, with why (the copy in hand stays). */
  readonly failed: readonly { readonly name: string; readonly reason: string }[];
}

/** A name for a registry file: its file name without folders, never empty. */
function registryNameOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop()?.trim() ?? '';
  return base === '' ? 'registry.json' : base.slice(0, 120);
}

export class IssuerRegistryStore {
  private cached: StoredRegistries | null = null;

  constructor(private readonly vault: () => Vault | null) {}

  private read(): StoredRegistries {
    if (this.cached) return this.cached;
    const vault = this.vault();
    if (!vault) return emptyStore;
    const bytes = vault.readDocument('issuer-registries');
    let stored = emptyStore;
    if (bytes) {
      const json: unknown = JSON.parse(bytes.toString('utf8'));
      if (isRecord(json)) {
        stored = {
          own: Array.isArray(json.own) ? (json.own as OwnEntry[]).filter((e) => isRecord(e) && typeof e.name === 'string' && typeof e.addedAt === 'string') : [],
          refreshed: Array.isArray(json.refreshed)
            ? (json.refreshed as RefreshedEntry[]).filter((e) => isRecord(e) && typeof e.url === 'string' && typeof e.fetchedAt === 'string')
            : [],
          lastRefresh: typeof json.lastRefresh === 'string' ? json.lastRefresh : null,
        };
      }
    }
    this.cached = stored;
    return stored;
  }

  private write(next: StoredRegistries): void {
    const vault = this.vault();
    if (!vault) throw new Error('The wallet is locked.');
    vault.writeDocument('issuer-registries', Buffer.from(JSON.stringify(next)));
    this.cached = next;
  }

  /** Forgets what was read: the next wallet unlocked reads its own. */
  clear(): void {
    this.cached = null;
  }

  /** The registries to consult, in order: the user's own, then the DCC's (refreshed or bundled). */
  registries(): readonly IssuerRegistry[] {
    const stored = this.read();
    const own = stored.own.flatMap((entry) => {
      try {
        return [readRegistry(entry.document, entry.name)];
      } catch {
        return []; // accepted when added; a list that no longer reads is skipped, not fatal
      }
    });
    return [...own, ...this.dcc(stored).map((d) => d.registry)];
  }

  private dcc(stored: StoredRegistries): { registry: IssuerRegistry; fetchedAt: string | null }[] {
    return bundledRegistries.map((bundled) => {
      const refreshed = stored.refreshed.find((r) => r.url === bundled.url);
      if (!refreshed) return { registry: bundled, fetchedAt: null };
      try {
        const registry = readRegistry(refreshed.document, bundled.name, { ...(bundled.url ? { url: bundled.url } : {}), test: bundled.test });
        return { registry, fetchedAt: refreshed.fetchedAt };
      } catch {
        return { registry: bundled, fetchedAt: null };
      }
    });
  }

  /** What Settings shows. */
  list(): IssuerRegistryView[] {
    const stored = this.read();
    const own: IssuerRegistryView[] = stored.own.map((entry) => {
      let registry: IssuerRegistry | undefined;
      try {
        registry = readRegistry(entry.document, entry.name);
      } catch {
        registry = undefined;
      }
      return { name: entry.name, kind: 'own', asOf: registry?.asOf ?? null, issuers: registry?.entries.size ?? 0, test: false, addedAt: entry.addedAt, refreshedAt: null };
    });
    const dcc: IssuerRegistryView[] = this.dcc(stored).map(({ registry, fetchedAt }) => ({
      name: registry.name,
      kind: 'bundled',
      asOf: registry.asOf,
      issuers: registry.entries.size,
      test: registry.test,
      addedAt: null,
      refreshedAt: fetchedAt,
    }));
    return [...own, ...dcc];
  }

  /** When the DCC registries were last refreshed online (tried, whatever came of it). */
  lastRefresh(): string | null {
    return this.read().lastRefresh;
  }

  /** Adds (or replaces, by name) a list the user chose; a file that is not a registry is refused and nothing changes. */
  add(fileName: string, bytes: Uint8Array, now: Date = new Date()): IssuerRegistryView[] {
    const name = registryNameOf(fileName);
    if (bytes.length > maxRegistryBytes) throw new RegistryFormatError(msg('registryFile.tooLarge', { name }));
    if (bundledRegistries.some((b) => b.name.toLowerCase() === name.toLowerCase())) {
      throw new RegistryFormatError(msg('registryFile.bundledName', { name }));
    }
    let document: unknown;
    try {
      document = JSON.parse(Buffer.from(bytes).toString('utf8'));
    } catch {
      throw new RegistryFormatError(msg('registryFile.notJson', { name }));
    }
    readRegistry(document, name); // refuses what is not a registry, with the reason
    const stored = this.read();
    const others = stored.own.filter((entry) => entry.name !== name);
    if (others.length >= maxOwnRegistries) throw new RegistryFormatError(msg('registryFile.tooMany', { count: maxOwnRegistries }));
    this.write({ ...stored, own: [...others, { name, addedAt: now.toISOString(), document }] });
    return this.list();
  }

  remove(name: string): IssuerRegistryView[] {
    const stored = this.read();
    if (!stored.own.some((entry) => entry.name === name)) throw new RegistryFormatError(msg('registryFile.unknown', { name }));
    this.write({ ...stored, own: stored.own.filter((entry) => entry.name !== name) });
    return this.list();
  }

  /** Whether an automatic refresh is due (network use allowed is the caller's to decide). */
  refreshDue(now: Date = new Date()): boolean {
    const last = this.read().lastRefresh;
    return last === null || now.getTime() - Date.parse(last) >= registryRefreshInterval;
  }

  /**
   * Fetches the DCC registries from where they are published. A copy replaces the one in hand
   * only when it reads as a registry and is not older (by its own `meta.updated`): a stale
   * mirror or a broken answer cannot take issuers away.
   */
  async refresh(fetch: (url: string) => Promise<FetchResult>, now: Date = new Date()): Promise<RefreshResult> {
    const stored = this.read();
    const current = this.dcc(stored);
    const updated: string[] = [];
    const failed: { name: string; reason: string }[] = [];
    const refreshed = new Map(stored.refreshed.map((r) => [r.url, r]));
    await Promise.all(
      current.map(async ({ registry }) => {
        const url = registry.url;
        if (!url) return;
        try {
          const answer = await fetch(url);
          if (answer.status !== 200) throw new Error(`the server answered ${String(answer.status)}`);
          const document: unknown = JSON.parse(answer.body);
          const fresh = readRegistry(document, registry.name, { url, test: registry.test });
          if (registry.asOf !== null && (fresh.asOf === null || fresh.asOf < registry.asOf)) {
            throw new Error(`the published copy is older than the one in hand (${fresh.asOf?.slice(0, 10) ?? 'undated'})`);
          }
          refreshed.set(url, { url, fetchedAt: answer.fetchedAt, document });
          if (fresh.asOf !== registry.asOf || fresh.entries.size !== registry.entries.size) updated.push(registry.name);
        } catch (error) {
          failed.push({ name: registry.name, reason: error instanceof SyntaxError ? 'the answer is not JSON' : error instanceof Error ? error.message : String(error) });
        }
      }),
    );
    this.write({ ...this.read(), refreshed: [...refreshed.values()], lastRefresh: now.toISOString() });
    return { updated, failed };
  }
}
