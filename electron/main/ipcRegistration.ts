import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames, ipcChannelId } from '../../shared/contract/channels';
import { fail } from '../../shared/contract/result';
import { dispatch, type DispatchLog } from '../core/dispatch';
import type { Handlers } from '../core/handlers';
import { isTrustedSender } from '../security/senderPolicy';

/**
 * Registers one ipcMain handler per contract channel. Each call first proves it comes from
 * the app's own main frame, then goes through the same dispatch the harness uses.
 */
export function registerContract(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers, trustedOrigins: readonly string[], log: DispatchLog): void {
  for (const name of channelNames) {
    ipcMain.handle(ipcChannelId(name), async (event: IpcMainInvokeEvent, request: unknown) => {
      const frame = event.senderFrame;
      const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
      if (!isTrustedSender(sender, trustedOrigins)) {
        log(`${name} refused: untrusted sender`);
        return fail('forbidden', 'This window may not use the wallet.');
      }
      return dispatch(handlers, name, request, log);
    });
  }
}
