import { isBlockcertsIssuerProfile } from '../intake/formats/blockcert';
import { idOf } from '../intake/formats/jsonLdValues';
import { defaultIntakeLimits } from '../intake/limits';
import { isRecord, parseJsonSafely } from '../intake/safeJson';
import { DocumentsMap, type DocumentSource, type LocalDocument } from '../verify/documents';
import { UsageError } from './command';

/**
 * What `badgefolio import` and `badgefolio verify` share about the documents credentials link
 * to: the user's documents maps and issuer profiles given among the files (credentialNames.ts
 * says how a credential without a name is shown). Both fill credentials in through one
 * routine, core/fillIn.ts; this is only how the command line feeds it.
 */

/** Every `--documents MAP` given, merged (later maps win); a map that is not one is a usage error. */
export function readDocumentsMaps(files: readonly string[]): DocumentsMap | undefined {
  let combined: DocumentsMap | undefined;
  for (const file of files) {
    let map: DocumentsMap;
    try {
      map = DocumentsMap.fromFile(file);
    } catch (error) {
      throw new UsageError(`The documents map ${file} cannot be used: ${error instanceof Error ? error.message : String(error)}`);
    }
    combined = combined ? combined.merge(map) : map;
  }
  return combined;
}

/**
 * Blockcerts issuer profiles the user gave among the files: not credentials themselves, but the
 * documents the certificates beside them name as their issuer. Looked up by the profile's own
 * id (its published address), after the user's documents maps, as documents the user supplied.
 */
export class GivenIssuerProfiles implements DocumentSource {
  private readonly profiles = new Map<string, string>();

  /** Keeps the file if it is a Blockcerts issuer profile with a web address as its id. */
  add(bytes: Uint8Array): boolean {
    let json: unknown;
    let body: string;
    try {
      body = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
      json = parseJsonSafely(body, defaultIntakeLimits);
    } catch {
      return false;
    }
    if (!isRecord(json) || !isBlockcertsIssuerProfile(json)) return false;
    const id = idOf(json);
    if (id === undefined || !/^https:\/\/\S+$/i.test(id)) return false;
    // The first one given for an address stands: a later file does not silently replace it.
    if (!this.profiles.has(id)) this.profiles.set(id, body);
    return true;
  }

  get size(): number {
    return this.profiles.size;
  }

  lookup(url: string): LocalDocument | undefined {
    const body = this.profiles.get(url.trim());
    return body === undefined ? undefined : { body };
  }
}

/** The user's documents maps first, then the issuer profiles given among the files. */
export function suppliedDocuments(maps: DocumentSource | undefined, profiles: GivenIssuerProfiles): DocumentSource | undefined {
  if (profiles.size === 0) return maps;
  if (!maps) return profiles;
  return {
    lookup: (url) => maps.lookup(url) ?? profiles.lookup(url),
    lookupBytes: (url) => maps.lookupBytes?.(url),
  };
}
