import dccCommunity from './registries/dcc-community.json';
import dccMember from './registries/dcc-member.json';
import dccPilot from './registries/dcc-pilot.json';
import dccSandbox from './registries/dcc-sandbox.json';
import { isRecord } from '../../shared/jsonValue';
import type { VerificationMessage } from '../../shared/credential/verification';
import { englishOf, msg } from '../../shared/credential/verificationMessages';

/**
 * Known-issuer registries: lists of issuer DIDs with the organisation behind each, kept by a
 * governing body. A DID on such a list is the strongest tie between a key and a name that an
 * offline check can make. The format is the one the Digital Credentials Consortium publishes
 * (`{meta: {created, updated}, registry: {DID: {name, location, url}}}`, read by its
 * issuer-registry-client as "dcc-legacy"); an employer's or a consortium's own list in the same
 * format is accepted too (Settings, `badgefolio verify --registry FILE`).
 *
 * Bundled: dated snapshots of the DCC's four public registries (registries/, MIT-licensed data
 * from the digitalcredentials/{dcc-registry, dcc-pilot-registry, community-registry,
 * sandbox-registry} repositories), most authoritative first. The Sandbox lists test issuers:
 * a credential found only there is from a test issuer, and the report says so.
 */
export interface RegistryEntry {
  readonly name: string;
  readonly location?: string;
  readonly url?: string;
}

export interface IssuerRegistry {
  /** How the report names it: "DCC Member Registry". */
  readonly name: string;
  /** Where it is published, for refreshing it online; absent for a list the user added from a file. */
  readonly url?: string;
  /** The list's own date (its meta.updated), ISO 8601; null when it gives none. */
  readonly asOf: string | null;
  /** A list of test issuers (the DCC Sandbox). */
  readonly test: boolean;
  /**
   * A copy bundled with Badgefolio, not fetched: the report calls it a snapshot of its date
   * ("DCC Member Registry (snapshot of 2025-05-09)"), since the registry may have changed since.
   */
  readonly snapshot?: boolean;
  readonly entries: ReadonlyMap<string, RegistryEntry>;
}

export interface RegistryMatch {
  readonly registry: IssuerRegistry;
  readonly did: string;
  readonly entry: RegistryEntry;
}

/** A registry file refused, with why: in English, and as a message the app shows in its language. */
export class RegistryFormatError extends Error {
  override readonly name = 'RegistryFormatError';
  constructor(readonly said: VerificationMessage) {
    super(englishOf(said));
  }
}

/** Reads a registry in the DCC format; a list that is not one is refused with the reason. */
export function readRegistry(value: unknown, name: string, options: { url?: string; test?: boolean; snapshot?: boolean } = {}): IssuerRegistry {
  if (!isRecord(value) || !isRecord(value.registry)) throw new RegistryFormatError(msg('registryFile.notARegistry', { name }));
  const entries = new Map<string, RegistryEntry>();
  for (const [did, entry] of Object.entries(value.registry)) {
    if (!did.startsWith('did:') || !isRecord(entry) || typeof entry.name !== 'string' || entry.name.trim() === '') continue;
    entries.set(did, {
      name: entry.name.trim(),
      ...(typeof entry.location === 'string' ? { location: entry.location } : {}),
      ...(typeof entry.url === 'string' ? { url: entry.url } : {}),
    });
  }
  if (entries.size === 0) throw new RegistryFormatError(msg('registryFile.noIssuers', { name }));
  const meta = isRecord(value.meta) ? value.meta : {};
  const updated = typeof meta.updated === 'string' && !Number.isNaN(Date.parse(meta.updated)) ? new Date(meta.updated).toISOString() : null;
  return { name, ...(options.url ? { url: options.url } : {}), asOf: updated, test: options.test === true, ...(options.snapshot ? { snapshot: true } : {}), entries };
}

/** The DCC registries as bundled, most authoritative first. */
export const bundledRegistries: readonly IssuerRegistry[] = [
  readRegistry(dccMember, 'DCC Member Registry', { url: 'https://digitalcredentials.github.io/dcc-registry/registry.json', snapshot: true }),
  readRegistry(dccPilot, 'DCC Pilot Registry', { url: 'https://digitalcredentials.github.io/dcc-pilot-registry/registry.json', snapshot: true }),
  readRegistry(dccCommunity, 'DCC Community Registry', { url: 'https://digitalcredentials.github.io/community-registry/registry.json', snapshot: true }),
  readRegistry(dccSandbox, 'DCC Sandbox Registry', { url: 'https://digitalcredentials.github.io/sandbox-registry/registry.json', test: true, snapshot: true }),
];

/**
 * The first registry, in order, that lists one of the DIDs. The user's own lists come first:
 * they chose them for their own purpose (an employer's list of accepted universities).
 */
export function findInRegistries(registries: readonly IssuerRegistry[], dids: readonly string[]): RegistryMatch | undefined {
  for (const registry of registries) {
    for (const did of dids) {
      const entry = registry.entries.get(did);
      if (entry) return { registry, did, entry };
    }
  }
  return undefined;
}
