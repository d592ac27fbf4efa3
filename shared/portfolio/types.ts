import type { NormalizedCredential } from '../credential/model';
import type { IssuerIdentity } from '../credential/verification';

/**
 * The inputs of the portfolio and certificate PDF builders. Plain data plus two optional hooks
 * (image preparation, presentation signing) that the runtime supplies: the builder itself is
 * pure TypeScript and runs unchanged in the renderer and in the CLI.
 */

/** One font file, or several files of one family split by Unicode range (as @fontsource ships it). */
export type FontBytes = Uint8Array | readonly Uint8Array[];

/**
 * Font files, passed in by the caller (shared/ cannot read files). TrueType/OpenType (`.ttf`,
 * `.otf`) or WOFF 1 (`.woff`); WOFF2 is refused, because @pdf-lib/fontkit's subsetter corrupts
 * WOFF2 glyphs. Every font is embedded as a subset of the glyphs the document uses.
 *
 * For each character the first face that has a glyph for it wins: `regular` (or `bold`), then
 * `cjk`, `arabic`, `hebrew`, `emoji`. Characters no face covers (emoji the font lacks, scripts
 * without a font) never break the export: pictographs are left out and anything else prints
 * as U+FFFD.
 */
export interface FontSet {
  readonly regular: FontBytes;
  readonly bold: FontBytes;
  readonly cjk?: FontBytes;
  readonly arabic?: FontBytes;
  readonly hebrew?: FontBytes;
  /** A monochrome emoji font (Noto Emoji): "iOS App Development 🚀" keeps its rocket. */
  readonly emoji?: FontBytes;
}

/** How an image should come back from `prepareImage`: at most this many pixels on its longer side. */
export interface ImageTarget {
  readonly maxPixels: number;
  /** Encoded size above which an image is worth re-encoding even when small enough in pixels. */
  readonly maxBytes: number;
}

export interface PreparedImage {
  readonly bytes: Uint8Array;
  readonly mediaType: 'image/png' | 'image/jpeg';
}

/**
 * Downscales or converts an image for printing (the Node side uses pngjs/jpeg-js, the renderer a
 * canvas). Returns null to have the builder use the bytes as they are (PNG and JPEG only; any
 * other format is then drawn as a placeholder). Must not throw for a bad image; if it does,
 * the builder draws a placeholder.
 */
export type PrepareImage = (image: { readonly bytes: Uint8Array; readonly mediaType: string }, target: ImageTarget) => Promise<PreparedImage | null>;

export interface OwnerProfile {
  readonly name: string;
  /** "Data analyst · open to junior roles" */
  readonly headline?: string;
  readonly email?: string;
  readonly phone?: string;
  /** A web site or profile page: printed and linked (https only). */
  readonly website?: string;
  readonly location?: string;
  /** Further links (LinkedIn, GitHub...): printed and linked (https only). */
  readonly links?: readonly { readonly label: string; readonly url: string }[];
  /** A photo, PNG or JPEG (others through prepareImage). */
  readonly photo?: { readonly bytes: Uint8Array; readonly mediaType: string };
  /** A few sentences about the person, printed on the cover. */
  readonly about?: string;
}

/** One credential in the portfolio, with what the verification engine said about it at export. */
export interface PortfolioEntry {
  readonly credential: NormalizedCredential;
  /** The verification status word as checked at export: 'verified', 'expired', 'revoked', 'invalid', 'unverifiable', 'unsigned', 'malformed', 'not-yet-valid'. */
  readonly status: string;
  /** The engine's one-sentence summary, printed beneath the status, in the PDF's language. */
  readonly statusSentence?: string;
  /** When it was checked (ISO 8601). */
  readonly checkedAt?: string;
  /** Who stands behind the key, as judged at export: printed under the status, counted on the cover. */
  readonly issuerIdentity?: IssuerIdentity;
  /**
   * A verifier-link fragment made and checked at export (a `vc1.c.` CBOR-LD one, by
   * electron/portfolio/cborldFragment.ts): the link carries it when it is shorter than `z`.
   */
  readonly linkFragment?: string;
}

/** A learning pathway, named by its goal, and how far along it is (for the cover's summary). */
export interface PathwaySummary {
  readonly name: string;
  readonly completed: boolean;
  /** Steps done and steps the goal requires ("4 of 6"); printed beside the name when given. */
  readonly done?: number;
  readonly required?: number;
}

export type PaperSize = 'a4' | 'letter';
/** The language of the PDF's own words (labels, headings, status); credentials print as issued. */
export type PdfLanguage = 'en' | 'de';
export const themeNames = ['navy', 'teal', 'graphite'] as const;
export type ThemeName = (typeof themeNames)[number];

/**
 * A holder-signed presentation covering the whole set: the builder makes the unsigned
 * Verifiable Presentation (the credentials and the SHA-256 of every attached file), the hook
 * signs it (a VC-JWT, a Data Integrity proof: the holder's key never reaches the builder), and
 * the result is attached next to the originals.
 */
export interface PresentationSigner {
  /** The holder's id (a DID): the presentation's `holder`. */
  readonly holder: string;
  readonly sign: (presentation: Record<string, unknown>) => Promise<{ readonly bytes: Uint8Array; readonly mediaType: string; readonly extension: string }>;
}

export interface PortfolioOptions {
  readonly paper: PaperSize;
  /** Document title; "Credential portfolio: <owner>" unless given. */
  readonly title?: string;
  /** Who the portfolio is for ("Acme Ltd, hiring team"): printed on the cover and in the subject. */
  readonly recipientName?: string;
  /**
   * The verifier page (Badgefolio's static verifier, out/verifier/, wherever it is published):
   * every entry links to it with the credential's original bytes in the link's fragment
   * (verifierFragment.ts). Without it, entries link only to what their issuers publish.
   */
  readonly verifierUrl?: string;
  readonly generatedAt: Date;
  readonly fonts: FontSet;
  readonly theme?: ThemeName;
  /** BCP 47 tag for dates ("en-GB" unless given) and the document language. */
  readonly locale?: string;
  /** The language of the PDF's own words; English unless given. Status sentences come in the caller's words. */
  readonly language?: PdfLanguage;
  readonly keywords?: readonly string[];
  readonly pathways?: readonly PathwaySummary[];
  readonly prepareImage?: PrepareImage;
  readonly presentation?: PresentationSigner;
}

export interface PortfolioInput {
  readonly owner: OwnerProfile;
  /** The chosen credentials (all, a collection, a hand-picked set), in the order to print them. */
  readonly credentials: readonly PortfolioEntry[];
  readonly options: PortfolioOptions;
}

export interface CertificateInput {
  /** The holder: printed as the person the credential was awarded to. */
  readonly owner: OwnerProfile;
  readonly entry: PortfolioEntry;
  readonly options: Omit<PortfolioOptions, 'pathways' | 'presentation'>;
}
