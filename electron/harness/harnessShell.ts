import { readPreferences, type PreferencesBackend } from '../core/preferences';
import type { Handlers } from '../core/handlers';
import { NoticeBoard } from '../core/notices';
import { OpenFiles } from '../core/openFiles';
import { OpenLinks } from '../core/openLinks';
import { ShellEventHub } from '../core/shellEventHub';
import { withWalletHooks } from '../core/walletHooks';
import type { WalletSession } from '../core/walletSession';
import type { HarnessShell } from './server';

/**
 * The desktop shell's logic as the harness runs it: the same OpenFiles, NoticeBoard, wallet
 * hooks and background wallet check as electron/main/desktopShell.ts, with events going to the page's event stream
 * and OS notifications reported on stdout (like open-external) instead of shown.
 */
export function harnessShell(options: { readonly wallet: WalletSession; readonly preferences: PreferencesBackend; readonly log: (line: string) => void }): {
  readonly shell: HarnessShell;
  wrap(handlers: Handlers): Handlers;
} {
  const hub = new ShellEventHub(options.log);
  const notices = new NoticeBoard({
    list: () => options.wallet.list(),
    damaged: () => options.wallet.damageNotices(),
    publish: hub.publish,
    osNotifications: () => readPreferences(options.preferences).osNotifications,
    language: () => readPreferences(options.preferences).language,
    notify: (notice) => {
      console.log(`os-notification ${notice.title}: ${notice.body}`);
    },
  });
  const openFiles = new OpenFiles({
    wallet: options.wallet,
    publish: hub.publish,
    onImported: () => {
      notices.refresh();
    },
    log: options.log,
  });
  void openFiles.start();
  const openLinks = new OpenLinks({ wallet: options.wallet, publish: hub.publish, log: options.log });
  void openLinks.start();
  // Each wallet check that finishes (after unlock, on request, after a restore) refreshes the notices.
  options.wallet.onChecked(() => {
    notices.refresh();
  });
  options.wallet.onDetailsProgress((progress) => {
    hub.publish('detailsProgress', progress);
  });
  return {
    shell: {
      hub,
      connected: () => {
        openFiles.announce();
        openLinks.announce();
        notices.refresh();
      },
      openFiles: (paths) => openFiles.open(paths),
      openLinks: (links) => openLinks.open(links),
      menu: (command) => {
        hub.publish('menuCommand', { command });
      },
    },
    wrap: (handlers) =>
      withWalletHooks(
        handlers,
        {
          opened: () => {
            void openFiles.flush().catch(() => undefined);
            void openLinks.flush().catch(() => undefined);
            notices.refresh();
            // The wallet check, in the background once the unlock has answered.
            options.wallet.checkInBackground(options.log);
          },
          changed: () => {
            notices.refresh();
          },
          locked: () => {
            notices.clear();
          },
        },
        options.log,
      ),
  };
}
