// The `badgefolio` CLI as a built program: one esbuild bundle of electron/cli (and the worker
// entries its thread pools start) in out/cli/, so a start costs Node's start-up and the code
// a command needs, not a TypeScript compile (tsx took ~1.3 s for `--version`).
//
// Built by `npm install` (prepare) and `npm run build`. bin/badgefolio.cjs checks the bundle
// against the manifest written here (build/cliFreshness.cjs) before running it: a missing or
// stale bundle is rebuilt when esbuild is at hand (a clone), or reported; old code is never run
// silently.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry, bundleFolder, layoutVersion, manifestName, root, sha256, staleReason } from './cliFreshness.cjs';

/**
 * What the bundle is built from: the CLI's dispatcher (`--version`, `--help`, the command list),
 * its commands (one bundle run with V8's code cache: electron/cli/codeCache.ts), and the worker
 * threads its pools start.
 */
const entryPoints = {
  badgefolio: 'electron/cli/main.ts',
  commands: 'badgefolio-cli:commands',
  verifyWorker: 'electron/verify/verifyWorker.ts',
  intakeWorker: 'electron/intake/intakeWorker.ts',
};

const commandsFolder = path.join(root, 'electron', 'cli', 'commands');
const programFile = /[\\/]electron[\\/]cli[\\/]program\.ts$/;

/**
 * The dispatcher and the commands as two bundles. esbuild splits code into shared chunks only
 * for ES modules, and Node 20 keeps compiled code only for CommonJS run through vm.Script; so the
 * commands are one CommonJS bundle (every module of electron/cli/commands/), and each
 * `import('./commands/…')` of program.ts becomes a load of that bundle through its code cache.
 * `--version` and `--help` load only the dispatcher, as small as before.
 */
const commandsInTheirOwnBundle = {
  name: 'commands-in-their-own-bundle',
  setup(build) {
    build.onResolve({ filter: /^badgefolio-cli:commands$/ }, () => ({ path: 'all', namespace: 'badgefolio-commands' }));
    // Each command module behind a function, so that esbuild initialises it only when it is
    // asked for (as the ES-module chunks were loaded), not every command's modules at start.
    build.onLoad({ filter: /^all$/, namespace: 'badgefolio-commands' }, () => ({
      loader: 'js',
      resolveDir: commandsFolder,
      contents: `module.exports = {\n${readdirSync(commandsFolder)
        .filter((name) => name.endsWith('.ts'))
        .sort()
        .map((name) => `  ${JSON.stringify(name.slice(0, -3))}: () => require('./${name.slice(0, -3)}'),`)
        .join('\n')}\n};\n`,
    }));
    build.onResolve({ filter: /^\.\/commands\/[\w-]+$/ }, (args) =>
      programFile.test(args.importer) ? { path: args.path.slice('./commands/'.length), namespace: 'badgefolio-command-bundle' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'badgefolio-command-bundle' }, (args) => ({
      loader: 'js',
      resolveDir: path.join(root, 'electron', 'cli'),
      contents: `module.exports = require('./codeCache.ts').commandModule(${JSON.stringify(args.path)});`,
    }));
  },
};

/**
 * jsonld's own Node document loader brings Node's https module and an HTTP client
 * (@digitalbazaar/http-client, ky, undici: 0.8 MB of code to load). Badgefolio never uses that
 * loader: every document goes through its own loader and safe fetcher. In the bundle the loader
 * jsonld installs at start is a stand-in that refuses, so none of that code is loaded.
 */
const jsonldWithoutItsHttpClient = {
  name: 'jsonld-without-its-http-client',
  setup(build) {
    build.onLoad({ filter: /[\\/]jsonld[\\/]lib[\\/]documentLoaders[\\/]node\.js$/ }, () => ({
      loader: 'js',
      contents: [
        "const refuse = () => { throw new Error('jsonld network loading is not used: Badgefolio fetches documents through its own safe fetcher'); };",
        '// jsonld calls this factory once at start (useDocumentLoader), then never the loader it makes.',
        'module.exports = () => refuse;',
      ].join('\n'),
    }));
  },
};

/**
 * rdf-canonize hashes every blank node's quads through a node:crypto Hash object, whose set-up
 * (OpenSSL's digest lookup) costs ~15 µs more than the one-shot crypto.hash (Node 20.12+): ~800
 * hashes, ~12 ms of a 400-credential `badgefolio verify`. In the bundle its MessageDigest keeps
 * the strings it is given and hashes them at once, the same UTF-8 bytes in the same order.
 */
const oneShotMessageDigest = {
  name: 'one-shot-message-digest',
  setup(build) {
    build.onLoad({ filter: /[\\/]rdf-canonize[\\/]lib[\\/]MessageDigest\.js$/ }, () => ({
      loader: 'js',
      contents: [
        "const { hash } = require('node:crypto');",
        'module.exports = class MessageDigest {',
        '  constructor(algorithm) {',
        '    const bits = /^(?:sha|SHA-?)(256|384|512)$/.exec(algorithm)?.[1];',
        '    if (!bits) throw new Error(`Unsupported algorithm "${algorithm}".`);',
        '    this.algorithm = `sha${bits}`;',
        '    this.parts = [];',
        '  }',
        '  update(msg) { this.parts.push(msg); }',
        "  digest() { return hash(this.algorithm, this.parts.join(''), 'hex'); }",
        '};',
      ].join('\n'),
    }));
  },
};

/**
 * Badgefolio's OB 3.0 / CLR 2.0 schema validators, made here rather than at run time: compiling
 * the schemas with ajv costs ~0.2 s of CPU in the first verification of such a credential. In
 * the bundle, electron/verify/schemas/precompiled.ts (which says "none" in the sources, so the
 * app and the tests compile them on first use) becomes ajv's standalone code for the schemas
 * and options of validators.json. Generated into out/cli/ only, never committed.
 */
const precompiledSchemaValidators = {
  name: 'precompiled-schema-validators',
  setup(build) {
    build.onLoad({ filter: /[\\/]electron[\\/]verify[\\/]schemas[\\/]precompiled\.ts$/ }, async (args) => ({
      loader: 'js',
      contents: await precompiledValidatorsModule(args.path),
    }));
  },
};

/** The ES module put in place of schemas/precompiled.ts (at `file`): also used by the verifier page's build, whose CSP forbids compiling code at run time. */
export async function precompiledValidatorsModule(file) {
  const folder = path.dirname(file);
  const setup = JSON.parse(readFileSync(path.join(folder, 'validators.json'), 'utf8'));
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const { default: addFormats } = await import('ajv-formats');
  const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
  const ajv = new Ajv2020({ ...setup.options, code: { ...setup.options.code, source: true, esm: true } });
  addFormats(ajv, setup.formats);
  for (const schema of setup.schemas) ajv.addSchema(JSON.parse(readFileSync(path.join(folder, schema), 'utf8')));
  const names = Object.keys(setup.validators).map((key, index) => [key, `validator${String(index)}`]);
  const code = standaloneCode(ajv, Object.fromEntries(names.map(([key, name]) => [name, setup.validators[key]])));
  const table = names.map(([key, name]) => `${JSON.stringify(key)}: ${name}`).join(', ');
  return `${code}\nexport const precompiled = { ${table} };\n`;
}

/**
 * Packages that locate files of their own (workers, WebAssembly, fonts) at run time, or whose
 * WebAssembly is read from the package beside code that must match it (zxing-wasm).
 */
const externalPackages = ['pdfjs-dist', '@cwasm/jpeg-turbo', '@resvg/resvg-wasm', '@jsquash/webp', '@fontsource/*', 'esbuild', 'zxing-wasm'];

/**
 * What the bundle's freshness is judged by: our own sources file by file, and for each bundled
 * package its package.json (its version changes whenever its code does; checking a few hundred
 * manifests is cheaper at every start than checking a few thousand files).
 */
function sourcesOf(metafile) {
  const files = new Set([path.relative(root, fileURLToPath(import.meta.url))]);
  for (const input of Object.keys(metafile.inputs)) {
    if (/^[a-z-]+:/.test(input)) continue; // a plugin's stand-in, not a file
    const inPackage = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    files.add(inPackage ? `${inPackage[1]}/package.json` : input);
  }
  return [...files].sort();
}

/** The bundle's own files, without the code caches runs leave beside it (electron/cli/codeCache.ts). */
function bundleFiles(folder) {
  return readdirSync(folder)
    .filter((name) => !name.endsWith('.v8cache') && !name.endsWith('.partial'))
    .sort();
}

function sameFiles(a, b) {
  if (!existsSync(a) || !existsSync(b)) return false;
  const names = bundleFiles(a);
  const others = bundleFiles(b);
  if (names.join('\n') !== others.join('\n')) return false;
  return names.every((name) => name === manifestName || readFileSync(path.join(a, name)).equals(readFileSync(path.join(b, name))));
}

/**
 * The bundle in ASCII alone, so that the command bundle is read as Latin-1 (a copy of its bytes:
 * ~3 ms for 4 MB) rather than decoded as UTF-8 (~15 ms), and held as a one-byte string
 * (electron/cli/codeCache.ts). esbuild writes strings, templates and names in ASCII already;
 * it leaves regular expressions as written (the certificate reader's `überreicht an`, `–`, `。`).
 * There a `\uXXXX` escape (a surrogate pair above U+FFFF) matches the same in every flag mode
 * (only the expression's `source` text differs); a character after a backslash would not, and
 * stops the build rather than change its meaning. The whole file is escaped: a template read raw
 * (String.raw) would change, and the bundle has none with such letters today.
 */
export function asciiOnly(code, file) {
  return code.replace(/[^\0-\x7f]/gu, (character, offset) => {
    let backslashes = 0;
    while (code.charCodeAt(offset - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 1) throw new Error(`${file}: "\\${character}" at ${String(offset)} has no ASCII spelling with the same meaning`);
    return character
      .split('')
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join('');
  });
}

/**
 * Builds the bundle into a folder of its own, then moves it into place, so a CLI started
 * meanwhile never sees half a bundle; an identical rebuild leaves the running one alone.
 */
export async function buildCli() {
  const esbuild = await import('esbuild');
  const { randomBytes } = await import('node:crypto');
  const staging = path.join(root, 'out', `.cli-${String(process.pid)}-${randomBytes(4).toString('hex')}`);
  mkdirSync(staging, { recursive: true });
  try {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints,
      outdir: staging,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20.19',
      // Minified: V8 scans every byte of the code it loads before running it (when the command
      // bundle has no code cache yet, and always for the dispatcher and the workers); shorter
      // code is parsed sooner. Messages never show stack traces, so nothing a user sees changes.
      minify: true,
      // Dependencies are bundled too: Node's resolver and its CommonJS-to-ESM lexer cost more
      // than the work on one credential (measured: ~0.5 s of a 0.95 s verify with them external).
      // Packages that find their own files at run time stay in node_modules.
      external: externalPackages,
      plugins: [commandsInTheirOwnBundle, jsonldWithoutItsHttpClient, oneShotMessageDigest, precompiledSchemaValidators],
      // Every entry in one folder: the pools find their workers next to the bundle that starts them.
      entryNames: '[name]',
      // CommonJS has no import.meta: the sources' import.meta.url is the running bundle's URL.
      define: { 'import.meta.url': 'importMetaUrl' },
      // import() of a package left outside (and of Node's own modules) becomes require(): in
      // Node 20 an import() in code compiled from V8's code cache fails ("a dynamic import
      // callback was not specified"), and Node 20.19+ and 22.12+ (package.json's engines) require() ES modules.
      supported: { 'dynamic-import': false },
      inject: [path.join(root, 'build', 'cliImportMeta.js')],
      metafile: true,
      logLevel: 'warning',
      banner: { js: '// Built from electron/cli by build/cliBundle.js: edit the sources, not this file.' },
    });
    for (const name of readdirSync(staging).filter((file) => file.endsWith('.js'))) {
      const file = path.join(staging, name);
      const code = readFileSync(file, 'utf8');
      const ascii = asciiOnly(code, name);
      if (ascii !== code) writeFileSync(file, ascii);
    }
    // The project's package.json says "type": "module"; the bundles here are CommonJS.
    writeFileSync(path.join(staging, 'package.json'), '{ "type": "commonjs" }\n');
    const inputs = {};
    for (const file of sourcesOf(result.metafile)) {
      const absolute = path.join(root, file);
      const stats = statSync(absolute);
      inputs[file] = { size: stats.size, mtimeMs: stats.mtimeMs, sha256: await sha256(readFileSync(absolute)) };
    }
    const outputs = [...Object.keys(result.metafile.outputs).map((file) => path.relative(staging, path.join(root, file))), 'package.json'].sort();
    writeFileSync(path.join(staging, manifestName), `${JSON.stringify({ layout: layoutVersion, entry: 'badgefolio.js', outputs, inputs }, null, 1)}\n`);
    if (sameFiles(staging, bundleFolder)) {
      // Same code: keep the running bundle, refresh only the recorded times.
      renameSync(path.join(staging, manifestName), path.join(bundleFolder, manifestName));
      return bundleFolder;
    }
    const retired = `${bundleFolder}.old-${String(process.pid)}-${randomBytes(4).toString('hex')}`;
    if (existsSync(bundleFolder)) renameSync(bundleFolder, retired);
    try {
      renameSync(staging, bundleFolder);
    } catch (error) {
      // Another process put its bundle in place first: use that one.
      if (!existsSync(bundleFolder)) throw error;
    }
    rmSync(retired, { recursive: true, force: true });
    return bundleFolder;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The bundle's entry, rebuilt first when stale; null (with the reason said) when it cannot be. */
export async function ensureCliBundle(log = (text) => process.stderr.write(text)) {
  const reason = await staleReason();
  if (reason === null) return bundleEntry;
  try {
    await buildCli();
  } catch (error) {
    const cause = error?.code === 'ERR_MODULE_NOT_FOUND' ? 'esbuild, which builds it, is not installed' : String(error?.message ?? error).split('\n')[0];
    log(`badgefolio: ${reason}, and it could not be built (${cause}).\nRun "npm install" (or "npm run build") in ${root}, then try again.\n`);
    return null;
  }
  const after = await staleReason();
  if (after !== null) {
    log(`badgefolio: ${after}, even after a rebuild. Run "npm run build" in ${root}, then try again.\n`);
    return null;
  }
  return bundleEntry;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const folder = await buildCli();
  process.stdout.write(`CLI built: ${path.relative(process.cwd(), folder) || folder}\n`);
}
