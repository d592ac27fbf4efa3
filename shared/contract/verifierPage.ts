import type { NormalizedCredential } from '../credential/model';
import type { VerificationMessage, VerificationReport } from '../credential/verification';

/**
 * The verifier page's contract between its window (renderer/verifier/) and the Web Worker that
 * runs the verification engine (electron/verifierPage/). Plain data, structured-cloned across
 * postMessage: the window never decodes untrusted bytes itself, it only shows what comes back.
 */
export type VerifierRequest =
  /** A link's fragment (`vc1.z.…`, with or without `#`). */
  | { readonly kind: 'link'; readonly id: number; readonly fragment: string }
  /** A file dropped on the page or chosen: a portfolio PDF, or any credential file. */
  | { readonly kind: 'file'; readonly id: number; readonly name: string; readonly bytes: Uint8Array };

/** One recognised credential and the engine's report on it. */
export interface CheckedCredential {
  readonly credential: NormalizedCredential;
  readonly report: VerificationReport;
}

/** What happened to one request the page made on a check's behalf. */
export type PageFetchOutcome = 'answered' | 'refused-by-browser' | 'not-https' | 'too-large' | 'timed-out';

export interface PageFetch {
  readonly url: string;
  readonly outcome: PageFetchOutcome;
  readonly status?: number;
}

/** As electron/portfolio/readPortfolioPdf.ts judges an attachment against the PDF's manifest. */
export type PageAttachmentIntegrity = 'intact' | 'altered' | 'identity-mismatch' | 'missing' | 'unlisted';

export interface PageAttachment {
  readonly file: string;
  readonly integrity: PageAttachmentIntegrity;
  /** The name the manifest lists for it, when it does. */
  readonly listedName?: string;
  /** SHA-256 (hex) of the attached bytes: a PDF's short-id link (`#id.<12 hex>`) names an entry by its start. */
  readonly sha256?: string;
  readonly credentials: CheckedCredential[];
  /** Why nothing was recognised in it, when nothing was. */
  readonly unrecognised?: string;
}

export interface PagePdf {
  /** Every listed file present and unchanged, nothing added, the holder's signature (if any) covering them. */
  readonly intact: boolean;
  readonly hasManifest: boolean;
  readonly owner?: string;
  readonly attachments: PageAttachment[];
  readonly notes: VerificationMessage[];
}

export type VerifierFailure =
  'not-a-credential-link' | 'unknown-encoding' | 'damaged' | 'too-large' | 'not-a-credential' | 'malformed-credential' | 'unreadable-pdf' | 'engine-failed';

export type VerifierResponse =
  | {
      readonly kind: 'checked';
      readonly id: number;
      /** Credentials found in a link or a plain credential file (a CLR gives several). */
      readonly credentials: CheckedCredential[];
      /** Set when the file was a PDF with attachments (a portfolio). */
      readonly pdf?: PagePdf;
      /** Every request the checks made, in order. */
      readonly fetches: PageFetch[];
    }
  | { readonly kind: 'failed'; readonly id: number; readonly reason: VerifierFailure; readonly detail?: string; readonly fetches: PageFetch[] };
