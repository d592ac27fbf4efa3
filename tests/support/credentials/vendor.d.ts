// Minimal ambient types for the untyped libraries the credential factory drives. They describe
// only what the factory calls, as precisely as the libraries' own code allows, so that strict
// type checking still covers our side of every call. The Data Integrity stack is described with
// the runtime's own declarations (electron/verify/vendor.d.ts), which the app uses too.

declare module '@digitalbazaar/vc' {
  /** What a JSON-LD document loader resolves to (jsonld.js RemoteDocument). */
  export interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

  /** A jsonld-signatures suite instance (DataIntegrityProof, Ed25519Signature2020, ...). */
  export interface LinkedDataSuite {
    readonly verificationMethod?: string | undefined;
  }

  export interface StatusCheckResult {
    verified: boolean;
  }

  export interface ProofResult {
    verified: boolean;
    error?: Error;
    proof?: Record<string, unknown>;
  }

  export interface VerifyCredentialResult {
    verified: boolean;
    error?: Error & { errors?: Error[] };
    results?: ProofResult[];
    statusResult?: StatusCheckResult;
  }

  export function issue(options: { credential: object; suite: LinkedDataSuite; documentLoader: DocumentLoader; now?: Date | string }): Promise<Record<string, unknown>>;

  /** A derived credential (selective disclosure), from a credential with a base proof. */
  export function derive(options: { verifiableCredential: object; suite: LinkedDataSuite; documentLoader: DocumentLoader }): Promise<Record<string, unknown>>;

  export function verifyCredential(options: {
    credential: object;
    suite: LinkedDataSuite | LinkedDataSuite[];
    documentLoader: DocumentLoader;
    checkStatus?: (options: { credential: object }) => Promise<StatusCheckResult>;
    now?: Date | string;
    maxClockSkew?: number;
  }): Promise<VerifyCredentialResult>;

  /** Verifies a presentation: its proof (with `challenge` and `domain`) and the credentials in it. */
  export function verify(options: {
    presentation: object;
    suite: LinkedDataSuite | LinkedDataSuite[];
    documentLoader: DocumentLoader;
    challenge?: string;
    domain?: string;
    unsignedPresentation?: boolean;
  }): Promise<{ verified: boolean; error?: Error & { errors?: Error[] }; presentationResult?: { verified: boolean; results?: ProofResult[] } }>;
}

declare module '@digitalbazaar/ed25519-multikey' {
  /** The signer interface jsonld-signatures suites call. */
  export interface Signer {
    readonly algorithm: string;
    readonly id: string | undefined;
    sign(input: { data: Uint8Array }): Promise<Uint8Array>;
  }

  export interface Verifier {
    readonly algorithm: string;
    readonly id: string | undefined;
    verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
  }

  export interface Ed25519MultikeyKeyPair {
    id?: string;
    controller?: string;
    type?: 'Multikey';
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    /** Raw 32-byte public key. */
    publicKey: Uint8Array;
    /** Raw 64-byte secret key (seed followed by the public key). */
    secretKey?: Uint8Array;
    signer(): Signer;
    verifier(): Verifier;
    export(options?: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, unknown>>;
  }

  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519MultikeyKeyPair>;
  export function from(key: object): Promise<Ed25519MultikeyKeyPair>;
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  import type { Cryptosuite } from '@digitalbazaar/data-integrity';
  export const cryptosuite: Cryptosuite;
}

declare module 'jsonld-signatures' {
  import type { DocumentLoader, LinkedDataSuite } from '@digitalbazaar/vc';
  /** Signs any JSON-LD document, with none of the credential rules @digitalbazaar/vc enforces first. */
  export function sign(document: object, options: { suite: LinkedDataSuite; purpose: object; documentLoader: DocumentLoader }): Promise<object>;
  export const purposes: { AssertionProofPurpose: new () => object };
}

declare module '@digitalbazaar/eddsa-jcs-2022-cryptosuite' {
  import type { Cryptosuite } from '@digitalbazaar/data-integrity';
  export function createSignCryptosuite(): Cryptosuite;
  export function createVerifyCryptosuite(): Cryptosuite;
}

declare module '@digitalbazaar/ed25519-signature-2020' {
  import type { LinkedDataSuite } from '@digitalbazaar/vc';
  import type { Signer } from '@digitalbazaar/ed25519-multikey';

  export class Ed25519Signature2020 implements LinkedDataSuite {
    constructor(options?: { signer?: Signer; date?: Date | string | number | null });
    readonly verificationMethod?: string | undefined;
  }
}

declare module '@digitalbazaar/ed25519-verification-key-2020' {
  export class Ed25519VerificationKey2020 {
    static from(options: object): Promise<Ed25519VerificationKey2020>;
    readonly id?: string;
    readonly controller?: string;
    readonly publicKeyMultibase: string;
    export(options?: { publicKey?: boolean; privateKey?: boolean; includeContext?: boolean }): Record<string, unknown>;
  }
}

declare module '@digitalbazaar/did-method-key' {
  export interface DidKeyDriver {
    /** Registers the key class that handles one multikey header (`z6Mk` = Ed25519). */
    use(options: { multibaseMultikeyHeader: string; fromMultibase: (key: { publicKeyMultibase: string }) => Promise<unknown> }): void;
    /** A DID document for a DID, or a verification method node (with `@context`) for a DID URL. */
    get(options: { did?: string; url?: string }): Promise<Record<string, unknown>>;
  }
  export function driver(): DidKeyDriver;
}

// The JSON-LD context packages are declared once, in electron/verify/vendor.d.ts.

declare module 'openbadges-bakery' {
  interface BakeOptions {
    /** PNG or SVG bytes (the baker sniffs the type from the first 256 bytes). */
    image: Buffer;
    /** PNG: the text to bake (assertion JSON, compact JWS or hosted URL). */
    data?: string;
    /** SVG: the `verify` attribute value (hosted URL). */
    url?: string;
    /** SVG: the `verify` attribute value (compact JWS). */
    signature?: string;
    /** SVG: an assertion object, serialised into the element's CDATA body. */
    assertion?: object;
  }
  type Callback<T> = (error: Error | null, result?: T) => void;
  const bakery: {
    /** Calls back with a Buffer for PNG input and a string for SVG input. */
    bake(options: BakeOptions, callback: Callback<Buffer | string>): void;
    /** The raw baked text: assertion JSON, JWS or URL. */
    extract(image: Buffer, callback: Callback<string>): void;
  };
  export default bakery;
}

declare module 'base58-universal' {
  /** Base58 (Bitcoin alphabet), as multibase `z` values use it. */
  export function encode(input: Uint8Array, maxline?: number): string;
  export function decode(input: string): Uint8Array;
}
