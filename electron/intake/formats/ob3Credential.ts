import type { Credit, NormalizedCredential, Recipient } from '../../../shared/credential/model';
import { badgeImage, completeCredential, type CredentialSource } from './credentialSource';
import { asArray, asRecord, compact, idOf, records, skillsFromAlignments, strings, text, typesOf, type Json } from './jsonLdValues';
import { checkAchievementVocabulary, vcVersionOf } from './ob3Vocabulary';
import { embeddedProofHints, issuerOf, publicLinks, statusEntriesOf, vcDates } from './vcBasics';

/** The OB 3.0 contexts, and the draft one (imsglobal.github.io) that early CLR 2.0 issuers used. */
export const ob3ContextPattern = /^https:\/\/(purl\.imsglobal\.org\/spec\/ob\/v3p0\/(context|extensions)|imsglobal\.github\.io\/openbadges-specification\/context\.json)/;

/** How a VC-JWT carried the credential: its JOSE header, for the key reference. */
export interface JwtEnvelope {
  readonly header: Record<string, unknown>;
}

export function isAchievementCredential(json: Json): boolean {
  const types = typesOf(json);
  return types.includes('OpenBadgeCredential') || types.includes('AchievementCredential') || types.includes('EndorsementCredential');
}

function recipientOf(subject: Json | undefined): Recipient | undefined {
  if (!subject) return undefined;
  const identifier = records(subject.identifier)[0];
  if (identifier) {
    return compact({
      identity: text(identifier.identityHash),
      type: text(identifier.identityType),
      hashed: identifier.hashed === true,
      salt: text(identifier.salt),
      name: text(subject.name),
    });
  }
  const id = idOf(subject);
  return id ? compact({ identity: id, type: id.startsWith('did:') ? 'did' : 'id', hashed: false, name: text(subject.name) }) : undefined;
}

function creditsOf(achievement: Json | undefined, subject: Json | undefined): Credit[] {
  const earned = typeof subject?.creditsEarned === 'number' ? subject.creditsEarned : undefined;
  const available = typeof achievement?.creditsAvailable === 'number' ? achievement.creditsAvailable : undefined;
  const value = earned ?? available;
  return value === undefined ? [] : [{ value, unit: 'credits' }];
}

/** Embedded EndorsementCredentials, wherever OB 3.0 allows them, summarised. */
function endorsementsOf(...holders: (Json | undefined)[]): NormalizedCredential['endorsements'] {
  return holders.flatMap((holder) =>
    records(holder?.endorsement).map((endorsement) => {
      const issuer = issuerOf(endorsement.issuer);
      return compact({
        id: idOf(endorsement),
        issuerName: issuer.name,
        issuerId: issuer.id,
        comment: text(asRecord(endorsement.credentialSubject)?.endorsementComment),
        issuedOn: vcDates(endorsement).issuedOn,
      });
    }),
  );
}

/**
 * Reads an OB 3.0 OpenBadgeCredential / AchievementCredential / EndorsementCredential (also
 * the credentials a CLR carries). Refuses, with the property named, what the spec forbids.
 */
export function readAchievementCredential(json: Json, source: CredentialSource, jwt?: JwtEnvelope): NormalizedCredential {
  checkAchievementVocabulary(json, ob3ContextPattern, 'Open Badges 3.0');
  const types = typesOf(json);
  const endorsement = types.includes('EndorsementCredential');
  const subject = asRecord(json.credentialSubject);
  const achievement = asRecord(subject?.achievement);
  const issuer = issuerOf(json.issuer);
  const id = idOf(json);
  const proof = jwt
    ? { signature: 'vc-jwt' as const, proofTypes: [`JWT/${String(jwt.header.alg)}`], keyRefs: strings(jwt.header.kid).concat(issuer.id ? [issuer.id] : []) }
    : embeddedProofHints(json);
  const name = text(achievement?.name) ?? text(json.name) ?? (endorsement ? `Endorsement${issuer.name ? ` by ${issuer.name}` : ''}` : 'Open Badge');
  const criteria = asRecord(achievement?.criteria);
  return completeCredential(
    {
      format: 'ob3',
      formatVersion: vcVersionOf(json) === 1 ? '3.0 (VC 1.1)' : '3.0',
      kind: endorsement ? 'endorsement' : 'badge',
      types,
      ...compact({
        id,
        description: text(achievement?.description) ?? text(json.description) ?? text(subject?.endorsementComment),
        image: badgeImage(source, achievement?.image, json.image),
        recipient: recipientOf(subject),
        criteria: criteria ? compact({ id: idOf(criteria), narrative: text(criteria.narrative) }) : undefined,
        achievementType: text(achievement?.achievementType),
        achievementId: idOf(achievement),
        ...vcDates(json),
      }),
      name,
      issuer,
      evidence: records(json.evidence).map((e) =>
        compact({
          id: idOf(e),
          name: text(e.name),
          description: text(e.description),
          narrative: text(e.narrative),
          genre: text(e.genre),
          audience: text(e.audience),
        }),
      ),
      skills: skillsFromAlignments([...asArray(achievement?.alignment), ...records(subject?.result).flatMap((r) => asArray(r.alignment))]),
      credits: creditsOf(achievement, subject),
      endorsements: endorsementsOf(json, achievement, asRecord(json.issuer)),
      tags: strings(achievement?.tag),
      associations: [],
      verification: {
        ...proof,
        statusEntries: statusEntriesOf(json),
        links: publicLinks(id, text(achievement?.id)),
      },
      notes: [],
    },
    source,
  );
}
