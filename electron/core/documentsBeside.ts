import type { IntakeOutcome } from '../../shared/credential/intakeOutcome';
import { englishOf, msg } from '../../shared/credential/verificationMessages';
import type { DocumentSource, LocalDocument } from '../verify/documents';

/**
 * Documents given in the same import or check as the credentials that link to them: an Open
 * Badges 2.0 BadgeClass, issuer profile, key or revocation list, a Blockcerts issuer profile
 * (intake reports each as not a credential, with the document it is). People download a badge
 * with its BadgeClass and issuer files, or keep a certificate beside its issuer profile; the
 * credentials are then filled in and checked from those files as from fetched ones, and the
 * files are reported as used. Looked up by the address each document gives as its own id, after
 * the user's documents maps; they count as documents the user supplied, never as fetched.
 */
export class DocumentsBeside implements DocumentSource {
  /** Address → the document's text and the file it came from (the first file given stands). */
  private readonly documents = new Map<string, { readonly body: string; readonly file: string }>();
  private readonly used = new Set<string>();

  /** Keeps the document an intake outcome carries, if any; true when the outcome is such a document. */
  add(outcome: IntakeOutcome): boolean {
    if (outcome.outcome !== 'not-a-credential' || !outcome.document) return false;
    const { id, body } = outcome.document;
    // A later file with the same address does not silently replace the first.
    if (!this.documents.has(id)) this.documents.set(id, { body, file: outcome.file });
    return true;
  }

  get size(): number {
    return this.documents.size;
  }

  lookup(url: string): LocalDocument | undefined {
    const key = url.trim();
    const found = this.documents.get(key);
    if (!found) return undefined;
    this.used.add(key);
    // Anyone can put a file beside a badge that claims any address: it is `given`, not published there.
    return { body: found.body, origin: 'given' };
  }

  /** Whether a credential of this batch was filled in or checked with the document in this outcome. */
  wasUsed(outcome: IntakeOutcome): boolean {
    if (outcome.outcome !== 'not-a-credential' || !outcome.document) return false;
    return this.used.has(outcome.document.id) && this.documents.get(outcome.document.id)?.file === outcome.file;
  }

  /**
   * The outcome as reported once the batch is done: a document that served a credential beside
   * it says so ("… Used as the details of the credentials given beside it."); any other is unchanged.
   */
  reported<T extends IntakeOutcome>(outcome: T): T {
    if (outcome.outcome !== 'not-a-credential' || !outcome.reasonMessage || !this.wasUsed(outcome)) return outcome;
    const reasonMessage = msg('intake.usedAsDetails', { what: outcome.reasonMessage });
    return { ...outcome, reason: englishOf(reasonMessage), reasonMessage };
  }
}

/**
 * The user's documents maps first, then the documents given beside the credentials (read when
 * looked up: documents added to `beside` later are found too).
 */
export function withDocumentsBeside(user: DocumentSource | undefined, beside: DocumentsBeside): DocumentSource {
  if (!user) return beside;
  return {
    lookup: (url) => user.lookup(url) ?? beside.lookup(url),
    lookupBytes: (url) => user.lookupBytes?.(url),
  };
}
