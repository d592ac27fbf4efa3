import { z } from 'zod';
import { verificationStatuses } from './verdictOrder';

/**
 * The verification report: what Badgefolio checked about one credential, when, and with
 * what, in words a job seeker can read. The engine (electron/verify) fills it; the CLI, the
 * vault and the renderer only show it. Pure data, so it crosses IPC and is stored as is.
 */

export { statusSeverity, verificationStatuses, worstStatus } from './verdictOrder';
export type { VerificationStatus } from './verdictOrder';
export const verificationStatusSchema = z.enum(verificationStatuses);

export const checkOutcomes = ['passed', 'failed', 'skipped'] as const;
export const checkOutcomeSchema = z.enum(checkOutcomes);
export type CheckOutcome = z.infer<typeof checkOutcomeSchema>;

/** What kind of check: stable ids for scripts and the UI's icons; labels are for people. */
export const checkIds = [
  'structure',
  /** Conformance to the OB 3.0 / CLR 2.0 data models (Badgefolio's own JSON Schemas of them, electron/verify/schemas). */
  'schema',
  'contexts',
  'signature',
  'issuer-key',
  'claims',
  'hosted',
  'dates',
  'status',
  'recipient',
  'hash',
  'merkle-path',
  'anchor',
  'trust-chain',
  'nested',
  'domain-linkage',
] as const;
export const checkIdSchema = z.enum(checkIds);
export type CheckId = z.infer<typeof checkIdSchema>;

/** Where a document used by a check came from. */
/** `given`: a file given beside the credential (same folder or command), which anyone can make: it fills in details, and never vouches for a web address. */
export const documentOrigins = ['credential', 'bundled', 'documents-map', 'given', 'network', 'cache'] as const;
export const documentOriginSchema = z.enum(documentOrigins);
export type DocumentOrigin = z.infer<typeof documentOriginSchema>;

/** The evidence a check rests on: which key, which list, fetched from where and when. */
export const checkEvidenceSchema = z.object({
  /** The key or verification method that was used (a DID URL, a key URL, a `kid`). */
  keyId: z.string().optional(),
  /** The proof or signature algorithm: `eddsa-rdfc-2022`, `RS256`, `MerkleProof2017`... */
  algorithm: z.string().optional(),
  /** The document fetched or looked up: a status list, an issuer profile, a hosted assertion. */
  url: z.string().optional(),
  /** Where that document came from. */
  origin: documentOriginSchema.optional(),
  /** When it was fetched (ISO 8601): for a cached copy, the date of the original fetch. */
  fetchedAt: z.string().optional(),
  /** The status list index, the date compared against, a certificate subject... */
  detail: z.string().optional(),
});
export type CheckEvidence = z.infer<typeof checkEvidenceSchema>;

/**
 * A sentence as data: a key into the verification catalogue (verificationMessages.ts) and the
 * values it names, so that the app can say it in the reader's language. A value may itself be
 * a message (a reason inside a summary, a phrase inside a sentence). Values named `…Date` hold
 * ISO 8601 dates, written as the reader's language writes dates.
 */
export interface VerificationMessage {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number | VerificationMessage>>;
}
export const verificationMessageSchema: z.ZodType<VerificationMessage> = z.lazy(() =>
  z.object({
    key: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number(), verificationMessageSchema])).optional(),
  }),
);

export const verificationCheckSchema = z.object({
  id: checkIdSchema,
  /** Short label: "Signature (proof 1 of 2)". The English rendering of `labelKey` when there is one. */
  label: z.string(),
  /** The label as a catalogue key ("label.signature"); absent in reports stored before keys, and for checks still worded in English only. */
  labelKey: z.string().optional(),
  /** The values `labelKey` names ("Signature (proof {index} of {count})"). */
  labelParams: z.record(z.string(), z.union([z.string(), z.number(), verificationMessageSchema])).optional(),
  outcome: checkOutcomeSchema,
  /**
   * One plain-language sentence: "The signature matches the issuer's key (did:key:z6Mk…)."
   * The English rendering of `message` when there is one: the CLI prints it, and reports
   * stored before messages existed have only this.
   */
  sentence: z.string(),
  /** The sentence as a catalogue message, for every language the app speaks. */
  message: verificationMessageSchema.optional(),
  /**
   * What this check means for the verdict when it did not pass: failed signature -> invalid,
   * a skipped required check -> unverifiable. Absent for informational checks.
   */
  implies: verificationStatusSchema.optional(),
  /** For a skipped required check: what was missing (a URL, a DID, "the network"). */
  needs: z.string().optional(),
  evidence: checkEvidenceSchema.optional(),
});
export type VerificationCheck = z.infer<typeof verificationCheckSchema>;

/**
 * Who stands behind the signing key, and how sure that is, apart from whether the signature
 * holds (the status): a key anyone can make in a second says nothing about the name beside it.
 * - `registry`: the issuer's DID is on a known-issuer registry (named, with its date);
 * - `domain`: the key is published under a web domain (did:web, an OB 2.0 issuer's host, a
 *   Blockcerts issuer profile): whoever controls that domain signed; the reader judges it;
 * - `trust-list`: a Europass seal whose certificate is on the EU trust list;
 * - `unconfirmed`: nothing ties the key to the name: the name is the signer's own claim.
 */
export const issuerIdentityLevels = ['registry', 'domain', 'trust-list', 'unconfirmed'] as const;
export const issuerIdentitySchema = z.object({
  level: z.enum(issuerIdentityLevels),
  /** The issuer's name as the source gives it (the registry's entry); else the name the credential claims; null when none. */
  name: z.string().nullable(),
  /** What ties key and name: the registry's name, or the domain; null when nothing does. */
  source: z.string().nullable(),
  /** The registry's date or the fetch's (ISO 8601); null when undated. */
  asOf: z.string().nullable(),
  /** The name the credential gives its issuer, when the source names it differently. */
  claimedName: z.string().optional(),
  /** The registry lists test issuers (the DCC Sandbox). */
  test: z.boolean().optional(),
  /** One plain sentence: the English rendering of `message` when there is one. */
  sentence: z.string(),
  /** The sentence as a catalogue message, for every language the app speaks (absent in reports stored before it). */
  message: verificationMessageSchema.optional(),
});
export type IssuerIdentity = z.infer<typeof issuerIdentitySchema>;

export const verificationReportSchema = z.object({
  status: verificationStatusSchema,
  /** When the check ran (ISO 8601). */
  checkedAt: z.string(),
  /** The clock the dates were judged against (ISO 8601): `checkedAt` unless an explicit "now" was given. */
  now: z.string(),
  /** Whether network access was allowed for this check. */
  network: z.enum(['offline', 'allowed']),
  /** One sentence for the whole credential, in English (the CLI's, and the fallback for older reports). */
  summary: z.string(),
  /** The same sentence as a catalogue message; absent in older reports (the app derives it from the checks when it can). */
  summaryMessage: verificationMessageSchema.optional(),
  checks: z.array(verificationCheckSchema),
  /** Who stands behind the key; absent in reports stored before it was judged. */
  issuerIdentity: issuerIdentitySchema.optional(),
});
export type VerificationReport = z.infer<typeof verificationReportSchema>;
