// JSON shapes the factory produces (OB 3.0 / CLR 2.0 / VC data model). They type our own output
// so tests can read fields without casts; they are not a validator and not the app's model.

export interface Ob3Image {
  id: string;
  type: 'Image';
  caption?: string;
}

export interface Ob3Profile {
  id: string;
  type: string[];
  name: string;
  url?: string;
  email?: string;
  description?: string;
  image?: Ob3Image;
}

export interface Ob3Alignment {
  type: ['Alignment'];
  targetName: string;
  targetUrl: string;
  targetFramework?: string;
  targetCode?: string;
  targetDescription?: string;
}

export interface Ob3Achievement {
  id: string;
  type: ['Achievement'];
  name: string;
  description: string;
  criteria: { narrative: string; id?: string };
  image?: Ob3Image;
  alignment?: Ob3Alignment[];
  creditsAvailable?: number;
  achievementType?: string;
  tag?: string[];
  creator?: Ob3Profile;
}

/** A recipient identified by a (possibly hashed) email rather than a DID. */
export interface Ob3IdentityObject {
  type: 'IdentityObject';
  identityHash: string;
  identityType: 'emailAddress';
  hashed: boolean;
  salt?: string;
}

export interface Ob3AchievementSubject {
  id?: string;
  type: ['AchievementSubject'];
  achievement: Ob3Achievement;
  identifier?: Ob3IdentityObject[];
}

export interface Ob3Evidence {
  id?: string;
  type: ['Evidence'];
  name?: string;
  description?: string;
  narrative?: string;
  genre?: string;
}

export interface BitstringStatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: 'revocation' | 'suspension';
  statusListIndex: string;
  statusListCredential: string;
}

/** An embedded (Data Integrity or Linked Data Signature) proof. */
export interface LinkedDataProof {
  type: string;
  cryptosuite?: string;
  created?: string;
  verificationMethod: string;
  proofPurpose: string;
  proofValue: string;
}

/** What every credential the factory makes has in common (VC 1.1 or VC 2.0 shape). */
export interface CredentialEnvelope {
  '@context': string[];
  id: string;
  type: string[];
  /** A Profile in OB 3.0 / CLR credentials; a bare id elsewhere (status lists). */
  issuer: Ob3Profile | string;
  name?: string;
  description?: string;
  /** VC 2.0 */
  validFrom?: string;
  validUntil?: string;
  /** VC 1.1 */
  issuanceDate?: string;
  expirationDate?: string;
  credentialSubject: { id?: string };
  credentialStatus?: BitstringStatusListEntry;
  proof?: LinkedDataProof | LinkedDataProof[];
}

export interface OpenBadgeCredential extends CredentialEnvelope {
  issuer: Ob3Profile;
  credentialSubject: Ob3AchievementSubject;
  evidence?: Ob3Evidence[];
  endorsement?: EndorsementCredential[];
}

export interface EndorsementSubject {
  id: string;
  type: ['EndorsementSubject'];
  endorsementComment?: string;
}

export interface EndorsementCredential extends CredentialEnvelope {
  issuer: Ob3Profile;
  credentialSubject: EndorsementSubject;
}

export type ClrAssociationType = 'exactMatchOf' | 'isChildOf' | 'isParentOf' | 'isPartOf' | 'isPeerOf' | 'isRelatedTo' | 'precedes' | 'replacedBy';

export interface ClrAssociation {
  type: 'Association';
  associationType: ClrAssociationType;
  sourceId: string;
  targetId: string;
}

export interface ClrSubject {
  id: string;
  type: ['ClrSubject'];
  verifiableCredential: OpenBadgeCredential[];
  achievement: Ob3Achievement[];
  association: ClrAssociation[];
}

export interface ClrCredential extends CredentialEnvelope {
  issuer: Ob3Profile;
  credentialSubject: ClrSubject;
}

/** A credential with one embedded proof, as the signing functions return it. */
export type Signed<T extends CredentialEnvelope> = T & { proof: LinkedDataProof };

/** XML Schema dateTime without milliseconds, the form issuers write (and VC 1.1 validators expect). */
export function toDateTime(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
