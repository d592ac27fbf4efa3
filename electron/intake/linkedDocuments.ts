import type { CredentialImage, LinkedDetails, LinkedDocument, LinkRole, NormalizedCredential, Party } from '../../shared/credential/model';
import { imageSize, sniffImage, type ImageKind } from '../../shared/portfolio/imageFormat';
import { didWebDocumentUrl } from '../verify/keys';
import { decodeCompactJws, looksLikeCompactJws } from './compactJws';
import { sha256Hex, type CredentialSource } from './formats/credentialSource';
import { imageOf } from './formats/jsonLdValues';
import { detailsNotFetchedNote, readOb2 } from './formats/ob2Assertion';
import { defaultIntakeLimits, MalformedInputError } from './limits';
import { isRecord, parseJsonSafely } from './safeJson';

/**
 * What a credential points to, and the credential filled in from it. An Open Badges 2.0
 * badge baked by Badgr, Canvas, OBF or Moodle carries an assertion whose `badge` (and the
 * badge's `issuer`) is only a web address: its name, description, picture, issuer, criteria
 * and alignments live at the issuer. This module lists those links (and those verification
 * needs: the hosted assertion, keys, revocation and status lists, did:web documents, pictures
 * given by URL), asks an `Obtain` function for each (which decides where a document comes
 * from: the user's documents, a kept copy, the network, or nowhere when offline), and reads
 * the credential again with what came back. The signed or hosted text itself never changes:
 * only what the wallet shows, and the documents kept with it for checking it again offline.
 *
 * Pure with respect to the network and the wallet: both are behind `obtain`.
 */

type Json = Record<string, unknown>;

export interface Obtained {
  readonly ok: true;
  readonly url: string;
  readonly role: LinkRole;
  readonly status: number;
  readonly origin: LinkedDocument['origin'];
  readonly fetchedAt: string;
  readonly body: Uint8Array;
  readonly mediaType?: string;
}

export interface NotObtained {
  readonly ok: false;
  readonly url: string;
  readonly role: LinkRole;
  /** `offline`: not tried (the network is not allowed); `failed`: tried, and it could not be had. */
  readonly reason: 'offline' | 'failed';
  /** One sentence naming the address and what went wrong. */
  readonly message: string;
}

export type Obtain = (url: string, role: LinkRole) => Promise<Obtained | NotObtained>;

export interface FillInWalkOptions {
  /**
   * Whether pictures given by URL are obtained (true by default). `badgefolio verify` shows no
   * pictures, so it asks for none: nothing is fetched that the user would never see.
   */
  readonly pictures?: boolean;
}

/** Pictures larger than this many pixels are not kept (what intake decodes at most). */
const maxImagePixels = defaultIntakeLimits.maxImagePixels;

const imageMediaTypes: Readonly<Record<Exclude<ImageKind, 'unknown'>, string>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

const isWeb = (url: string): boolean => /^https:\/\/[^\s]+$/i.test(url);
/**
 * A link a document may be had for: https, or plain http, which older Open Badges hosts wrote
 * and which only the user's own documents (or a copy kept earlier) can answer; the fetcher
 * refuses it, and that refusal is said like any failed fetch rather than passed over in silence.
 */
const isLink = (url: string): boolean => /^https?:\/\/[^\s]+$/i.test(url);
const textDecoder = new TextDecoder();

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value)) {
    const id = value.id ?? value['@id'];
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
}

/** A picture's address when the credential gives it as a web link (not a data: URL). */
function imageLink(value: unknown): string | undefined {
  const image = imageOf(value);
  return image?.sourceUrl && !image.bytes && isWeb(image.sourceUrl) ? image.sourceUrl : undefined;
}

/** One credential's walk over its links: what was obtained, and what could not be had. */
class Walk {
  readonly documents = new Map<string, Obtained>();
  readonly problems: string[] = [];
  /** A link whose document changes what the credential shows was not had. */
  missingDisplay = false;
  /** ... because a fetch was tried and failed (else only because the network is not allowed). */
  failedDisplay = false;
  failedOther = false;

  constructor(
    private readonly obtain: Obtain,
    readonly pictures = true,
  ) {}

  private async get(url: string, role: LinkRole, display: boolean): Promise<Obtained | undefined> {
    if (!isLink(url)) return undefined;
    const known = this.documents.get(url);
    if (known) return known;
    const got = await this.obtain(url, role);
    if (got.ok) {
      this.documents.set(url, got);
      return got;
    }
    if (display) this.missingDisplay = true;
    if (got.reason === 'failed') {
      if (display) this.failedDisplay = true;
      else this.failedOther = true;
      if (!this.problems.includes(got.message)) this.problems.push(got.message);
    }
    return undefined;
  }

  /** A JSON document (an object), or undefined with the reason noted. */
  async json(url: string | undefined, role: LinkRole, display: boolean): Promise<Json | undefined> {
    if (url === undefined) return undefined;
    const got = await this.get(url, role, display);
    if (!got) return undefined;
    if (got.status === 410) return undefined; // a revoked hosted badge: the verifier says so
    let value: unknown;
    try {
      value = parseJsonSafely(textDecoder.decode(got.body).replace(/^\uFEFF/, ''), defaultIntakeLimits, url);
    } catch {
      value = undefined;
    }
    if (isRecord(value)) return value;
    // Not kept: a document that is not what the link promised must not be used later either.
    this.documents.delete(url);
    if (display) {
      this.missingDisplay = true;
      this.failedDisplay = true;
    } else this.failedOther = true;
    this.problems.push(`${url} did not answer with a JSON document.`);
    return undefined;
  }

  /** A picture's bytes and media type, checked by their header (never decoded here). */
  async image(url: string | undefined, role: LinkRole): Promise<CredentialImage | undefined> {
    // Not asked for is not missing: the credential still shows everything the caller shows.
    if (url === undefined || !this.pictures) return undefined;
    const got = await this.get(url, role, true);
    if (!got) return undefined;
    const kind = sniffImage(got.body);
    const size = imageSize(got.body);
    const problem =
      kind === 'unknown'
        ? `${url} is not a picture Badgefolio can show (PNG, JPEG, GIF, WebP or SVG).`
        : size && size.width * size.height > maxImagePixels
          ? `The picture at ${url} is too large (${String(size.width)} x ${String(size.height)} pixels).`
          : undefined;
    if (problem) {
      this.documents.delete(url);
      this.missingDisplay = true;
      this.failedDisplay = true;
      this.problems.push(problem);
      return undefined;
    }
    this.documents.set(url, { ...got, mediaType: imageMediaTypes[kind as Exclude<ImageKind, 'unknown'>] });
    return { mediaType: imageMediaTypes[kind as Exclude<ImageKind, 'unknown'>], bytes: got.body, sourceUrl: url };
  }
}

/** The file the credential came in, as intake saw it: what a format reader needs to read it again. */
function sourceOf(credential: NormalizedCredential): CredentialSource {
  const original = credential.original;
  const baked = credential.container === 'png' || credential.container === 'svg';
  return {
    fileName: original.fileName,
    container: credential.container,
    fileBytes: original.bytes,
    mediaType: original.mediaType,
    ...(original.payload === undefined ? {} : { payload: original.payload }),
    ...(baked ? { bakedImage: { mediaType: original.mediaType, bytes: original.bytes } } : {}),
    ...(credential.parentIdentity ? { parentIdentity: credential.parentIdentity } : {}),
  };
}

/** The assertion text of an OB 2.0 credential: JSON, the claims of a JWS, or a hosted URL alone. */
function ob2Text(credential: NormalizedCredential): { assertion?: Json; url?: string } {
  const payload = credential.original.payload?.trim() ?? '';
  try {
    if (payload.startsWith('{')) {
      const json = parseJsonSafely(payload, defaultIntakeLimits);
      return isRecord(json) ? { assertion: json } : {};
    }
    if (looksLikeCompactJws(payload)) {
      const claims = decodeCompactJws(payload, defaultIntakeLimits).payload;
      return isRecord(claims) ? { assertion: claims } : {};
    }
  } catch {
    return {};
  }
  return /^https?:\/\/\S+$/i.test(payload) ? { url: payload } : {};
}

async function walkOb2(credential: NormalizedCredential, walk: Walk): Promise<NormalizedCredential | undefined> {
  const local = ob2Text(credential);
  const hostedUrl = credential.verification.signature === 'hosted' ? credential.verification.hostedUrl : undefined;
  // The hosted assertion is what verification fetches; for a badge that carries only its
  // address (Mozilla-era tEXt), it is also everything the badge says.
  const hosted = walk.json(hostedUrl ?? local.url, 'assertion', local.assertion === undefined);
  const assertion = local.assertion ?? (await hosted);
  if (!assertion) {
    await hosted;
    return undefined;
  }
  const badge = isRecord(assertion.badge) ? assertion.badge : await walk.json(typeof assertion.badge === 'string' ? assertion.badge : undefined, 'badge', true);
  const bakedImage = credential.container === 'png' || credential.container === 'svg';
  const badgeImage = bakedImage || !badge ? Promise.resolve(undefined) : walk.image(imageLink(badge.image ?? assertion.image), 'image');
  const issuer = isRecord(badge?.issuer) ? badge.issuer : await walk.json(typeof badge?.issuer === 'string' ? badge.issuer : undefined, 'issuer', true);
  const verification = isRecord(assertion.verification) ? assertion.verification : isRecord(assertion.verify) ? assertion.verify : {};
  const signed = credential.verification.signature === 'jws';
  const keyUrl = signed ? (idOf(verification.creator) ?? idOf(issuer?.publicKey)) : undefined;
  const [picture, issuerPicture] = await Promise.all([
    badgeImage,
    walk.image(imageLink(issuer?.image), 'issuer-image'),
    walk.json(keyUrl, 'key', false),
    walk.json(typeof issuer?.revocationList === 'string' ? issuer.revocationList : undefined, 'revocation-list', false),
    hosted,
  ]);
  if (local.assertion && badge === assertion.badge && issuer === badge?.issuer && !picture && !issuerPicture) return credential;
  const merged: Json = { ...assertion, badge: badge ? { ...badge, ...(issuer ? { issuer } : {}) } : assertion.badge };
  let reading;
  try {
    reading = readOb2(merged, sourceOf(credential), signed);
  } catch (error) {
    walk.failedDisplay = true;
    walk.missingDisplay = true;
    walk.problems.push(
      `What ${hostedUrl ?? 'the badge'} links to could not be read: ${error instanceof MalformedInputError ? error.message : 'it is not an Open Badges document'}`,
    );
    return credential;
  }
  if (reading.kind !== 'assertion') return credential;
  const filled = reading.credential;
  // The wallet knows the credential by what it was imported as: a BadgeClass that names itself
  // differently, or a hosted copy with another id, must not make it a different credential.
  filled.identity = credential.identity;
  if (credential.achievementId !== undefined) filled.achievementId = credential.achievementId;
  if (credential.id !== undefined) filled.id = credential.id;
  if (picture && !bakedImage) filled.image = picture;
  if (issuerPicture) filled.issuer = { ...filled.issuer, image: issuerPicture };
  return filled;
}

/** Open Badges 3.0, CLR, Blockcerts and other VCs: signed as they are; pictures, issuer profiles and what verification needs. */
async function walkSigned(credential: NormalizedCredential, walk: Walk): Promise<NormalizedCredential> {
  const didWeb = new Set<string>();
  const addDid = (value: string | undefined): void => {
    if (value?.startsWith('did:web:')) {
      const url = didWebDocumentUrl(value.split('#')[0] ?? value);
      if (url) didWeb.add(url);
    }
  };
  addDid(credential.issuer.id);
  for (const ref of credential.verification.keyRefs) addDid(ref);
  const lists = credential.verification.statusEntries.flatMap((entry) => (entry.listUrl ? [{ url: entry.listUrl, type: entry.type }] : []));
  const blockcertsProfile = credential.format === 'blockcerts' && credential.issuer.id && isWeb(credential.issuer.id) ? credential.issuer.id : undefined;
  const profileNeeded = blockcertsProfile !== undefined && (!credential.issuer.name || (walk.pictures && !credential.issuer.image));
  const [picture, issuerPicture, profile] = await Promise.all([
    walk.image(credential.image?.bytes ? undefined : credential.image?.sourceUrl, 'image'),
    walk.image(credential.issuer.image?.bytes ? undefined : credential.issuer.image?.sourceUrl, 'issuer-image'),
    walk.json(blockcertsProfile, 'issuer-profile', profileNeeded),
    ...lists.map(async (list) => {
      const role = /revocation/i.test(list.type) ? 'revocation-list' : 'status-list';
      const json = await walk.json(list.url, role, false);
      // A status list is itself a credential: its issuer's did:web document verifies it.
      const issuer = idOf(json?.issuer);
      if (issuer?.startsWith('did:web:')) {
        const url = didWebDocumentUrl(issuer);
        if (url && !didWeb.has(url)) await walk.json(url, 'did-document', false);
      }
    }),
    ...[...didWeb].map((url) => walk.json(url, 'did-document', false)),
  ]);
  if (!picture && !issuerPicture && !profile) return credential;
  const filled: NormalizedCredential = { ...credential };
  if (picture) filled.image = { ...credential.image, ...picture };
  let issuer: Party = { ...credential.issuer };
  if (issuerPicture) issuer.image = { ...credential.issuer.image, ...issuerPicture };
  if (profile) {
    const name = typeof profile.name === 'string' && profile.name.trim() !== '' ? profile.name.trim() : undefined;
    const url = typeof profile.url === 'string' && isWeb(profile.url) ? profile.url : undefined;
    const image = imageOf(profile.image);
    issuer = { ...issuer, ...(issuer.name || !name ? {} : { name }), ...(issuer.url || !url ? {} : { url }), ...(issuer.image || !image?.bytes ? {} : { image }) };
  }
  filled.issuer = issuer;
  return filled;
}

/**
 * The content hash of a filled-in credential: its text's, then each document it keeps (address,
 * role, status, date and content). The same documents give the same hash, so importing the
 * badge again is "already there"; a document fetched anew changes it, so the wallet keeps the
 * newer copy as an update.
 */
function filledHash(base: string, documents: readonly LinkedDocument[]): string {
  const lines = documents.map((d) => `${d.role} ${d.url} ${String(d.status)} ${d.fetchedAt} ${d.body ? sha256Hex(d.body) : '-'}`).sort();
  return sha256Hex([base, ...lines].join('\n'));
}

/** The hash intake gave the credential: of its text, else of its file. */
function baseHash(credential: NormalizedCredential): string {
  return sha256Hex(credential.original.payload ?? credential.original.bytes);
}

/**
 * Obtains what the credential links to and reads it again with those documents. Without links
 * it comes back unchanged. Otherwise it comes back with `linked`: the documents kept (their
 * bytes, address, origin and date) and whether everything it shows was found. Never throws for
 * what a server sends: a failure is a sentence in `linked.problems`.
 */
export async function fillInCredential(credential: NormalizedCredential, obtain: Obtain, options: FillInWalkOptions = {}): Promise<NormalizedCredential> {
  const walk = new Walk(obtain, options.pictures ?? true);
  let filled: NormalizedCredential | undefined;
  if (credential.selfReported || credential.format === 'certificate') return credential;
  if (credential.format === 'ob2') filled = await walkOb2(credential, walk);
  else filled = await walkSigned(credential, walk);
  const result = filled ?? credential;
  const documents: LinkedDocument[] = [...walk.documents.values()].map((d) => ({
    url: d.url,
    role: d.role,
    status: d.status,
    origin: d.origin,
    fetchedAt: d.fetchedAt,
    ...(d.mediaType ? { mediaType: d.mediaType } : {}),
    body: d.body,
  }));
  if (documents.length === 0 && !walk.missingDisplay && !walk.failedOther) {
    const { linked: _none, ...rest } = result;
    return rest;
  }
  const state: LinkedDetails['state'] = walk.failedDisplay || walk.failedOther ? 'incomplete' : walk.missingDisplay ? 'not-fetched' : 'fetched';
  const linked: LinkedDetails = { state, documents, problems: walk.problems };
  const notes = state === 'fetched' ? result.notes.filter((note) => !note.endsWith(detailsNotFetchedNote)) : result.notes;
  return { ...result, notes, linked, contentHash: documents.length === 0 ? credential.contentHash : filledHash(baseHash(credential), documents) };
}

/** The documents a stored credential keeps, by address (for filling it in again without the network). */
export function keptDocuments(credential: NormalizedCredential | null | undefined): Map<string, LinkedDocument> {
  const kept = new Map<string, LinkedDocument>();
  for (const document of credential?.linked?.documents ?? []) if (document.body) kept.set(document.url, document);
  return kept;
}

/** What a credential shows without the documents' bytes: for the window and exports. */
export function withoutDocumentBodies<T extends { linked?: LinkedDetails | undefined }>(credential: T): T {
  if (!credential.linked) return credential;
  return { ...credential, linked: { ...credential.linked, documents: credential.linked.documents.map(({ body: _body, ...rest }) => rest) } };
}
