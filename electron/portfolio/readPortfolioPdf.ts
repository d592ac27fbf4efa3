import { PDFDocument } from 'pdf-lib';
import type { NormalizedCredential } from '../../shared/credential/model';
import type { VerificationMessage, VerificationReport } from '../../shared/credential/verification';
import { englishOf, msg } from '../../shared/credential/verificationMessages';
import { manifestFileName, parseManifest, type ManifestEntry, type PortfolioManifest } from '../../shared/portfolio/attachments';
import { bytesToBase64 } from '../../shared/encoding/base64';
import { sha256, sha256Hex } from '../../shared/portfolio/sha256';
import { readAttachments, type PdfAttachment } from '../intake/certificate/pdfAttachments';
import { PdfObjects } from '../intake/certificate/pdfObjects';
import { readPages } from '../intake/certificate/pdfPages';
import { Intake } from '../intake/intake';
import { checkEntryLinks, entryLinksIn, type EntryLinkCheck } from './pdfEntryLinks';
import { checkPresentationJwt, presentationMediaType, type PresentationCheck } from './holderSignature';
import { defaultIntakeLimits, MalformedInputError, type IntakeLimits } from '../intake/limits';

/**
 * The employer's side of a portfolio (or certificate) PDF: every embedded credential
 * extracted, checked against the manifest Badgefolio wrote at export, recognised, and (with the
 * `verify` hook, the verification engine) verified, one report per credential.
 *
 * Reading is bounded like intake's: at most `maxArchiveEntries` attachments, each inflated to at
 * most `maxInflatedBytes` and all together to `maxArchiveBytes`, with streaming decompression
 * that stops at the limit (a PDF "attachment bomb" is refused, not unpacked).
 *
 * What the manifest check can and cannot tell: it catches an attachment swapped for another
 * file, altered, removed or added after export, as long as the manifest itself was left alone.
 * Someone who rewrites an attachment and the manifest together defeats it: the manifest is in
 * the same PDF and nothing signs it. The real proof is each credential's own signature (the
 * `verify` hook), and the holder's signature on the presentation when one was attached.
 */

export type AttachmentIntegrity =
  /** Listed in the manifest with this exact SHA-256 and identity. */
  | 'intact'
  /** Listed, but the bytes differ from what was exported. */
  | 'altered'
  /** The bytes match the manifest, but they are a different credential than listed (identity differs). */
  | 'identity-mismatch'
  /** Listed in the manifest, not in the PDF. */
  | 'missing'
  /** In the PDF, not in the manifest (added after export, or a PDF without a Badgefolio manifest). */
  | 'unlisted';

export interface ExtractedCredential {
  readonly file: string;
  readonly integrity: AttachmentIntegrity;
  /** One sentence for people. */
  readonly sentence: string;
  readonly listed?: ManifestEntry;
  readonly bytes?: Uint8Array;
  readonly mediaType?: string;
  readonly sha256?: string;
  /** The credentials intake recognised in the file (a CLR yields several); empty when none. */
  readonly credentials: NormalizedCredential[];
  /** Why intake recognised nothing, when it did not. */
  readonly unrecognised?: string;
  /** The verification engine's reports, one per recognised credential (with the `verify` hook). */
  readonly verification: VerificationReport[];
  /** What the entry's links in the PDF carry, compared with this file (absent when the file is missing). */
  readonly link?: EntryLinkCheck;
}

export interface PortfolioPdfReport {
  /** The manifest, when the PDF has a readable one. */
  readonly manifest?: PortfolioManifest;
  /** Every attached credential file and every file the manifest lists, in manifest order, then unlisted ones. */
  readonly credentials: ExtractedCredential[];
  readonly presentation?: {
    readonly file: string;
    readonly bytes: Uint8Array;
    readonly mediaType?: string;
    /** Exactly the file the manifest lists. */
    readonly intact: boolean;
    /** The holder's signature, for a `vp+jwt` (see holderSignature.ts); absent for other kinds. */
    readonly signature?: PresentationSignature;
  };
  /** True when every listed file is present and intact and nothing was added. */
  readonly intact: boolean;
  /** Sentences about the whole PDF (no manifest, a manifest that is not one...), in English. */
  readonly notes: string[];
  /** The same notes as catalogue messages, in the same order, for the app to say in the reader's language. */
  readonly noteMessages: VerificationMessage[];
}

export interface PresentationSignature {
  readonly status: PresentationCheck['status'];
  readonly holder?: string;
  readonly message: VerificationMessage;
  readonly sentence: string;
  /**
   * Whether the signed presentation lists every credential file in the PDF with its exact
   * SHA-256, and nothing else: what makes the signature cover the attachments themselves.
   */
  readonly coversAttachments: boolean;
}

export interface ReadPortfolioOptions {
  readonly limits?: IntakeLimits;
  /** Verifies one recognised credential (electron/verify); left out, nothing is verified. */
  readonly verify?: (credential: NormalizedCredential) => Promise<VerificationReport>;
}

async function loadAttachments(bytes: Uint8Array, limits: IntakeLimits): Promise<{ attachments: PdfAttachment[]; links: Map<string, string[]> }> {
  if (bytes.length > limits.maxFileBytes) throw new MalformedInputError('This PDF is larger than Badgefolio reads.');
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    throw new MalformedInputError('This PDF could not be read: it is damaged or not a PDF.');
  }
  if (document.isEncrypted) throw new MalformedInputError('This PDF is encrypted: its attachments cannot be read.');
  const objects = new PdfObjects(document.context);
  const catalog = objects.dict(document.context.trailerInfo.Root);
  if (!catalog) throw new MalformedInputError('This PDF could not be read: it has no document catalog.');
  return { attachments: readAttachments(objects, catalog, readPages(objects, catalog), limits), links: entryLinksIn(document) };
}

/**
 * The name to show for the `index`th credential read back from an attachment. A self-reported
 * entry (a PDF or picture certificate: nothing signed names it) shows the name its holder
 * corrected in the wallet, which the manifest records, when the file is exactly the one
 * exported; anything signed shows what its issuer signed.
 */
export function credentialName(item: ExtractedCredential, index: number): string | undefined {
  const credential = item.credentials[index];
  const listed = item.listed;
  if (credential?.selfReported === true && listed && item.integrity === 'intact' && credential.identity === listed.identity && listed.name.trim() !== '') return listed.name;
  return credential?.name ?? (index === 0 ? listed?.name : undefined);
}

export async function readPortfolioPdf(bytes: Uint8Array, options: ReadPortfolioOptions = {}): Promise<PortfolioPdfReport> {
  const limits = options.limits ?? defaultIntakeLimits;
  const { attachments, links } = await loadAttachments(bytes, limits);
  const notes: string[] = [];
  const noteMessages: VerificationMessage[] = [];
  const note = (message: VerificationMessage): void => {
    notes.push(englishOf(message));
    noteMessages.push(message);
  };
  const manifestFile = attachments.find((a) => a.name === manifestFileName);
  const manifest = manifestFile ? parseManifest(new TextDecoder().decode(manifestFile.bytes)) : undefined;
  if (!manifestFile) note(msg('pdfCheck.noManifest'));
  else if (!manifest) note(msg('pdfCheck.manifestUnreadable'));

  const byName = new Map<string, PdfAttachment>();
  for (const attachment of attachments) if (!byName.has(attachment.name)) byName.set(attachment.name, attachment);
  const presentationName = manifest?.presentation?.file;
  const intake = new Intake(limits);
  const credentials: ExtractedCredential[] = [];

  const examine = async (attachment: PdfAttachment, listed: ManifestEntry | undefined): Promise<ExtractedCredential> => {
    const digest = await sha256Hex(attachment.bytes);
    const outcomes = await intake.inspect({ name: attachment.name, bytes: attachment.bytes });
    const recognised = outcomes.flatMap((o) => (o.outcome === 'recognised' ? [o.credential] : []));
    const refusal = outcomes.flatMap((o) => (o.outcome === 'recognised' ? [] : [o.reason]))[0];
    const unrecognised = recognised.length === 0 ? refusal : undefined;
    let integrity: AttachmentIntegrity;
    let sentence: string;
    if (!listed) {
      integrity = 'unlisted';
      sentence = manifest ? `${attachment.name} is not in the manifest: it was added after export.` : `${attachment.name} is attached; there is no manifest to compare it with.`;
    } else if (listed.sha256 !== digest) {
      integrity = 'altered';
      sentence = `${attachment.name} differs from the file exported: it was altered or swapped after export.`;
    } else if (recognised.length > 0 && !recognised.some((c) => c.identity === listed.identity)) {
      integrity = 'identity-mismatch';
      sentence = `${attachment.name} matches its listed digest but holds a different credential than the one listed.`;
    } else {
      integrity = 'intact';
      sentence = `${attachment.name} is exactly the file exported.`;
    }
    const verification: VerificationReport[] = [];
    if (options.verify) for (const credential of recognised) verification.push(await options.verify(credential));
    return {
      file: attachment.name,
      integrity,
      sentence,
      ...(listed ? { listed } : {}),
      bytes: attachment.bytes,
      ...(attachment.mediaType === undefined ? {} : { mediaType: attachment.mediaType }),
      sha256: digest,
      credentials: recognised,
      ...(unrecognised === undefined ? {} : { unrecognised }),
      verification,
      link: await checkEntryLinks(links.get(attachment.name) ?? [], attachment.bytes, recognised),
    };
  };

  const seen = new Set<string>();
  for (const listed of manifest?.credentials ?? []) {
    seen.add(listed.file);
    const attachment = byName.get(listed.file);
    if (!attachment) {
      credentials.push({
        file: listed.file,
        integrity: 'missing',
        sentence: `${listed.file} is listed in the manifest but no longer attached.`,
        listed,
        credentials: [],
        verification: [],
      });
      continue;
    }
    credentials.push(await examine(attachment, listed));
  }
  for (const attachment of attachments) {
    if (attachment.name === manifestFileName || attachment.name === presentationName || seen.has(attachment.name)) continue;
    seen.add(attachment.name);
    credentials.push(await examine(attachment, undefined));
  }

  let presentation: PortfolioPdfReport['presentation'];
  if (presentationName !== undefined) {
    const attachment = byName.get(presentationName);
    if (attachment) {
      const signature =
        attachment.mediaType === presentationMediaType || attachment.name.endsWith('.jwt')
          ? await presentationSignature(attachment.bytes, attachments, presentationName)
          : undefined;
      presentation = {
        file: attachment.name,
        bytes: attachment.bytes,
        ...(attachment.mediaType === undefined ? {} : { mediaType: attachment.mediaType }),
        intact: (await sha256Hex(attachment.bytes)) === manifest?.presentation?.sha256,
        ...(signature ? { signature } : {}),
      };
      if (signature?.status === 'valid' && signature.holder !== undefined && manifest?.owner) {
        // Named as the PDF names its holder (the profile's name at export); the key is what was checked.
        note(msg('pdfCheck.holderSigned', { holder: signature.holder, owner: manifest.owner }));
      } else if (signature && signature.status !== 'unverifiable') note(signature.message);
      if (signature?.status === 'valid' && !signature.coversAttachments) note(msg('pdfCheck.attachmentsChanged'));
    } else {
      note(msg('pdfCheck.presentationMissing', { file: presentationName }));
    }
  }
  const signature = presentation?.signature;
  const signatureHolds = !signature || signature.status === 'unverifiable' || (signature.status === 'valid' && signature.coversAttachments);
  const intact = manifest !== undefined && credentials.every((c) => c.integrity === 'intact') && (presentation?.intact ?? presentationName === undefined) && signatureHolds;
  return { ...(manifest ? { manifest } : {}), credentials, ...(presentation ? { presentation } : {}), intact, notes, noteMessages };
}

/** The holder's signature on a `vp+jwt` presentation, and whether it covers exactly the credential files attached. */
async function presentationSignature(bytes: Uint8Array, attachments: readonly PdfAttachment[], presentationName: string): Promise<PresentationSignature> {
  const check = checkPresentationJwt(bytes);
  const base = { status: check.status, ...(check.holder === undefined ? {} : { holder: check.holder }), message: check.message, sentence: check.sentence };
  if (check.status !== 'valid') return { ...base, coversAttachments: false };
  const signed = new Map<string, string>();
  const resources = check.presentation?.relatedResource;
  for (const resource of Array.isArray(resources) ? (resources as unknown[]) : []) {
    if (typeof resource !== 'object' || resource === null) continue;
    const { id, digestSRI } = resource as Record<string, unknown>;
    if (typeof id === 'string' && typeof digestSRI === 'string') signed.set(id, digestSRI);
  }
  const files = attachments.filter((a) => a.name !== manifestFileName && a.name !== presentationName);
  let covered = files.length === signed.size;
  for (const file of files) {
    const digest = `sha256-${bytesToBase64(await sha256(file.bytes))}`;
    if (signed.get(`urn:badgefolio:attachment:${encodeURIComponent(file.name)}`) !== digest) covered = false;
  }
  return { ...base, coversAttachments: covered };
}
