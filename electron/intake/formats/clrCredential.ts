import { msg } from '../../../shared/credential/verificationMessages';
import type { Association, NormalizedCredential } from '../../../shared/credential/model';
import { MalformedInputError } from '../limits';
import { badgeImage, completeCredential, contentOf, identityFor, sha256Hex, type CredentialSource } from './credentialSource';
import { asArray, asRecord, compact, idOf, records, text, typesOf, type Json } from './jsonLdValues';
import type { JwtEnvelope } from './ob3Credential';
import { checkAchievementVocabulary, vcVersionOf } from './ob3Vocabulary';
import { embeddedProofHints, issuerOf, publicLinks, statusEntriesOf, vcDates } from './vcBasics';

/** The final CLR 2.0 context, and the draft one early issuers (and 1EdTech's samples) used. */
const clrContextPattern = /^https:\/\/(purl\.imsglobal\.org\/spec|dc\.imsglobal\.org\/draft)\/clr\/v2p0\/context/;

export function isClrCredential(json: Json): boolean {
  return typesOf(json).includes('ClrCredential');
}

/** Reads one nested credential (a JSON object or a VC-JWT string) carried by a container. */
export type NestedReader = (credential: unknown, label: string, parentIdentity: string) => NormalizedCredential[];

/**
 * Reads a CLR 2.0 ClrCredential: the transcript itself, then every credential it carries,
 * each kept whole (so each can be verified on its own) and linked to the transcript; the
 * associations between achievements are kept on the transcript.
 */
export function readClr(json: Json, source: CredentialSource, readNested: NestedReader, maxChildren: number, jwt?: JwtEnvelope): NormalizedCredential[] {
  checkAchievementVocabulary(json, clrContextPattern, 'CLR 2.0');
  const subject = asRecord(json.credentialSubject);
  const nested = asArray(subject?.verifiableCredential);
  if (nested.length > maxChildren) {
    throw new MalformedInputError(msg('damaged.clrTooMany', { count: nested.length, limit: maxChildren }));
  }
  const id = idOf(json);
  // The children need the transcript's identity first; its content hash is taken once, here.
  const contentHash = sha256Hex(contentOf(source));
  const identity = identityFor(id, contentHash);
  const children = nested.flatMap((child, index) => readNested(child, `credential ${String(index + 1)} of the CLR`, identity));
  const associations: Association[] = records(subject?.association).flatMap((a) => {
    const type = text(a.associationType);
    const sourceId = text(a.sourceId);
    const targetId = text(a.targetId);
    return type && sourceId && targetId ? [{ type, sourceId, targetId }] : [];
  });
  const issuer = issuerOf(json.issuer);
  const identifier = records(subject?.identifier)[0];
  const proof = jwt ? { signature: 'vc-jwt' as const, proofTypes: [`JWT/${String(jwt.header.alg)}`], keyRefs: issuer.id ? [issuer.id] : [] } : embeddedProofHints(json);
  const parent = completeCredential(
    {
      format: 'clr2',
      formatVersion: vcVersionOf(json) === 1 ? '2.0 (VC 1.1)' : '2.0',
      kind: 'transcript',
      types: typesOf(json),
      ...compact({
        id,
        description: text(json.description),
        image: badgeImage(source, json.image),
        recipient: identifier
          ? compact({ identity: text(identifier.identityHash), type: text(identifier.identityType), hashed: identifier.hashed === true, salt: text(identifier.salt) })
          : idOf(subject)
            ? { identity: idOf(subject), hashed: false }
            : undefined,
        ...vcDates(json),
      }),
      name: text(json.name) ?? 'Comprehensive Learner Record',
      issuer,
      evidence: [],
      skills: [],
      credits: [],
      endorsements: [],
      tags: [],
      associations,
      childIdentities: children.filter((c) => c.parentIdentity === identity).map((c) => c.identity),
      verification: { ...proof, statusEntries: statusEntriesOf(json), links: publicLinks(id) },
      notes: [],
    },
    source,
    contentHash,
  );
  return [parent, ...children];
}
