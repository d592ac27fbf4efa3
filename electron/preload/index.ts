import { contextBridge, ipcRenderer } from 'electron';
import { channelNames, ipcChannelId } from '../../shared/contract/channels';

/**
 * The whole preload: `window.wallet` with one function per contract channel, nothing else.
 * No Node objects and no ipcRenderer cross into the page.
 */
const wallet = Object.fromEntries(
  channelNames.map((name) => [name, (request: unknown) => ipcRenderer.invoke(ipcChannelId(name), request)]),
);

contextBridge.exposeInMainWorld('wallet', Object.freeze(wallet));
