import type { CredentialImage, NormalizedCredential } from '../../../shared/credential/model';
import { badgeImage, completeCredential, noLists, type CredentialSource } from './credentialSource';
import { asArray, asRecord, compact, contextsOf, idOf, isoDate, records, strings, text, typesOf, type Json } from './jsonLdValues';
import { oneSentence, readBlockcertsDisplay, type BlockcertsDisplay } from './blockcertsDisplay';
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

/**
 * A certificate that names itself nowhere, not even in its display, is untitled: its name is
 * empty (the app and the portfolio PDF show their "untitled" state), never a made-up word such
 * as "Blockchain certificate", which would read as the certificate's own title.
 */
const untitled = '';

/** Why an issuer profile is not read as a certificate (it is what certificates point to). */
export const blockcertsIssuerProfileReason = 'This is a Blockcerts issuer profile: it describes an issuer, it is not a certificate.';

/** Key entries of a Blockcerts issuer: Bitcoin / Ethereum addresses written as `ecdsa-koblitz-pubkey:`. */
function hasBlockcertsKeys(json: Json): boolean {
  return ['publicKey', 'publicKeys'].some((field) =>
    asArray(json[field]).some((entry) => {
      const key = typeof entry === 'string' ? entry : (idOf(entry) ?? text(asRecord(entry)?.publicKey));
      return key?.startsWith('ecdsa-koblitz-pubkey:') === true;
    }),
  );
}

/**
 * True for a Blockcerts issuer profile (v1's issuer document, v2's OB 2.0 `Profile`, v3's
 * `BlockcertsIssuerProfile`): the document a certificate's `issuer` URL points to, with the
 * issuer's name and keys. It awards nothing to anyone, so it is never read as a certificate,
 * though it names a Blockcerts context and may even carry a proof.
 */
export function isBlockcertsIssuerProfile(json: Json, types: readonly string[] = typesOf(json)): boolean {
  // Anything awarded to someone is a certificate (or another credential), whatever else it says.
  if (['credentialSubject', 'recipient', 'badge', 'certificate', 'assertion', 'document', 'receipt'].some((field) => json[field] !== undefined)) return false;
  if (types.includes('BlockcertsIssuerProfile')) return true;
  const blockcertsContext = contextsOf(json).some((c) => /blockcerts/i.test(c));
  const profileType = types.includes('Profile') || types.includes('Issuer');
  if (profileType && (blockcertsContext || hasBlockcertsKeys(json))) return true;
  // v1 issuers wrote no context and no type: their dated issuing keys say what they are.
  return types.length === 0 && json['@context'] === undefined && text(json.name) !== undefined && records(json.issuerKeys).some((entry) => text(entry.key) !== undefined);
}

/**
 * What v2 and v3 certificates share beyond their own fields: the display's title when the
 * certificate has no name, the summary kept to a sentence, a note when the display could not
 * be read, and the picture. A v3 `display` is the certificate's designated look, so it is the
 * picture; a v2 certificate's badge image stays its picture when it has one (cards and the
 * portfolio PDF show pictures, not HTML), its `displayHtml` (a Learning Machine extension)
 * being the picture only when there is no image.
 */
function withDisplay(
  display: BlockcertsDisplay | undefined,
  own: { name: string | undefined; description: string | undefined; image: CredentialImage | undefined },
  notes: string[],
  displayFirst: boolean,
): { name: string; description?: string; image?: CredentialImage } {
  if (display?.problem) notes.push(display.problem);
  const description = oneSentence(own.description ?? '') ?? display?.summary;
  const image = displayFirst ? (display?.picture ?? own.image) : (own.image ?? display?.picture);
  return { name: own.name ?? display?.title ?? untitled, ...(description !== undefined ? { description } : {}), ...(image ? { image } : {}) };
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
          description: oneSentence(text(certificate?.description) ?? ''),
          image: badgeImage(source, certificate?.image),
          issuedOn: isoDate(assertion?.issuedOn),
          recipient: compact({ identity: text(recipient?.identity), type: text(recipient?.type), hashed: recipient?.hashed === true, name: recipientName(undefined, recipient) }),
        }),
        name: text(certificate?.name) ?? text(certificate?.title) ?? untitled,
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
    const notes: string[] = [];
    const shown = withDisplay(
      readBlockcertsDisplay(json),
      { name: text(badge?.name), description: text(badge?.description), image: badgeImage(source, badge?.image) },
      notes,
      false,
    );
    return completeCredential(
      {
        ...base,
        ...compact({
          id: idOf(json),
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
        ...shown,
        issuer: issuerOf(issuerValue),
        verification: {
          signature: 'merkle',
          keyRefs: strings(idOf(issuerValue)),
          proofTypes: signature ? typesOf(signature).filter((t) => t !== 'Extension') : [],
          statusEntries: revocationList ? [{ type: 'RevocationList', listUrl: revocationList }] : [],
          links: publicLinks(idOf(json)),
        },
        notes,
      },
      source,
    );
  }
  const subject = asRecord(json.credentialSubject) ?? records(json.credentialSubject)[0];
  const claim = asRecord(subject?.claim);
  const id = idOf(json);
  const notes: string[] = [];
  // credentialSubject.name is the recipient's name in Blockcerts, never the certificate's title.
  const shown = withDisplay(
    readBlockcertsDisplay(json),
    {
      // What was achieved, where the subject says it: a Blockcerts claim, an OB 3.0 style
      // achievement, or the VC data model's degree.
      name: text(json.name) ?? text(claim?.name) ?? text(asRecord(subject?.achievement)?.name) ?? text(asRecord(subject?.degree)?.name),
      description: text(json.description) ?? text(subject?.description) ?? text(claim?.description),
      image: badgeImage(source, json.image, subject?.image),
    },
    notes,
    // A v3.0-alpha certificate's displayHtml is Learning Machine's v2 extension carried over.
    asRecord(json.display) !== undefined,
  );
  return completeCredential(
    {
      ...base,
      ...compact({
        id,
        recipient: subject ? compact({ identity: idOf(subject), hashed: false, name: text(subject.name) }) : undefined,
        ...vcDates(json),
      }),
      ...shown,
      issuer: issuerOf(json.issuer),
      verification: { ...embeddedProofHints(json), statusEntries: statusEntriesOf(json), links: publicLinks(id) },
      notes,
    },
    source,
  );
}
