// Whether the CLI bundle in out/cli/ still matches the sources it was built from. bin/badgefolio.cjs
// asks this at every start, before any command runs, so it is its own small module: loading the
// builder (build/cliBundle.js: esbuild's options and plugins) is left to the rare start that has to
// rebuild. Measured with callgrind on `badgefolio --version`: the check this replaced, inside the
// builder with path.join and existsSync per file, cost ~57M instructions; this one ~13M.
// CommonJS, like the launcher and the bundle: see bin/badgefolio.cjs.
'use strict';
const { existsSync, readdirSync, readFileSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bundleFolder = path.join(root, 'out', 'cli');
const bundleEntry = path.join(bundleFolder, 'badgefolio.js');
const manifestName = 'manifest.json';
/** Bumped when the bundle's layout changes, so an older bundle counts as stale. */
const layoutVersion = 2;

function sha256(bytes) {
  // node:crypto only when a hash is needed: the common start (a fresh bundle) does without it.
  return require('node:crypto').createHash('sha256').update(bytes).digest('hex');
}

function readManifest(folder) {
  try {
    return JSON.parse(readFileSync(path.join(folder, manifestName), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Why the bundle cannot be run as it is, or null when it matches its sources. Sizes and
 * modification times settle the common case; a file whose time moved (a checkout, a touch) is
 * compared by content before it counts as changed. A package that ships no sources at all runs
 * its bundle as built.
 */
function staleReason(folder = bundleFolder) {
  const manifest = readManifest(folder);
  if (!manifest || manifest.layout !== layoutVersion || typeof manifest.inputs !== 'object') return 'the CLI has not been built yet';
  let present;
  try {
    present = new Set(readdirSync(folder));
  } catch {
    return 'the CLI has not been built yet';
  }
  const outputs = [manifest.entry, ...(manifest.outputs ?? [])];
  if (!outputs.every((file) => present.has(file) || existsSync(path.join(folder, file)))) return 'the CLI bundle is incomplete';
  // Paths in the manifest are relative to the project, in this platform's form (path.relative):
  // joined by hand, as path.join's normalising costs more than the stat itself over ~360 files.
  const prefix = root + path.sep;
  let removed = null;
  let kept = 0;
  for (const file in manifest.inputs) {
    const recorded = manifest.inputs[file];
    const stats = statSync(prefix + file, { throwIfNoEntry: false });
    if (stats === undefined) {
      removed ??= file;
      continue;
    }
    kept += 1;
    if (stats.size === recorded.size && stats.mtimeMs === recorded.mtimeMs) continue;
    if (stats.size !== recorded.size || sha256(readFileSync(prefix + file)) !== recorded.sha256) return `${file} changed since the CLI was built`;
  }
  if (removed !== null && kept > 0) return `${removed} was removed since the CLI was built`;
  return null;
}

module.exports = { root, bundleFolder, bundleEntry, manifestName, layoutVersion, sha256, staleReason };
