import type { VerificationMessage } from '../../shared/credential/verification';
import { englishOf } from '../../shared/credential/verificationMessages';

/**
 * Bounds on the work one input can cause. Every reader takes these and refuses, with a
 * specific reason, anything beyond them: a badge file is small, so generous limits still
 * stop zip bombs, decompression bombs, absurd nesting and huge images long before they
 * cost memory or time.
 */
export interface IntakeLimits {
  /** Largest input file read at all (default 50 MB). */
  readonly maxFileBytes: number;
  /** Largest JSON text parsed (a credential, a baked chunk, a zip entry). */
  readonly maxJsonBytes: number;
  /** Deepest JSON nesting accepted. */
  readonly maxJsonDepth: number;
  /** Largest total output of any one decompression (zTXt chunk, zip entry, PDF stream). */
  readonly maxInflatedBytes: number;
  /** Largest total uncompressed size of one archive. */
  readonly maxArchiveBytes: number;
  /** Most entries read from one archive. */
  readonly maxArchiveEntries: number;
  /** Deepest nesting of archives in archives (and folders in folders). */
  readonly maxNestingDepth: number;
  /** Largest image decoded to pixels (for QR codes), in pixels. */
  readonly maxImagePixels: number;
  /** Most credentials taken from one container (a CLR, a presentation, a PDF). */
  readonly maxCredentialsPerFile: number;
}

export const defaultIntakeLimits: IntakeLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxJsonBytes: 16 * 1024 * 1024,
  maxJsonDepth: 64,
  maxInflatedBytes: 32 * 1024 * 1024,
  maxArchiveBytes: 256 * 1024 * 1024,
  maxArchiveEntries: 5000,
  maxNestingDepth: 8,
  // 4000 x 4000: a phone photo of a certificate; JPEG decoding needs ~20 bytes a pixel.
  maxImagePixels: 16_000_000,
  maxCredentialsPerFile: 1000,
};

/**
 * A file that is not what it claims, or breaks a limit. The reason is written for the person
 * who dropped the file: as a catalogue message (`reasonMessage`, said in the reader's
 * language), with `message` its English; `where` points into the file (a chunk, a JSON path,
 * an entry).
 */
export class MalformedInputError extends Error {
  override readonly name = 'MalformedInputError';
  readonly reasonMessage: VerificationMessage | undefined;
  constructor(
    reason: string | VerificationMessage,
    readonly where?: string,
  ) {
    super(typeof reason === 'string' ? reason : englishOf(reason));
    this.reasonMessage = typeof reason === 'string' ? undefined : reason;
  }
}

export function formatBytes(count: number): string {
  if (count >= 1024 * 1024) return `${(count / (1024 * 1024)).toFixed(count % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (count >= 1024) return `${(count / 1024).toFixed(0)} KB`;
  return `${String(count)} bytes`;
}
