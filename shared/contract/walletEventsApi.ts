import type { ShellEventName, ShellEventPayload } from './events';

/**
 * The shape of `window.walletEvents`: subscribe to one event by name and get a function that
 * ends the subscription. The preload (Electron) and the harness bridge (Chromium) both build
 * it from `events`; a listener only ever sees a payload that passed the event's schema.
 * Events that arrive before the first listener of their name are kept (a few) and replayed to
 * it, so a renderer that subscribes after loading still hears what happened during startup.
 */
export interface WalletEventsApi {
  on<K extends ShellEventName>(name: K, listener: (payload: ShellEventPayload<K>) => void): () => void;
}
