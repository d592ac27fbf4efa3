import { z } from 'zod';
import type { ConsentAnswer, ConsentQuestion, ReceiveResult } from '../credential/receiving';
import { issuerIdentityLevels, verificationMessageSchema } from '../credential/verification';
import { importOutcomeSchema } from '../credential/walletViews';

/**
 * The runtime schemas of receiving from a link (issue #20) for the IPC contract: the consent
 * question the main side asks, the answer the window gives, and where a receive stands. The
 * types are shared/credential/receiving.ts's; `satisfies` below makes any drift between the
 * two a compile error rather than a payload silently dropped at the bridge.
 */

const text = z.string().max(2000);
const identityLevel = z.enum(issuerIdentityLevels);

export const consentQuestionSchema = z.object({
  protocol: z.enum(['openid4vci', 'vc-api', 'web']),
  issuerHost: text,
  issuerName: text.optional(),
  issuerIdentity: z.object({ level: identityLevel, name: text.optional(), source: text.optional(), test: z.boolean().optional(), site: text.optional() }).optional(),
  sends: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('holder-did'), did: text }),
        z.object({ kind: z.literal('signed-proof'), what: z.enum(['openid4vci-proof', 'did-authentication']) }),
        z.object({ kind: z.literal('transaction-code') }),
        z.object({ kind: z.literal('browser-sign-in'), host: text }),
      ]),
    )
    .max(20)
    .readonly(),
  receives: z
    .array(z.object({ name: text, types: z.array(text).max(20).readonly().optional(), format: text.optional() }))
    .max(50)
    .readonly(),
  transactionCode: z.object({ length: z.number().int().min(1).max(64).optional(), inputMode: z.enum(['numeric', 'text']).optional(), description: text.optional() }).optional(),
}) satisfies z.ZodType<ConsentQuestion>;

export const consentAnswerSchema = z.union([
  z.object({ consent: z.literal(false) }).strict(),
  z.object({ consent: z.literal(true), transactionCode: z.string().min(1).max(256).optional() }).strict(),
]) satisfies z.ZodType<ConsentAnswer>;

const receivedOutcomeSchema = z.object({
  outcome: z.enum(['added', 'already-there', 'updated', 'not-replaced', 'not-a-credential', 'malformed']),
  id: z.string().optional(),
  name: z.string().optional(),
  status: z.string().optional(),
  issuerIdentity: z.object({ level: identityLevel, name: z.string().nullable(), source: z.string().nullable(), asOf: z.string().nullable() }).optional(),
  reason: z.string().optional(),
  reasonMessage: verificationMessageSchema.optional(),
});

export const receiveResultSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('received'), issuerHost: z.string(), outcomes: z.array(receivedOutcomeSchema).readonly() }),
  z.object({ state: z.literal('declined'), issuerHost: z.string() }),
  z.object({ state: z.literal('failed'), reason: z.string(), reasonMessage: verificationMessageSchema.optional(), issuerHost: z.string().optional() }),
]) satisfies z.ZodType<ReceiveResult>;

/** One received credential as the import summary shows it, with who stands behind its issuer. */
export const receivedRowSchema = importOutcomeSchema.extend({
  issuerIdentity: z.object({ level: identityLevel, source: z.string().nullable(), test: z.boolean().optional() }).optional(),
});
export type ReceivedRow = z.infer<typeof receivedRowSchema>;

/**
 * Where a receive stands after a call: waiting for the user's yes or no (`requestId` names the
 * waiting question for `answerReceiveConsent`), or finished. A finished receive carries its
 * result and, when credentials came, their rows for the same summary files get.
 */
export const receiveStepSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('consent-needed'), requestId: z.string().min(8).max(64), question: consentQuestionSchema }),
  z.object({ step: z.literal('done'), result: receiveResultSchema, rows: z.array(receivedRowSchema) }),
]);
export type ReceiveStep = z.infer<typeof receiveStepSchema>;
