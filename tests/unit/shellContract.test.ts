import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, ipcChannelId } from '../../shared/contract/channels';
import FakeElectronStore from '../support/fakeElectronStore';
import { becomeReady, recorded, FakeWebContents, app as fakeApp, powerMonitor } from '../support/fakeElectron';

vi.mock('electron', () => import('../support/fakeElectron'));
vi.mock('electron-store', () => import('../support/fakeElectronStore'));

type IpcListener = (event: unknown, request: unknown) => Promise<unknown>;

const trustedFrame = { url: 'app://badgefolio/index.html', parent: null };

function invoke(channel: string, request: unknown, senderFrame: unknown = trustedFrame): Promise<unknown> {
  const listener = recorded.ipcHandlers.get(channel) as IpcListener | undefined;
  if (!listener) throw new Error(`no handler for ${channel}`);
  return listener({ senderFrame }, request);
}

describe('the Electron shell, loaded from the built main entry with a stand-in electron', () => {
  beforeAll(async () => {
    // @ts-expect-error: the built bundle has no type declarations; importing it starts the app.
    await import('../../out/main/index.js');
    expect(recorded.windows).toHaveLength(0);
    becomeReady();
    await vi.waitFor(() => {
      expect(recorded.windows).toHaveLength(1);
    });
  });
  afterAll(() => {
    vi.resetModules();
  });

  it('registers app:// as a privileged standard scheme and enables the sandbox before ready', () => {
    expect(recorded.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(recorded.sandboxEnabled).toBe(true);
    expect(recorded.order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(recorded.order.indexOf('protocol.handle:app'));
  });

  it('opens one window titled Badgefolio with the hardened webPreferences, on app://', () => {
    const [window] = recorded.windows;
    expect(window?.options.title).toBe('Badgefolio');
    const prefs = window?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(String(prefs.preload)).toMatch(/out[/\\]preload[/\\]index\.cjs$/);
    expect(window?.loadedUrl).toBe('app://badgefolio/index.html');
  });

  it('serves the built renderer over app:// with the strict CSP, and nothing outside it', async () => {
    const handler = recorded.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    if (!handler) return;
    const index = await handler(new Request('app://badgefolio/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<title>Badgefolio</title>');

    for (const escape of [
      'app://badgefolio/..%2f..%2fpackage.json',
      'app://badgefolio/%2e%2e/%2e%2e/package.json',
      'app://badgefolio/..%5c..%5cpackage.json',
      'app://elsewhere/index.html',
      'app://badgefolio/missing.js',
    ]) {
      expect((await handler(new Request(escape))).status, escape).toBe(404);
    }
  });

  it('registers exactly one handler per contract channel', () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(channelNames.map(ipcChannelId).sort());
  });

  it('answers a trusted call through the contract', async () => {
    await expect(invoke(ipcChannelId('appInfo'), {})).resolves.toEqual({
      ok: true,
      value: { name: 'Badgefolio', version: '0.1.0', platform: process.platform, host: 'electron' },
    });
  });

  it('refuses untrusted senders: another origin, an iframe, no frame at all', async () => {
    const forbidden = { ok: false, error: { code: 'forbidden', message: expect.any(String) as string } };
    await expect(invoke(ipcChannelId('appInfo'), {}, { url: 'https://evil.example/', parent: null })).resolves.toEqual(forbidden);
    await expect(invoke(ipcChannelId('appInfo'), {}, { url: 'app://badgefolio/index.html', parent: {} })).resolves.toEqual(
      forbidden,
    );
    await expect(invoke(ipcChannelId('appInfo'), {}, null)).resolves.toEqual(forbidden);
  });

  it('answers a malformed request with a clear error instead of crashing', async () => {
    const result = (await invoke(ipcChannelId('setPreferences'), { theme: 'purple', extra: 1 })) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('bad-request');
    expect(result.error.message).toMatch(/theme/);
    await expect(invoke(ipcChannelId('getPreferences'), 'not an object')).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });

  it('opens only https links, through the shell', async () => {
    await expect(invoke(ipcChannelId('openExternal'), { url: 'javascript:alert(1)' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    await expect(invoke(ipcChannelId('openExternal'), { url: 'https://example.org/badge' })).resolves.toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(recorded.openedExternally).toEqual(['https://example.org/badge']);
  });

  it('locks the wallet when the screen locks or the computer sleeps, and the window forgets it', async () => {
    await expect(invoke(ipcChannelId('createWallet'), { passphrase: 'shell test passphrase', remember: false })).resolves.toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    const [window] = recorded.windows;
    const reloads = window?.webContents.reloads ?? 0;
    powerMonitor.emit('lock-screen');
    await expect(invoke(ipcChannelId('walletState'), {})).resolves.toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(window?.webContents.reloads).toBe(reloads + 1);
    await invoke(ipcChannelId('unlockWallet'), { passphrase: 'shell test passphrase', remember: false });
    powerMonitor.emit('suspend');
    await expect(invoke(ipcChannelId('walletState'), {})).resolves.toMatchObject({ ok: true, value: { state: 'locked' } });
  }, 20_000);

  it('remembers where the window was, and opens it there only while that place is on a screen', async () => {
    const { restoredBounds } = await import('../../electron/core/windowState');
    const [window] = recorded.windows;
    expect(window?.options).toMatchObject({ width: 1200, height: 800 });
    if (!window) return;
    window.bounds = { x: 200, y: 100, width: 1000, height: 700 };
    window.emit('close');
    const saved = FakeElectronStore.instances.at(-1)?.store.window as Record<string, unknown>;
    expect(saved).toEqual({ x: 200, y: 100, width: 1000, height: 700, maximized: false });
    const screens = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(restoredBounds({ x: 200, y: 100, width: 1000, height: 700, maximized: false }, screens)).toEqual({ x: 200, y: 100, width: 1000, height: 700 });
    expect(restoredBounds({ x: 3000, y: 100, width: 1000, height: 700, maximized: false }, screens)).toEqual({ width: 1000, height: 700 });
  });

  it('denies every permission request and check', () => {
    const decisions: boolean[] = [];
    recorded.permissionRequestHandler?.({}, 'media', (granted: boolean) => decisions.push(granted));
    recorded.permissionRequestHandler?.({}, 'notifications', (granted: boolean) => decisions.push(granted));
    expect(decisions).toEqual([false, false]);
    expect(recorded.permissionCheckHandler?.({}, 'clipboard-read')).toBe(false);
  });

  it('blocks navigation, redirects, webviews and window.open in every web contents', () => {
    const contents = new FakeWebContents();
    fakeApp.emit('web-contents-created', {}, contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const prevent = vi.fn();
      contents.emit(event, { preventDefault: prevent }, 'https://evil.example/');
      expect(prevent, event).toHaveBeenCalled();
    }
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});

describe('the preload', () => {
  it('exposes window.wallet with one function per channel and nothing else', async () => {
    await import('../../electron/preload/index');
    const api = recorded.exposedInMainWorld.get('wallet') as Record<string, (request: unknown) => Promise<unknown>>;
    expect([...recorded.exposedInMainWorld.keys()]).toEqual(['wallet']);
    expect(Object.keys(api).sort()).toEqual([...channelNames].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await api.appInfo?.({});
    expect(recorded.invoked).toEqual([{ channel: 'badgefolio:appInfo', args: [{}] }]);
  });
});
