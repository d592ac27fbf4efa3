/**
 * A stand-in for the `electron` module, recording how the shell wires itself. It models
 * only what the shell calls; a call it does not model throws, so new wiring is noticed.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Listener = (...args: unknown[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

export class FakeWebContents extends FakeEmitter {
  reloads = 0;
  reload(): void {
    this.reloads++;
  }
  loading = false;
  isLoading(): boolean {
    return this.loading;
  }
  /** Everything sent to the renderer: the shell's events. */
  readonly sent: { channel: string; payload: unknown }[] = [];
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

let readyResolve: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  readyResolve = resolve;
});

export const recorded = {
  order: [] as string[],
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  ipcHandlers: new Map<string, Listener>(),
  windows: [] as FakeBrowserWindow[],
  permissionRequestHandler: null as Listener | null,
  permissionCheckHandler: null as Listener | null,
  sandboxEnabled: false,
  openedExternally: [] as string[],
  exposedInMainWorld: new Map<string, unknown>(),
  invoked: [] as { channel: string; args: unknown[] }[],
  /** What app.requestSingleInstanceLock was given; `granted` decides its answer. */
  singleInstance: { granted: true, data: [] as unknown[] },
  aboutPanel: null as Record<string, unknown> | null,
  appUserModelId: null as string | null,
  applicationMenu: null as { template: MenuTemplateItem[] } | null,
  notifications: [] as FakeNotification[],
  openDialogs: [] as unknown[],
  /** What the next open dialog answers (the user's choice). */
  openDialogAnswer: { canceled: true, filePaths: [] as string[] },
  rendererListeners: new Map<string, Listener[]>(),
  protocolClients: [] as { scheme: string; path?: string; args?: string[] }[],
};

export interface MenuTemplateItem {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  click?: () => void;
  submenu?: MenuTemplateItem[];
}

export function becomeReady(): void {
  readyResolve();
}

class FakeApp extends FakeEmitter {
  isPackaged = true;
  getVersion(): string {
    return '0.1.0';
  }
  /** A real temporary folder: the shell creates its wallet and preferences there. */
  readonly userData = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-fake-userdata-'));
  /** The project folder, as `electron .` would have it: its package.json is the app's. */
  getAppPath(): string {
    return path.resolve(import.meta.dirname, '../..');
  }
  getPath(name: string): string {
    return name === 'userData' ? this.userData : `/fake/${name}`;
  }
  enableSandbox(): void {
    recorded.sandboxEnabled = true;
    recorded.order.push('enableSandbox');
  }
  whenReady(): Promise<void> {
    return ready;
  }
  quit(): void {
    recorded.order.push('quit');
  }
  requestSingleInstanceLock(data?: unknown): boolean {
    recorded.singleInstance.data.push(data);
    recorded.order.push('requestSingleInstanceLock');
    return recorded.singleInstance.granted;
  }
  setAboutPanelOptions(options: Record<string, unknown>): void {
    recorded.aboutPanel = options;
  }
  setAppUserModelId(id: string): void {
    recorded.appUserModelId = id;
  }
  /** Deep links (issue #20): which schemes the app claimed, and how. */
  setAsDefaultProtocolClient(scheme: string, executable?: string, args?: string[]): boolean {
    recorded.protocolClients.push({ scheme, ...(executable ? { path: executable } : {}), ...(args ? { args } : {}) });
    return true;
  }
}

export const app = new FakeApp();

export class FakeBrowserWindow extends FakeEmitter {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    recorded.windows.push(this);
    recorded.order.push('BrowserWindow');
    app.emit('web-contents-created', {}, this.webContents);
    app.emit('browser-window-created', {}, this);
  }
  bounds = { x: 0, y: 0, width: 0, height: 0 };
  maximized = false;
  minimized = false;
  focused = 0;
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focused++;
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return recorded.windows[0] ?? null;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return this.bounds;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  maximize(): void {
    this.maximized = true;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    recorded.order.push('show');
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return recorded.windows;
  }
}
export { FakeBrowserWindow as BrowserWindow };

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    recorded.privilegedSchemes.push(...schemes);
    recorded.order.push('registerSchemesAsPrivileged');
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
    recorded.protocolHandlers.set(scheme, handler);
    recorded.order.push(`protocol.handle:${scheme}`);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: Listener): void {
      recorded.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Listener): void {
      recorded.permissionCheckHandler = handler;
    },
  },
};

export const ipcMain = {
  handle(channel: string, listener: Listener): void {
    if (recorded.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    recorded.ipcHandlers.set(channel, listener);
  },
};

export const shell = {
  openExternal(url: string): Promise<void> {
    recorded.openedExternally.push(url);
    return Promise.resolve();
  },
};

/** safeStorage with a switchable backend; "encryption" is a reversible stand-in, not crypto. */
export const safeStorageState = { available: true, backend: 'gnome_libsecret' as string };
export const safeStorage = {
  isAsyncEncryptionAvailable: (): Promise<boolean> => Promise.resolve(safeStorageState.available),
  getSelectedStorageBackend: (): string => safeStorageState.backend,
  encryptStringAsync: (text: string): Promise<Buffer> => Promise.resolve(Buffer.from(`sealed:${text}`).reverse()),
  decryptStringAsync: (bytes: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> =>
    Promise.resolve({
      result: Buffer.from(bytes)
        .reverse()
        .toString()
        .replace(/^sealed:/, ''),
      shouldReEncrypt: false,
    }),
};

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

export const powerMonitor = new (class extends FakeEmitter {
  getSystemIdleTime(): number {
    return 0;
  }
})();

export const Menu = {
  buildFromTemplate(template: MenuTemplateItem[]): { template: MenuTemplateItem[] } {
    return { template };
  },
  setApplicationMenu(menu: { template: MenuTemplateItem[] }): void {
    recorded.applicationMenu = menu;
  },
};

export class FakeNotification extends FakeEmitter {
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
    recorded.notifications.push(this);
  }
  show(): void {
    this.shown = true;
  }
}
export { FakeNotification as Notification };

export const dialog = {
  showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    recorded.openDialogs.push(args.at(-1));
    return Promise.resolve(recorded.openDialogAnswer);
  },
  showSaveDialog(): Promise<{ canceled: boolean; filePath: string }> {
    return Promise.resolve({ canceled: true, filePath: '' });
  },
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    recorded.exposedInMainWorld.set(key, api);
  },
};

export const ipcRenderer = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    recorded.invoked.push({ channel, args });
    return Promise.resolve({ ok: true, value: null });
  },
  on(channel: string, listener: Listener): void {
    recorded.rendererListeners.set(channel, [...(recorded.rendererListeners.get(channel) ?? []), listener]);
  },
};

export default {
  app,
  BrowserWindow: FakeBrowserWindow,
  protocol,
  session,
  ipcMain,
  shell,
  contextBridge,
  ipcRenderer,
  safeStorage,
  powerMonitor,
  screen,
  Menu,
  Notification: FakeNotification,
  dialog,
};
