import { RefusalError } from '../../../shared/contract/refusal';
import type { PortfolioPdfCheck } from '../../../shared/credential/walletViews';
import { MalformedInputError } from '../../intake/limits';
import type { FileReaders } from '../../portfolio/fileReaders';
import { credentialName, type PortfolioPdfReport } from '../../portfolio/readPortfolioPdf';
import type { Verifier } from '../../verify/verifier';

/**
 * The employer's side: what a portfolio PDF holds, checked against its manifest and verified.
 * The PDF (untrusted) is taken apart in a worker thread; its credentials are verified here.
 */
export async function checkPortfolioPdf(bytes: Uint8Array, verifier: Verifier, readers: FileReaders): Promise<PortfolioPdfCheck> {
  let report;
  try {
    report = await readers.readPortfolioPdf(bytes, (credential) => verifier.verify(credential));
  } catch (error) {
    if (error instanceof MalformedInputError) throw new RefusalError(error.message);
    throw error;
  }
  return checkView(report);
}

/** The report as the window shows it: one row per credential (a file with none still has its row). */
function checkView(report: PortfolioPdfReport): PortfolioPdfCheck {
  return {
    intact: report.intact,
    notes: report.notes,
    noteMessages: report.noteMessages,
    ...(report.manifest?.owner ? { owner: report.manifest.owner } : {}),
    credentials: report.credentials.flatMap((item) => {
      const rows = item.credentials.length > 0 ? item.credentials : [undefined];
      return rows.map((credential, index) => {
        const verification = item.verification[index];
        const name = credentialName(item, index);
        const issuerName = credential?.issuer.name;
        return {
          file: item.file,
          integrity: item.integrity,
          sentence: item.unrecognised && item.integrity === 'intact' ? `${item.sentence} ${item.unrecognised}` : item.sentence,
          ...(name ? { name } : {}),
          ...(issuerName ? { issuerName } : {}),
          ...(credential ? { identity: credential.identity } : {}),
          ...(credential?.parentIdentity ? { partOf: credential.parentIdentity } : {}),
          ...(index === 0 && item.link !== undefined ? { link: item.link } : {}),
          ...(verification
            ? {
                status: verification.status,
                summary: verification.summary,
                ...(verification.summaryMessage ? { summaryMessage: verification.summaryMessage } : {}),
                ...(verification.issuerIdentity ? { issuerIdentity: verification.issuerIdentity } : {}),
              }
            : {}),
        };
      });
    }),
  };
}
