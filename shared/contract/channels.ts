import { z } from 'zod';
import { preferencesPatchSchema, preferencesSchema } from '../preferences';
import {
  credentialDetailSchema,
  credentialSummarySchema,
  importOutcomeSchema,
  portfolioMaterialSchema,
  portfolioPdfCheckSchema,
  walletCheckSchema,
  walletStateSchema,
} from '../credential/walletViews';
import { exportRecordSchema, organiserSchema } from '../organiser';
import { verificationReportSchema, verificationStatusSchema } from '../credential/verification';
import { detailsStates } from '../credential/model';
import { credentialVersionSchema } from '../credential/versionViews';
import { receiveLinkSchema } from './events';
import { issuerRegistriesSchema } from '../credential/issuerRegistryView';
import { consentAnswerSchema, receiveStepSchema } from './receiveSchemas';
import { developerHostsSchema } from '../developerHosts';

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
const walletId = z.string().min(4).max(64);
const walletIds = z.array(walletId).max(20_000);
const image = z.object({ mediaType: z.string().max(100), bytes }).strict();
/** Set by the renderer only after the user allowed a network check (setting "ask") or when the setting allows it. */
const online = z.boolean().optional();

export const channels = {
  /** Who and what is running: shown in the footer and used by support requests. */
  appInfo: {
    request: empty,
    response: z.object({
      name: z.string(),
      version: z.string(),
      platform: z.string(),
      host: z.enum(['electron', 'harness']),
      /** The published verifier page the portfolio PDF links to unless Settings name another (package.json). */
      verifierUrl: z.string().optional(),
      /** Present only while the developer option is on (issue #20): the window warns about it for as long as it runs. */
      developerHosts: developerHostsSchema.optional(),
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
  /**
   * Small pictures for the portfolio's cards, several per call: a list that shows 20 new cards
   * asks once. Downscaled in the main process and kept there while the wallet is open.
   */
  credentialThumbnails: {
    request: z.object({ ids: z.array(z.string().min(4).max(64)).min(1).max(100) }).strict(),
    response: z.object({ images: z.array(z.object({ id: z.string(), mediaType: z.string(), bytes }).nullable()) }),
  },
  credentialDetail: {
    request: z.object({ id: z.string().min(4).max(64) }).strict(),
    response: z.object({ credential: credentialDetailSchema.nullable() }),
  },
  /** Verifies again now and keeps the new report: offline unless `online` and the settings allow it. */
  recheckCredential: {
    request: z.object({ id: walletId, online }).strict(),
    response: z.object({ verification: verificationReportSchema }),
  },
  /**
   * "Fetch details": fetches now what these credentials link to (an OB 2.0 badge's name,
   * picture and issuer; keys, lists and documents their check needs), keeps it with each and
   * checks each again. The user's click is the permission, whatever the network setting.
   */
  fetchDetails: {
    request: z.object({ ids: walletIds.min(1).max(500) }).strict(),
    response: z.object({
      results: z.array(
        z.object({
          id: z.string(),
          name: z.string().optional(),
          details: z.enum(detailsStates).optional(),
          status: verificationStatusSchema,
          problems: z.array(z.string()),
        }),
      ),
    }),
  },
  /** Files dropped on the window or picked with "Import badges", read by the renderer. */
  importFiles: {
    // keepAsCertificate: the user said "Keep as a certificate" for this picture (no badge in it).
    // keepEntries: for an archive, the pictures inside it (`archive.zip › entry`) to keep so.
    request: z
      .object({
        files: z
          .array(
            z
              .object({ name: z.string().max(1024), bytes, keepAsCertificate: z.literal(true).optional(), keepEntries: z.array(z.string().max(4096)).min(1).max(500).optional() })
              .strict(),
          )
          .min(1)
          .max(500),
      })
      .strict(),
    response: z.object({ outcomes: z.array(importOutcomeSchema) }),
  },
  /** Removes a credential from the wallet (its original file is gone from the vault too). */
  removeCredential: {
    request: z.object({ id: walletId }).strict(),
    response: z.object({ removed: z.boolean() }),
  },
  /** The credential's earlier versions (kept when a newer copy replaced them), newest replaced first. */
  credentialHistory: {
    request: z.object({ id: walletId }).strict(),
    response: z.object({ versions: z.array(credentialVersionSchema) }),
  },
  /**
   * Makes an earlier version current again; the version it replaces goes into the history
   * (`keptAs` is its version id there), so a restore can be undone the same way.
   */
  restoreVersion: {
    request: z.object({ id: walletId, versionId: z.string().min(4).max(64) }).strict(),
    response: z.object({ credential: credentialSummarySchema, keptAs: z.string() }),
  },
  /** Corrects the title, issuer or date of a self-reported certificate (never of a signed credential). */
  editCredential: {
    request: z
      .object({
        id: walletId,
        name: z.string().trim().min(1, 'Give it a title.').max(300),
        issuerName: z.string().max(300),
        issuedOn: z.union([z.iso.date(), z.literal('')]),
      })
      .strict(),
    response: z.object({ credential: credentialSummarySchema }),
  },
  /** Collections, pathways and the export log (kept encrypted in the wallet). */
  organiser: { request: empty, response: organiserSchema },
  saveCollection: {
    request: z.object({ id: walletId.optional(), name: z.string().max(120), credentialIds: walletIds }).strict(),
    response: organiserSchema,
  },
  removeCollection: { request: z.object({ id: walletId }).strict(), response: organiserSchema },
  savePathway: {
    request: z
      .object({
        id: walletId.optional(),
        name: z.string().max(120),
        description: z.string().max(1000).optional(),
        required: z.number().int().min(1).max(200),
        steps: z.array(z.object({ id: walletId.optional(), title: z.string().max(200), credentialId: walletId.optional() }).strict()).max(200),
      })
      .strict(),
    response: organiserSchema,
  },
  removePathway: { request: z.object({ id: walletId }).strict(), response: organiserSchema },
  /** Makes a pathway from a CLR transcript held in the wallet. */
  pathwayFromClr: { request: z.object({ id: walletId }).strict(), response: organiserSchema },
  /** The chosen credentials with their bytes, each checked again for the export. */
  portfolioMaterial: {
    request: z.object({ ids: walletIds.min(1), online }).strict(),
    response: z.object({ entries: z.array(portfolioMaterialSchema) }),
  },
  /** Saves a built PDF through the main process (a save dialog in the app) and logs the export. */
  saveExport: {
    request: z
      .object({
        bytes,
        fileName: z.string().min(1).max(200),
        recipient: z.string().max(200),
        paper: z.enum(['a4', 'letter']),
        credentialIds: walletIds.min(1),
      })
      .strict(),
    response: z.object({ saved: z.boolean(), fileName: z.string().optional(), record: exportRecordSchema.optional() }),
  },
  /** Deletes one export log entry, or the whole log with `id: null`. */
  removeExportRecord: { request: z.object({ id: walletId.nullable() }).strict(), response: organiserSchema },
  /** Saves a credential's original file (baked image, JSON, JWT) byte for byte. */
  saveOriginal: {
    request: z.object({ id: walletId }).strict(),
    response: z.object({ saved: z.boolean(), fileName: z.string().optional() }),
  },
  profilePhoto: { request: empty, response: z.object({ image: image.nullable() }) },
  setProfilePhoto: { request: z.object({ image: image.nullable() }).strict(), response: z.object({ image: image.nullable() }) },
  /**
   * An encrypted backup of the whole wallet (credentials, collections, pathways, profile photo),
   * under a passphrase of its own, saved where the user chooses.
   */
  saveBackup: {
    request: z.object({ passphrase: z.string().min(8, 'Use at least 8 characters for the backup passphrase.').max(1024) }).strict(),
    response: z.object({ saved: z.boolean(), fileName: z.string().optional(), credentials: z.number().int().optional() }),
  },
  /** Restores a backup file the renderer read (picked or opened with the app); never duplicates. */
  restoreBackup: {
    request: z.object({ bytes, passphrase }).strict(),
    response: z.object({ added: z.number().int(), updated: z.number().int(), alreadyThere: z.number().int() }),
  },
  /**
   * The wallet check (Settings › Check the wallet; the app also runs it after each unlock):
   * reads and authenticates every record and stored file, moves damaged ones to quarantine for
   * rescue, and names the credentials they belong to. File and credential names only.
   */
  checkWallet: { request: empty, response: walletCheckSchema },
  /** The known-issuer registries the wallet consults (Settings): the user's own lists first, then the DCC's. */
  issuerRegistries: { request: empty, response: issuerRegistriesSchema },
  /** Adds (or replaces, by file name) a registry file the user chose, in the DCC format; anything else is refused. */
  addIssuerRegistry: {
    request: z.object({ fileName: z.string().min(1).max(255), bytes }).strict(),
    response: issuerRegistriesSchema,
  },
  removeIssuerRegistry: { request: z.object({ name: z.string().min(1).max(255) }).strict(), response: issuerRegistriesSchema },
  /** Fetches the DCC registries from where they are published; refused while network use is off. */
  refreshIssuerRegistries: {
    request: empty,
    response: issuerRegistriesSchema.extend({ updated: z.array(z.string()), failed: z.array(z.object({ name: z.string(), reason: z.string() })) }),
  },
  /**
   * "Add from a link" (issue #20): receives what a pasted, dropped or deep-linked link offers
   * (an OpenID4VCI offer, a VC-API exchange, a request link, a credential's web address).
   * Answers `consent-needed` with the question before anything of the user's is sent, or
   * `done` when the receive ended first (a bad link).
   */
  receiveFromLink: {
    request: receiveLinkSchema,
    response: receiveStepSchema,
  },
  /** The user's yes (with the transaction code the offer asked for) or no; answers with the next step. */
  answerReceiveConsent: {
    request: z.object({ requestId: z.string().min(8).max(64), answer: consentAnswerSchema }).strict(),
    response: receiveStepSchema,
  },
  /** The wallet's holder identity (a did:key), made on first use; it signs exported portfolios. */
  holderIdentity: { request: empty, response: z.object({ did: z.string() }) },
  /**
   * Signs the presentation a portfolio PDF carries with the wallet's holder key (a vp+jwt).
   * Only a VerifiablePresentation naming this wallet's holder is signed.
   */
  signPresentation: {
    request: z.object({ presentation: z.record(z.string(), z.unknown()) }).strict(),
    response: z.object({ bytes, mediaType: z.string(), extension: z.string() }),
  },
  /** "Open a portfolio PDF": checks its attachments against its manifest and verifies each credential. */
  checkPortfolioPdf: {
    request: z.object({ bytes, online }).strict(),
    response: portfolioPdfCheckSchema,
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
