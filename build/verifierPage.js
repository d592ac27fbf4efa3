// The verifier page (issue #18): out/verifier/, one HTML page and its assets with relative
// addresses, so it works from any static host or a folder on disk. The page (renderer/verifier/)
// starts a Web Worker (electron/verifierPage/verifierWorker.ts) that runs Badgefolio's own
// intake and verification engine, written for node, in the browser: the node built-ins the
// engine imports are replaced here by browser adapters (electron/verifierPage/browser/), and
// the engine's https fetcher by the browser's fetch. Run by `npm run build`.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { precompiledValidatorsModule } from './cliBundle.js';

const root = path.resolve(import.meta.dirname, '..');
const adapters = path.join(root, 'electron/verifierPage/browser');
const adapter = (file) => path.join(adapters, file);

/** node built-in -> its browser stand-in. Anything not listed fails the build: nothing node-only slips in. */
const builtins = {
  crypto: adapter('nodeCrypto.ts'),
  zlib: adapter('nodeZlib.ts'),
  module: adapter('nodeModule.ts'),
  fs: adapter('nodeFs.ts'),
  'fs/promises': adapter('nodeAbsent.ts'),
  path: adapter('nodePath.ts'),
  worker_threads: adapter('nodeAbsent.ts'),
  os: adapter('nodeAbsent.ts'),
  net: adapter('nodeAbsent.ts'),
  tls: adapter('nodeAbsent.ts'),
  http: adapter('nodeAbsent.ts'),
  https: adapter('nodeAbsent.ts'),
  'dns/promises': adapter('nodeAbsent.ts'),
  url: adapter('nodeAbsent.ts'),
  util: adapter('nodeAbsent.ts'),
};

/**
 * Resolves node built-ins to the adapters, and the engine's own https fetcher (sockets, DNS
 * pinning) to the page's (browserFetch.ts): same exports, the browser's fetch underneath.
 */
const browserEngine = {
  name: 'badgefolio-browser-engine',
  enforce: 'pre',
  resolveId(source, importer) {
    const bare = source.replace(/^node:/, '');
    if (source.startsWith('node:') || (bare in builtins && importer !== undefined && !importer.includes('node_modules'))) {
      const target = builtins[bare];
      if (!target) throw new Error(`The verifier page has no browser stand-in for ${source} (imported by ${importer ?? '?'})`);
      return target;
    }
    if (/(^|\/)safeFetch(\.ts)?$/.test(source) && importer?.includes(`${path.sep}electron${path.sep}verify${path.sep}`)) return adapter('browserFetch.ts');
    return undefined;
  },
};

/**
 * jsonld's node document loader pulls in an HTTP client the engine never uses (every document
 * goes through the engine's own loader); in the page it is a stand-in that refuses.
 */
const jsonldWithoutItsHttpClient = {
  name: 'jsonld-without-its-http-client',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === '@digitalbazaar/http-client' && importer?.includes(`${path.sep}jsonld${path.sep}`)) return '\0jsonld-http-client';
    return undefined;
  },
  load(id) {
    if (id !== '\0jsonld-http-client') return undefined;
    return "const refuse = () => { throw new Error('jsonld network loading is not used by the verifier page'); };\nexport const httpClient = { get: refuse };\nexport const DEFAULT_HEADERS = {};\nexport default { httpClient };\n";
  },
};

/** The schema validators as ajv's standalone code, as in the CLI bundle: the page's CSP allows no code compiled at run time. */
const precompiledSchemaValidators = {
  name: 'precompiled-schema-validators',
  enforce: 'pre',
  async load(id) {
    return /[\\/]electron[\\/]verify[\\/]schemas[\\/]precompiled\.ts$/.test(id) ? await precompiledValidatorsModule(id) : undefined;
  },
};

const enginePlugins = () => [browserEngine, jsonldWithoutItsHttpClient, precompiledSchemaValidators];

export async function buildVerifierPage({ outDir = path.join(root, 'out/verifier'), logLevel = 'warn' } = {}) {
  await build({
    configFile: false,
    root: path.join(root, 'renderer/verifier'),
    base: './',
    logLevel,
    plugins: [...enginePlugins(), react()],
    worker: { format: 'es', plugins: enginePlugins },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    resolve: { mainFields: ['browser', 'module', 'jsnext:main', 'jsnext'], conditions: ['browser', 'import', 'module', 'default'] },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      // Nothing inlined as data: URLs, so the Content-Security-Policy can stay at 'self'.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 8000,
      reportCompressedSize: false,
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildVerifierPage({ logLevel: 'info' });
}
