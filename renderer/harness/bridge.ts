/**
 * Browser-harness stand-in for the preload: defines `window.wallet` with one function per
 * contract channel, each a POST to the harness over loopback carrying the per-run token, and
 * `window.walletEvents` fed by the harness's event stream.
 * Served only by the harness; the shipped renderer never includes this file.
 */
import { channelNames } from '../../shared/contract/channels';
import { createEventRelay } from '../../shared/contract/events';
import type { WalletEventsApi } from '../../shared/contract/walletEventsApi';
import type { IpcResult } from '../../shared/contract/result';
import { fromWire, toWire } from '../../shared/contract/wire';

const tokenMeta = document.querySelector<HTMLMetaElement>('meta[name="badgefolio-harness-token"]');
const token = tokenMeta?.content ?? '';
tokenMeta?.remove();

async function call(name: string, request: unknown): Promise<IpcResult<unknown>> {
  try {
    const response = await fetch(`/__ipc/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Badgefolio-Token': token },
      body: toWire(request ?? null),
    });
    return fromWire(await response.text()) as IpcResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: 'The wallet service is not reachable.' } };
  }
}

const wallet = Object.fromEntries(channelNames.map((name) => [name, (request: unknown) => call(name, request)]));
Object.defineProperty(window, 'wallet', { value: Object.freeze(wallet), enumerable: true });

/**
 * `window.walletEvents`, as the preload provides it: the harness streams the main side's
 * events as server-sent events (GET /__events with the token header; fetch, not EventSource,
 * because EventSource cannot send a header). Reconnects if the stream drops.
 */
const relay = createEventRelay();

/** Splits a server-sent-events text into complete frames; returns what is left over. */
function takeFrames(buffer: string, onFrame: (name: string, data: string) => void): string {
  let rest = buffer;
  for (let end = rest.indexOf('\n\n'); end !== -1; end = rest.indexOf('\n\n')) {
    const frame = rest.slice(0, end);
    rest = rest.slice(end + 2);
    let name = '';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith('event: ')) name = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (name !== '' && data.length > 0) onFrame(name, data.join('\n'));
  }
  return rest;
}

async function listen(): Promise<void> {
  const response = await fetch('/__events', { headers: { 'X-Badgefolio-Token': token }, cache: 'no-store' });
  if (!response.ok || !response.body) throw new Error('no event stream');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer = takeFrames(buffer + value, (name, data) => {
      try {
        relay.deliver(name, fromWire(data));
      } catch {
        // Not JSON: dropped, like a payload that fails its schema.
      }
    });
  }
}

function keepListening(): void {
  listen().then(
    () => {
      setTimeout(keepListening, 1000);
    },
    () => {
      setTimeout(keepListening, 1000);
    },
  );
}
keepListening();

const walletEvents: WalletEventsApi = { on: (name, listener) => relay.on(name, listener) };
Object.defineProperty(window, 'walletEvents', { value: Object.freeze(walletEvents), enumerable: true });
