import { z } from 'zod';
import { credentialNoticeSchema } from '../credential/notices';
import { importOutcomeSchema } from '../credential/walletViews';

/**
 * Events from the main process to the renderer: the other direction of the contract in
 * channels.ts. Each entry names an event and gives its payload's runtime schema. The main side
 * validates before sending, the preload and the harness bridge validate again on arrival (a
 * payload that does not match is dropped), and `window.walletEvents.on(name, listener)` is
 * typed from here.
 */

/** Menu items the renderer carries out; Import, Lock and Help are done by the main process. */
export const rendererMenuCommands = ['exportPdf', 'preferences'] as const;
export type RendererMenuCommand = (typeof rendererMenuCommands)[number];

const fileName = z.string().max(1024);

/** A link to receive credentials from, as the shell hands it over (linkOpened) and the window asks for it (receiveFromLink). */
export const receiveLinkSchema = z
  .object({
    link: z
      .string()
      .min(1)
      .max(64 * 1024),
  })
  .strict();

export const events = {
  /** The application menu (or its shortcut) asked for something the renderer shows. */
  menuCommand: z.object({ command: z.enum(rendererMenuCommands) }).strict(),
  /**
   * Files opened from outside the window (Open with, the dock, the command line, a second
   * launch, the menu's Import) were imported: the same outcomes `importFiles` answers.
   */
  filesImported: z.object({ outcomes: z.array(importOutcomeSchema) }).strict(),
  /** Files opened while the wallet is locked (or not created yet) wait here; 0 when none. */
  filesWaiting: z.object({ count: z.number().int().min(0), names: z.array(fileName).max(20) }).strict(),
  /**
   * A link to receive credentials from (issue #20), opened with the app (badgefolio://,
   * openid-credential-offer://) once the wallet is open: the window asks the user before anything is sent.
   */
  linkOpened: receiveLinkSchema,
  /** Such links opened while the wallet is locked (or not created yet) wait here; 0 when none. */
  linksWaiting: z.object({ count: z.number().int().min(0) }).strict(),
  /** A Badgefolio backup was opened; restoring it needs the passphrase it was made with. */
  backupOpened: z.object({ fileName }).strict(),
  /** The wallet's notices now (expiring soon, revoked); sent on unlock and after changes. */
  notices: z.object({ notices: z.array(credentialNoticeSchema) }).strict(),
  /**
   * Importing, "Check again" and "Fetch details": documents the credentials link to fetched so
   * far, of those asked for (at most every 100 ms, and once when all are in).
   */
  detailsProgress: z.object({ done: z.number().int().min(0), total: z.number().int().min(0) }).strict(),
  /** Update checks, when the user turned them on. */
  updateStatus: z
    .object({
      state: z.enum(['checking', 'available', 'not-available', 'downloaded', 'error']),
      version: z.string().max(100).optional(),
      message: z.string().max(500).optional(),
    })
    .strict(),
} as const satisfies Record<string, z.ZodType>;

export type ShellEvents = typeof events;
export type ShellEventName = keyof ShellEvents;
export type ShellEventPayload<K extends ShellEventName> = z.output<ShellEvents[K]>;

export const shellEventNames = Object.keys(events) as ShellEventName[];

export function isShellEventName(name: string): name is ShellEventName {
  return Object.hasOwn(events, name);
}

/** The Electron IPC channel string for an event: its own namespace beside the requests'. */
export function ipcEventId(name: ShellEventName): string {
  return `badgefolio-event:${name}`;
}

/** Whoever delivers events: the Electron shell to its windows, the harness to its page. */
export type ShellEventSink = <K extends ShellEventName>(name: K, payload: ShellEventPayload<K>) => void;

/** What the preload and the harness bridge expose: the API plus the door events come in by. */
export interface EventRelay {
  on<K extends ShellEventName>(name: K, listener: (payload: ShellEventPayload<K>) => void): () => void;
  /** Hands an arriving event to its listeners, or keeps it for the first one. */
  deliver(name: string, payload: unknown): void;
}

/**
 * The renderer side of the events: validates each arriving payload (a wrong name or shape is
 * dropped, never thrown at the page), calls the listeners, and keeps the last few events of a
 * name nobody listens to yet, for its first listener.
 */
export function createEventRelay(keep = 10): EventRelay {
  const listeners = new Map<ShellEventName, Set<(payload: unknown) => void>>();
  const waiting = new Map<ShellEventName, unknown[]>();

  const call = (listener: (payload: unknown) => void, payload: unknown): void => {
    try {
      listener(payload);
    } catch {
      // One failing listener must not stop the others or the delivery of later events.
    }
  };

  return {
    on(name, listener) {
      if (!isShellEventName(name)) throw new TypeError(`There is no event named "${String(name).slice(0, 64)}".`);
      if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
      const untyped = listener as (payload: unknown) => void;
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(untyped);
      const kept = waiting.get(name);
      if (kept) {
        waiting.delete(name);
        // Replayed after `on` returns, as a live event would arrive.
        void Promise.resolve().then(() => {
          for (const payload of kept) if (set.has(untyped)) call(untyped, payload);
        });
      }
      return () => {
        set.delete(untyped);
      };
    },
    deliver(name, payload) {
      if (!isShellEventName(name)) return;
      const parsed = events[name].safeParse(payload);
      if (!parsed.success) return;
      const set = listeners.get(name);
      if (set && set.size > 0) {
        for (const listener of [...set]) call(listener, parsed.data);
        return;
      }
      const kept = waiting.get(name) ?? [];
      kept.push(parsed.data);
      waiting.set(name, kept.slice(-keep));
    },
  };
}
