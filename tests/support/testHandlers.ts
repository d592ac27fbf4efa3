import { createHandlers, type Handlers, type HostServices } from '../../electron/core/handlers';
import { WalletSession, type WalletSessionOptions } from '../../electron/core/walletSession';
import { testKdf } from './walletFixtures';

/**
 * The app's IPC handlers as the browser harness serves them, over a real wallet session in a
 * test folder: preferences in memory, no browser to open, and a save dialog the user cancels
 * unless the test gives its own. One home for the setup every contract-level test needs.
 */
export function harnessHandlers(wallet: WalletSession, options: { readonly store?: Record<string, unknown>; readonly saveFile?: HostServices['saveFile'] } = {}): Handlers {
  const store = options.store ?? {};
  return createHandlers({
    host: 'harness',
    version: '1.0.0',
    platform: 'linux',
    preferences: {
      get store() {
        return store;
      },
      set: (values) => Object.assign(store, values),
    },
    wallet,
    openExternal: () => Promise.resolve(),
    saveFile: options.saveFile ?? (() => Promise.resolve(null)),
  });
}

/** A wallet session in `folder` with no OS keychain and a fast key derivation. */
export function testWalletSession(folder: string, options: Partial<WalletSessionOptions> = {}): WalletSession {
  return new WalletSession({ folder, keyProtector: () => Promise.resolve(null), kdf: testKdf, ...options });
}
