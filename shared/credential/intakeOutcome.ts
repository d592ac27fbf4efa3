import { z } from 'zod';
import { containerKindSchema, credentialFormatSchema, normalizedCredentialSchema } from './model';
import { verificationMessageSchema } from './verification';

/**
 * For an outcome from a file inside an archive: that file (`exports.zip › badges/python.png`).
 * An archive counts as the files in it, as a folder does; everything else found inside one
 * file (a PDF's attachments, a transcript's nested credentials) counts under that file.
 */
const archiveEntry = z.string().optional();

/** A link to receive from, as a QR code held it (at most as long as the receive flow takes), and the host it asks. */
export const receiveOfferSchema = z.object({
  link: z
    .string()
    .min(1)
    .max(64 * 1024),
  host: z.string().max(300).optional(),
});
export type ReceiveOffer = z.infer<typeof receiveOfferSchema>;

/**
 * Every file dropped on Badgefolio gets exactly one outcome per credential found, or one
 * outcome saying why there is none. `file` names the file (and, inside archives, the entry:
 * `exports.zip › badges/python.png`).
 */
export const intakeOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('recognised'),
    file: z.string(),
    archiveEntry,
    credential: normalizedCredentialSchema,
  }),
  z.object({
    outcome: z.literal('not-a-credential'),
    file: z.string(),
    archiveEntry,
    reason: z.string(),
    /** The reason as a catalogue message, so that the app says it in the reader's language (`reason` is its English). */
    reasonMessage: verificationMessageSchema.optional(),
    format: credentialFormatSchema.optional(),
    container: containerKindSchema.optional(),
    /** A picture with no badge and no QR code in it (a logo?): kept only if the user says it is a certificate. */
    picture: z.literal(true).optional(),
    /**
     * A document credentials link to by its address (an Open Badges 2.0 BadgeClass, issuer
     * profile, key or revocation list; a Blockcerts issuer profile): its id and JSON text, so
     * that credentials given in the same import or check are filled in from it.
     */
    document: z.object({ id: z.string(), body: z.string() }).optional(),
  }),
  z.object({
    /**
     * A picture or PDF whose QR code holds a link to receive credentials from (an OpenID4VCI
     * offer, a VC-API or DCC request, a badgefolio:// link; shared/credential/receiveLink.ts):
     * not a certificate to store, but an offer for the receive flow, which asks the user before
     * anything is sent. Nothing was fetched.
     */
    outcome: z.literal('offer-found'),
    file: z.string(),
    archiveEntry,
    offer: receiveOfferSchema,
    /** Why it was not stored, in English; `reasonMessage` says it in the reader's language. */
    reason: z.string(),
    reasonMessage: verificationMessageSchema.optional(),
    container: containerKindSchema.optional(),
  }),
  z.object({
    outcome: z.literal('malformed'),
    file: z.string(),
    archiveEntry,
    reason: z.string(),
    /** The reason as a catalogue message, so that the app says it in the reader's language (`reason` is its English). */
    reasonMessage: verificationMessageSchema.optional(),
    /** Where in the file: a chunk, a JSON property, an archive entry. */
    where: z.string().optional(),
    format: credentialFormatSchema.optional(),
    container: containerKindSchema.optional(),
  }),
]);
export type IntakeOutcome = z.infer<typeof intakeOutcomeSchema>;
