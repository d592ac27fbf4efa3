import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHandlers } from '../core/handlers';
import { WalletSession } from '../core/walletSession';
import { openFilePreferences } from '../core/filePreferences';
import { readPreferences } from '../core/preferences';
import { saveIntoFolder } from '../core/savedFiles';
import { packageVersion } from '../core/packageInfo';
import { optionalVerifierUrl } from '../core/verifierUrl';
import { bundleBridge } from './bridgeBundle';
import { harnessShell } from './harnessShell';
import { startHarness } from './server';
import { developerHostsView, devHostsWarning, devNetwork } from '../receive/devHosts';

const projectRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');
const usage = `Usage: npm run harness -- --vault DIR [--port N] [--renderer DIR]

Serves the real renderer against the real main-side handlers on 127.0.0.1, for
development and end-to-end tests. Not part of the app.

  --vault DIR      wallet folder to use (created if missing)
  --port N         port on 127.0.0.1 (default 5183; 0 picks a free one)
  --renderer DIR   built renderer folder (default out/renderer, built if missing)
  --downloads DIR  where "save" puts files (default: DIR-downloads beside the vault);
                   the harness has no save dialog
  --dev-host NAME=127.0.0.1:PORT
                   developers and tests only: reach NAME on this computer, trusting the
                   certificate authority in NODE_EXTRA_CA_CERTS (also BADGEFOLIO_DEV_HOSTS),
                   to receive credentials from a local issuer; announced when on`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        vault: { type: 'string' },
        port: { type: 'string', default: '5183' },
        renderer: { type: 'string' },
        downloads: { type: 'string' },
        'dev-host': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const port = Number(values.port);
  if (!values.vault || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(usage);
    return 2;
  }
  const vault = path.resolve(values.vault);
  mkdirSync(vault, { recursive: true });

  const rendererRoot = path.resolve(values.renderer ?? path.join(projectRoot, 'out/renderer'));
  if (!existsSync(path.join(rendererRoot, 'index.html'))) {
    console.log('Building the renderer first (npm run build)...');
    const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: projectRoot, stdio: 'inherit' });
    if (built.status !== 0) return 1;
  }

  // The developer option of issue #20 (electron/receive/devHosts.ts): off unless asked for, and said loudly.
  let testNetwork;
  try {
    testNetwork = devNetwork(values['dev-host'] ?? [], process.env);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  if (testNetwork) console.error(devHostsWarning(testNetwork));
  const downloads = path.resolve(values.downloads ?? `${vault}-downloads`);
  const preferences = openFilePreferences(vault);
  // The harness has no OS keychain: "remember on this device" is not offered there.
  const wallet = new WalletSession({
    folder: vault,
    keyProtector: () => Promise.resolve(null),
    ownerEmails: () => readPreferences(preferences).profile.emails,
    networkUse: () => readPreferences(preferences).network,
    language: () => readPreferences(preferences).language,
    ...(testNetwork ? { testNetwork } : {}),
  });
  const log = (line: string): void => {
    console.error(`[harness] ${line}`);
  };
  const desktop = harnessShell({ wallet, preferences, log });
  const handlers = createHandlers({
    host: 'harness',
    version: packageVersion(),
    platform: process.platform,
    ...optionalVerifierUrl(),
    // The window says loudly that the option is on, for as long as it runs.
    ...(testNetwork ? { developerHosts: developerHostsView(testNetwork, process.env) } : {}),
    preferences,
    wallet,
    saveFile: (suggestedName, bytes) => {
      const saved = saveIntoFolder(downloads, suggestedName, bytes);
      console.log(`saved ${saved}`);
      return Promise.resolve(saved);
    },
    openExternal: (url) => {
      // The harness never launches programs: it reports what the app would have opened.
      console.log(`open-external ${url.href}`);
      return Promise.resolve();
    },
  });
  const harness = await startHarness({
    rendererRoot,
    handlers: desktop.wrap(handlers),
    shell: desktop.shell,
    bridgeScript: await bundleBridge(),
    port,
    log,
  });
  console.log(`Badgefolio harness at ${harness.url}`);
  const stop = (): void => {
    void harness.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`The harness could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
