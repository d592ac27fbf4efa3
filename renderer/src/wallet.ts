import type { IpcResult } from '../../shared/contract/result';
import type { WalletApi } from '../../shared/contract/walletApi';

declare global {
  interface Window {
    /** Provided by the preload (Electron) or the harness bridge (Chromium); nothing else. */
    readonly wallet: WalletApi;
  }
}

/** The renderer's only way to reach the wallet. */
export function wallet(): WalletApi {
  return window.wallet;
}

/** An error carrying the main process's plain-language message, for UI that prefers throw. */
export class WalletCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'WalletCallError';
  }
}

export function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new WalletCallError(result.error.code, result.error.message);
}
