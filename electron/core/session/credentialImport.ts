import type { IntakeOutcome } from '../../../shared/credential/intakeOutcome';
import { msg } from '../../../shared/credential/verificationMessages';
import type { ImportOutcome } from '../../../shared/credential/walletViews';
import type { RoutedIntake } from '../../intake/routedIntake';
import { DocumentsBeside } from '../documentsBeside';
import { keptFor, turnTaker } from '../fillIn';
import { storeCredential } from '../storeCredential';
import { requireVault, type SessionContext } from './context';
import type { SessionVerifiers } from './verifiers';

/** A file dropped or chosen for import, as the window sends it. */
export interface ImportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The user asked to keep this picture as a self-reported certificate. */
  readonly keepAsCertificate?: boolean | undefined;
  /** An archive's files to read again and keep as certificates. */
  readonly keepEntries?: readonly string[] | undefined;
}

/** What an import needs of the session: its wallet, its verifiers and its readers. */
export interface ImportingSession {
  readonly context: SessionContext;
  readonly verifiers: SessionVerifiers;
  readonly intake: RoutedIntake;
}

/**
 * Imports files: each credential read, filled in from what it links to (fetched when the
 * network setting allows; else from what the wallet already keeps, or marked "details not
 * fetched yet"), verified with those same documents, and stored.
 */
export async function importFiles(session: ImportingSession, files: readonly ImportFile[]): Promise<ImportOutcome[]> {
  const vault = requireVault(session.context);
  // A BadgeClass, issuer profile, key or revocation list dropped with the badges fills them in.
  const beside = new DocumentsBeside();
  const fillIn = session.verifiers.fillInFor(session.verifiers.fetchAllowed(false), beside);
  const verifier = session.verifiers.verifierFor(false, { documents: fillIn.documents });
  const outcomes: ImportOutcome[] = [];
  // Every file is started at once, so the pictures and documents among them are read side
  // by side on the other cores while the main process stays free for the window; once all
  // are read (a badge's BadgeClass may come after it), what each credential links to is
  // fetched, for all of them side by side (at most 4 requests per host); outcomes are stored
  // in the files' order.
  const read = await Promise.all(
    files.map((file) =>
      session.intake.inspect({
        name: file.name,
        bytes: file.bytes,
        ...(file.keepAsCertificate ? { keepAsCertificate: true } : {}),
        ...(file.keepEntries ? { keepEntries: file.keepEntries } : {}),
      }),
    ),
  );
  for (const outcome of read.flat()) beside.add(outcome);
  const readings = read.map((found) =>
    found.map((outcome) =>
      outcome.outcome === 'recognised'
        ? { outcome, filled: fillIn.fill(outcome.credential, keptFor(vault, outcome.credential)).catch(() => outcome.credential) }
        : { outcome, filled: undefined },
    ),
  );
  const takeTurn = turnTaker();
  // Documents are said last, once every credential has been filled in: whether one used them.
  const documents: { shown: ImportOutcome; outcome: IntakeOutcome }[] = [];
  for (const [index, reading] of readings.entries()) {
    const dropped = files[index]?.name ?? '';
    for (const { outcome, filled } of reading) {
      await takeTurn();
      // The summary counts files: what came out of a file counts under it (see ImportOutcome.sourceFile).
      const counted = outcome.archiveEntry ?? dropped;
      const sourceFile = counted !== outcome.file ? { sourceFile: counted } : {};
      if (outcome.outcome === 'recognised' && filled) {
        const credential = await filled;
        // Verified before it is stored; a worse copy never replaces what the wallet holds.
        const stored = await storeCredential(vault, verifier, credential);
        if (stored.outcome === 'updated') session.context.forgetThumbnail(stored.id);
        outcomes.push({
          file: outcome.file,
          outcome: stored.outcome,
          ...(credential.name ? { name: credential.name } : {}),
          id: stored.id,
          ...(credential.linked ? { details: credential.linked.state } : {}),
          ...(stored.reason ? { reason: stored.reason } : {}),
          ...(stored.reasonMessage ? { reasonMessage: stored.reasonMessage } : {}),
          ...sourceFile,
          ...(credential.selfReported ? { selfReported: true as const } : {}),
          ...(stored.report ? { status: stored.report.status } : {}),
        });
      } else if (outcome.outcome !== 'recognised') {
        // A picture can be kept as a certificate when it is the file dropped, or a file in a
        // zip dropped: the renderer sends that file again (the zip with the entry named).
        const inDroppedZip = outcome.archiveEntry === outcome.file && outcome.file.startsWith(`${dropped} › `);
        const keepable = outcome.outcome === 'not-a-credential' && outcome.picture === true && (outcome.file === dropped || inDroppedZip);
        // Every reason in the reader's language: one given only in English is said in general words there.
        const reasonMessage = outcome.reasonMessage ?? msg('damaged.other', { detail: outcome.reason });
        const shown: ImportOutcome = {
          file: outcome.file,
          outcome: outcome.outcome,
          reason: outcome.reason,
          reasonMessage,
          ...sourceFile,
          ...(keepable ? { picture: true as const } : {}),
          ...(outcome.outcome === 'offer-found' ? { offer: outcome.offer } : {}),
        };
        outcomes.push(shown);
        if (outcome.outcome === 'not-a-credential' && outcome.document) documents.push({ shown, outcome });
      }
    }
  }
  for (const { shown, outcome } of documents) {
    const said = beside.reported(outcome);
    if (said.outcome === 'not-a-credential' && said.reasonMessage) Object.assign(shown, { reason: said.reason, reasonMessage: said.reasonMessage });
  }
  return outcomes;
}
