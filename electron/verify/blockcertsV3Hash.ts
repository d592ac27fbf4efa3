import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import jsonld, { type CanonizeOptions, type DocumentLoader, type RemoteDocument } from 'jsonld';
import { blockcertsContextFiles, blockcertsContextsByUrl, blockcertsSchemaReader } from './blockcertsContextFiles';
import { deepFreeze } from './bundledContexts';
import { JsonLdError, MissingContextError, type ContextLoader } from './canonize';
import type { VerificationMessage } from '../../shared/credential/verification';
import { englishOf, msg } from '../../shared/credential/verificationMessages';
import { isRecord } from './checks';

/**
 * The hash a Blockcerts v3 Merkle receipt (MerkleProof2019, DataIntegrityProof with the
 * merkle-proof-2019 cryptosuite, ChainedProof2021 over MerkleProof2019) states as its
 * targetHash, computed as the Blockcerts verifier (cert-verifier-js with
 * jsonld-signatures-merkleproof2019) computes it:
 *
 * - the credential without the proof being checked: a lone `proof` is removed; in a `proof`
 *   array, the proofs before it stay (they are what a later proof in a chain or set signed)
 *   and it and the proofs after it go;
 * - `{"@vocab": "http://fallback.org/"}` appended to the credential's @context (unless an
 *   inline context of its own already sets @vocab), so that a term no context defines shows
 *   up as a fallback.org IRI, which Blockcerts refuses instead of hashing;
 * - JSON-LD contexts from Blockcerts' own copies (the @blockcerts/schemas package, which has
 *   its own copies of the VC 1.1 and 2.0 contexts among others), other contexts as published;
 * - URDNA2015 (RDFC-1.0) canonical N-Quads, JSON-LD not in safe mode and without an
 *   rdfDirection: what jsonld drops (relative IRIs, text direction...) is simply not hashed;
 * - SHA-256 of the N-Quads' UTF-8, in lowercase hex.
 */
const requireFromHere = createRequire(import.meta.url);

/** Blockcerts' preloaded contexts: its bundled ones, and its own copies of W3C contexts. */
const blockcertsCopies: Readonly<Record<string, string>> = {
  ...blockcertsContextFiles,
  VERIFIABLE_CREDENTIAL_V1_CONTEXT: '3.0/credential.json',
  VERIFIABLE_CREDENTIAL_V2_CONTEXT: '3.2/credential_v2.json',
  DATA_INTEGRITY_PROOF_V2_CONTEXT: '3.2/dataIntegrityProof.json',
};

/** The 3.0-beta context, which the verifier also preloads (the package's copy is the same). */
const betaUrls = ['https://www.blockcerts.org/schema/3.0-beta/context.json', 'https://w3id.org/blockcerts/schema/3.0-beta/context.json', 'https://w3id.org/blockcerts/v3.0-beta'];

let copies: ReadonlyMap<string, unknown> | undefined;

/** Blockcerts' own context copies by URL, deep-frozen; empty without the package. */
export function blockcertsContextCopies(): ReadonlyMap<string, unknown> {
  if (copies) return copies;
  let found = new Map<string, unknown>();
  try {
    found = blockcertsContextsByUrl(blockcertsCopies);
    const beta = blockcertsSchemaReader()('3.0-beta/context.json');
    for (const url of betaUrls) found.set(url, beta);
  } catch {
    // Without the package a Blockcerts v3 hash needs every context from the documents map.
  }
  for (const value of found.values()) deepFreeze(value);
  copies = found;
  return found;
}

/**
 * jsonld keeps the contexts it has processed in one cache shared by every operation, by URL.
 * Blockcerts' copy of a context may differ from the published one under the same URL (the
 * VC 1.1 context does), so these hashes process contexts with caches of their own: one per
 * context loader (a verifier's documents), never mixed with other canonicalisations.
 */
/** The hash cannot be computed here at all (not a fault of the certificate); `detail` says why, in any language. */
export class HashUnavailableError extends Error {
  override readonly name = 'HashUnavailableError';
  constructor(readonly detail: VerificationMessage) {
    super(englishOf(detail));
  }
}

interface ContextCache {
  get(key: string): unknown;
  set(key: string, value: unknown): unknown;
}
type ContextResolverClass = new (options: { sharedCache: ContextCache }) => unknown;
let resolverClass: ContextResolverClass | null | undefined;
const caches = new WeakMap<ContextLoader, ContextCache>();

function contextResolverFor(contexts: ContextLoader): unknown {
  if (resolverClass === undefined) {
    try {
      const loaded = requireFromHere('jsonld/lib/ContextResolver.js') as unknown;
      resolverClass = typeof loaded === 'function' ? (loaded as ContextResolverClass) : null;
    } catch {
      resolverClass = null;
    }
  }
  if (resolverClass === null) throw new HashUnavailableError(msg('blockcerts.resolverMissing'));
  let cache = caches.get(contexts);
  if (!cache) {
    cache = new Map<string, unknown>();
    caches.set(contexts, cache);
  }
  return new resolverClass({ sharedCache: cache });
}

/** Blockcerts' copies first, then the contexts every other check uses (bundled, documents map). */
function blockcertsLoader(contexts: ContextLoader): DocumentLoader {
  const own = blockcertsContextCopies();
  return (url: string): Promise<RemoteDocument> => {
    const copy = own.get(url);
    if (copy !== undefined) return Promise.resolve({ contextUrl: null, documentUrl: url, document: copy, tag: 'static' });
    return contexts.loader(url);
  };
}

/** Something the canonical form leaves out of the hash, as jsonld reports it. */
export interface DroppedContent {
  /** jsonld's event code, e.g. `relative @id reference`. */
  readonly code: string;
  /** The value concerned (an identifier, a property name), when jsonld says. */
  readonly value?: string;
}

export interface BlockcertsV3Hash {
  /** SHA-256 of the canonical N-Quads, lowercase hex. */
  readonly hash: string;
  /** Terms no context defines (the fallback.org IRIs), sorted: Blockcerts refuses these. */
  readonly unmapped: readonly string[];
  /** Content jsonld dropped without a word, outside safe mode: it is not covered by the hash. */
  readonly dropped: readonly DroppedContent[];
  /** True when a text direction (@direction) was left out of the hash (the text itself is in it). */
  readonly directionDropped: boolean;
}

const fallbackVocab = 'http://fallback.org/';

/** jsonld warnings about dropping things that state nothing (an empty object, a bare identifier). */
const contentless = new Set(['empty object', 'object with only @id', 'object with only @language']);

/** The credential as the receipt for `proof` hashed it (see the module comment). */
export function documentHashedFor(credential: Record<string, unknown>, proof: Record<string, unknown>): Record<string, unknown> {
  const document = structuredClone(credential);
  const contexts = Array.isArray(document['@context']) ? [...(document['@context'] as unknown[])] : document['@context'] === undefined ? [] : [document['@context']];
  if (!contexts.some((c) => isRecord(c) && '@vocab' in c)) contexts.push({ '@vocab': fallbackVocab });
  document['@context'] = contexts;
  const proofs = document.proof;
  if (Array.isArray(proofs)) {
    const index = proofs.findIndex((p) => isRecord(p) && p.proofValue === proof.proofValue);
    document.proof = proofs.slice(0, index);
  } else {
    delete document.proof;
  }
  return document;
}

interface JsonLdEvent {
  readonly code?: unknown;
  readonly level?: unknown;
  readonly details?: Record<string, unknown>;
}

/**
 * The Blockcerts v3 hash of `credential` for its Merkle `proof`; MissingContextError when a
 * context is neither Blockcerts' nor bundled nor in the documents map, JsonLdError when the
 * document cannot be processed as JSON-LD at all.
 */
export async function blockcertsV3Hash(credential: Record<string, unknown>, proof: Record<string, unknown>, contexts: ContextLoader): Promise<BlockcertsV3Hash> {
  const document = documentHashedFor(credential, proof);
  const dropped: DroppedContent[] = [];
  let directionDropped = false;
  const options: CanonizeOptions & { contextResolver: unknown; eventHandler: (input: { event: JsonLdEvent; next: () => void }) => void } = {
    algorithm: 'RDFC-1.0',
    format: 'application/n-quads',
    documentLoader: blockcertsLoader(contexts),
    safe: false,
    contextResolver: contextResolverFor(contexts),
    eventHandler: ({ event, next }) => {
      if (event.level === 'warning' && typeof event.code === 'string') {
        if (event.code === 'rdfDirection not set') directionDropped = true;
        else if (!contentless.has(event.code)) dropped.push({ code: event.code, ...droppedValue(event.details) });
      }
      next();
    },
  };
  contexts.takeMissing();
  let nquads: string;
  try {
    nquads = await jsonld.canonize(document, options);
  } catch (error) {
    const missing = contexts.takeMissing();
    if (missing.length > 0) throw new MissingContextError(missing);
    throw new JsonLdError(error instanceof Error ? error.message : String(error));
  }
  const unmapped = [...new Set([...nquads.matchAll(/<http:\/\/fallback\.org\/([^>]*)>/g)].map((m) => m[1] ?? ''))].sort();
  const hash = createHash('sha256').update(nquads, 'utf8').digest('hex');
  return { hash, unmapped, dropped: uniqueDropped(dropped), directionDropped };
}

function droppedValue(details: Record<string, unknown> | undefined): { value?: string } {
  if (!details) return {};
  for (const key of ['property', 'id', 'subject', 'object', 'predicate', 'type', 'term', 'value']) {
    const value = details[key];
    if (typeof value === 'string') return { value };
  }
  return {};
}

function uniqueDropped(list: readonly DroppedContent[]): DroppedContent[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}\u0000${d.value ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
