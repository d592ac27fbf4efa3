import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, protocol, screen, session, shell, type WebContents } from 'electron';
import { appHost, appOrigin, appScheme, productName } from '../../shared/app';
import { AutoLock } from '../core/autoLock';
import { createHandlers } from '../core/handlers';
import { optionalVerifierUrl } from '../core/verifierUrl';
import { readPreferences, type PreferencesBackend } from '../core/preferences';
import { restoredBounds } from '../core/windowState';
import { WalletSession } from '../core/walletSession';
import { appDevHosts } from '../receive/devHosts';
import { safeFileName } from '../core/savedFiles';
import { writeFileAtomic } from '../vault/atomicFile';
import { osKeyProtector } from './keychain';
import { mimeTypeFor, rendererResponseHeaders, resolveRendererFile } from '../security/contentPolicy';
import { claimDesktopShell } from './desktopShell';
import { registerContract } from './ipcRegistration';
import { openPreferencesStore } from './preferencesStore';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');

/** Set by `electron-vite dev` only: the renderer then comes from Vite's dev server. */
function devServerUrl(): string | undefined {
  return app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
}

function trustedOrigins(): string[] {
  const dev = devServerUrl();
  return dev ? [appOrigin, new URL(dev).origin] : [appOrigin];
}

const log = (line: string): void => {
  console.log(`[badgefolio] ${line}`);
};

/** SECURITY: serves only files of the built renderer, always with the strict CSP. */
function handleAppProtocol(): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const file = url.host === appHost ? resolveRendererFile(rendererRoot, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: rendererResponseHeaders(mimeTypeFor(file)) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/** SECURITY: every web contents, present and future, may not navigate, open windows or embed. */
function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The OS save dialog; the file is written by the main process, crash-safely. */
async function saveWithDialog(suggestedName: string, bytes: Uint8Array, kind: 'pdf' | 'original' | 'backup'): Promise<string | null> {
  const name = safeFileName(suggestedName, kind === 'pdf' ? 'Portfolio.pdf' : kind === 'backup' ? 'Badgefolio.badgefolio-backup' : 'credential');
  const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const options = {
    defaultPath: path.join(app.getPath('downloads'), name),
    filters:
      kind === 'pdf'
        ? [{ name: 'PDF', extensions: ['pdf'] }]
        : kind === 'backup'
          ? [{ name: 'Badgefolio backup', extensions: ['badgefolio-backup'] }]
          : [{ name: 'Credential', extensions: [path.extname(name).slice(1) || '*'] }],
  };
  const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  writeFileAtomic(choice.filePath, bytes);
  return choice.filePath;
}

export function createMainWindow(preferences?: PreferencesBackend): BrowserWindow {
  const saved = preferences ? readPreferences(preferences).window : undefined;
  const bounds = restoredBounds(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    title: productName,
    ...bounds,
    minWidth: 720,
    minHeight: 520,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => {
    if (saved?.maximized) window.maximize();
    window.show();
  });
  // Non-secret, so it may live in electron-store: the window opens where it was left.
  window.on('close', () => {
    if (!preferences) return;
    const { x, y, width, height } = window.getNormalBounds();
    preferences.set({ window: { x, y, width, height, maximized: window.isMaximized() } });
  });
  void window.loadURL(devServerUrl() ?? `${appOrigin}/index.html`);
  return window;
}

/** Starts the desktop app. Everything that needs Electron is wired here and nowhere else. */
export function startApp(): void {
  // One instance: a second launch hands its files to this one and quits.
  const desktop = claimDesktopShell(log);
  if (!desktop) return;
  // SECURITY: must precede `ready`; the scheme gets standard-origin semantics, no file access.
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents);
  });

  void app.whenReady().then(() => {
    // SECURITY: no camera, microphone, notifications-by-web-API, geolocation or the like.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => {
      callback(false);
    });
    session.defaultSession.setPermissionCheckHandler(() => false);
    handleAppProtocol();

    const store = openPreferencesStore();
    // A changed auto-lock delay applies at once, not at the next start.
    const preferences: typeof store = {
      get store() {
        return store.store;
      },
      set: (values) => {
        store.set(values);
        autoLock.setMinutes(readPreferences(store).autoLockMinutes);
        desktop.preferencesChanged();
      },
    };
    // The developer option (BADGEFOLIO_DEV_HOSTS, NODE_EXTRA_CA_CERTS): off unless set, then shown in the window.
    const devHosts = appDevHosts(process.env, log);
    const wallet = new WalletSession({
      folder: app.getPath('userData'),
      keyProtector: () => osKeyProtector(),
      ownerEmails: () => readPreferences(preferences).profile.emails,
      networkUse: () => readPreferences(preferences).network,
      language: () => readPreferences(preferences).language,
      verifierUrl: () => readPreferences(preferences).verifierUrl,
      ...(devHosts ? { testNetwork: devHosts.network } : {}),
    });
    const autoLock = new AutoLock({
      minutes: readPreferences(store).autoLockMinutes,
      idleSeconds: () => powerMonitor.getSystemIdleTime(),
      lock: () => {
        wallet.lock();
        // The renderer drops what it showed: it asks again and finds the wallet locked.
        for (const window of BrowserWindow.getAllWindows()) window.webContents.reload();
      },
    });
    autoLock.start();
    const lockNow = (): void => {
      autoLock.lockNow();
      autoLock.start();
    };
    // SECURITY: lock at once when the screen locks or the computer sleeps.
    powerMonitor.on('lock-screen', () => {
      lockNow();
    });
    powerMonitor.on('suspend', () => {
      lockNow();
    });
    app.on('before-quit', () => {
      wallet.lock();
    });
    const handlers = desktop.attach({
      wallet,
      preferences,
      lockNow,
      createWindow: () => createMainWindow(preferences),
      handlers: createHandlers({
        host: 'electron',
        version: app.getVersion(),
        platform: process.platform,
        ...optionalVerifierUrl(),
        ...(devHosts ? { developerHosts: devHosts.view } : {}),
        preferences,
        wallet,
        openExternal: (url) => shell.openExternal(url.href),
        saveFile: (suggestedName, bytes, kind) => saveWithDialog(suggestedName, bytes, kind),
      }),
    });
    registerContract(ipcMain, handlers, trustedOrigins(), log);
    createMainWindow(preferences);
    desktop.start();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow(preferences);
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
