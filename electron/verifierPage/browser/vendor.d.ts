// jsonld's ContextResolver, which the engine's Blockcerts v3 hash loads by name (nodeModule.ts hands it out).
declare module 'jsonld/lib/ContextResolver.js' {
  const ContextResolver: unknown;
  export default ContextResolver;
}

// The WebAssembly files build/verifierPage.js embeds, base64 by package path (nodeFs.ts hands them out).
declare module 'badgefolio-package-binaries' {
  export const packageBinaries: Readonly<Record<string, string>>;
}
