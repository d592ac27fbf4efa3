// @digitalbazaar/cborld 8.1.0 ships no types: the two calls cborldFragment.ts makes.
declare module '@digitalbazaar/cborld' {
  type DocumentLoader = (url: string) => Promise<{ document: unknown; documentUrl: string; contextUrl: null }>;
  export function encode(options: { jsonldDocument: unknown; documentLoader: DocumentLoader; registryEntryId: number }): Promise<Uint8Array>;
  export function decode(options: { cborldBytes: Uint8Array; documentLoader: DocumentLoader }): Promise<unknown>;
}
