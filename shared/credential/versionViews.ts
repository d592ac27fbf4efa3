import { z } from 'zod';
import { verificationStatusSchema } from './verification';

/**
 * One earlier version of a credential, as the details' "Earlier versions" and `badgefolio
 * history` show it: when a newer copy replaced it, what it was called and how it checked then.
 * Enough to choose one to restore; what it says in full comes back with the restore.
 */
export const credentialVersionSchema = z.discriminatedUnion('readable', [
  z.object({
    readable: z.literal(true),
    /** Its handle for a restore (12 hex characters; a unique beginning of at least 4 will do). */
    versionId: z.string(),
    /** When a newer copy (or a restore) replaced it (ISO 8601). */
    replacedAt: z.string(),
    name: z.string(),
    issuedOn: z.string().optional(),
    /** Its verdict when it was last checked, kept with it; absent when it never was. */
    status: verificationStatusSchema.optional(),
    checkedAt: z.string().optional(),
  }),
  /** A version whose file no longer opens: shown so that nothing disappears silently, never restorable. */
  z.object({
    readable: z.literal(false),
    versionId: z.string(),
    problem: z.enum(['damaged', 'unreadable']),
  }),
]);
export type CredentialVersion = z.infer<typeof credentialVersionSchema>;
