import { z } from 'zod';
import { preferencesPatchSchema, preferencesSchema } from '../preferences';
import { credentialDetailSchema, credentialSummarySchema, importOutcomeSchema, walletStateSchema } from '../credential/walletViews';
import { verificationReportSchema } from '../credential/verification';

/**
 * The one IPC contract between the renderer and the main process.
 *
 * Each entry names a channel and gives runtime schemas for its request and response. The
 * preload, the main-side registration and the browser harness all iterate this object, so
 * a channel added here exists everywhere and a channel removed here exists nowhere.
 */
const empty = z.object({}).strict();
const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'Expected bytes');
const passphrase = z.string().min(1, 'The passphrase must not be empty.').max(1024);

export const channels = {
  /** Who and what is running: shown in the footer and used by support requests. */
  appInfo: {
    request: empty,
    response: z.object({
      name: z.string(),
      version: z.string(),
      platform: z.string(),
      host: z.enum(['electron', 'harness']),
    }),
  },
  getPreferences: {
    request: empty,
    response: preferencesSchema,
  },
  setPreferences: {
    request: preferencesPatchSchema,
    response: preferencesSchema,
  },
  /** The only way the renderer opens a link: the main process allows https only. */
  openExternal: {
    request: z.object({ url: z.string().max(4096) }).strict(),
    response: z.object({ opened: z.boolean() }),
  },
  walletState: { request: empty, response: walletStateSchema },
  createWallet: {
    request: z.object({ passphrase, remember: z.boolean() }).strict(),
    response: walletStateSchema,
  },
  unlockWallet: {
    request: z.object({ passphrase, remember: z.boolean() }).strict(),
    response: walletStateSchema,
  },
  /** Opens with the key kept by the OS keychain, when the wallet is remembered on this device. */
  unlockOnThisDevice: { request: empty, response: walletStateSchema },
  /** Wipes the keys in the main process; the renderer drops everything it showed. */
  lockWallet: { request: empty, response: walletStateSchema },
  listCredentials: {
    request: empty,
    response: z.object({ credentials: z.array(credentialSummarySchema) }),
  },
  credentialImage: {
    request: z.object({ id: z.string().min(4).max(64) }).strict(),
    response: z.object({ image: z.object({ mediaType: z.string(), bytes }).nullable() }),
  },
  credentialDetail: {
    request: z.object({ id: z.string().min(4).max(64) }).strict(),
    response: z.object({ credential: credentialDetailSchema.nullable() }),
  },
  /** Verifies again now (offline) and keeps the new report. */
  recheckCredential: {
    request: z.object({ id: z.string().min(4).max(64) }).strict(),
    response: z.object({ verification: verificationReportSchema }),
  },
  /** Files dropped on the window or picked with "Import badges", read by the renderer. */
  importFiles: {
    request: z.object({ files: z.array(z.object({ name: z.string().max(1024), bytes }).strict()).min(1).max(500) }).strict(),
    response: z.object({ outcomes: z.array(importOutcomeSchema) }),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelRequest<K extends ChannelName> = z.input<Channels[K]['request']>;
export type ChannelResponse<K extends ChannelName> = z.output<Channels[K]['response']>;

export const channelNames = Object.keys(channels) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(channels, name);
}

/** The Electron IPC channel string for a contract channel: one namespace, no collisions. */
export function ipcChannelId(name: ChannelName): string {
  return `badgefolio:${name}`;
}
