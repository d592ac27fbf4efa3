import type { ContainerKind, CredentialFormat } from '../../shared/credential/model';
import type { IntakeOutcome } from '../../shared/credential/intakeOutcome';
import type { VerificationMessage } from '../../shared/credential/verification';
import { englishOf, msg } from '../../shared/credential/verificationMessages';
import { pngKind, scanPng, isPng, type BakedPngText } from './bakedPng';
import { looksLikeSvg, readBakedSvg } from './bakedSvg';
import { selfReportedCertificate, type CertificateHints } from './certificateEntry';
import { decodeCompactJws, looksLikeCompactJws } from './compactJws';
import type { CredentialSource } from './formats/credentialSource';
import { readOb2HostedUrl } from './formats/ob2Assertion';
import { languagesFor, withLanguages } from './formats/preferredLanguage';
import { defaultIntakeLimits, formatBytes, MalformedInputError, type IntakeLimits } from './limits';
import { MalformedCredentialError, Recogniser, type LinkableDocument, type Recognition } from './recognise';
import { decodeUtf8, parseJsonSafely } from './safeJson';
import { readEuropassXml } from './formats/europassXml';
import { isZip, readZip } from './zipArchive';
import { manifestFileName } from '../../shared/portfolio/attachments';
import { receivableCode, receiveLinkHost } from '../../shared/credential/receiveLink';

export interface IntakeFile {
  /** A name for messages: the path as given, or `archive.zip › entry`. */
  readonly name: string;
  readonly bytes: Uint8Array;
  /**
   * The user said to keep this file as a self-reported certificate should it be a picture with
   * no badge in it (a PNG, JPEG or SVG with nothing baked and no QR code): without that, such a
   * picture is most likely a logo or a photo, and is not a credential.
   */
  readonly keepAsCertificate?: boolean;
  /**
   * For an archive: the files inside it (named `archive.zip › entry`, as outcomes name them)
   * that the user said to keep as certificates, after an import found them to be pictures with
   * no badge. Only these are read again; the rest were dealt with the first time. (On an
   * archive, `keepAsCertificate` keeps every such picture inside it: the CLI's --keep-pictures.)
   */
  readonly keepEntries?: readonly string[];
}

/** How an Intake reads, beyond its limits. */
export interface IntakeOptions {
  /**
   * The user's language (a BCP 47 tag such as `de` or `fr-CA`): names and titles a credential
   * gives in several languages (Europass) are read in it, else in English, else in the first
   * given. None: English, else the first. Not a language tag: a RangeError.
   */
  readonly language?: string | undefined;
}

const isJpeg = (bytes: Uint8Array): boolean => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
const latin1 = new TextDecoder('latin1');
const isPdf = (bytes: Uint8Array): boolean => latin1.decode(bytes.subarray(0, 1024)).includes('%PDF-');

const isWebAddress = (text: string): boolean => /^https?:\/\/\S+$/i.test(text.trim());

/** Above this size a file is read off the calling thread whatever it is (see readsSlowly). */
const slowReadBytes = 2 * 1024 * 1024;

/**
 * Whether reading a file means decoding a picture or a document: a PDF, an archive, a JPEG,
 * a PNG with no badge baked in (searched for a QR code), or anything over 2 MB. Those take
 * tens to hundreds of milliseconds; credential text and baked badges take microseconds. A
 * caller with an intake pool sends the first kind there and keeps its own thread free.
 */
export function readsSlowly(bytes: Uint8Array): boolean {
  if (bytes.length > slowReadBytes) return true;
  if (isPdf(bytes) || isZip(bytes) || isJpeg(bytes)) return true;
  // A damaged PNG is refused at once, wherever it is read.
  return isPng(bytes) && pngKind(bytes) === 'plain';
}

/**
 * Intake: recognises every credential in a file, whatever it came in, and reports exactly
 * one outcome per credential found, or one outcome saying why there is none. Never
 * fetches anything; every reader is bounded by the limits; a bad file only ever yields a
 * `malformed` or `not-a-credential` outcome for itself.
 */
export class Intake {
  private readonly recogniser: Recogniser;
  /** The languages names are picked in, best first (see IntakeOptions.language). */
  private readonly languages: readonly string[];

  constructor(
    private readonly limits: IntakeLimits = defaultIntakeLimits,
    options: IntakeOptions = {},
  ) {
    this.recogniser = new Recogniser(limits);
    this.languages = languagesFor(options.language);
  }

  async inspect(file: IntakeFile, depth = 0): Promise<IntakeOutcome[]> {
    let container: ContainerKind | undefined;
    try {
      if (file.bytes.length > this.limits.maxFileBytes) {
        return [this.malformed(file, msg('damaged.fileTooLarge', { limit: formatBytes(this.limits.maxFileBytes) }))];
      }
      if (file.bytes.length === 0) return [this.malformed(file, msg('damaged.empty'))];
      if (isPng(file.bytes)) {
        container = 'png';
        return await this.inspectPng(file);
      }
      if (isZip(file.bytes)) {
        container = 'zip';
        return await this.inspectZip(file, depth);
      }
      if (isPdf(file.bytes)) {
        container = 'pdf';
        return await this.inspectPdf(file, depth);
      }
      if (isJpeg(file.bytes)) {
        container = 'image';
        return [await this.imageCertificate(file, 'jpeg')];
      }
      // The format readers are synchronous: the language reaches them for the whole read.
      return withLanguages(this.languages, () => this.inspectText(file));
    } catch (error) {
      if (error instanceof MalformedInputError) {
        return [this.malformed(file, error.reasonMessage ?? error.message, error.where, error instanceof MalformedCredentialError ? error.format : undefined, container)];
      }
      // A reader failed in a way it did not foresee: still one clear outcome, never a crash.
      return [this.malformed(file, msg('damaged.unreadable'), undefined, undefined, container)];
    }
  }

  private inspectPng(file: IntakeFile): IntakeOutcome[] | Promise<IntakeOutcome[]> {
    const baked = scanPng(file.bytes, this.limits).baked;
    if (!baked) return this.imageCertificate(file, 'png').then((outcome) => [outcome]);
    // Every baked badge passes here: the source is written out rather than assembled.
    const source: CredentialSource = {
      fileName: file.name,
      container: 'png',
      fileBytes: file.bytes,
      mediaType: 'image/png',
      payload: baked.text,
      payloadUtf8: baked.utf8,
      bakedImage: { mediaType: 'image/png', bytes: file.bytes },
    };
    return this.fromRecognition(
      file,
      'png',
      withLanguages(this.languages, () => this.recogniseBakedText(baked, source)),
    );
  }

  private recogniseBakedText(baked: Pick<BakedPngText, 'keyword' | 'text'>, source: CredentialSource): Recognition {
    const text = baked.text.trim();
    if (text === '') throw new MalformedInputError(msg('damaged.bakedEmpty'));
    if (text.startsWith('{')) return this.recogniser.recogniseJson(parseJsonSafely(text, this.limits, `baked ${baked.keyword} data`), source);
    if (looksLikeCompactJws(text)) return this.recogniser.recogniseJws(decodeCompactJws(text, this.limits), source);
    if (baked.keyword === 'openbadges' && isWebAddress(text)) {
      return { kind: 'credentials', credentials: [readOb2HostedUrl(text, source)] };
    }
    throw new MalformedInputError(msg('damaged.bakedUnknown'), `baked ${baked.keyword} data`);
  }

  private inspectText(file: IntakeFile): IntakeOutcome[] {
    let text: string;
    try {
      text = decodeUtf8(file.bytes);
    } catch {
      return [this.notCredential(file, msg('intake.unknownKind'))];
    }
    const trimmed = text.replace(/^\uFEFF/, '').trim();
    if (trimmed === '') return [this.malformed(file, msg('damaged.whiteSpace'))];
    if (trimmed.startsWith('<')) {
      if (looksLikeSvg(trimmed.slice(0, 4096))) {
        const baked = readBakedSvg(trimmed);
        if (!baked) {
          if (!file.keepAsCertificate) return [this.plainPicture(file, msg('intake.svgNoBadge'), 'svg')];
          return [this.recognised(file, selfReportedCertificate(this.source(file, 'image', 'image/svg+xml'), { links: [], otherCodes: [] }))];
        }
        const payload = baked.body !== '' ? baked.body : (baked.verify ?? '');
        const source = this.source(file, 'svg', 'image/svg+xml', payload, { mediaType: 'image/svg+xml', bytes: file.bytes });
        if (payload === '') throw new MalformedInputError(msg('damaged.svgEmptyElement'), 'openbadges element');
        return this.fromRecognition(file, 'svg', this.recogniseBakedText({ keyword: baked.keyword, text: payload }, source));
      }
      const europass = readEuropassXml(trimmed, this.source(file, 'xml', 'application/xml', trimmed));
      if (europass) return [this.recognised(file, europass)];
      return [this.notCredential(file, msg('intake.xmlNotCredential'))];
    }
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      const json = parseJsonSafely(trimmed, this.limits);
      // `text` is the file decoded, a leading BOM dropped: the file's bytes are its UTF-8.
      const utf8 = file.bytes[0] === 0xef && file.bytes[1] === 0xbb && file.bytes[2] === 0xbf ? file.bytes.subarray(3) : file.bytes;
      return this.fromRecognition(file, 'json', this.recogniser.recogniseJson(json, { ...this.source(file, 'json', 'application/json', text), payloadUtf8: utf8 }));
    }
    if (looksLikeCompactJws(trimmed)) {
      const jws = decodeCompactJws(trimmed, this.limits);
      return this.fromRecognition(file, 'jwt', this.recogniser.recogniseJws(jws, this.source(file, 'jwt', 'application/jwt', trimmed)));
    }
    if (/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*)?$/.test(trimmed) && trimmed.length > 16) {
      return [this.malformed(file, msg('damaged.jwsIncomplete'))];
    }
    return [this.notCredential(file, msg('intake.textNotCredential'))];
  }

  private async inspectZip(file: IntakeFile, depth: number): Promise<IntakeOutcome[]> {
    if (depth >= this.limits.maxNestingDepth) {
      return [this.malformed(file, msg('damaged.archivesNested', { depth: this.limits.maxNestingDepth }), undefined, undefined, 'zip')];
    }
    const members = readZip(file.bytes, this.limits);
    const outcomes: IntakeOutcome[] = [];
    const asked = file.keepEntries;
    for (const member of members) {
      const name = `${file.name} › ${member.name}`;
      // Asked again for some of its files: only those (or an archive inside that holds them).
      if (asked && !asked.some((entry) => entry === name || entry.startsWith(`${name} › `))) continue;
      const keep = file.keepAsCertificate === true || asked?.includes(name) === true;
      if ('problem' in member) outcomes.push({ ...this.malformed({ name, bytes: new Uint8Array() }, member.problem), archiveEntry: name });
      else if (!isHiddenArchiveClutter(member.name)) {
        // An archive inside this one already named its own files.
        const inner: IntakeFile = { name, bytes: member.bytes, ...(keep ? { keepAsCertificate: true } : {}), ...(asked ? { keepEntries: asked } : {}) };
        for (const outcome of await this.inspect(inner, depth + 1)) outcomes.push(outcome.archiveEntry ? outcome : { ...outcome, archiveEntry: name });
      }
    }
    return outcomes.length > 0 ? outcomes : [this.notCredential(file, msg('intake.emptyArchive'), undefined, 'zip')];
  }

  private async inspectPdf(file: IntakeFile, depth: number): Promise<IntakeOutcome[]> {
    // The PDF and picture readers (pdf-lib, jsQR, the JPEG decoders) are loaded on first use:
    // reading badges and credential files, what most commands do, never pays for them.
    const [{ readPdfCertificate }, { issueDateFromText }] = await Promise.all([import('./certificate/pdfCertificate'), import('./certificate/textDate')]);
    const findings = await readPdfCertificate(file.bytes, this.limits);
    if (depth < this.limits.maxNestingDepth) {
      const inside: IntakeOutcome[] = [];
      for (const attachment of findings.attachments) {
        // A Badgefolio portfolio's manifest and holder-signed presentation restate the
        // credentials attached beside them: reading them again would only repeat those.
        if (attachment.name === manifestFileName || /^presentation\.[a-z]+$/i.test(attachment.name)) continue;
        inside.push(...(await this.inspect({ name: `${file.name} › ${attachment.name}`, bytes: attachment.bytes }, depth + 1)));
      }
      // A PDF that carries credentials (a Badgefolio portfolio, an issuer's certificate with
      // the signed badge attached) is those credentials, not a self-reported entry.
      const credentials = inside.filter((o) => o.outcome === 'recognised' && !o.credential.selfReported);
      if (credentials.length > 0) return inside;
    }
    const codes = findings.qrCodes;
    const offer = this.offerFound(file, codes, 'pdf');
    if (offer) return [offer];
    const hints: CertificateHints = {
      // The title the certificate's words give (set large, not boilerplate) before the file's
      // Title metadata, which is often a template's or a converter's ("Microsoft Word - cert").
      ...(findings.textTitle ? { title: findings.textTitle } : findings.title ? { title: findings.title } : {}),
      ...(findings.author ? { issuerName: findings.author } : {}),
      // Not the issue date: a PDF's CreationDate is when the file was made, often the day it
      // was downloaded. It is offered in the notes for the user to judge. The issue date is
      // the one the certificate's words give, if they make one clear; else it stays empty.
      ...(findings.createdOn ? { fileCreatedOn: findings.createdOn } : {}),
      ...compactDate(issueDateFromText(findings.text)),
      links: [...codes.filter(isWebAddress), ...findings.links.filter((l) => l.startsWith('https://'))],
      otherCodes: codes.filter((c) => !isWebAddress(c)),
    };
    return [this.recognised(file, selfReportedCertificate(this.source(file, 'pdf', 'application/pdf'), hints))];
  }

  /**
   * A picture with no badge baked in: a certificate when a QR code on it leads somewhere (a
   * scan or photo of a paper certificate), or when the user said to keep it as one; otherwise
   * most likely a logo or a photo, so not a credential (the app offers to keep it anyway).
   */
  private async imageCertificate(file: IntakeFile, kind: 'png' | 'jpeg'): Promise<IntakeOutcome> {
    const { findQrCodes, qrReaderReady } = await import('./certificate/qrCodes');
    await qrReaderReady();
    const codes = findQrCodes(file.bytes, kind, this.limits);
    if (codes.length === 0 && !file.keepAsCertificate) {
      return this.plainPicture(file, msg('intake.pictureNoBadge', { kind: kind === 'png' ? 'PNG' : 'JPEG' }), kind === 'png' ? 'png' : 'image');
    }
    const offer = this.offerFound(file, codes, kind === 'png' ? 'png' : 'image');
    if (offer) return offer;
    return this.recognised(
      file,
      selfReportedCertificate(this.source(file, 'image', kind === 'png' ? 'image/png' : 'image/jpeg'), {
        links: codes.filter(isWebAddress),
        otherCodes: codes.filter((c) => !isWebAddress(c)),
      }),
    );
  }

  /**
   * A QR code that holds a link to receive from (an issuer's offer on its web page, printed or
   * photographed): the file is that offer, for the receive flow to put to the user, not a
   * certificate. Only the link is read here; nothing is fetched.
   */
  private offerFound(file: IntakeFile, codes: readonly string[], container: ContainerKind): IntakeOutcome | undefined {
    for (const code of codes) {
      const link = receivableCode(code);
      if (!link) continue;
      const host = receiveLinkHost(link);
      const reasonMessage = host ? msg('receive.qr.offerFound', { host }) : msg('receive.qr.offerFoundNoHost');
      return { outcome: 'offer-found', file: file.name, offer: { link: code.trim(), ...(host ? { host } : {}) }, reason: englishOf(reasonMessage), reasonMessage, container };
    }
    return undefined;
  }

  private plainPicture(file: IntakeFile, reasonMessage: VerificationMessage, container: ContainerKind): IntakeOutcome {
    return { outcome: 'not-a-credential', file: file.name, reason: englishOf(reasonMessage), reasonMessage, container, picture: true };
  }

  private source(file: IntakeFile, container: ContainerKind, mediaType: string, payload?: string, bakedImage?: CredentialSource['bakedImage']): CredentialSource {
    return {
      fileName: file.name,
      container,
      fileBytes: file.bytes,
      mediaType,
      ...(payload === undefined ? {} : { payload }),
      ...(bakedImage ? { bakedImage } : {}),
    };
  }

  private fromRecognition(file: IntakeFile, container: ContainerKind, recognition: Recognition): IntakeOutcome[] {
    if (recognition.kind === 'not-a-credential') return [this.notCredential(file, recognition.reasonMessage, recognition.format, container, recognition.document)];
    const outcomes: IntakeOutcome[] = [];
    for (const credential of recognition.credentials) outcomes.push(this.recognised(file, credential));
    return outcomes;
  }

  private recognised(file: IntakeFile, credential: IntakeOutcome & { outcome: 'recognised' } extends { credential: infer C } ? C : never): IntakeOutcome {
    return { outcome: 'recognised', file: file.name, credential };
  }

  /** Not a credential, and why: the message the app says in the reader's language, and its English for the CLI. */
  private notCredential(file: IntakeFile, reasonMessage: VerificationMessage, format?: CredentialFormat, container?: ContainerKind, document?: LinkableDocument): IntakeOutcome {
    return { outcome: 'not-a-credential', ...reasoned(file, reasonMessage, format, container), ...(document ? { document } : {}) };
  }

  /**
   * Damaged, and why: the message the app says in the reader's language, and its English. A
   * reason given only in English (a zip entry's problem) travels as `damaged.other`, which other
   * languages say in general words rather than in English.
   */
  private malformed(file: IntakeFile, reason: string | VerificationMessage, where?: string, format?: CredentialFormat, container?: ContainerKind): IntakeOutcome {
    const reasonMessage = typeof reason === 'string' ? msg('damaged.other', { detail: reason }) : reason;
    return { outcome: 'malformed', ...reasoned(file, reasonMessage, format, container), ...(where ? { where } : {}) };
  }
}

function compactDate(issuedOn: string | undefined): { issuedOn?: string } {
  return issuedOn === undefined ? {} : { issuedOn };
}

/** What every outcome with a reason says: the file, the reason in the reader's language and in English, where it was found. */
function reasoned(file: IntakeFile, reasonMessage: VerificationMessage, format?: CredentialFormat, container?: ContainerKind) {
  return { file: file.name, reason: englishOf(reasonMessage), reasonMessage, ...(format ? { format } : {}), ...(container ? { container } : {}) };
}

/** macOS and Windows leave these in archives; they are never badges. */
function isHiddenArchiveClutter(name: string): boolean {
  return name.startsWith('__MACOSX/') || /(^|\/)\.DS_Store$/.test(name) || /(^|\/)Thumbs\.db$/i.test(name);
}
