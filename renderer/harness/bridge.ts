/**
 * Browser-harness stand-in for the preload: defines `window.wallet` with one function per
 * contract channel, each a POST to the harness over loopback carrying the per-run token.
 * Served only by the harness; the shipped renderer never includes this file.
 */
import { channelNames } from '../../shared/contract/channels';
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
