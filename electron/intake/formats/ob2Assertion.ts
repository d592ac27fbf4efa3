import type { NormalizedCredential, Party, Recipient } from '../../../shared/credential/model';
import { MalformedInputError } from '../limits';
import { isRecord } from '../safeJson';
import { badgeImage, completeCredential, noLists, type CredentialSource } from './credentialSource';
import {
  asArray,
  asRecord,
  compact,
  contextsOf,
  idOf,
  imageOf,
  isoDate,
  records,
  skillsFromAlignments,
  strings,
  text,
  typesOf,
  type Json,
} from './jsonLdValues';

/** Open Badges 2.0 (and 1.x) vocabulary: the classes a document may be. */
const ob2Classes = new Set([
  'Assertion',
  'BadgeClass',
  'Issuer',
  'Profile',
  'AlignmentObject',
  'Criteria',
  'CryptographicKey',
  'Endorsement',
  'Evidence',
  'IdentityObject',
  'Image',
  'RevocationList',
  'VerificationObject',
  'Extension',
  'hosted',
  'signed',
]);

const ob2ContextPattern = /^https?:\/\/(w3id\.org|openbadgespec\.org)\/openbadges\/(v[12]\b|extensions\/)/;

/** True for documents written in the Open Badges 2.0 (or 1.x) vocabulary. */
export function isOb2Document(json: Json): boolean {
  // OB 3.0 drafts used contexts under imsglobal.github.io/openbadges-specification: those
  // documents are Verifiable Credentials, never OB 2.0.
  if (typesOf(json).includes('VerifiableCredential')) return false;
  const contexts = asArray(json['@context']);
  if (contexts.some((c) => typeof c === 'string' && ob2ContextPattern.test(c))) return true;
  if (contexts.some((c) => typeof c === 'string' && /openbadges/i.test(c) && !c.includes('purl.imsglobal.org'))) return true;
  // An inline context that maps OB 2.0 terms (the validator's RDF samples do this).
  if (contexts.some((c) => isRecord(c) && 'obi' in c)) return true;
  // Pre-context OB 1.0 assertions: recognisable by shape alone.
  return json['@context'] === undefined && 'recipient' in json && 'badge' in json && ('verify' in json || 'verification' in json);
}

function definedInline(json: Json, term: string): boolean {
  return asArray(json['@context']).some((c) => isRecord(c) && term in c);
}

/** Refuses documents whose @context or type the Open Badges 2.0 spec does not allow. */
function checkVocabulary(json: Json): void {
  const contexts = asArray(json['@context']);
  const strangeContext = contexts.find(
    (c) => typeof c === 'string' && /openbadges/i.test(c) && !ob2ContextPattern.test(c),
  );
  if (typeof strangeContext === 'string') {
    throw new MalformedInputError(`This badge names an unknown Open Badges context (${strangeContext}).`, '@context');
  }
  if (json['@context'] === undefined) return; // OB 1.0: no vocabulary to check
  const types = typesOf(json);
  if (types.length === 0) throw new MalformedInputError('This Open Badges document has no type.', 'type');
  for (const type of types) {
    const known = ob2Classes.has(type) || /^[a-z][\w+.-]*:/i.test(type) || definedInline(json, type);
    if (!known) throw new MalformedInputError(`"${type}" is not an Open Badges 2.0 class.`, 'type');
  }
}

function partyOf(value: unknown): Party {
  const record = asRecord(value);
  if (!record) return compact({ id: idOf(value) });
  const image = imageOf(record.image);
  return compact({
    id: idOf(record),
    name: text(record.name),
    url: text(record.url),
    email: text(record.email),
    description: text(record.description),
    image,
  });
}

function recipientOf(value: unknown): Recipient | undefined {
  const record = asRecord(value);
  if (!record) return typeof value === 'string' ? { identity: value, hashed: value.includes('$'), type: 'email' } : undefined;
  const identity = text(record.identity);
  return compact({
    identity,
    type: text(record.type),
    hashed: record.hashed === true || record.hashed === 'true' || (identity?.startsWith('sha256$') ?? false),
    salt: text(record.salt),
  });
}

export type Ob2Reading =
  | { readonly kind: 'assertion'; readonly credential: NormalizedCredential }
  | { readonly kind: 'other'; readonly className: string };

/**
 * Reads an Open Badges 2.0 (or 1.x) document. An Assertion becomes a credential; a
 * BadgeClass, Issuer or other node is reported as what it is, since nobody was awarded it.
 * `signed` is true when the JSON came out of a JWS (a signed badge).
 */
export function readOb2(json: Json, source: CredentialSource, signed: boolean): Ob2Reading {
  checkVocabulary(json);
  const types = typesOf(json);
  const isAssertion = types.includes('Assertion') || (types.length === 0 && 'recipient' in json && 'badge' in json);
  if (!isAssertion) return { kind: 'other', className: types[0] ?? 'unknown' };

  for (const field of ['recipient', 'badge'] as const) {
    if (json[field] === undefined) throw new MalformedInputError(`This Open Badges assertion has no ${field}.`, field);
  }
  const badge = asRecord(json.badge);
  const badgeUrl = typeof json.badge === 'string' ? json.badge : undefined;
  const verification = asRecord(json.verification) ?? asRecord(json.verify);
  const verificationType = text(verification?.type);
  const id = text(json.id) ?? (typeof json.uid === 'string' ? json.uid : undefined);
  const hostedUrl = verificationType === 'signed' || signed ? undefined : (text(verification?.url) ?? (id?.startsWith('http') ? id : undefined));
  const issuerValue = badge?.issuer;
  const issuerRecord = asRecord(issuerValue);
  const revocationList = text(issuerRecord?.revocationList);
  const criteria = badge?.criteria;
  const criteriaRecord = asRecord(criteria);

  const notes: string[] = [];
  if (badgeUrl) {
    notes.push(`The badge's name and description are published at ${badgeUrl}; they are not fetched during import.`);
  }
  const name = text(badge?.name) ?? 'Open Badge';
  const contexts = contextsOf(json);
  const credential = completeCredential(
    {
      format: 'ob2',
      formatVersion: contexts.some((c) => c.includes('/v1')) || json['@context'] === undefined ? '1.x' : '2.0',
      kind: 'badge',
      types,
      ...compact({
        id,
        description: text(badge?.description),
        image: badgeImage(source, json.image, badge?.image),
        recipient: recipientOf(json.recipient),
        issuedOn: isoDate(json.issuedOn),
        expires: isoDate(json.expires),
        criteria:
          criteria === undefined
            ? undefined
            : compact({ id: idOf(criteria), narrative: text(criteriaRecord?.narrative) }),
        achievementId: badgeUrl ?? idOf(badge),
      }),
      name,
      issuer: partyOf(issuerValue),
      evidence: asArray(json.evidence).map((e) => {
        const record = asRecord(e);
        return compact({
          id: idOf(e),
          name: text(record?.name),
          description: text(record?.description),
          narrative: text(record?.narrative) ?? text(json.narrative),
          genre: text(record?.genre),
          audience: text(record?.audience),
        });
      }),
      skills: skillsFromAlignments(badge?.alignment),
      credits: [],
      endorsements: records(json.endorsement).map((e) =>
        compact({ id: idOf(e), issuerId: idOf(e.issuer), comment: text(asRecord(e.claim)?.endorsementComment), issuedOn: isoDate(e.issuedOn) }),
      ),
      tags: strings(badge?.tags),
      associations: [],
      verification: {
        signature: signed ? 'jws' : hostedUrl ? 'hosted' : 'none',
        ...(hostedUrl ? { hostedUrl } : {}),
        keyRefs: strings(verification?.creator),
        proofTypes: verificationType ? [verificationType] : [],
        statusEntries: revocationList ? [{ type: 'RevocationList', listUrl: revocationList }] : [],
        links: hostedUrl ? [hostedUrl] : [],
      },
      notes,
    },
    source,
  );
  return { kind: 'assertion', credential };
}

/** A legacy baked PNG (Mozilla backpack era) holds only the hosted assertion's URL. */
export function readOb2HostedUrl(url: string, source: CredentialSource): NormalizedCredential {
  return completeCredential(
    {
      format: 'ob2',
      formatVersion: '1.x',
      kind: 'badge',
      types: ['Assertion'],
      id: url,
      name: 'Open Badge',
      issuer: {},
      ...noLists(),
      verification: { signature: 'hosted', hostedUrl: url, keyRefs: [], proofTypes: ['hosted'], statusEntries: [], links: [url] },
      notes: [`This badge image carries only a link to its assertion (${url}); its details are fetched only when you verify it online.`],
    },
    source,
  );
}
