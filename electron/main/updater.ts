import type { Updater, UpdateStatus } from '../core/updates';

/**
 * electron-updater's autoUpdater behind the small Updater interface. Imported only when the
 * user turned update checks on. Downloads start by themselves and install when the app quits;
 * the renderer hears each step as an `updateStatus` event (checkForUpdates, not
 * checkForUpdatesAndNotify: the app says it in its own words).
 */
export async function loadElectronUpdater(): Promise<Updater> {
  const { autoUpdater } = (await import('electron-updater')).default;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  return {
    setFeed: (url) => {
      autoUpdater.setFeedURL({ provider: 'generic', url });
    },
    check: async () => {
      await autoUpdater.checkForUpdates();
    },
    onStatus: (listener: (status: UpdateStatus) => void) => {
      autoUpdater.on('checking-for-update', () => {
        listener({ state: 'checking' });
      });
      autoUpdater.on('update-not-available', () => {
        listener({ state: 'not-available' });
      });
      autoUpdater.on('update-available', (info) => {
        listener({ state: 'available', version: info.version });
      });
      autoUpdater.on('update-downloaded', (info) => {
        listener({ state: 'downloaded', version: info.version });
      });
      autoUpdater.on('error', (error) => {
        listener({ state: 'error', message: error.message.slice(0, 300) });
      });
    },
  };
}
