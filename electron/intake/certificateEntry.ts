import type { NormalizedCredential } from '../../shared/credential/model';
import { completeCredential, noLists, type CredentialSource } from './formats/credentialSource';
import { compact } from './formats/jsonLdValues';

/** What a PDF or image certificate lets us prefill; the user can edit all of it. */
export interface CertificateHints {
  readonly title?: string;
  readonly issuerName?: string;
  readonly issuedOn?: string;
  /** When the file itself was made (a PDF's CreationDate): a hint for the user, never the issue date. */
  readonly fileCreatedOn?: string;
  /** Web addresses found in QR codes and links: offered as ways to check the certificate. */
  readonly links: readonly string[];
  /** QR codes whose text is not a web address, kept as found. */
  readonly otherCodes: readonly string[];
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
}

function titleFromFileName(fileName: string): string {
  const base =
    fileName
      .split(/[/\\›]/)
      .pop()
      ?.trim() ?? fileName;
  const withoutExtension = base.replace(/\.[A-Za-z0-9]{2,5}$/, '');
  const words = withoutExtension.replace(/[_-]+/g, ' ').trim();
  return words === '' ? 'Certificate' : words;
}

/**
 * A certificate with nothing machine-readable to verify: kept as a self-reported entry,
 * plainly marked, its title, issuer and date prefilled from what the file says.
 */
export function selfReportedCertificate(source: CredentialSource, hints: CertificateHints): NormalizedCredential {
  const links = [...new Set(hints.links)];
  const notes = ['Self-reported: this file carries no signed credential, so Badgefolio cannot check it.'];
  if (links.length > 0) notes.push(`It links to ${links.join(', ')}, which may let an employer check it online.`);
  if (hints.fileCreatedOn && !hints.issuedOn) notes.push(`The file was made on ${hints.fileCreatedOn.slice(0, 10)}; the date it was issued is not known until you add it.`);
  for (const code of hints.otherCodes) notes.push(`It holds a QR code with the text "${code.slice(0, 200)}".`);
  return completeCredential(
    {
      format: 'certificate',
      kind: 'certificate',
      types: [],
      ...compact({ issuedOn: hints.issuedOn }),
      name: nonEmpty(hints.title) ?? titleFromFileName(source.fileName),
      issuer: compact({ name: nonEmpty(hints.issuerName) }),
      image: source.container === 'image' ? { mediaType: source.mediaType, bytes: source.fileBytes } : undefined,
      ...noLists(),
      selfReported: true,
      verification: {
        signature: 'none',
        ...(links[0] ? { hostedUrl: links[0] } : {}),
        keyRefs: [],
        proofTypes: [],
        statusEntries: [],
        links,
      },
      notes,
    },
    source,
  );
}
