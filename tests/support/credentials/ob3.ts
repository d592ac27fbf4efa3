// Unsigned Open Badges 3.0 credentials shaped like the spec's examples and real issuers' output
// (1EdTech samples, DCC): every property a wallet shows is filled, and options vary the parts
// tests care about (Unicode names, dates, skills, recipient, status). Sign them with proofs.ts
// (Data Integrity, Ed25519Signature2020) or vcJwt.ts (VC-JWT).
import { createHash } from 'node:crypto';
import { CONTEXT } from './documentLoader';
import { defaultBadgeImageDataUrl } from './images';
import { urnUuid } from './seededRandom';
import type {
  BitstringStatusListEntry,
  EndorsementCredential,
  Ob3Achievement,
  Ob3AchievementSubject,
  Ob3Alignment,
  Ob3Evidence,
  Ob3IdentityObject,
  Ob3Profile,
  OpenBadgeCredential,
} from './shapes';
import { toDateTime } from './shapes';

export interface IssuerProfileOptions {
  /** The issuer's id: a did:key from generateEd25519Issuer, a did:web or an https URL. */
  id: string;
  name?: string;
  url?: string;
  email?: string;
  /** An image URL or data: URL; `null` leaves the image out. */
  image?: string | null;
  description?: string;
}

/** An OB 3.0 Profile for an issuer (or endorser, or achievement creator). */
export function makeIssuerProfile(options: IssuerProfileOptions): Ob3Profile {
  const profile: Ob3Profile = {
    id: options.id,
    type: ['Profile'],
    name: options.name ?? 'Example Academy',
    url: options.url ?? 'https://academy.example.org/',
    email: options.email ?? 'badges@academy.example.org',
  };
  if (options.description !== undefined) profile.description = options.description;
  const image = options.image === undefined ? defaultBadgeImageDataUrl() : options.image;
  if (image !== null) profile.image = { id: image, type: 'Image', caption: `${profile.name} logo` };
  return profile;
}

export interface SkillAlignment {
  targetName: string;
  targetUrl?: string;
  targetFramework?: string;
  targetCode?: string;
  targetDescription?: string;
}

export interface Ob3Recipient {
  /** The learner's DID (becomes credentialSubject.id). */
  did?: string;
  /** The learner's email (becomes an IdentityObject, hashed unless `hashed: false`). */
  email?: string;
  hashed?: boolean;
  /** Salt for the hashed email; the hash is sha256(email + salt) as OB 2.0 and 3.0 define it. */
  salt?: string;
}

export interface StatusOptions {
  /** URL of the BitstringStatusListCredential (see statusList.ts). */
  statusListCredential: string;
  statusListIndex: number;
  statusPurpose?: 'revocation' | 'suspension';
}

export interface Ob3Options {
  /** 2 (default): VC 2.0 context, validFrom/validUntil. 1: VC 1.1 context, issuanceDate/expirationDate. */
  vcVersion?: 1 | 2;
  /** The OB 3.0 context URL; context-3.0.3.json unless told (context.json, -3.0.1, -3.0.2 exist too). */
  obContext?: string;
  /** Credential id; a random urn:uuid unless given (pass `idSeed` for a reproducible one). */
  id?: string;
  idSeed?: number;
  /** The issuer Profile, or just the issuer's id (the rest defaulted). */
  issuer: Ob3Profile | string;
  /** Credential name; defaults to the achievement name. Unicode welcome. */
  name?: string;
  achievementId?: string;
  achievementName?: string;
  achievementDescription?: string;
  criteriaNarrative?: string;
  achievementType?: string;
  /** Alignments to skills/competencies; defaults to one ESCO skill. `[]` omits alignment. */
  skills?: SkillAlignment[];
  tags?: string[];
  creditsAvailable?: number;
  /** Achievement image (URL or data: URL); a small PNG data URL by default, `null` for none. */
  image?: string | null;
  recipient?: Ob3Recipient;
  validFrom?: Date | string;
  validUntil?: Date | string;
  evidence?: Ob3Evidence[];
  credentialStatus?: StatusOptions;
  /** Signed EndorsementCredentials to embed (OB 3.0 `endorsement`). */
  endorsement?: EndorsementCredential[];
}

const DEFAULT_SKILL: SkillAlignment = {
  targetName: 'collaborate in teams',
  targetUrl: 'https://skills.example.org/frameworks/teamwork/collaborate-in-teams',
  targetFramework: 'Example Skills Framework',
  targetCode: 'TW-1.8.1',
  targetDescription: 'Work together with others in a unified effort.',
};

/** `sha256$<hex>` of `identity + salt`: the hashed-recipient form OB 2.0 and OB 3.0 share. */
export function hashIdentity(identity: string, salt = ''): string {
  return `sha256$${createHash('sha256')
    .update(identity + salt, 'utf8')
    .digest('hex')}`;
}

function alignment(skill: SkillAlignment): Ob3Alignment {
  const entry: Ob3Alignment = {
    type: ['Alignment'],
    targetName: skill.targetName,
    targetUrl: skill.targetUrl ?? `https://skills.example.org/${encodeURIComponent(skill.targetName)}`,
  };
  if (skill.targetFramework !== undefined) entry.targetFramework = skill.targetFramework;
  if (skill.targetCode !== undefined) entry.targetCode = skill.targetCode;
  if (skill.targetDescription !== undefined) entry.targetDescription = skill.targetDescription;
  return entry;
}

function identityObject(recipient: Ob3Recipient & { email: string }): Ob3IdentityObject {
  const hashed = recipient.hashed ?? true;
  if (!hashed) return { type: 'IdentityObject', identityHash: recipient.email, identityType: 'emailAddress', hashed: false };
  const salt = recipient.salt ?? 'pepper-and-salt';
  return { type: 'IdentityObject', identityHash: hashIdentity(recipient.email, salt), identityType: 'emailAddress', hashed: true, salt };
}

function issuerProfile(issuer: Ob3Profile | string): Ob3Profile {
  return typeof issuer === 'string' ? makeIssuerProfile({ id: issuer }) : issuer;
}

/** The OB 3.0 Achievement a credential (or a CLR) refers to. */
export function makeAchievement(options: Omit<Ob3Options, 'issuer'> & { creator?: Ob3Profile }): Ob3Achievement {
  const name = options.achievementName ?? 'Open Source Contributor';
  const achievement: Ob3Achievement = {
    id: options.achievementId ?? `https://academy.example.org/achievements/${encodeURIComponent(name.toLowerCase().replace(/\s+/g, '-'))}`,
    type: ['Achievement'],
    name,
    description: options.achievementDescription ?? `Awarded for ${name}: sustained, reviewed contributions to a public project.`,
    criteria: { narrative: options.criteriaNarrative ?? 'Three merged pull requests reviewed by two maintainers, and one talk or write-up.' },
    achievementType: options.achievementType ?? 'Badge',
    creditsAvailable: options.creditsAvailable ?? 1.5,
    tag: options.tags ?? ['open source', 'collaboration'],
  };
  const image = options.image === undefined ? defaultBadgeImageDataUrl() : options.image;
  if (image !== null) achievement.image = { id: image, type: 'Image', caption: `${name} badge` };
  const skills = options.skills ?? [DEFAULT_SKILL];
  if (skills.length > 0) achievement.alignment = skills.map(alignment);
  if (options.creator) achievement.creator = options.creator;
  return achievement;
}

/** An unsigned OpenBadgeCredential (VC 2.0 shape unless `vcVersion: 1`). */
export function makeOb3Credential(options: Ob3Options): OpenBadgeCredential {
  const vcVersion = options.vcVersion ?? 2;
  const issuer = issuerProfile(options.issuer);
  const achievement = makeAchievement(options);
  const subject: Ob3AchievementSubject = { type: ['AchievementSubject'], achievement };
  const recipient = options.recipient ?? { did: 'did:example:ebfeb1f712ebc6f1c276e12ec21' };
  if (recipient.did !== undefined) subject.id = recipient.did;
  if (recipient.email !== undefined) subject.identifier = [identityObject({ ...recipient, email: recipient.email })];
  // Key order follows the spec examples: readers (and humans diffing files) expect it.
  const credential: OpenBadgeCredential = {
    '@context': [vcVersion === 2 ? CONTEXT.VC_V2 : CONTEXT.VC_V1, options.obContext ?? CONTEXT.OB_V3_0_3],
    id: options.id ?? urnUuid(options.idSeed),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer,
    name: options.name ?? achievement.name,
    credentialSubject: subject,
  };
  const validFrom = toDateTime(options.validFrom ?? '2024-09-01T09:00:00Z');
  const validUntil = options.validUntil === undefined ? undefined : toDateTime(options.validUntil);
  if (vcVersion === 2) {
    credential.validFrom = validFrom;
    if (validUntil !== undefined) credential.validUntil = validUntil;
  } else {
    credential.issuanceDate = validFrom;
    if (validUntil !== undefined) credential.expirationDate = validUntil;
  }
  credential.evidence = options.evidence ?? [
    {
      id: 'https://github.com/example/project/pulls?q=author%3Alearner',
      type: ['Evidence'],
      name: 'Merged pull requests',
      narrative: 'Three pull requests, each reviewed and merged by a maintainer.',
    },
  ];
  if (options.credentialStatus) credential.credentialStatus = statusEntry(options.credentialStatus, vcVersion);
  if (options.endorsement) credential.endorsement = options.endorsement;
  return credential;
}

function statusEntry(status: StatusOptions, vcVersion: 1 | 2): BitstringStatusListEntry {
  // BitstringStatusListEntry is defined by the VC 2.0 context only; under VC 1.1 it would be an
  // undefined term and every JSON-LD signer would refuse the credential.
  if (vcVersion !== 2) throw new Error('credentialStatus (BitstringStatusListEntry) needs vcVersion 2');
  const index = String(status.statusListIndex);
  return {
    id: `${status.statusListCredential}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: status.statusPurpose ?? 'revocation',
    statusListIndex: index,
    statusListCredential: status.statusListCredential,
  };
}

export interface EndorsementOptions {
  /** The endorser (a Profile or its id). */
  issuer: Ob3Profile | string;
  /** What is endorsed: an Achievement id, an issuer Profile id or a credential id. */
  endorsedId: string;
  comment?: string;
  name?: string;
  id?: string;
  validFrom?: Date | string;
  validUntil?: Date | string;
}

/** An unsigned OB 3.0 EndorsementCredential (VC 2.0 shape). */
export function makeEndorsementCredential(options: EndorsementOptions): EndorsementCredential {
  const credential: EndorsementCredential = {
    '@context': [CONTEXT.VC_V2, CONTEXT.OB_V3_0_3],
    id: options.id ?? urnUuid(),
    type: ['VerifiableCredential', 'EndorsementCredential'],
    issuer: issuerProfile(options.issuer),
    name: options.name ?? 'Endorsement of an achievement',
    validFrom: toDateTime(options.validFrom ?? '2024-08-15T12:00:00Z'),
    credentialSubject: {
      id: options.endorsedId,
      type: ['EndorsementSubject'],
      endorsementComment: options.comment ?? 'We reviewed the criteria and recognise this achievement.',
    },
  };
  if (options.validUntil !== undefined) credential.validUntil = toDateTime(options.validUntil);
  return credential;
}
