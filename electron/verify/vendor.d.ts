// Just enough of jsonld's API for canonicalisation; the package ships no types.
declare module 'jsonld' {
  export interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
    /** 'static': jsonld may cache what it derives from this document across operations. */
    tag?: 'static';
  }
  export type DocumentLoader = (url: string) => Promise<RemoteDocument>;
  export interface CanonizeOptions {
    algorithm?: 'URDNA2015' | 'RDFC-1.0';
    format?: 'application/n-quads';
    documentLoader?: DocumentLoader;
    safe?: boolean;
    base?: string | null;
    skipExpansion?: boolean;
    rdfDirection?: 'i18n-datatype';
  }
  interface JsonLd {
    canonize(input: unknown, options?: CanonizeOptions): Promise<string>;
    expand(input: unknown, options?: { documentLoader?: DocumentLoader; safe?: boolean; base?: string | null }): Promise<unknown[]>;
    /** An active context (jsonld's internal object) from another and a local context; the initial one for `null`. */
    processContext(activeContext: unknown, localContext: unknown, options?: { documentLoader?: DocumentLoader; safe?: boolean }): Promise<unknown>;
  }
  const jsonld: JsonLd;
  export default jsonld;
}
