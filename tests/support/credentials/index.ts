// Test-support credential factory: realistic signed credentials and badge files produced with
// independent libraries (Digital Bazaar's VC stack, jose, pngjs, openbadges-bakery, fflate),
// never with the app's own code, so that intake and verification are checked against output
// we did not write. Everything runs offline.
export { CONTEXT, DEFAULT_FIXTURE_CONTEXTS_DIR, clrContextsAvailable, createDocumentLoader, loadFixtureContexts, offlineDocumentLoader } from './documentLoader';
export type { DocumentLoader, DocumentLoaderOptions, RemoteDocument } from './documentLoader';

export { generateDidWebIssuer, generateEd25519Issuer, generateJoseKey } from './keys';
export type { Ed25519Issuer, JoseAlg, JoseKeyPair } from './keys';

export { hashIdentity, makeAchievement, makeEndorsementCredential, makeIssuerProfile, makeOb3Credential } from './ob3';
export type { EndorsementOptions, IssuerProfileOptions, Ob3Options, Ob3Recipient, SkillAlignment, StatusOptions } from './ob3';

export { signAsIs, signDataIntegrity, signEd25519Signature2020, verifyWithDigitalBazaar } from './proofs';
export type { DataIntegrityCryptosuite, OracleOptions, OracleVerdict, SigningOptions } from './proofs';

export { deriveEcdsaSd, generateP256Issuer, generateSecp256k1Issuer, signEcdsaSdBase, signSecp256k1Signature2019 } from './ecdsa';
export type { P256Issuer, Secp256k1Issuer } from './ecdsa';

export { signVcJwt } from './vcJwt';
export type { VcJwtKey, VcJwtOptions } from './vcJwt';

export { encodeBitstring, makeBitstringStatusListCredential } from './statusList';
export type { BitstringStatusListCredential, StatusListOptions } from './statusList';

export { makeClrCredential } from './clr';
export type { ClrOptions, ClrResult } from './clr';

export { makeOb2Assertion, makeOb2SignedAssertion } from './ob2';
export type { Ob2Assertion, Ob2BadgeClass, Ob2CryptographicKey, Ob2Documents, Ob2Issuer, Ob2Options, Ob2RevocationList, Ob2SignedResult } from './ob2';

export { defaultBadgeImageDataUrl, makeBadgePng, makeBadgeSvg, makePngImage, pngDataUrl } from './images';
export { bakeOb2SvgWithBakery, bakeOb2WithBakery, bakePngItxt, bakePngLegacyText, bakePngZtxt, bakeSvg, extractWithBakery } from './baking';
export type { PngBadgeKeyword, PngBakeOptions, SvgBakePayload } from './baking';
export { PNG_SIGNATURE, encodeChunk, insertChunk, itxtData, textData, ztxtData } from './pngChunks';
export type { ChunkPosition } from './pngChunks';
export { crc32 } from './crc32';

export { TRAVERSAL_NAMES, makeDeeplyNestedZip, makeNestedZip, makeZip, makeZipBomb, makeZipWithDuplicateNames, makeZipWithTraversalNames } from './archive';
export type { ZipBombOptions, ZipEntryInput } from './archive';
export { storedEntry, writeZip } from './zipWriter';
export type { RawZipEntry } from './zipWriter';

export { seededBytes, seededUint32, urnUuid } from './seededRandom';
export { toDateTime } from './shapes';
export type {
  BitstringStatusListEntry,
  ClrAssociation,
  ClrAssociationType,
  ClrCredential,
  ClrSubject,
  CredentialEnvelope,
  EndorsementCredential,
  EndorsementSubject,
  LinkedDataProof,
  Ob3Achievement,
  Ob3AchievementSubject,
  Ob3Alignment,
  Ob3Evidence,
  Ob3IdentityObject,
  Ob3Image,
  Ob3Profile,
  OpenBadgeCredential,
  Signed,
} from './shapes';
