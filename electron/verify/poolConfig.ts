import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DocumentsMap, StaticDocuments, type DocumentSource, type LocalDocument } from './documents';
import { bundledRegistries, readRegistry, RegistryFormatError, type IssuerRegistry } from './issuerRegistries';
import { createVerifier, type Verifier } from './verifier';
import { msg } from '../../shared/credential/verificationMessages';

/**
 * Verifier settings that can cross a thread boundary (plain data): each worker builds its
 * own verifier, documents source and caches from them.
 */
export interface PoolConfig {
  readonly network: 'offline' | 'allowed';
  /** ISO 8601; the time of each check when absent. */
  readonly now?: string;
  readonly ownerEmails?: readonly string[];
  readonly allowPrivateNetworkForTests?: boolean;
  /** --documents map files (URL/DID -> file, relative to the map). */
  readonly documentsMapFiles?: readonly string[];
  /** In-memory documents by URL (JSON text or values). */
  readonly documents?: Readonly<Record<string, unknown>>;
  /**
   * Documents already obtained for this batch (filled in before verifying: `badgefolio verify`),
   * with where they came from and when: used after the maps, so nothing is fetched twice.
   */
  readonly obtainedDocuments?: Readonly<Record<string, LocalDocument>>;
  /** The user's own known-issuer registries (files in the DCC format), consulted before the bundled ones. */
  readonly registryFiles?: readonly string[];
}

/** The user's registries (first, in the order given), then the bundled DCC registries. */
export function registriesFromConfig(config: PoolConfig): readonly IssuerRegistry[] {
  const own = (config.registryFiles ?? []).map((file) => {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      throw new RegistryFormatError(msg('registryFile.notJson', { name: file }));
    }
    return readRegistry(value, path.basename(file));
  });
  return [...own, ...bundledRegistries];
}

class CombinedDocuments implements DocumentSource {
  constructor(private readonly sources: readonly DocumentSource[]) {}
  lookup(url: string): ReturnType<DocumentSource['lookup']> {
    for (const source of this.sources) {
      const found = source.lookup(url);
      if (found) return found;
    }
    return undefined;
  }
}

export function documentsFromConfig(config: PoolConfig): DocumentSource | undefined {
  const sources: DocumentSource[] = [];
  if (config.documents) sources.push(new StaticDocuments(config.documents));
  for (const file of config.documentsMapFiles ?? []) sources.push(DocumentsMap.fromFile(file));
  const obtained = config.obtainedDocuments;
  if (obtained && Object.keys(obtained).length > 0) sources.push({ lookup: (url) => (Object.hasOwn(obtained, url) ? obtained[url] : undefined) });
  return sources.length === 0 ? undefined : new CombinedDocuments(sources);
}

export function verifierFromConfig(config: PoolConfig): Verifier {
  const documents = documentsFromConfig(config);
  return createVerifier({
    network: config.network,
    ...(documents ? { documents } : {}),
    ...(config.now ? { now: new Date(config.now) } : {}),
    ownerEmails: config.ownerEmails ?? [],
    allowPrivateNetworkForTests: config.allowPrivateNetworkForTests === true,
    registries: registriesFromConfig(config),
  });
}
