import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, ipcChannelId } from '../../shared/contract/channels';
import { ipcEventId, shellEventNames, type ShellEventName } from '../../shared/contract/events';
import FakeElectronStore from '../support/fakeElectronStore';
import { becomeReady, recorded, FakeWebContents, app as fakeApp, powerMonitor, type MenuTemplateItem } from '../support/fakeElectron';
import { bakePngItxt, makeBadgePng, makeOb2Assertion, makeOb3Credential } from '../support/credentials';

vi.mock('electron', () => import('../support/fakeElectron'));
vi.mock('electron-store', () => import('../support/fakeElectronStore'));

type IpcListener = (event: unknown, request: unknown) => Promise<unknown>;

const trustedFrame = { url: 'app://badgefolio/index.html', parent: null };

function invoke(channel: string, request: unknown, senderFrame: unknown = trustedFrame): Promise<unknown> {
  const listener = recorded.ipcHandlers.get(channel) as IpcListener | undefined;
  if (!listener) throw new Error(`no handler for ${channel}`);
  return listener({ senderFrame }, request);
}

/** Real badge files in a temporary "Downloads" folder, as the OS would hand them to the app. */
const downloads = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-shell-downloads-'));
function badgeFile(name: string, achievementName: string, seed: number, validUntil?: Date): string {
  const file = path.join(downloads, name);
  writeFileSync(file, JSON.stringify(makeOb3Credential({ issuer: 'did:example:issuer', idSeed: seed, achievementName, ...(validUntil ? { validUntil } : {}) })));
  return file;
}
const launchBadge = badgeFile('launch.badge.json', 'Started with me', 1, new Date(Date.now() + 5 * 24 * 60 * 60 * 1000));
const secondBadge = path.join(downloads, 'second.png');
writeFileSync(
  secondBadge,
  bakePngItxt(
    makeBadgePng(1_000, 2),
    'openbadges',
    JSON.stringify(makeOb2Assertion({ assertionId: 'https://badges.example.org/a/second.json', badgeName: 'From a second launch' }).assertion),
  ),
);
const dockBadge = badgeFile('dock.badge.json', 'Dropped on the dock', 2);
const menuBadge = badgeFile('menu.badge.json', 'Picked in the menu', 3);

function sent(name: ShellEventName): unknown[] {
  return (recorded.windows[0]?.webContents.sent ?? []).filter((message) => message.channel === ipcEventId(name)).map((message) => message.payload);
}

function flatten(items: readonly MenuTemplateItem[]): MenuTemplateItem[] {
  return items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
}
const menuItem = (label: string): MenuTemplateItem | undefined => flatten(recorded.applicationMenu?.template ?? []).find((item) => item.label === label);

describe('the Electron shell, loaded from the built main entry with a stand-in electron', () => {
  const argv = process.argv;
  beforeAll(async () => {
    // Started as a packaged app with a file: Chromium's switches are not files.
    process.argv = ['/opt/Badgefolio/badgefolio', '--no-sandbox', launchBadge];
    // @ts-expect-error: the built bundle has no type declarations; importing it starts the app.
    await import('../../out/main/index.js');
    expect(recorded.windows).toHaveLength(0);
    becomeReady();
    await vi.waitFor(() => {
      expect(recorded.windows).toHaveLength(1);
    });
  });
  afterAll(() => {
    process.argv = argv;
    vi.resetModules();
  });

  it('claims the single instance first, offering the files it was started with to a running one', () => {
    expect(recorded.singleInstance.data).toEqual([{ files: [launchBadge] }]);
    expect(recorded.order.indexOf('requestSingleInstanceLock')).toBeLessThan(recorded.order.indexOf('registerSchemesAsPrivileged'));
    expect(recorded.order).not.toContain('quit');
  });

  it('sets an application menu of standard roles plus Import, Export PDF, Lock, Preferences and Help, with shortcuts', () => {
    const template = recorded.applicationMenu?.template ?? [];
    const roles = flatten(template)
      .map((item) => item.role)
      .filter(Boolean);
    for (const role of ['editMenu', 'windowMenu', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'quit']) expect(roles).toContain(role);
    expect(roles).not.toContain('toggleDevTools');
    const shortcuts: Record<string, string | undefined> = Object.fromEntries(
      flatten(template)
        .filter((item) => item.click)
        .map((item): [string, string | undefined] => [item.label ?? '', item.accelerator]),
    );
    expect(shortcuts).toMatchObject({
      'Import Badges…': 'CmdOrCtrl+O',
      'Export Portfolio PDF…': 'CmdOrCtrl+E',
      'Lock Wallet': 'CmdOrCtrl+L',
    });
    expect(Object.values(shortcuts)).toContain('CmdOrCtrl+,');
    expect(recorded.aboutPanel).toMatchObject({ applicationName: 'Badgefolio', applicationVersion: '0.1.0' });
  });

  it('tells a freshly loaded window that the file it was started with waits for a wallet', () => {
    const [window] = recorded.windows;
    expect(sent('filesWaiting')).toEqual([{ count: 1, names: ['launch.badge.json'] }]); // said at start, maybe before the page listened
    window?.webContents.sent.splice(0);
    window?.webContents.emit('did-finish-load');
    expect(sent('filesWaiting')).toEqual([{ count: 1, names: ['launch.badge.json'] }]);
  });

  it('registers app:// as a privileged standard scheme and enables the sandbox before ready', () => {
    expect(recorded.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
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
      // The verifier page is the project's published one, from package.json (electron/core/verifierUrl.ts).
      value: { name: 'Badgefolio', version: '0.1.0', platform: process.platform, host: 'electron', verifierUrl: 'https://badgefolio.github.io/badgefolio/verifier/' },
    });
  });

  it('refuses untrusted senders: another origin, an iframe, no frame at all', async () => {
    const forbidden = { ok: false, error: { code: 'forbidden', message: expect.any(String) as string } };
    await expect(invoke(ipcChannelId('appInfo'), {}, { url: 'https://evil.example/', parent: null })).resolves.toEqual(forbidden);
    await expect(invoke(ipcChannelId('appInfo'), {}, { url: 'app://badgefolio/index.html', parent: {} })).resolves.toEqual(forbidden);
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

  it('imports the waiting file once a wallet is created, with the usual summary, and sends the notices', async () => {
    await expect(invoke(ipcChannelId('createWallet'), { passphrase: 'shell test passphrase', remember: false })).resolves.toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    await vi.waitFor(() => {
      expect(sent('filesImported')).toMatchObject([{ outcomes: [{ file: 'launch.badge.json', outcome: 'added', name: 'Started with me' }] }]);
    });
    expect(sent('filesWaiting').at(-1)).toEqual({ count: 0, names: [] });
    await vi.waitFor(() => {
      expect(sent('notices').at(-1)).toMatchObject({ notices: [{ kind: 'expiring', name: 'Started with me', daysLeft: 5 }] });
    });
    expect(recorded.notifications).toEqual([]); // OS notifications are opt-in
  }, 20_000);

  it('locks the wallet when the screen locks or the computer sleeps, and the window forgets it', async () => {
    await expect(invoke(ipcChannelId('walletState'), {})).resolves.toMatchObject({ ok: true, value: { state: 'unlocked' } });
    const [window] = recorded.windows;
    const reloads = window?.webContents.reloads ?? 0;
    powerMonitor.emit('lock-screen');
    await expect(invoke(ipcChannelId('walletState'), {})).resolves.toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(window?.webContents.reloads).toBe(reloads + 1);
    await invoke(ipcChannelId('unlockWallet'), { passphrase: 'shell test passphrase', remember: false });
    powerMonitor.emit('suspend');
    await expect(invoke(ipcChannelId('walletState'), {})).resolves.toMatchObject({ ok: true, value: { state: 'locked' } });
    // Locking from the renderer clears the notices: they speak of a wallet it can no longer see.
    await invoke(ipcChannelId('lockWallet'), {});
    expect(sent('notices').at(-1)).toEqual({ notices: [] });
  }, 20_000);

  it('brings the window back when launched again and imports the second launch’s files after unlock', async () => {
    const [window] = recorded.windows;
    if (!window) throw new Error('no window');
    window.minimized = true;
    const focused = window.focused;
    fakeApp.emit('second-instance', {}, ['/opt/Badgefolio/badgefolio', '--allow-file-access', 'ignored.png'], downloads, { files: [secondBadge] });
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(focused + 1);
    expect(recorded.windows).toHaveLength(1);
    await vi.waitFor(() => {
      expect(sent('filesWaiting').at(-1)).toEqual({ count: 1, names: ['second.png'] });
    });
    await invoke(ipcChannelId('unlockWallet'), { passphrase: 'shell test passphrase', remember: false });
    await vi.waitFor(() => {
      expect(sent('filesImported').at(-1)).toMatchObject({ outcomes: [{ file: 'second.png', outcome: 'added', name: 'From a second launch' }] });
    });
  });

  it('reads an older second launch’s files from its command line, relative to its folder', async () => {
    fakeApp.emit('second-instance', {}, ['/opt/Badgefolio/badgefolio', '--flag', 'second.png'], downloads, undefined);
    await vi.waitFor(() => {
      expect(sent('filesImported').at(-1)).toMatchObject({ outcomes: [{ file: 'second.png', outcome: 'already-there', name: 'From a second launch' }] });
    });
  });

  it('imports a file opened from Finder or dropped on the dock (open-file), keeping the OS from handling it', async () => {
    const preventDefault = vi.fn();
    fakeApp.emit('open-file', { preventDefault }, dockBadge);
    expect(preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => {
      expect(sent('filesImported').at(-1)).toMatchObject({ outcomes: [{ file: 'dock.badge.json', outcome: 'added', name: 'Dropped on the dock' }] });
    });
  });

  it('menu: Import opens the file dialog and imports the choice; Export PDF and Preferences go to the renderer', async () => {
    recorded.openDialogAnswer = { canceled: false, filePaths: [menuBadge] };
    menuItem('Import Badges…')?.click?.();
    await vi.waitFor(() => {
      expect(sent('filesImported').at(-1)).toMatchObject({ outcomes: [{ file: 'menu.badge.json', outcome: 'added', name: 'Picked in the menu' }] });
    });
    expect(recorded.openDialogs.at(-1)).toMatchObject({ properties: ['openFile', 'multiSelections'] });
    menuItem('Export Portfolio PDF…')?.click?.();
    const preferencesItem = flatten(recorded.applicationMenu?.template ?? []).find((item) => item.accelerator === 'CmdOrCtrl+,');
    preferencesItem?.click?.();
    expect(sent('menuCommand')).toEqual([{ command: 'exportPdf' }, { command: 'preferences' }]);
  });

  it('shows OS notifications only once the user opts in, once per notice, and a click brings the window forward', async () => {
    expect(recorded.notifications).toEqual([]);
    await invoke(ipcChannelId('setPreferences'), { osNotifications: true });
    expect(recorded.notifications.map((n) => n.options)).toEqual([{ title: 'A credential expires soon', body: '“Started with me” expires in 5 days.' }]);
    expect(recorded.notifications[0]?.shown).toBe(true);
    const [window] = recorded.windows;
    const focused = window?.focused ?? 0;
    recorded.notifications[0]?.emit('click');
    expect(window?.focused).toBe(focused + 1);
    await invoke(ipcChannelId('setPreferences'), { theme: 'dark' });
    expect(recorded.notifications).toHaveLength(1);
  });

  it('menu: Lock locks the wallet at once, as the screen lock does', async () => {
    const [window] = recorded.windows;
    const reloads = window?.webContents.reloads ?? 0;
    menuItem('Lock Wallet')?.click?.();
    await expect(invoke(ipcChannelId('walletState'), {})).resolves.toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(window?.webContents.reloads).toBe(reloads + 1);
  });

  it('follows the language preference in its menu', async () => {
    await invoke(ipcChannelId('setPreferences'), { language: 'de' });
    expect(menuItem('Brieftasche sperren')?.accelerator).toBe('CmdOrCtrl+L');
    await invoke(ipcChannelId('setPreferences'), { language: 'en' });
  });

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
  it('exposes window.wallet with one function per channel, window.walletEvents, and nothing else', async () => {
    await import('../../electron/preload/index');
    const api = recorded.exposedInMainWorld.get('wallet') as Record<string, (request: unknown) => Promise<unknown>>;
    expect([...recorded.exposedInMainWorld.keys()]).toEqual(['wallet', 'walletEvents']);
    expect(Object.keys(api).sort()).toEqual([...channelNames].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await api.appInfo?.({});
    expect(recorded.invoked).toEqual([{ channel: 'badgefolio:appInfo', args: [{}] }]);
  });

  it('passes main-process events to the page as validated payloads, never the IPC event itself', async () => {
    const events = recorded.exposedInMainWorld.get('walletEvents') as {
      on: (name: string, listener: (payload: unknown) => void) => () => void;
    };
    expect(Object.isFrozen(events)).toBe(true);
    expect([...recorded.rendererListeners.keys()].sort()).toEqual(shellEventNames.map(ipcEventId).sort());
    const deliver = (name: ShellEventName, payload: unknown): void => {
      for (const listener of recorded.rendererListeners.get(ipcEventId(name)) ?? []) listener({ sender: 'ipc internals' }, payload);
    };
    // Arrived before the page subscribed: kept and replayed.
    deliver('filesWaiting', { count: 2, names: ['a.png', 'b.jwt'] });
    const seen: unknown[] = [];
    const off = events.on('filesWaiting', (payload) => seen.push(payload));
    await new Promise((resolve) => setTimeout(resolve, 0));
    deliver('filesWaiting', { count: 'many' });
    deliver('filesWaiting', { count: 0, names: [] });
    off();
    deliver('filesWaiting', { count: 1, names: ['c.pdf'] });
    expect(seen).toEqual([
      { count: 2, names: ['a.png', 'b.jwt'] },
      { count: 0, names: [] },
    ]);
  });
});
