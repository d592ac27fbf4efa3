import { z } from 'zod';

/**
 * The normalised credential: one shape for every format Badgefolio reads. Intake fills it,
 * the vault stores it, the renderer shows it, the PDF builder prints it. The original bytes
 * travel with it unchanged, so a credential can always be re-verified and re-exported.
 */

export const credentialFormats = ['ob2', 'ob3', 'clr2', 'blockcerts', 'europass-edc', 'vc', 'certificate'] as const;
export const credentialFormatSchema = z.enum(credentialFormats);
export type CredentialFormat = z.infer<typeof credentialFormatSchema>;

/** What the credential arrived in. `image` is a JPEG or a PNG with nothing baked into it; `xml` is Europass ELM 2. */
export const containerKinds = ['png', 'svg', 'json', 'jwt', 'pdf', 'image', 'zip', 'xml'] as const;
export const containerKindSchema = z.enum(containerKinds);
export type ContainerKind = z.infer<typeof containerKindSchema>;

/** What a person would call it: a badge, an endorsement of one, a transcript, a certificate. */
export const credentialKinds = ['badge', 'endorsement', 'transcript', 'certificate', 'diploma', 'credential'] as const;
export const credentialKindSchema = z.enum(credentialKinds);
export type CredentialKind = z.infer<typeof credentialKindSchema>;

/** Any Uint8Array (Node Buffers included), whatever buffer backs it. */
const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'Expected bytes');

/**
 * An image the app can show without a network request: bytes from the credential (a data
 * URL or the baked file itself). A remote image URL is kept only as `sourceUrl`, never
 * fetched at display time.
 */
export const imageSchema = z.object({
  mediaType: z.string(),
  bytes: bytes.optional(),
  sourceUrl: z.string().optional(),
  caption: z.string().optional(),
});
export type CredentialImage = z.infer<typeof imageSchema>;

export const partySchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  url: z.string().optional(),
  email: z.string().optional(),
  description: z.string().optional(),
  image: imageSchema.optional(),
});
export type Party = z.infer<typeof partySchema>;

export const recipientSchema = z.object({
  /** The identity exactly as given: an e-mail, a DID, a URL, or `sha256$<hex>` when hashed. */
  identity: z.string().optional(),
  /** email, url, telephone, did, id... as the credential states it. */
  type: z.string().optional(),
  hashed: z.boolean(),
  salt: z.string().optional(),
  name: z.string().optional(),
});
export type Recipient = z.infer<typeof recipientSchema>;

export const criteriaSchema = z.object({
  id: z.string().optional(),
  narrative: z.string().optional(),
});

export const evidenceSchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  narrative: z.string().optional(),
  genre: z.string().optional(),
  audience: z.string().optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** A skill or competency the credential aligns to, from whichever framework names it. */
export const skillSchema = z.object({
  name: z.string(),
  url: z.string().optional(),
  description: z.string().optional(),
  framework: z.string().optional(),
  code: z.string().optional(),
  type: z.string().optional(),
});
export type Skill = z.infer<typeof skillSchema>;

/** Credit as the issuer gave it: 3 ECTS, 40 hours. Never converted. */
export const creditSchema = z.object({
  value: z.number(),
  unit: z.string(),
});
export type Credit = z.infer<typeof creditSchema>;

export const endorsementSchema = z.object({
  id: z.string().optional(),
  issuerName: z.string().optional(),
  issuerId: z.string().optional(),
  comment: z.string().optional(),
  issuedOn: z.string().optional(),
});
export type Endorsement = z.infer<typeof endorsementSchema>;

/** CLR 2.0 association between two achievements. */
export const associationSchema = z.object({
  type: z.string(),
  sourceId: z.string(),
  targetId: z.string(),
});
export type Association = z.infer<typeof associationSchema>;

export const statusEntrySchema = z.object({
  type: z.string(),
  id: z.string().optional(),
  /** The status list credential or revocation list URL. */
  listUrl: z.string().optional(),
  index: z.string().optional(),
  purpose: z.string().optional(),
});
export type StatusEntry = z.infer<typeof statusEntrySchema>;

/** How the credential proves itself, as found: what verification will need. */
export const signatureKinds = ['hosted', 'jws', 'vc-jwt', 'data-integrity', 'merkle', 'jades', 'xades', 'none'] as const;
export const verificationHintsSchema = z.object({
  signature: z.enum(signatureKinds),
  /** OB 2.0 hosted assertion URL, or a verification link found in a certificate. */
  hostedUrl: z.string().optional(),
  /** Verification methods, key URLs, `kid`s, issuer DIDs named by the proof. */
  keyRefs: z.array(z.string()),
  proofTypes: z.array(z.string()),
  statusEntries: z.array(statusEntrySchema),
  /** Links a person can open to check the credential (issuer pages, QR-code targets). */
  links: z.array(z.string()),
});
export type VerificationHints = z.infer<typeof verificationHintsSchema>;

/** The file as received, byte for byte, and the credential text inside it. */
export const originalSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  bytes,
  /** The credential exactly as signed: JSON text or a compact JWS (for a baked image, the baked text). */
  payload: z.string().optional(),
});
export type OriginalFile = z.infer<typeof originalSchema>;

/** What a linked document is to the credential that points to it. */
export const linkRoles = ['assertion', 'badge', 'issuer', 'key', 'revocation-list', 'status-list', 'did-document', 'issuer-profile', 'image', 'issuer-image'] as const;
export type LinkRole = (typeof linkRoles)[number];

/**
 * A document the credential links to (an OB 2.0 BadgeClass or Issuer, a key, a DID document, a
 * status list, a picture given by URL), obtained once and kept encrypted with the credential,
 * with its date: it fills in what the credential shows, and lets it be verified again offline.
 */
export const linkedDocumentSchema = z.object({
  url: z.string(),
  role: z.enum(linkRoles),
  /** HTTP status of the fetch (200, or 410 for a revoked hosted assertion). */
  status: z.number().int(),
  /** `network`: fetched; `cache`: a copy fetched earlier; `documents-map`: supplied by the user; `given`: a file given beside the credential. */
  origin: z.enum(['network', 'cache', 'documents-map', 'given']),
  /** When it was fetched (ISO 8601); for a supplied document, when it was read. */
  fetchedAt: z.string(),
  mediaType: z.string().optional(),
  /** The document as received; absent where it is not sent (the detail view). */
  body: bytes.optional(),
});
export type LinkedDocument = z.infer<typeof linkedDocumentSchema>;

/**
 * - `fetched`: everything the credential shows was found;
 * - `not-fetched`: details are published by the issuer and were not fetched yet (offline, or
 *   the user has not said yes): the app offers "Fetch details";
 * - `incomplete`: a fetch was tried and something could not be had (`problems` says what).
 */
export const detailsStates = ['fetched', 'not-fetched', 'incomplete'] as const;
export type DetailsState = (typeof detailsStates)[number];

export const linkedDetailsSchema = z.object({
  state: z.enum(detailsStates),
  documents: z.array(linkedDocumentSchema),
  /** One sentence for each document that could not be had. */
  problems: z.array(z.string()),
});
export type LinkedDetails = z.infer<typeof linkedDetailsSchema>;

export const normalizedCredentialSchema = z.object({
  /** Stable identity: the credential's id, else the assertion's id, else `sha256:<hex>` of its content. */
  identity: z.string(),
  /** SHA-256 (hex) of the credential content; a changed hash under the same identity is an update. */
  contentHash: z.string(),
  format: credentialFormatSchema,
  formatVersion: z.string().optional(),
  container: containerKindSchema,
  kind: credentialKindSchema,
  types: z.array(z.string()),
  id: z.string().optional(),
  name: z.string(),
  description: z.string().optional(),
  image: imageSchema.optional(),
  issuer: partySchema,
  recipient: recipientSchema.optional(),
  issuedOn: z.string().optional(),
  validFrom: z.string().optional(),
  expires: z.string().optional(),
  criteria: criteriaSchema.optional(),
  evidence: z.array(evidenceSchema),
  skills: z.array(skillSchema),
  credits: z.array(creditSchema),
  achievementType: z.string().optional(),
  achievementId: z.string().optional(),
  endorsements: z.array(endorsementSchema),
  tags: z.array(z.string()),
  /** For a credential nested in a CLR: the identity of the CLR that carried it. */
  parentIdentity: z.string().optional(),
  childIdentities: z.array(z.string()),
  associations: z.array(associationSchema),
  verification: verificationHintsSchema,
  /** True for self-reported entries (a PDF or image certificate): nothing signed to check. */
  selfReported: z.boolean(),
  original: originalSchema,
  /** Things a person should know that do not stop intake ("the image is a remote link"). */
  notes: z.array(z.string()),
  /** What the credential links to, as obtained; absent when it links to nothing to fetch. */
  linked: linkedDetailsSchema.optional(),
});
export type NormalizedCredential = z.infer<typeof normalizedCredentialSchema>;
