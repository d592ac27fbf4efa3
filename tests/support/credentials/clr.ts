// CLR 2.0 credentials: a transcript-like ClrCredential holding individually signed OB 3.0
// credentials, the achievements they award plus a programme they belong to, and the
// associations between them. CLR contexts exist on no npm package: with the shared fixture
// copies absent, the CLR cannot be signed and is returned unsigned with a flag saying so.
import { CONTEXT, clrContextsAvailable } from './documentLoader';
import type { Ed25519Issuer } from './keys';
import { makeAchievement, makeIssuerProfile, makeOb3Credential } from './ob3';
import { signDataIntegrity } from './proofs';
import type { SigningOptions } from './proofs';
import { urnUuid } from './seededRandom';
import type { ClrAssociation, ClrCredential, Ob3Achievement, Ob3Profile, OpenBadgeCredential, Signed } from './shapes';
import { toDateTime } from './shapes';

export interface ClrOptions {
  issuer: Ed25519Issuer;
  issuerProfile?: Ob3Profile;
  /** The learner's DID (the ClrSubject id and every inner credential's subject). */
  learnerDid?: string;
  /** Inner course names; 3 by default (2 or 3 keep signing cheap). Ignored when `credentials` is given. */
  courseNames?: string[];
  /** Already signed inner credentials to use instead of generated ones. */
  credentials?: OpenBadgeCredential[];
  /** Extra associations on top of the generated isChildOf / precedes ones. */
  associations?: ClrAssociation[];
  name?: string;
  id?: string;
  validFrom?: Date | string;
  /** false leaves the CLR unsigned even when its contexts are available. */
  sign?: boolean;
  signing?: SigningOptions;
}

export interface ClrResult {
  credential: ClrCredential;
  /** Whether `credential` carries a proof. */
  signed: boolean;
  /** Why it is unsigned, when it is. */
  unsignedReason?: string;
  /** The programme achievement the courses are children of. */
  programme: Ob3Achievement;
}

/** A ClrCredential with 2-3 signed OB 3.0 credentials, signed with eddsa-rdfc-2022 when possible. */
export async function makeClrCredential(options: ClrOptions): Promise<ClrResult> {
  const learnerDid = options.learnerDid ?? 'did:example:learner-5f2c';
  const profile = options.issuerProfile ?? makeIssuerProfile({ id: options.issuer.did, name: 'Riverbank Technical College' });
  const programme = makeAchievement({
    achievementId: 'https://college.example.org/programmes/web-development',
    achievementName: 'Certificate in Web Development',
    achievementType: 'Certificate',
    creditsAvailable: 12,
    skills: [],
    image: null,
  });

  const inner = options.credentials ?? (await signedCourses(options, profile, learnerDid));
  const courses = inner.map((credential) => credential.credentialSubject.achievement);
  const associations: ClrAssociation[] = courses.map((course) => ({
    type: 'Association',
    associationType: 'isChildOf',
    sourceId: course.id,
    targetId: programme.id,
  }));
  for (let i = 0; i + 1 < courses.length; i++) {
    const [from, to] = [courses[i], courses[i + 1]];
    if (from && to) associations.push({ type: 'Association', associationType: 'precedes', sourceId: from.id, targetId: to.id });
  }
  associations.push(...(options.associations ?? []));

  const credential: ClrCredential = {
    '@context': [CONTEXT.VC_V2, CONTEXT.CLR_V2_0_1, CONTEXT.OB_V3_0_3],
    id: options.id ?? urnUuid(),
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: profile,
    name: options.name ?? 'Transcript: Certificate in Web Development',
    validFrom: toDateTime(options.validFrom ?? '2025-06-30T12:00:00Z'),
    credentialSubject: {
      id: learnerDid,
      type: ['ClrSubject'],
      verifiableCredential: inner,
      achievement: [programme, ...courses],
      association: associations,
    },
  };

  if (options.sign === false) return { credential, signed: false, unsignedReason: 'signing not requested', programme };
  // A caller-supplied loader may carry the CLR contexts itself; otherwise they come from the fixtures.
  if (options.signing?.documentLoader === undefined && !clrContextsAvailable()) {
    return { credential, signed: false, unsignedReason: 'CLR 2.0 contexts unavailable (no ../shared/fixtures/contexts)', programme };
  }
  const signed: Signed<ClrCredential> = await signDataIntegrity(credential, options.issuer, 'eddsa-rdfc-2022', options.signing);
  return { credential: signed, signed: true, programme };
}

async function signedCourses(options: ClrOptions, profile: Ob3Profile, learnerDid: string): Promise<OpenBadgeCredential[]> {
  const names = options.courseNames ?? ['HTML & Accessibility', 'JavaScript Foundations', 'Web APIs and Security'];
  return Promise.all(
    names.map((name, index) =>
      signDataIntegrity(
        makeOb3Credential({
          issuer: profile,
          achievementName: name,
          achievementId: `https://college.example.org/courses/wd-${String(101 + index)}`,
          achievementType: 'Course',
          creditsAvailable: 4,
          recipient: { did: learnerDid },
          validFrom: new Date(Date.UTC(2024, 8 + 3 * index, 15)),
          image: null,
        }),
        options.issuer,
        'eddsa-rdfc-2022',
        options.signing,
      ),
    ),
  );
}
