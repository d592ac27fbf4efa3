// The verifier page (issue #18): out/verifier/, one HTML page and its assets with relative
// addresses, so it works from any static host or a folder on disk. The page (renderer/verifier/)
// starts a Web Worker (electron/verifierPage/verifierWorker.ts) that runs Badgefolio's own
// intake and verification engine, written for node, in the browser: the node built-ins the
// engine imports are replaced here by browser adapters (electron/verifierPage/browser/), and
// the engine's https fetcher by the browser's fetch. Run by `npm run build`.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { precompiledValidatorsModule } from './cliBundle.js';

const root = path.resolve(import.meta.dirname, '..');
const adapters = path.join(root, 'electron/verifierPage/browser');
const adapter = (file) => path.join(adapters, file);
const pngjsBrowserBuild = path.join(root, 'node_modules/pngjs/browser.js');

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
    // pngjs (the rare PNG kinds, images/pngFile.ts) is written on node's zlib, stream and util
    // internals; its package ships a browser build of itself with those inside, used here.
    if (source === 'pngjs' && !importer?.includes('node_modules')) return pngjsBrowserBuild;
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

/**
 * The WebAssembly files the engine reads from its packages with readFileSync (libjpeg-turbo for
 * JPEG pictures, zxing-cpp for QR codes), as base64 by package path: the page's node:fs stand-in
 * (browser/nodeFs.ts) hands them out. Embedded rather than fetched: a page opened from disk may
 * not fetch its own files.
 */
const wasmFiles = ['@cwasm/jpeg-turbo/jpeg-turbo.wasm', 'zxing-wasm/reader/zxing_reader.wasm'];
const packageBinaries = {
  name: 'badgefolio-package-binaries',
  enforce: 'pre',
  resolveId: (source) => (source === 'badgefolio-package-binaries' ? '\0badgefolio-package-binaries' : undefined),
  async load(id) {
    if (id !== '\0badgefolio-package-binaries') return undefined;
    const requireHere = createRequire(path.join(root, 'package.json'));
    const files = {};
    for (const name of wasmFiles) {
      let file;
      try {
        file = requireHere.resolve(name);
      } catch {
        // Its package is not installed, so no engine module imports it either (or the build fails there).
        continue;
      }
      files[name] = (await readFile(file)).toString('base64');
    }
    return `export const packageBinaries = ${JSON.stringify(files)};\n`;
  },
};

const enginePlugins = () => [browserEngine, jsonldWithoutItsHttpClient, precompiledSchemaValidators, packageBinaries];

const browserResolve = { mainFields: ['browser', 'module', 'jsnext:main', 'jsnext'], conditions: ['browser', 'import', 'module', 'default'] };
const production = { 'process.env.NODE_ENV': JSON.stringify('production') };

/**
 * The engine's worker (electron/verifierPage/verifierWorker.ts) as the text of one classic
 * script. A page opened from disk (file://) may start a worker only from a blob: URL it makes,
 * and only a classic one (a module worker needs an origin). The engine's QR reader waits for its
 * WebAssembly with a top-level await, which a classic bundle cannot hold: so the worker is built
 * as one ES module with no imports or exports, and its body run inside an async function.
 */
async function buildWorkerSource(logLevel) {
  const [output] = await build({
    configFile: false,
    logLevel,
    plugins: enginePlugins(),
    // import.meta.url is only a base address to the engine (createRequire's, the context packages'); a blob worker's own address serves.
    define: { ...production, 'import.meta.url': 'self.location.href' },
    resolve: browserResolve,
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      // The JSON-LD context files some context packages name by `new URL(file, import.meta.url)`
      // are never fetched (the engine takes every context from the packages' JavaScript): inlined,
      // so nothing points at a file beside the page.
      assetsInlineLimit: () => true,
      lib: { entry: path.join(root, 'electron/verifierPage/verifierWorker.ts'), formats: ['es'], fileName: 'verifierWorker' },
      rolldownOptions: { output: { codeSplitting: false, minify: true } },
      reportCompressedSize: false,
    },
  });
  const chunks = output.output.filter((item) => item.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`The verifier worker must build to one script, not ${String(chunks.length)}`);
  const code = chunks[0].code.replace(/\bexport\s*\{\s*\};?\s*$/, '');
  if (/^(import\s*[\w{*'"]|export\s*[{*]|export\s+(default|const|let|var|function|class)\b)/m.test(code) || code.includes('import.meta'))
    throw new Error('The verifier worker still imports, exports or reads import.meta: it cannot run as a classic script.');
  // The blob: URL has served its purpose once the worker runs; a failure to start reaches the page as the worker's error event.
  return `URL.revokeObjectURL(self.location.href);(async()=>{"use strict";\n${code}\n})().catch((error)=>{setTimeout(()=>{throw error;});});\n`;
}

/**
 * Vite writes its script tag as a module script and both tags with `crossorigin`: from file://
 * either makes Chromium refuse the file (module and CORS requests need an origin, and a saved
 * page has none). The bundle is a classic script (IIFE), so a deferred classic tag runs it the
 * same way, after the document is parsed.
 */
export function classicPage(html) {
  const page = html.replace(/<script type="module" crossorigin src=/g, '<script defer src=').replace(/(<link rel="stylesheet") crossorigin/g, '$1');
  if (/type="module"|crossorigin|modulepreload/.test(page)) throw new Error('The verifier page still loads something as a module or with CORS: it would not open from disk.');
  return page;
}

/** `badgefolio-verifier-worker`: the worker's text, which engineClient.ts starts from a blob: URL. */
function workerModule(source) {
  return {
    name: 'badgefolio-verifier-worker',
    resolveId: (id) => (id === 'badgefolio-verifier-worker' ? '\0badgefolio-verifier-worker' : undefined),
    load: (id) => (id === '\0badgefolio-verifier-worker' ? `export const workerSource = ${JSON.stringify(source)};\n` : undefined),
  };
}

export async function buildVerifierPage({ outDir = path.join(root, 'out/verifier'), logLevel = 'warn' } = {}) {
  await build({
    configFile: false,
    root: path.join(root, 'renderer/verifier'),
    base: './',
    logLevel,
    // The worker's text, to the page's engineClient.ts as `badgefolio-verifier-worker`.
    plugins: [workerModule(await buildWorkerSource(logLevel)), react()],
    define: production,
    resolve: browserResolve,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      // Nothing inlined as data: URLs, so the Content-Security-Policy can stay at 'self'.
      assetsInlineLimit: 0,
      // A classic script: a page opened from disk (file://) may run no module script.
      rolldownOptions: { output: { format: 'iife' } },
      // One stylesheet file: split CSS in a classic bundle would be injected as a <style> element, which the CSP refuses.
      cssCodeSplit: false,
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 8000,
      reportCompressedSize: false,
    },
  });
  const html = path.join(outDir, 'index.html');
  await writeFile(html, classicPage(await readFile(html, 'utf8')));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildVerifierPage({ logLevel: 'info' });
}
