import type { NormalizedCredential } from '../../../shared/credential/model';
import { badgeImage, completeCredential, noLists, type CredentialSource } from './credentialSource';
import { asRecord, compact, contextsOf, idOf, isoDate, records, strings, text, typesOf, type Json } from './jsonLdValues';
import { embeddedProofHints, issuerOf, publicLinks, statusEntriesOf, vcDates } from './vcBasics';

/** Blockcerts v1 (document + receipt), v2 (an OB 2.0 assertion with a Merkle proof), v3 (a VC). */
export function blockcertsVersion(json: Json): 'v1' | 'v2' | 'v3' | null {
  const contexts = contextsOf(json).join(' ');
  // Every JSON document is asked this first: most name no Blockcerts context, nor have a proof.
  const named = contexts.includes('blockcerts/v');
  if (named && contexts.includes('blockcerts/v3')) return 'v3';
  if (named && contexts.includes('blockcerts/v2')) return 'v2';
  const proof = json.proof === undefined ? undefined : records(json.proof)[0];
  if (proof && typesOf(proof).some((t) => t.startsWith('MerkleProof2019'))) return 'v3';
  const signature = asRecord(json.signature);
  if (signature && typesOf(signature).some((t) => t.startsWith('MerkleProof2017'))) return 'v2';
  if (asRecord(json.document) && asRecord(json.receipt)) return 'v1';
  if ((named && contexts.includes('blockcerts/v1')) || (asRecord(json.certificate) && asRecord(json.assertion))) return 'v1';
  return null;
}

function recipientName(profile: Json | undefined, recipient: Json | undefined): string | undefined {
  return text(profile?.name) ?? ([text(recipient?.givenName), text(recipient?.familyName)].filter(Boolean).join(' ') || undefined);
}

export function readBlockcert(json: Json, version: 'v1' | 'v2' | 'v3', source: CredentialSource): NormalizedCredential {
  const base = {
    format: 'blockcerts' as const,
    formatVersion: version,
    kind: 'certificate' as const,
    types: typesOf(json),
    ...noLists(),
    notes: [] as string[],
  };
  if (version === 'v1') {
    const document = asRecord(json.document) ?? json;
    const certificate = asRecord(document.certificate);
    const assertion = asRecord(document.assertion);
    const recipient = asRecord(document.recipient);
    const id = text(assertion?.uid) ?? idOf(assertion);
    const receipt = asRecord(json.receipt);
    return completeCredential(
      {
        ...base,
        ...compact({
          id,
          description: text(certificate?.description),
          image: badgeImage(source, certificate?.image),
          issuedOn: isoDate(assertion?.issuedOn),
          recipient: compact({ identity: text(recipient?.identity), type: text(recipient?.type), hashed: recipient?.hashed === true, name: recipientName(undefined, recipient) }),
        }),
        name: text(certificate?.name) ?? text(certificate?.title) ?? 'Blockchain certificate',
        issuer: issuerOf(certificate?.issuer),
        verification: {
          signature: 'merkle',
          keyRefs: strings(asRecord(certificate?.issuer)?.id),
          proofTypes: receipt ? [text(receipt.type) ?? 'ChainpointSHA256v2'] : [],
          statusEntries: [],
          links: publicLinks(idOf(assertion)),
        },
      },
      source,
    );
  }
  if (version === 'v2') {
    const badge = asRecord(json.badge);
    const issuerValue = badge?.issuer;
    const recipient = asRecord(json.recipient);
    const revocationList = text(asRecord(issuerValue)?.revocationList);
    const signature = asRecord(json.signature);
    return completeCredential(
      {
        ...base,
        ...compact({
          id: idOf(json),
          description: text(badge?.description),
          image: badgeImage(source, badge?.image),
          issuedOn: isoDate(json.issuedOn),
          expires: isoDate(json.expires),
          criteria: asRecord(badge?.criteria) ? compact({ narrative: text(asRecord(badge?.criteria)?.narrative) }) : undefined,
          recipient: compact({
            identity: text(recipient?.identity),
            type: text(recipient?.type),
            hashed: recipient?.hashed === true,
            name: recipientName(asRecord(json.recipientProfile), undefined),
          }),
        }),
        name: text(badge?.name) ?? 'Blockchain certificate',
        issuer: issuerOf(issuerValue),
        verification: {
          signature: 'merkle',
          keyRefs: strings(idOf(issuerValue)),
          proofTypes: signature ? typesOf(signature).filter((t) => t !== 'Extension') : [],
          statusEntries: revocationList ? [{ type: 'RevocationList', listUrl: revocationList }] : [],
          links: publicLinks(idOf(json)),
        },
      },
      source,
    );
  }
  const subject = asRecord(json.credentialSubject);
  const id = idOf(json);
  return completeCredential(
    {
      ...base,
      ...compact({
        id,
        description: text(json.description) ?? text(subject?.description),
        image: badgeImage(source, json.image, subject?.image),
        recipient: subject ? compact({ identity: idOf(subject), hashed: false, name: text(subject.name) }) : undefined,
        ...vcDates(json),
      }),
      name: text(json.name) ?? text(subject?.name) ?? text(asRecord(subject?.claim)?.name) ?? 'Blockchain certificate',
      issuer: issuerOf(json.issuer),
      verification: { ...embeddedProofHints(json), statusEntries: statusEntriesOf(json), links: publicLinks(id) },
    },
    source,
  );
}
