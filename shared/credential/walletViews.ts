import { z } from 'zod';
import { containerKindSchema, credentialFormatSchema, credentialKindSchema, normalizedCredentialSchema } from './model';
import { verificationReportSchema, verificationStatusSchema } from './verification';

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
  skills: z.array(z.string()),
  selfReported: z.boolean(),
  hasImage: z.boolean(),
  /** As last checked (on import, offline unless the user allows the network). */
  status: verificationStatusSchema.optional(),
  checkedAt: z.string().optional(),
});
export type CredentialSummary = z.infer<typeof credentialSummarySchema>;

/** Everything a credential says, for the detail view: the original file is described, not sent. */
export const credentialDetailSchema = normalizedCredentialSchema.omit({ original: true, image: true }).extend({
  walletId: z.string(),
  original: z.object({ fileName: z.string(), mediaType: z.string(), size: z.number().int() }),
  verification: verificationReportSchema.nullable(),
});
export type CredentialDetail = z.infer<typeof credentialDetailSchema>;

export const importOutcomeSchema = z.object({
  file: z.string(),
  outcome: z.enum(['added', 'already-there', 'updated', 'not-a-credential', 'malformed']),
  name: z.string().optional(),
  reason: z.string().optional(),
});
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;
