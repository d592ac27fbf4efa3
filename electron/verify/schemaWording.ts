import type { VerificationMessage } from '../../shared/credential/verification';
import { msg, type VerificationMessageKey } from '../../shared/credential/verificationMessages';
import { display, isRecord } from './checks';

/**
 * How the schema check (schemaConformance.ts) names what it finds: JSON pointers read as
 * property paths ("evidence[0].type"), properties as catalogue words in the reader's language,
 * values by their kind.
 */

/** JSON pointer segments (RFC 6901). */
export function segmentsOf(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function valueAt(json: unknown, segments: readonly string[]): unknown {
  let value = json;
  for (const segment of segments) {
    if (Array.isArray(value)) value = value[Number(segment)] as unknown;
    else if (isRecord(value)) value = value[segment];
    else return undefined;
  }
  return value;
}

export const isIndex = (segment: string): boolean => /^\d+$/.test(segment);

/** "credentialSubject.achievement.criteria", "evidence[0].type". */
export function dotted(segments: readonly string[]): string {
  return segments.reduce((text, segment) => (isIndex(segment) ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment), '');
}

/** Property names as English words, where the name itself does not read as one. */
const names: Readonly<Record<string, string>> = {
  '@context': 'contexts',
  credentialSubject: 'subject',
  validFrom: 'valid-from date',
  validUntil: 'valid-until date',
  issuanceDate: 'issuance date',
  expirationDate: 'expiration date',
  awardedDate: 'award date',
  credentialStatus: 'status entry',
  credentialSchema: 'schema reference',
  achievementType: 'achievement type',
  verifiableCredential: 'credentials',
  targetUrl: 'target URL',
  sourceId: 'source id',
  targetId: 'target id',
  id: 'id',
};

function words(segment: string): string {
  return names[segment] ?? segment.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The properties the catalogues name in every language; any other is named by its English words, or in German by itself. */
const propertyKeys: Readonly<Record<string, VerificationMessageKey>> = {
  '@context': 'schema.prop.context',
  credentialSubject: 'schema.prop.credentialSubject',
  validFrom: 'schema.prop.validFrom',
  validUntil: 'schema.prop.validUntil',
  issuanceDate: 'schema.prop.issuanceDate',
  expirationDate: 'schema.prop.expirationDate',
  awardedDate: 'schema.prop.awardedDate',
  credentialStatus: 'schema.prop.credentialStatus',
  credentialSchema: 'schema.prop.credentialSchema',
  achievementType: 'schema.prop.achievementType',
  verifiableCredential: 'schema.prop.verifiableCredential',
  targetUrl: 'schema.prop.targetUrl',
  sourceId: 'schema.prop.sourceId',
  targetId: 'schema.prop.targetId',
  id: 'schema.prop.id',
  type: 'schema.prop.type',
  name: 'schema.prop.name',
  description: 'schema.prop.description',
  issuer: 'schema.prop.issuer',
  achievement: 'schema.prop.achievement',
  criteria: 'schema.prop.criteria',
  narrative: 'schema.prop.narrative',
  image: 'schema.prop.image',
  evidence: 'schema.prop.evidence',
  proof: 'schema.prop.proof',
  alignment: 'schema.prop.alignment',
  result: 'schema.prop.result',
  endorsement: 'schema.prop.endorsement',
  credential: 'schema.prop.credential',
  association: 'schema.prop.association',
  associationType: 'schema.prop.associationType',
  creditsAvailable: 'schema.prop.creditsAvailable',
  url: 'schema.prop.url',
  email: 'schema.prop.email',
};

function property(segment: string): VerificationMessage {
  const key = Object.hasOwn(propertyKeys, segment) ? propertyKeys[segment] : undefined;
  return key ? msg(key) : msg('schema.prop.other', { name: segment });
}

/** The nearest named property above the last segment: "issuer" for issuer.id, "evidence" for evidence[0].type. */
function ownerOf(segments: readonly string[]): string | undefined {
  for (let i = segments.length - 2; i >= 0; i--) {
    const segment = segments[i];
    if (segment !== undefined && !isIndex(segment)) return segment;
  }
  return undefined;
}

/** "issuer id", "achievement criteria", "achievement" (the subject is what the credential is about). */
export function flat(segments: readonly string[]): VerificationMessage {
  const last = segments.at(-1) ?? '';
  const owner = ownerOf(segments);
  const named = property(last);
  if (owner === undefined) return msg('schema.flat.plain', { property: named });
  // What the credential is about is named by itself ("achievement"), but the subject's own id and type are the subject's.
  if (owner === 'credentialSubject') return msg(last === 'id' || last === 'type' ? 'schema.flat.subject' : 'schema.flat.plain', { property: named });
  // "achievement type" under the achievement already says whose it is.
  if (words(last).startsWith(`${words(owner)} `)) return msg('schema.flat.plain', { property: named });
  return msg('schema.flat.of', { owner: property(owner), property: named });
}

/** "the credential's type", "the achievement's type", "the issuer's id". */
export function possessive(segments: readonly string[]): VerificationMessage {
  const last = segments.at(-1);
  if (last === undefined) return msg('schema.noun.credential');
  const owner = ownerOf(segments);
  const named = isIndex(last) ? msg('schema.entry', { number: Number(last) + 1 }) : property(last);
  const english = isIndex(last) ? `entry ${String(Number(last) + 1)}` : words(last);
  if (english.startsWith(`${owner === undefined ? 'credential' : words(owner)} `)) return msg('schema.noun.own', { property: named });
  return owner === undefined ? msg('schema.noun.ofCredential', { property: named }) : msg('schema.noun.of', { owner: property(owner), property: named });
}

/** The words for a JSON Schema type. */
const kindKeys: Readonly<Record<string, VerificationMessageKey>> = {
  string: 'schema.kind.text',
  object: 'schema.kind.object',
  array: 'schema.kind.list',
  integer: 'schema.kind.integer',
  number: 'schema.kind.number',
  boolean: 'schema.kind.boolean',
};

export function kindName(type: string): VerificationMessage {
  const key = Object.hasOwn(kindKeys, type) ? kindKeys[type] : undefined;
  return key ? msg(key) : msg('schema.kind.other', { type });
}

export function kindOf(value: unknown): VerificationMessage {
  if (value === null) return msg('schema.kind.null');
  if (Array.isArray(value)) return msg('schema.kind.list');
  if (typeof value === 'string') return msg('schema.kind.text');
  if (typeof value === 'number') return msg('schema.kind.number');
  if (typeof value === 'boolean') return msg('schema.kind.boolean');
  if (typeof value === 'object') return msg('schema.kind.object');
  return msg('schema.kind.missing');
}

export function shortValue(value: unknown): string {
  const text = display(value);
  return text.length <= 60 ? text : `${text.slice(0, 57)}…`;
}
