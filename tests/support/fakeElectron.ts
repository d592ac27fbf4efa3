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
};

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
  }
  bounds = { x: 0, y: 0, width: 0, height: 0 };
  maximized = false;
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
    Promise.resolve({ result: Buffer.from(bytes).reverse().toString().replace(/^sealed:/, ''), shouldReEncrypt: false }),
};

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

export const powerMonitor = new (class extends FakeEmitter {
  getSystemIdleTime(): number {
    return 0;
  }
})();

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
};

export default { app, BrowserWindow: FakeBrowserWindow, protocol, session, ipcMain, shell, contextBridge, ipcRenderer, safeStorage, powerMonitor, screen };
