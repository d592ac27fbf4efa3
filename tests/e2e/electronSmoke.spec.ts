import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { _electron as electron, chromium, type Page } from '@playwright/test';
import type { WalletEventsApi } from '../../shared/contract/walletEventsApi';
import { electronBinary } from '../support/electronBinary';
import { expect, test } from './fixtures';

const binary = electronBinary();
const noBinary = 'skipped: no Electron binary';
const root = path.resolve(import.meta.dirname, '../..');

test('the real desktop app opens its window on the first screen', async () => {
  if (!binary) console.log(`electron smoke test ${noBinary}`);
  // Skipped only where no Electron binary exists (our build machines), and says so.
  test.info().skip(!binary, noBinary);
  const app = await electron.launch({
    executablePath: binary ?? '',
    args: [path.join(root, 'out/main/index.js'), '--no-sandbox'],
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle('Badgefolio');
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Badgefolio' })).toBeVisible();
    expect(page.url()).toBe('app://badgefolio/index.html');
    const isolated = await page.evaluate(() => ({
      wallet: typeof window.wallet.appInfo,
      walletEvents: typeof (window as unknown as { walletEvents?: WalletEventsApi }).walletEvents?.on,
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(isolated).toEqual({ wallet: 'function', walletEvents: 'function', require: 'undefined', process: 'undefined' });
    const info = await page.evaluate(() => window.wallet.appInfo({}));
    expect(info).toMatchObject({ ok: true, value: { name: 'Badgefolio', host: 'electron' } });
  } finally {
    await app.close();
  }
});

/** Where electron-builder --dir puts the executable on this OS. */
function packedExecutable(output: string): string {
  if (process.platform === 'darwin') {
    const folder = process.arch === 'arm64' ? 'mac-arm64' : 'mac';
    return path.join(output, folder, 'Badgefolio.app/Contents/MacOS/Badgefolio');
  }
  if (process.platform === 'win32') return path.join(output, 'win-unpacked/Badgefolio.exe');
  return path.join(output, 'linux-unpacked/badgefolio');
}

function waitForOutput(child: ChildProcess, pattern: RegExp, ms: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => {
      reject(new Error(`no ${String(pattern)} within ${String(ms)} ms:\n${text}`));
    }, ms);
    const onData = (chunk: Buffer): void => {
      text += chunk.toString();
      const match = pattern.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
}

async function appWindow(browser: Awaited<ReturnType<typeof chromium.connectOverCDP>>): Promise<Page> {
  for (let tries = 0; tries < 100; tries++) {
    const page = browser
      .contexts()
      .flatMap((context) => context.pages())
      .find((candidate) => candidate.url().startsWith('app://badgefolio/'));
    if (page) return page;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the packaged app opened no window');
}

test('the packaged app (electron-builder --dir with the real Electron) runs with its fuses and stays one instance', async () => {
  test.info().skip(!binary, noBinary);
  test.setTimeout(240_000);
  const work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-packaged-'));
  const output = path.join(work, 'dist');
  const packed = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/electron-builder/cli.js'),
      '--dir',
      '--publish',
      'never',
      '--config',
      path.join(root, 'build/electron-builder.yml'),
      `-c.electronDist=${process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(root, 'node_modules/electron/dist')}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: root, encoding: 'utf8', timeout: 180_000 },
  );
  expect(packed.status, `${packed.stdout}\n${packed.stderr}`).toBe(0);
  const executable = packedExecutable(output);
  const wire = (await getCurrentFuseWire(executable)) as Partial<Record<FuseV1Options, number>>;
  expect(wire[FuseV1Options.RunAsNode]).toBe('0'.charCodeAt(0));
  expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe('1'.charCodeAt(0));

  // Its own data folders: the packaged app must not touch the developer's wallet.
  const home = path.join(work, 'home');
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), APPDATA: path.join(home, 'AppData') };
  // Playwright's Electron launcher needs --inspect, which the fuses switch off: connect over CDP.
  const first = spawn(executable, ['--no-sandbox', '--remote-debugging-port=0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const [, endpoint] = await waitForOutput(first, /DevTools listening on (ws:\/\/\S+)/, 60_000);
    const browser = await chromium.connectOverCDP(endpoint ?? '');
    const page = await appWindow(browser);
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Badgefolio' })).toBeVisible();
    await expect(page.evaluate(() => window.wallet.appInfo({}))).resolves.toMatchObject({ ok: true, value: { host: 'electron' } });

    // A second launch with a file hands it over and quits; the first says it waits for a wallet.
    const badge = path.join(work, 'second.badge.json');
    writeFileSync(badge, '{}');
    const heard = page.evaluate(
      () =>
        new Promise((resolve) => {
          (window as unknown as { walletEvents: WalletEventsApi }).walletEvents.on('filesWaiting', resolve);
        }),
    );
    const second = spawn(executable, ['--no-sandbox', badge], { env, stdio: 'ignore' });
    const exitCode = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(exitCode).toBe(0);
    await expect(heard).resolves.toEqual({ count: 1, names: ['second.badge.json'] });
    await browser.close();
  } finally {
    first.kill();
  }
});
