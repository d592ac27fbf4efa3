import type { ChannelName, ChannelRequest, ChannelResponse } from './channels';
import type { IpcResult } from './result';

/**
 * The shape of `window.wallet`, derived from the contract. The preload (Electron) and the
 * harness bridge (Chromium) both build an object of this type by iterating the channels.
 */
export type WalletApi = {
  readonly [K in ChannelName]: (request: ChannelRequest<K>) => Promise<IpcResult<ChannelResponse<K>>>;
};
