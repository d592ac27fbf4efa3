// jsonld's ContextResolver, which the engine's Blockcerts v3 hash loads by name (nodeModule.ts hands it out).
declare module 'jsonld/lib/ContextResolver.js' {
  const ContextResolver: unknown;
  export default ContextResolver;
}
