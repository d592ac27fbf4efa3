import { z } from 'zod';
import { containerKindSchema, credentialFormatSchema, normalizedCredentialSchema } from './model';

/**
 * Every file dropped on Badgefolio gets exactly one outcome per credential found, or one
 * outcome saying why there is none. `file` names the file (and, inside archives, the entry:
 * `exports.zip › badges/python.png`).
 */
export const intakeOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('recognised'),
    file: z.string(),
    credential: normalizedCredentialSchema,
  }),
  z.object({
    outcome: z.literal('not-a-credential'),
    file: z.string(),
    reason: z.string(),
    format: credentialFormatSchema.optional(),
    container: containerKindSchema.optional(),
  }),
  z.object({
    outcome: z.literal('malformed'),
    file: z.string(),
    reason: z.string(),
    /** Where in the file: a chunk, a JSON property, an archive entry. */
    where: z.string().optional(),
    format: credentialFormatSchema.optional(),
    container: containerKindSchema.optional(),
  }),
]);
export type IntakeOutcome = z.infer<typeof intakeOutcomeSchema>;
