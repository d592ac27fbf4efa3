import * as crypto from 'node:crypto';
import type { ContainerKind, CredentialImage, NormalizedCredential } from '../../../shared/credential/model';
import { imageOf } from './jsonLdValues';

/** Where a credential came from: the file, how it was packed, the exact signed text. */
export interface CredentialSource {
  readonly fileName: string;
  readonly container: ContainerKind;
  readonly fileBytes: Uint8Array;
  readonly mediaType: string;
  /** The credential exactly as signed: JSON text or compact JWS; none for a plain certificate. */
  readonly payload?: string;
  /**
   * The UTF-8 encoding of `payload`, byte for byte, when it is already at hand (the text was
   * decoded from it): the content hash is taken over these bytes instead of encoding the text
   * again. Set only when it is exactly `payload`'s encoding.
   */
  readonly payloadUtf8?: Uint8Array;
  /** When the file is a baked badge image, the image itself is the badge's picture. */
  readonly bakedImage?: CredentialImage;
  /** Set for credentials carried inside another (a CLR, a presentation). */
  readonly parentIdentity?: string;
}

/** One-shot hashing (crypto.hash, Node 20.12+) is several times cheaper than a Hash object. */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string }).hash;

export function sha256Hex(text: string | Uint8Array): string {
  return oneShotHash ? oneShotHash('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');
}

/** What the content hash covers: the credential text (as UTF-8) when there is one, else the file. */
export function contentOf(source: CredentialSource): string | Uint8Array {
  return source.payloadUtf8 ?? source.payload ?? source.fileBytes;
}

/**
 * The stable identity: the credential's own id when it has one (so a re-import is
 * recognised, and a changed copy is an update), else `sha256:` and its content hash.
 */
export function identityFor(id: string | undefined, contentHash: string): string {
  const own = id?.trim();
  return own !== undefined && own !== '' ? own : `sha256:${contentHash}`;
}

/**
 * The badge's picture: a baked image is its own picture, so the credential's embedded image
 * is decoded only when there is no baked one (it is usually the same artwork again).
 */
export function badgeImage(source: CredentialSource, ...candidates: unknown[]): CredentialImage | undefined {
  if (source.bakedImage) return source.bakedImage;
  for (const candidate of candidates) {
    const image = imageOf(candidate);
    if (image) return image;
  }
  return undefined;
}

/** The lists a format without skills, evidence, endorsements and the like leaves empty. */
export function noLists(): Pick<NormalizedCredential, 'evidence' | 'skills' | 'credits' | 'endorsements' | 'tags' | 'associations'> {
  return { evidence: [], skills: [], credits: [], endorsements: [], tags: [], associations: [] };
}

export type CredentialFields = Omit<NormalizedCredential, 'identity' | 'contentHash' | 'container' | 'original' | 'parentIdentity' | 'childIdentities' | 'selfReported'> &
  Partial<Pick<NormalizedCredential, 'childIdentities' | 'selfReported'>>;

/** Completes a format reader's fields with what every credential carries. */
export function completeCredential(fields: CredentialFields, source: CredentialSource, contentHash = sha256Hex(contentOf(source))): NormalizedCredential {
  // `fields` is always a fresh object made by a format reader: completing it in place saves
  // copying some thirty properties per credential, which shows in bulk imports.
  const credential = fields as NormalizedCredential;
  const image = source.bakedImage ?? fields.image;
  if (image) credential.image = image;
  credential.identity = identityFor(fields.id, contentHash);
  credential.contentHash = contentHash;
  credential.container = source.container;
  credential.childIdentities = fields.childIdentities ?? [];
  credential.selfReported = fields.selfReported ?? false;
  if (source.parentIdentity) credential.parentIdentity = source.parentIdentity;
  credential.original = { fileName: source.fileName, mediaType: source.mediaType, bytes: source.fileBytes };
  if (source.payload !== undefined) credential.original.payload = source.payload;
  return credential;
}
