import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, shell } from 'electron';
import { productName } from '../../shared/app';
import type { ShellEventSink } from '../../shared/contract/events';
import type { Handlers } from '../core/handlers';
import { applicationMenu, type MenuCommand } from '../core/menuTemplate';
import { appId, docsUrl } from '../core/desktopIdentity';
import { NoticeBoard } from '../core/notices';
import { filesFromCommandLine, importableExtensions, OpenFiles, secondInstanceFiles, type SecondInstanceData } from '../core/openFiles';
import { linksFromCommandLine, OpenLinks, protocolRegistrations, secondInstanceLinks } from '../core/openLinks';
import { readPreferences, type PreferencesBackend } from '../core/preferences';
import { UpdateService } from '../core/updates';
import { withWalletHooks } from '../core/walletHooks';
import type { WalletSession } from '../core/walletSession';
import { parseSafeExternalUrl } from '../security/externalLinks';
import { installApplicationMenu } from './applicationMenu';
import { showOsNotice, windowEventSink } from './shellEvents';
import { loadElectronUpdater } from './updater';

/**
 * The desktop citizen: one instance, files from the OS, the application menu, notices and
 * update checks. The logic lives in electron/core (openFiles, menuTemplate, notices,
 * updates); this file only joins it to Electron.
 */
export interface DesktopShell {
  /** At `ready`, once the wallet and preferences exist: returns the handlers to register. */
  attach(context: DesktopContext): Handlers;
  /** After the first window is created: menu, waiting files, update checks. */
  start(): void;
  /** A preference changed: the menu's language, OS notifications, update checks follow. */
  preferencesChanged(): void;
}

export interface DesktopContext {
  readonly handlers: Handlers;
  readonly wallet: WalletSession;
  readonly preferences: PreferencesBackend;
  /** Locks as the screen lock does (the window forgets what it showed). */
  readonly lockNow: () => void;
  readonly createWindow: () => BrowserWindow;
}

/** The app's package.json (inside app.asar when packaged). */
function readAppManifest(): string | null {
  try {
    return readFileSync(path.join(app.getAppPath(), 'package.json'), 'utf8');
  } catch {
    return null;
  }
}

/**
 * Claims the single instance before anything else starts. A second launch (Open with on a
 * running app, a double-click on a badge file) hands its files to the first and quits: null.
 */
export function claimDesktopShell(log: (line: string) => void): DesktopShell | null {
  const commandLine = { cwd: process.cwd(), packaged: app.isPackaged };
  const launchFiles = filesFromCommandLine(process.argv, commandLine);
  // A badgefolio:// or openid-credential-offer:// link clicked in a browser (Windows, Linux).
  const launchLinks = linksFromCommandLine(process.argv);
  const handOver: SecondInstanceData & { links?: string[] } = { files: launchFiles, ...(launchLinks.length > 0 ? { links: launchLinks } : {}) };
  if (!app.requestSingleInstanceLock(handOver)) {
    app.quit();
    return null;
  }
  // The OS sends these links to this app (development only when asked: electron/core/openLinks.ts).
  const registrations = protocolRegistrations({
    packaged: app.isPackaged,
    defaultApp: process.defaultApp,
    argv: process.argv,
    execPath: process.execPath,
    env: process.env,
    resolvePath: (folder) => path.resolve(folder),
  });
  for (const { scheme, path: executable, args } of registrations) {
    if (executable) app.setAsDefaultProtocolClient(scheme, executable, [...(args ?? [])]);
    else app.setAsDefaultProtocolClient(scheme);
  }

  const early: string[] = [...launchFiles];
  let openFiles: OpenFiles | null = null;
  let context: DesktopContext | null = null;
  const openPaths = (paths: readonly string[]): void => {
    if (openFiles) void openFiles.open(paths).catch(() => undefined);
    else early.push(...paths);
  };
  const earlyLinks: string[] = [...launchLinks];
  let openLinks: OpenLinks | null = null;
  const openAppLinks = (links: readonly string[]): void => {
    if (openLinks) void openLinks.open(links).catch(() => undefined);
    else earlyLinks.push(...links);
  };

  /** The app's one window, brought to the front (created if macOS closed it). */
  const mainWindow = (): Electron.BrowserWindow | null => {
    for (const window of BrowserWindow.getAllWindows()) {
      // The first is the main window: window.open is denied, so there is no other.
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      return window;
    }
    return context ? context.createWindow() : null;
  };

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    mainWindow();
    openPaths(secondInstanceFiles(additionalData, argv, { cwd: workingDirectory, packaged: commandLine.packaged }));
    openAppLinks(secondInstanceLinks(additionalData, argv));
  });
  // macOS: a badgefolio:// or openid-credential-offer:// link, also while starting.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    mainWindow();
    openAppLinks([url]);
  });
  // macOS: a file opened in Finder or dropped on the dock icon, also while starting.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openPaths([file]);
  });

  const sink = windowEventSink(log);
  /** Sends once the renderer can hear it: a window being created now has not loaded yet. */
  const publishToWindow: ShellEventSink = (name, payload) => {
    const window = mainWindow();
    if (window?.webContents.isLoading()) {
      window.webContents.once('did-finish-load', () => {
        sink(name, payload);
      });
    } else sink(name, payload);
  };

  let notices: NoticeBoard | null = null;
  let updates: UpdateService | null = null;
  let menuLanguage: string | null = null;
  let updateSettings = '';
  const docs = docsUrl(readAppManifest());

  const installMenu = (): void => {
    if (!context) return;
    const language = readPreferences(context.preferences).language;
    if (language === menuLanguage) return;
    menuLanguage = language;
    const lockNow = context.lockNow;
    const commands: Record<MenuCommand, () => void> = {
      import: () => {
        importWithDialog().catch((error: unknown) => {
          log(`import dialog failed: ${error instanceof Error ? error.name : typeof error}`);
        });
      },
      exportPdf: () => {
        publishToWindow('menuCommand', { command: 'exportPdf' });
      },
      preferences: () => {
        publishToWindow('menuCommand', { command: 'preferences' });
      },
      lock: lockNow,
      openDocs: () => {
        if (docs) shell.openExternal(parseSafeExternalUrl(docs).href).catch(() => undefined);
      },
    };
    installApplicationMenu(applicationMenu({ platform: process.platform, language, productName, docs: docs !== null }), commands);
  };

  const importWithDialog = async (): Promise<void> => {
    const parent = mainWindow();
    const options = {
      properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
      filters: [
        { name: 'Badges and certificates', extensions: [...importableExtensions] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const choice = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    if (!choice.canceled) openPaths(choice.filePaths);
  };

  const applyUpdates = (): void => {
    if (!context || !updates) return;
    const settings = readPreferences(context.preferences).updates;
    const key = JSON.stringify(settings);
    if (key === updateSettings) return;
    updateSettings = key;
    void updates.apply(settings).catch((error: unknown) => {
      log(`update checks failed to start: ${error instanceof Error ? error.name : typeof error}`);
    });
  };

  return {
    attach(given) {
      context = given;
      const { wallet, preferences } = given;
      if (process.platform === 'win32') app.setAppUserModelId(appId);
      app.setAboutPanelOptions({
        applicationName: productName,
        applicationVersion: app.getVersion(),
        copyright: 'Copyright © 2026 Badgefolio contributors',
        ...(docs ? { website: docs } : {}),
      });
      const board = new NoticeBoard({
        list: () => wallet.list(),
        damaged: () => wallet.damageNotices(),
        publish: sink,
        osNotifications: () => readPreferences(preferences).osNotifications,
        language: () => readPreferences(preferences).language,
        notify: (notice) => {
          showOsNotice(notice, () => {
            mainWindow();
          });
        },
      });
      notices = board;
      // Each wallet check that finishes (after unlock, on request, after a restore) refreshes the notices.
      wallet.onChecked(() => {
        board.refresh();
      });
      // Fetching what imported credentials link to: the window shows how far it is.
      wallet.onDetailsProgress((progress) => {
        sink('detailsProgress', progress);
      });
      openFiles = new OpenFiles({
        wallet,
        publish: sink,
        onImported: () => {
          board.refresh();
        },
        log,
      });
      void openFiles.open(early.splice(0));
      const files = openFiles;
      // Links go to the window's receive flow, which asks before anything is sent; the window comes forward.
      const links = new OpenLinks({ wallet, publish: publishToWindow, log });
      openLinks = links;
      void links.open(earlyLinks.splice(0));
      // A freshly loaded window (first start, or after locking reloaded it) hears what waits.
      app.on('browser-window-created', (_event, window) => {
        window.webContents.on('did-finish-load', () => {
          files.announce();
          links.announce();
          board.refresh();
        });
      });
      updates = new UpdateService({
        packaged: app.isPackaged,
        builtInFeed: typeof process.resourcesPath === 'string' && existsSync(path.join(process.resourcesPath, 'app-update.yml')),
        loadUpdater: loadElectronUpdater,
        publish: sink,
        log,
      });
      return withWalletHooks(
        given.handlers,
        {
          opened: () => {
            void files.flush().catch(() => undefined);
            void links.flush().catch(() => undefined);
            board.refresh();
            // The wallet check, in the background once the unlock has answered.
            wallet.checkInBackground(log);
          },
          changed: () => {
            board.refresh();
          },
          locked: () => {
            board.clear();
          },
        },
        log,
      );
    },
    start() {
      installMenu();
      void openFiles?.start().catch(() => undefined);
      void openLinks?.start().catch(() => undefined);
      applyUpdates();
    },
    preferencesChanged() {
      installMenu();
      applyUpdates();
      // Turning OS notifications on tells about what is already there.
      notices?.refresh();
    },
  };
}
