import type { NormalizedCredential } from '../../../shared/credential/model';
import { badgeImage, completeCredential, noLists, type CredentialSource } from './credentialSource';
import { asRecord, compact, idOf, text, typesOf, type Json } from './jsonLdValues';
import type { JwtEnvelope } from './ob3Credential';
import { vcVersionOf } from './ob3Vocabulary';
import { embeddedProofHints, issuerOf, publicLinks, statusEntriesOf, vcDates } from './vcBasics';

export function isVerifiableCredential(json: Json): boolean {
  return typesOf(json).includes('VerifiableCredential');
}

/** Any other W3C Verifiable Credential: shown with what it says about itself. */
export function readGenericVc(json: Json, source: CredentialSource, jwt?: JwtEnvelope): NormalizedCredential {
  const subject = asRecord(json.credentialSubject);
  const inner = asRecord(subject?.hasCredential) ?? asRecord(subject?.degree) ?? asRecord(subject?.achievement);
  const types = typesOf(json);
  const specificType = types.find((t) => t !== 'VerifiableCredential');
  const id = idOf(json);
  const issuer = issuerOf(json.issuer);
  return completeCredential(
    {
      format: 'vc',
      formatVersion: vcVersionOf(json) === 1 ? 'VC 1.1' : 'VC 2.0',
      kind: 'credential',
      types,
      ...compact({
        id,
        description: text(json.description) ?? text(inner?.description),
        image: badgeImage(source, json.image, inner?.image),
        recipient: idOf(subject) ? compact({ identity: idOf(subject), hashed: false, name: text(subject?.name) }) : undefined,
        ...vcDates(json),
      }),
      name: text(json.name) ?? text(inner?.name) ?? (specificType ? specificType.replace(/([a-z])([A-Z])/g, '$1 $2') : 'Verifiable credential'),
      issuer,
      ...noLists(),
      verification: {
        ...(jwt ? { signature: 'vc-jwt' as const, proofTypes: [`JWT/${String(jwt.header.alg)}`], keyRefs: issuer.id ? [issuer.id] : [] } : embeddedProofHints(json)),
        statusEntries: statusEntriesOf(json),
        links: publicLinks(id),
      },
      notes: [],
    },
    source,
  );
}
