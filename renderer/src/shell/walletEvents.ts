import type { WalletEventsApi } from '../../../shared/contract/walletEventsApi';

declare global {
  interface Window {
    /**
     * Events from the main process, provided by the preload (Electron) or the harness bridge
     * (Chromium). Optional: a page opened any other way has none, and then hears nothing.
     */
    readonly walletEvents?: WalletEventsApi;
  }
}

export function walletEvents(): WalletEventsApi | null {
  return window.walletEvents ?? null;
}
