import { useCallback, useEffect, useRef, useState } from 'react';
import { shellEventNames, type ShellEventName, type ShellEventPayload } from '../../../shared/contract/events';
import type { WalletEventsApi } from '../../../shared/contract/walletEventsApi';
import type { CredentialNotice } from '../../../shared/credential/notices';
import type { ImportOutcome } from '../../../shared/credential/walletViews';
import { walletEvents } from './walletEvents';

export type ShellEventHandlers = { readonly [K in ShellEventName]?: (payload: ShellEventPayload<K>) => void };

function subscribe(api: WalletEventsApi, name: ShellEventName, latest: { readonly current: ShellEventHandlers }): () => void {
  return api.on(name, (payload) => {
    // The handler for `name` takes that event's payload; the map's type cannot say so per key.
    const handler = latest.current[name] as ((payload: unknown) => void) | undefined;
    handler?.(payload);
  });
}

/**
 * Calls the given handlers for the main process's events while the component is mounted.
 * Handlers may be new functions at every render (the latest is called); the subscriptions
 * change only when the set of events handled changes.
 */
export function useShellEvents(handlers: ShellEventHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const handled = shellEventNames.filter((name) => handlers[name] !== undefined).join(' ');
  useEffect(() => {
    const api = walletEvents();
    if (!api || handled === '') return undefined;
    const unsubscribes = shellEventNames.filter((name) => handled.split(' ').includes(name)).map((name) => subscribe(api, name, latest));
    return () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, [handled]);
}

export interface ShellState {
  /** Expiring soon and revoked, as the main process last computed them (empty while locked). */
  readonly notices: readonly CredentialNotice[];
  /** Files opened from outside that wait for the wallet to be unlocked (or created). */
  readonly waiting: { readonly count: number; readonly names: readonly string[] };
  /** Links opened with the app (badgefolio://, credential offers) that wait for the wallet to be open. */
  readonly linksWaiting: number;
  /** The last import of files opened from outside, until dismissed. */
  readonly imported: readonly ImportOutcome[] | null;
  /** A backup file that was opened, until dismissed. */
  readonly backupOpened: string | null;
  readonly update: ShellEventPayload<'updateStatus'> | null;
  dismissImported(): void;
  dismissBackup(): void;
}

/**
 * The shell's state for the UI, kept from the events: notices, files waiting for unlock, the
 * summary of files opened from outside, a backup opened, update progress. Menu commands are
 * actions, not state: handle them with `useShellEvents({ menuCommand })`.
 */
export function useShellState(): ShellState {
  const [notices, setNotices] = useState<readonly CredentialNotice[]>([]);
  const [waiting, setWaiting] = useState<ShellState['waiting']>({ count: 0, names: [] });
  const [imported, setImported] = useState<readonly ImportOutcome[] | null>(null);
  const [backupOpened, setBackupOpened] = useState<string | null>(null);
  const [update, setUpdate] = useState<ShellState['update']>(null);
  const [linksWaiting, setLinksWaiting] = useState(0);
  useShellEvents({
    notices: (payload) => {
      setNotices(payload.notices);
    },
    filesWaiting: (payload) => {
      setWaiting(payload);
    },
    linksWaiting: (payload) => {
      setLinksWaiting(payload.count);
    },
    filesImported: (payload) => {
      setImported(payload.outcomes);
    },
    backupOpened: (payload) => {
      setBackupOpened(payload.fileName);
    },
    updateStatus: (payload) => {
      setUpdate(payload);
    },
  });
  const dismissImported = useCallback(() => {
    setImported(null);
  }, []);
  const dismissBackup = useCallback(() => {
    setBackupOpened(null);
  }, []);
  return { notices, waiting, linksWaiting, imported, backupOpened, update, dismissImported, dismissBackup };
}
