import { BrowserWindow, Notification } from 'electron';
import { events, ipcEventId, type ShellEventSink } from '../../shared/contract/events';
import type { OsNotice } from '../core/notices';

/**
 * Delivers an event to every window's renderer. The payload is checked against its schema
 * first: a main-side bug is logged here instead of being dropped silently by the preload.
 */
export function windowEventSink(log: (line: string) => void): ShellEventSink {
  return (name, payload) => {
    const checked = events[name].safeParse(payload);
    if (!checked.success) {
      log(`event ${name} not sent: its payload does not match the contract`);
      return;
    }
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(ipcEventId(name), checked.data);
    }
  };
}

/** One OS notification; a click brings the app to the front. Silently nothing where unsupported. */
export function showOsNotice(notice: OsNotice, onClick: () => void): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title: notice.title, body: notice.body });
  notification.on('click', onClick);
  notification.show();
}
