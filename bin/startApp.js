#!/usr/bin/env node
// `npm start` (electron-vite preview: build, then open the app) and `npm run dev` (hot reload).
//
// Why this exists: Electron 42 and later no longer download their binary when npm installs
// them; `node_modules/electron` fetches it the first time `electron` itself is required.
// electron-vite reads `node_modules/electron/path.txt` directly and never triggers that
// download, so on a fresh clone it stops with "Electron uninstall". Here Electron's own
// installer (node_modules/electron/install.js, which honours ELECTRON_MIRROR, its download
// cache and ELECTRON_OVERRIDE_DIST_PATH) runs first when the binary is missing, and the binary
// is handed to electron-vite through ELECTRON_EXEC_PATH, which it reads before path.txt.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const modes = { preview: ['preview'], dev: ['dev'] };

/** Where Electron's installer puts the executable inside its dist folder, per platform. */
function platformExecutable(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

function readText(file) {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** The executable Electron's own index.js would run, if it is on disk; else null. */
export function installedElectron(electronDir, env = process.env, platform = process.platform) {
  const relative = readText(path.join(electronDir, 'path.txt'));
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || platformExecutable(platform));
    return existsSync(candidate) ? candidate : null;
  }
  if (!relative) return null;
  const version = readText(path.join(electronDir, 'dist', 'version'))?.replace(/^v/, '');
  const wanted = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
  const candidate = path.join(electronDir, 'dist', relative);
  return version === wanted && existsSync(candidate) ? candidate : null;
}

/**
 * @electron/get uses a proxy only when ELECTRON_GET_USE_PROXY is set; npm's own proxy settings
 * reach scripts as npm_config_* variables. A user behind a proxy that npm already uses should
 * not have to learn either.
 */
export function installerEnvironment(env) {
  const out = { ...env };
  const httpsProxy = env.HTTPS_PROXY ?? env.https_proxy ?? env.npm_config_https_proxy ?? env.npm_config_proxy;
  const httpProxy = env.HTTP_PROXY ?? env.http_proxy ?? env.npm_config_proxy;
  if (httpsProxy) out.HTTPS_PROXY ??= httpsProxy;
  if (httpProxy) out.HTTP_PROXY ??= httpProxy;
  const noProxy = env.NO_PROXY ?? env.no_proxy ?? env.npm_config_noproxy;
  if (noProxy) out.NO_PROXY ??= noProxy;
  if ((httpsProxy || httpProxy) && out.ELECTRON_GET_USE_PROXY === undefined) out.ELECTRON_GET_USE_PROXY = 'true';
  return out;
}

/** The last meaningful line the installer printed: its error, without the stack frames. */
function installerReason(output) {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at ') && !line.startsWith('Downloading Electron'));
  const error = lines.find((line) => /error|fail|ENOTFOUND|ECONN|EAI_AGAIN|status|refused|checksum|timed? ?out/i.test(line));
  // Node's fetch says only "fetch failed" when no connection could be made at all.
  if (error && /fetch failed/i.test(error)) return 'the download server could not be reached: no internet connection, or a firewall or proxy in the way';
  return (error ?? lines.at(-1) ?? 'the installer stopped without saying why').slice(0, 400);
}

/**
 * Where @electron/get looks for an already downloaded zip: its cache root, then a folder named
 * by the SHA-256 of the download address without the file name (its Cache.getCacheDirectory).
 */
export async function cachedZipLocation(electronDir, version, env = process.env, platform = process.platform, arch = process.arch) {
  const file = `electron-v${version}-${platform}-${arch}.zip`;
  const mirror = env.ELECTRON_MIRROR ?? env.npm_config_electron_mirror ?? 'https://github.com/electron/electron/releases/download/';
  const customDir = (env.ELECTRON_CUSTOM_DIR ?? env.npm_config_electron_custom_dir ?? `v${version}`).replace('{{ version }}', version);
  const folderUrl = new URL(`${mirror.endsWith('/') ? mirror : `${mirror}/`}${customDir}/${file}`);
  folderUrl.pathname = path.posix.dirname(folderUrl.pathname);
  let cacheRoot = env.electron_config_cache;
  if (!cacheRoot) {
    const require = createRequire(path.join(electronDir, 'package.json'));
    const envPathsModule = await import(pathToFileURL(require.resolve('env-paths')).href);
    cacheRoot = envPathsModule.default('electron', { suffix: '' }).cache;
  }
  return { folder: path.join(cacheRoot, createHash('sha256').update(folderUrl.toString()).digest('hex')), file };
}

export function downloadFailedMessage(version, reason, zip) {
  return [
    '',
    `Badgefolio could not start: Electron ${version}, the runtime the desktop app runs in, is not installed yet,`,
    `and downloading it failed (${reason}).`,
    'Electron downloads its binary once, the first time the app starts. To get it another way:',
    '  - through a mirror you can reach: ELECTRON_MIRROR=https://your.mirror/electron/ npm start',
    "  - behind a proxy: set HTTPS_PROXY (npm's own proxy setting is used too)",
    `  - from a copy of ${zip.file} (from another computer, or Electron's releases page):`,
    `    put it in ${zip.folder}${path.sep}`,
    '    and run npm start again (electron_config_cache=FOLDER moves that cache elsewhere)',
    '  - with an Electron build already on this computer: ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron-dist npm start',
    'The command line (npx badgefolio --help) works without Electron.',
    '',
  ].join('\n');
}

/** Makes sure the Electron binary is on disk (installing it if needed); returns its path or null. */
export async function ensureElectron(projectRoot = root, env = process.env, log = (text) => process.stderr.write(text)) {
  if (env.ELECTRON_EXEC_PATH && existsSync(env.ELECTRON_EXEC_PATH)) return env.ELECTRON_EXEC_PATH;
  const require = createRequire(path.join(projectRoot, 'package.json'));
  const electronDir = path.dirname(require.resolve('electron/package.json'));
  const found = installedElectron(electronDir, env);
  if (found) return found;
  const { version } = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8'));
  log(`Electron ${version} is not installed yet: downloading it (once)…\n`);
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    env: installerEnvironment(env),
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const installed = result.status === 0 ? installedElectron(electronDir, env) : null;
  if (installed) return installed;
  const reason = result.error ? result.error.message : installerReason(result.stderr ?? '');
  log(downloadFailedMessage(version, reason, await cachedZipLocation(electronDir, version, env)));
  return null;
}

async function main() {
  const mode = process.argv[2] ?? 'preview';
  if (!(mode in modes)) {
    process.stderr.write(`Usage: node bin/startApp.js [preview|dev] [electron-vite options]\n`);
    process.exitCode = 2;
    return;
  }
  const electron = await ensureElectron();
  if (!electron) {
    process.exitCode = 1;
    return;
  }
  const electronVite = path.join(path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const child = spawn(process.execPath, [electronVite, ...modes[mode], ...process.argv.slice(3)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_EXEC_PATH: electron },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('close', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(import.meta.filename)) await main();
