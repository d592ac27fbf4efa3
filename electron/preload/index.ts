import { contextBridge, ipcRenderer } from 'electron';
import { channelNames, ipcChannelId } from '../../shared/contract/channels';
import { createEventRelay, ipcEventId, shellEventNames } from '../../shared/contract/events';
import type { WalletEventsApi } from '../../shared/contract/walletEventsApi';

/**
 * The whole preload: `window.wallet` with one function per contract channel, and
 * `window.walletEvents` to hear the main process's events, nothing else. No Node objects and
 * no ipcRenderer cross into the page: a listener gets the validated payload, never the IPC event.
 */
const wallet = Object.fromEntries(channelNames.map((name) => [name, (request: unknown) => ipcRenderer.invoke(ipcChannelId(name), request)]));

// Listening starts now, before the page runs: what arrives before it subscribes is kept.
const relay = createEventRelay();
for (const name of shellEventNames) {
  ipcRenderer.on(ipcEventId(name), (_event, payload: unknown) => {
    relay.deliver(name, payload);
  });
}
const walletEvents: WalletEventsApi = { on: (name, listener) => relay.on(name, listener) };

contextBridge.exposeInMainWorld('wallet', Object.freeze(wallet));
contextBridge.exposeInMainWorld('walletEvents', Object.freeze(walletEvents));
