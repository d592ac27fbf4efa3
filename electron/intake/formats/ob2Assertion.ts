import { msg } from '../../../shared/credential/verificationMessages';
import type { Evidence, NormalizedCredential, Party, Recipient, StatusEntry } from '../../../shared/credential/model';
import { MalformedInputError } from '../limits';
import { isRecord } from '../safeJson';
import { badgeImage, completeCredential, noLists, type CredentialFields, type CredentialSource } from './credentialSource';
import { asArray, asRecord, compact, contextsOf, idOf, imageOf, isoDate, records, skillsFromAlignments, strings, text, typesOf, type Json } from './jsonLdValues';

/** Ends the note on a badge whose details live at its issuer; dropped once they are filled in (intake/linkedDocuments.ts). */
export const detailsNotFetchedNote = 'Badgefolio fetches its details when the network use allows it, or when you choose "Fetch details".';

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
const mentionsOpenBadges = /openbadges/i;
const prefixedTerm = /^[a-z][\w+.-]*:/i;

/** True for documents written in the Open Badges 2.0 (or 1.x) vocabulary. */
export function isOb2Document(json: Json, types: readonly string[] = typesOf(json)): boolean {
  // OB 3.0 drafts used contexts under imsglobal.github.io/openbadges-specification: those
  // documents are Verifiable Credentials, never OB 2.0.
  if (types.includes('VerifiableCredential')) return false;
  const contexts = asArray(json['@context']);
  if (contexts.some((c) => typeof c === 'string' && ob2ContextPattern.test(c))) return true;
  if (contexts.some((c) => typeof c === 'string' && mentionsOpenBadges.test(c) && !c.includes('purl.imsglobal.org'))) return true;
  // An inline context that maps OB 2.0 terms (the validator's RDF samples do this).
  if (contexts.some((c) => isRecord(c) && 'obi' in c)) return true;
  // Pre-context OB 1.0 assertions: recognisable by shape alone.
  return json['@context'] === undefined && 'recipient' in json && 'badge' in json && ('verify' in json || 'verification' in json);
}

function definedInline(json: Json, term: string): boolean {
  return asArray(json['@context']).some((c) => isRecord(c) && term in c);
}

/** Refuses documents whose @context or type the Open Badges 2.0 spec does not allow. */
function checkVocabulary(json: Json, types: readonly string[]): void {
  for (const context of asArray(json['@context'])) {
    if (typeof context === 'string' && mentionsOpenBadges.test(context) && !ob2ContextPattern.test(context)) {
      throw new MalformedInputError(msg('damaged.ob2Context', { context }), '@context');
    }
  }
  if (json['@context'] === undefined) return; // OB 1.0: no vocabulary to check
  if (types.length === 0) throw new MalformedInputError(msg('damaged.ob2NoType'), 'type');
  for (const type of types) {
    const known = ob2Classes.has(type) || prefixedTerm.test(type) || definedInline(json, type);
    if (!known) throw new MalformedInputError(msg('damaged.ob2UnknownClass', { type }), 'type');
  }
}

/*
 * The readers below run for every OB 2.0 badge imported, so they set each optional field
 * only when present (absent rather than undefined, in the model's order) instead of building
 * a literal and compacting it: the same objects, at a fraction of the cost in bulk imports.
 */

function partyOf(value: unknown): Party {
  const record = asRecord(value);
  if (!record) return compact({ id: idOf(value) });
  const image = imageOf(record.image);
  const party: Party = {};
  const id = idOf(record);
  if (id !== undefined) party.id = id;
  const name = text(record.name);
  if (name !== undefined) party.name = name;
  const url = text(record.url);
  if (url !== undefined) party.url = url;
  const email = text(record.email);
  if (email !== undefined) party.email = email;
  const description = text(record.description);
  if (description !== undefined) party.description = description;
  if (image !== undefined) party.image = image;
  return party;
}

function recipientOf(value: unknown): Recipient | undefined {
  const record = asRecord(value);
  if (!record) return typeof value === 'string' ? { identity: value, hashed: value.includes('$'), type: 'email' } : undefined;
  const identity = text(record.identity);
  const type = text(record.type);
  const hashed = record.hashed === true || record.hashed === 'true' || (identity?.startsWith('sha256$') ?? false);
  const salt = text(record.salt);
  // identity, type, hashed, salt: in that order, each optional one only when present.
  const recipient: Recipient =
    identity === undefined ? (type === undefined ? { hashed } : { type, hashed }) : type === undefined ? { identity, hashed } : { identity, type, hashed };
  if (salt !== undefined) recipient.salt = salt;
  return recipient;
}

function evidenceOf(value: unknown, narrative: string | undefined): Evidence {
  const record = asRecord(value);
  const evidence: Evidence = {};
  const id = idOf(value);
  if (id !== undefined) evidence.id = id;
  if (record) {
    const name = text(record.name);
    if (name !== undefined) evidence.name = name;
    const description = text(record.description);
    if (description !== undefined) evidence.description = description;
    const own = text(record.narrative) ?? narrative;
    if (own !== undefined) evidence.narrative = own;
    const genre = text(record.genre);
    if (genre !== undefined) evidence.genre = genre;
    const audience = text(record.audience);
    if (audience !== undefined) evidence.audience = audience;
  } else if (narrative !== undefined) {
    evidence.narrative = narrative;
  }
  return evidence;
}

export type Ob2Reading = { readonly kind: 'assertion'; readonly credential: NormalizedCredential } | { readonly kind: 'other'; readonly className: string };

/**
 * Reads an Open Badges 2.0 (or 1.x) document. An Assertion becomes a credential; a
 * BadgeClass, Issuer or other node is reported as what it is, since nobody was awarded it.
 * `signed` is true when the JSON came out of a JWS (a signed badge).
 */
export function readOb2(json: Json, source: CredentialSource, signed: boolean): Ob2Reading {
  const types = typesOf(json);
  checkVocabulary(json, types);
  const isAssertion = types.includes('Assertion') || (types.length === 0 && 'recipient' in json && 'badge' in json);
  if (!isAssertion) return { kind: 'other', className: types[0] ?? 'unknown' };

  if (json.recipient === undefined) throw new MalformedInputError(msg('damaged.ob2NoRecipient'), 'recipient');
  if (json.badge === undefined) throw new MalformedInputError(msg('damaged.ob2NoBadge'), 'badge');
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
    notes.push(`The badge's name, description and picture are published at ${badgeUrl}: ${detailsNotFetchedNote}`);
  }
  // A badge given by its address has no name until it is fetched: empty, never a made-up one
  // ("details not fetched yet" is shown instead, with a way to fetch them).
  const name = text(badge?.name) ?? (badgeUrl ? '' : 'Open Badge');
  const contexts = contextsOf(json);
  // Every OB 2.0 badge imported passes here: the fields are written out in the model's order,
  // optional ones only when present, rather than compacted and spread into a literal (V8
  // copies a spread in mid-literal on a slow path: with the compacting, some 1.5 µs a badge,
  // about as much as the rest of this function).
  const fields = {
    format: 'ob2',
    formatVersion: contexts.some((c) => c.includes('/v1')) || json['@context'] === undefined ? '1.x' : '2.0',
    kind: 'badge',
    types,
  } as CredentialFields;
  if (id !== undefined) fields.id = id;
  const description = text(badge?.description);
  if (description !== undefined) fields.description = description;
  const image = badgeImage(source, json.image, badge?.image);
  if (image !== undefined) fields.image = image;
  const recipient = recipientOf(json.recipient);
  // Badgr (Canvas Credentials) writes the earner's name in its recipientProfile extension: the identity itself is hashed.
  const recipientName = text(asRecord(json['extensions:recipientProfile'])?.name);
  if (recipient !== undefined) fields.recipient = recipientName === undefined ? recipient : { ...recipient, name: recipientName };
  const issuedOn = isoDate(json.issuedOn);
  if (issuedOn !== undefined) fields.issuedOn = issuedOn;
  const expires = isoDate(json.expires);
  if (expires !== undefined) fields.expires = expires;
  if (criteria !== undefined) {
    const criteriaId = idOf(criteria);
    const criteriaNarrative = text(criteriaRecord?.narrative);
    const read: NonNullable<CredentialFields['criteria']> = criteriaId === undefined ? {} : { id: criteriaId };
    if (criteriaNarrative !== undefined) read.narrative = criteriaNarrative;
    fields.criteria = read;
  }
  const achievementId = badgeUrl ?? idOf(badge);
  if (achievementId !== undefined) fields.achievementId = achievementId;
  fields.name = name;
  fields.issuer = partyOf(issuerValue);
  const evidence = asArray(json.evidence);
  const narrative = evidence.length > 0 ? text(json.narrative) : undefined;
  fields.evidence = evidence.map((e) => evidenceOf(e, narrative));
  fields.skills = skillsFromAlignments(badge?.alignment);
  fields.credits = [];
  fields.endorsements = records(json.endorsement).map((e) =>
    compact({ id: idOf(e), issuerId: idOf(e.issuer), comment: text(asRecord(e.claim)?.endorsementComment), issuedOn: isoDate(e.issuedOn) }),
  );
  fields.tags = strings(badge?.tags);
  fields.associations = [];
  const keyRefs = strings(verification?.creator);
  const proofTypes = verificationType ? [verificationType] : [];
  const statusEntries: StatusEntry[] = revocationList ? [{ type: 'RevocationList', listUrl: revocationList }] : [];
  fields.verification = hostedUrl
    ? { signature: signed ? 'jws' : 'hosted', hostedUrl, keyRefs, proofTypes, statusEntries, links: [hostedUrl] }
    : { signature: signed ? 'jws' : 'none', keyRefs, proofTypes, statusEntries, links: [] };
  fields.notes = notes;
  const credential = completeCredential(fields, source);
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
      name: '',
      issuer: {},
      ...noLists(),
      verification: { signature: 'hosted', hostedUrl: url, keyRefs: [], proofTypes: ['hosted'], statusEntries: [], links: [url] },
      notes: [`This badge image carries only a link to its assertion (${url}): ${detailsNotFetchedNote}`],
    },
    source,
  );
}
