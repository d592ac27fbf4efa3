import jsonld, { type DocumentLoader, type RemoteDocument } from 'jsonld';
import rdfCanonize from 'rdf-canonize';
import { bundledContext } from './bundledContexts';
import type { DocumentSource } from './documents';
import { ContextMemo } from './expansion';
import { datasetFromExpanded } from './rdfDataset';

/**
 * RDF Dataset Canonicalization (RDFC-1.0, identical in output to URDNA2015) of JSON-LD
 * credentials, with contexts only from the bundle or the user's documents map: a context we
 * lack is reported by URL (MissingContextError), never fetched. Safe mode is on, so a term
 * no context defines fails instead of being silently dropped from what the signature covers.
 */
export class MissingContextError extends Error {
  override readonly name = 'MissingContextError';
  constructor(readonly urls: readonly string[]) {
    super(`Needs the JSON-LD context ${urls.join(', ')}, which Badgefolio does not have.`);
  }
}

/** The document is not valid JSON-LD in safe mode (undefined terms, bad @context...). */
export class JsonLdError extends Error {
  override readonly name = 'JsonLdError';
}

export interface ContextLoader {
  readonly loader: DocumentLoader;
  /** Expansion with memoised contexts, bound to this loader's documents. */
  readonly memo: ContextMemo;
  /** URLs asked for and not found during the last operations (cleared by `take`). */
  takeMissing(): string[];
}

/** A loader answering frozen shared context objects: jsonld caches what it derives from them. */
export function createContextLoader(documents?: DocumentSource): ContextLoader {
  let missing: string[] = [];
  const loader = contextDocumentLoader(documents, (url) => missing.push(url));
  return {
    loader,
    // Without a documents map every loader answers the same: one memo serves them all (the
    // app makes a verifier per check). A documents map may say otherwise, so it gets its own.
    memo: documents ? new ContextMemo(loader) : (bundledMemo ??= new ContextMemo(contextDocumentLoader(undefined, () => undefined))),
    takeMissing() {
      const taken = [...new Set(missing)];
      missing = [];
      return taken;
    },
  };
}

let bundledMemo: ContextMemo | undefined;

function contextDocumentLoader(documents: DocumentSource | undefined, onMissing: (url: string) => void): DocumentLoader {
  const fromMap = new Map<string, unknown>();
  return (url: string): Promise<RemoteDocument> => {
    const bundled = bundledContext(url);
    // `tag: 'static'` lets jsonld keep the resolved context across operations (its shared
    // cache only holds tagged documents): without it every credential re-processes its contexts.
    if (bundled !== undefined) return Promise.resolve({ contextUrl: null, documentUrl: url, document: bundled, tag: 'static' });
    let mapped = fromMap.get(url);
    if (mapped === undefined) {
      const local = documents?.lookup(url);
      if (local) {
        try {
          mapped = JSON.parse(local.body) as unknown;
          fromMap.set(url, mapped);
        } catch {
          // An unparsable file is as good as none: reported as missing below.
        }
      }
    }
    // Not tagged: jsonld's shared cache is keyed by URL alone, and two documents maps (two CLI
    // runs in one process, two tests) may hold different documents under one URL.
    if (mapped !== undefined) return Promise.resolve({ contextUrl: null, documentUrl: url, document: mapped });
    onMissing(url);
    return Promise.reject(new MissingContextError([url]));
  };
}

/**
 * Canonical N-Quads of a JSON-LD document, or MissingContextError / JsonLdError. Documents
 * of the usual shape are expanded with memoised contexts (expansion.ts) and turned into RDF
 * by rdfDataset.ts (or jsonld, from the expanded form); any other document, and any document whose conversion fails, goes
 * through jsonld from the start, so that errors are jsonld's own.
 */
export async function canonize(document: unknown, contextLoader: ContextLoader, options: { rdfDirection?: 'i18n-datatype'; safe?: false } = {}): Promise<string> {
  contextLoader.takeMissing();
  const settings = { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: contextLoader.loader, safe: true, ...options } as const;
  let expanded: unknown[] | undefined;
  try {
    expanded = await contextLoader.memo.expand(document);
  } catch {
    // A shortcut that trips over something is no verdict: jsonld decides below.
  }
  if (expanded) {
    try {
      // The dataset straight from the expanded form where rdfDataset.ts handles its shape
      // (with @direction, jsonld's rdfDirection rule applies: always jsonld's job).
      const dataset = datasetFromExpanded(expanded);
      if (dataset) return await rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0' });
      return await jsonld.canonize(expanded, { ...settings, skipExpansion: true });
    } catch {
      // Reported below, as jsonld reports it from the document itself.
    }
  }
  contextLoader.takeMissing();
  try {
    return await jsonld.canonize(document, settings);
  } catch (error) {
    const missing = contextLoader.takeMissing();
    if (missing.length > 0) throw new MissingContextError(missing);
    throw new JsonLdError(describeJsonLdError(error));
  }
}

/** jsonld's own explanation of an error (its event message and the term at fault), for a sentence. */
export function describeJsonLdError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details = (error as { details?: { event?: { message?: unknown; details?: { term?: unknown; property?: unknown; type?: unknown } } } }).details;
  const event = details?.event;
  if (event && typeof event.message === 'string') {
    // The term at fault: jsonld names it `term`, `property` (an undefined property) or `type` (a relative @type).
    const term = [event.details?.term, event.details?.property, event.details?.type].find((value) => typeof value === 'string');
    const message = event.message.replace(/\.$/, '');
    return typeof term === 'string' ? `${message} ("${term}")` : message;
  }
  return error.message;
}
