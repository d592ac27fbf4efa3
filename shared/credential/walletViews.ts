import { z } from 'zod';
import { containerKindSchema, creditSchema, credentialFormatSchema, credentialKindSchema, detailsStates, normalizedCredentialSchema } from './model';
import { issuerIdentitySchema, verificationMessageSchema, verificationReportSchema, verificationStatusSchema } from './verification';
import { receiveOfferSchema } from './intakeOutcome';

/** What the renderer may know about the wallet: never a key, never a passphrase. */
export const walletStateSchema = z.object({
  state: z.enum(['none', 'locked', 'unlocked']),
  /** The OS offers a real keychain for "remember on this device". */
  canRemember: z.boolean(),
  /** This wallet is remembered on this device. */
  remembered: z.boolean(),
  credentialCount: z.number().int().optional(),
  /** Records that could not be read when the wallet was opened (kept in quarantine). */
  damaged: z.array(z.object({ id: z.string(), reason: z.string() })),
});
export type WalletState = z.infer<typeof walletStateSchema>;

/** One line of the portfolio: enough to show, sort, filter and search, without bytes. */
export const credentialSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  issuerName: z.string().optional(),
  format: credentialFormatSchema,
  container: containerKindSchema,
  kind: credentialKindSchema,
  issuedOn: z.string().optional(),
  expires: z.string().optional(),
  addedAt: z.string(),
  /** Skill and alignment names, with the framework that defines each when the credential says. */
  skills: z.array(z.object({ name: z.string(), framework: z.string().optional(), code: z.string().optional(), url: z.string().optional() })),
  credits: z.array(creditSchema),
  selfReported: z.boolean(),
  hasImage: z.boolean(),
  /** A credential nested in a CLR: the wallet id of that CLR. */
  parentId: z.string().optional(),
  /** A CLR: the wallet ids of the credentials it carries that the wallet holds. */
  childIds: z.array(z.string()),
  /** As last checked (on import, offline unless the user allows the network). */
  status: verificationStatusSchema.optional(),
  checkedAt: z.string().optional(),
  /**
   * Who stands behind the key, as last checked: enough for the card's label (the registry's
   * name or the domain). Absent for reports stored before it was judged.
   */
  issuerIdentity: issuerIdentitySchema.pick({ level: true, source: true, asOf: true, test: true }).optional(),
  /**
   * Whether what the credential links to (an OB 2.0 badge's name, picture and issuer) was
   * fetched: `not-fetched` and `incomplete` are shown as such, with "Fetch details", and an
   * empty `name` then means "not known yet", never a made-up one.
   */
  details: z.enum(detailsStates).optional(),
});
export type CredentialSummary = z.infer<typeof credentialSummarySchema>;

/** Everything a credential says, for the detail view: the original file is described, not sent. */
export const credentialDetailSchema = normalizedCredentialSchema.omit({ original: true, image: true }).extend({
  walletId: z.string(),
  original: z.object({ fileName: z.string(), mediaType: z.string(), size: z.number().int() }),
  verification: verificationReportSchema.nullable(),
  /** Links for sharing, worked out in the main process from the whole credential. */
  share: z.object({
    /** The best public page to check it (hosted assertion, issuer page, https id, or the configured verifier). */
    verificationUrl: z.string().optional(),
    /** LinkedIn's "add certification" form, filled in. */
    linkedIn: z.string(),
  }),
});
export type CredentialDetail = z.infer<typeof credentialDetailSchema>;

export const importOutcomeSchema = z.object({
  file: z.string(),
  outcome: z.enum(['added', 'already-there', 'updated', 'not-replaced', 'not-a-credential', 'malformed', 'offer-found']),
  name: z.string().optional(),
  reason: z.string().optional(),
  /** For `offer-found`: the link the file's QR code holds, for the receive flow (which asks before anything is sent). */
  offer: receiveOfferSchema.optional(),
  /** The reason as a message (a not-replaced credential's, with the failing check's message inside); `reason` is its English. */
  reasonMessage: verificationMessageSchema.optional(),
  /** The credential's wallet id (stored or kept): "Fetch details" acts on it. */
  id: z.string().optional(),
  /** Whether what it links to was fetched (see the summary's `details`). */
  details: z.enum(detailsStates).optional(),
  /**
   * The file this outcome counts under in the summary, when not `file`: the file dropped (for
   * what a PDF carries or a transcript nests) or the file inside an archive.
   */
  sourceFile: z.string().optional(),
  /** A self-reported entry (a PDF or picture certificate): its title, issuer and date are for the user to review. */
  selfReported: z.literal(true).optional(),
  /** As checked at import (offline unless the setting allows the network). */
  status: verificationStatusSchema.optional(),
  /** A picture with no badge or QR code in it (a logo?): the user may keep it as a self-reported certificate. */
  picture: z.literal(true).optional(),
});
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;

/** What the PDF builder needs for one credential: all of it (with the original bytes) and its status at export. */
export const portfolioMaterialSchema = z.object({
  walletId: z.string(),
  credential: normalizedCredentialSchema,
  status: verificationStatusSchema,
  statusSentence: z.string().optional(),
  /** The sentence as a message, for a PDF in another language than English. */
  statusMessage: verificationMessageSchema.optional(),
  checkedAt: z.string().optional(),
  /** Who stands behind the key, as checked at export (printed in the PDF). */
  issuerIdentity: issuerIdentitySchema.optional(),
  /** The verifier-page fragment in CBOR-LD (`vc1.c.…`) where it is shorter and was checked to round-trip (electron/portfolio/cborldFragment.ts). */
  linkFragment: z
    .string()
    .max(4 * 1024 * 1024)
    .optional(),
});
export type PortfolioMaterial = z.infer<typeof portfolioMaterialSchema>;

/** The employer's side: what a portfolio PDF holds and whether each credential stands. */
export const portfolioPdfCheckSchema = z.object({
  intact: z.boolean(),
  notes: z.array(z.string()),
  /** The notes as catalogue messages, in the same order: the app says them in the reader's language. */
  noteMessages: z.array(verificationMessageSchema).optional(),
  /** Whose portfolio it says it is (from its manifest). */
  owner: z.string().optional(),
  credentials: z.array(
    z.object({
      file: z.string(),
      integrity: z.enum(['intact', 'altered', 'identity-mismatch', 'missing', 'unlisted']),
      sentence: z.string(),
      name: z.string().optional(),
      issuerName: z.string().optional(),
      /** The credential's identity, and for one nested in a CLR the CLR's: nested rows are shown under it. */
      identity: z.string().optional(),
      partOf: z.string().optional(),
      status: verificationStatusSchema.optional(),
      summary: z.string().optional(),
      /** The summary as a message, for the reader's language (the English `summary` beside it). */
      summaryMessage: verificationMessageSchema.optional(),
      /** Who stands behind the key of a verified attachment. */
      issuerIdentity: issuerIdentitySchema.optional(),
      /** Whether the entry's verification link in the PDF carries this very file (electron/portfolio/pdfEntryLinks.ts); on a file's first row. */
      link: z.enum(['matches-attachment', 'differs-from-attachment', 'unreadable', 'issuer-hosted', 'verifier-page', 'other', 'none']).optional(),
    }),
  ),
});
export type PortfolioPdfCheck = z.infer<typeof portfolioPdfCheckSchema>;

/** What a damaged file was to its credential (or the wallet), as the wallet check reports it. */
export const damagedKinds = ['record', 'original', 'signed-text', 'picture', 'stored-file', 'document', 'earlier-version'] as const;
export const damageProblems = ['damaged', 'unreadable', 'missing'] as const;
/** The wallet's own documents beside the credentials (electron/vault/vault.ts walletDocumentNames), and one document fetched for verification (electron/vault/fetchedDocuments.ts). */
export const walletDocumentKinds = ['organiser', 'profile-photo', 'fetch-cache', 'holder-key', 'issuer-registries', 'fetched-document'] as const;

/** One damaged file: file names and credential names only, never what a credential says. */
export const damagedItemSchema = z.object({
  /** Relative to the wallet folder, e.g. records/<hmac>.rec. */
  file: z.string(),
  kind: z.enum(damagedKinds),
  /** The credential's wallet id; null for a wallet document. */
  id: z.string().nullable(),
  /** The credential's name; null when unknown (its own record damaged and no catalog copy). */
  name: z.string().nullable(),
  /** Other credentials sharing the file (a picture several use). */
  otherNames: z.array(z.string()),
  document: z.enum(walletDocumentKinds).optional(),
  problem: z.enum(damageProblems),
  /** The problem in plain English (the renderer words it from `problem`). */
  reason: z.string(),
  /** Where it is kept for rescue, relative to the wallet folder; null when there is no copy. */
  quarantinedAs: z.string().nullable(),
});
export type DamagedItemView = z.infer<typeof damagedItemSchema>;

/** The wallet check (Settings › Check the wallet, and the run after each unlock). */
export const walletCheckSchema = z.object({
  checked: z.object({ credentials: z.number().int().min(0), files: z.number().int().min(0) }),
  damaged: z.array(damagedItemSchema),
  /** The wallet's quarantine folder, where damaged files are kept for rescue. */
  quarantineFolder: z.string(),
  /** False when another Badgefolio had the wallet open for changes: nothing was moved. */
  writable: z.boolean(),
});
export type WalletCheckView = z.infer<typeof walletCheckSchema>;
