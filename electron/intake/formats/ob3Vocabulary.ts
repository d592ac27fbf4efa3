import { msg } from '../../../shared/credential/verificationMessages';
import { MalformedInputError } from '../limits';
import { isRecord } from '../safeJson';
import { asArray, contextsOf, typesOf, type Json } from './jsonLdValues';

/**
 * Open Badges 3.0 / CLR 2.0 say which class the value of each property must be. The 1EdTech
 * validator refuses a credential whose issuer is not a Profile, whose evidence is not
 * Evidence, and so on; so does intake, naming the property.
 */
const classOfProperty: Readonly<Record<string, string>> = {
  issuer: 'Profile',
  creator: 'Profile',
  source: 'Profile',
  parentOrg: 'Profile',
  achievement: 'Achievement',
  otherIdentifier: 'IdentifierEntry',
  result: 'Result',
  resultDescription: 'ResultDescription',
  rubricCriterionLevel: 'RubricCriterionLevel',
  evidence: 'Evidence',
  alignment: 'Alignment',
  association: 'Association',
};

/** Properties whose values are credentials in their own right: checked when read, not here. */
const nestedCredentials = new Set(['verifiableCredential', 'endorsement', 'proof', 'credentialStatus', 'credentialSchema']);

/** Where a node sits, for a message: built only when one is needed (a credential has hundreds). */
interface Place {
  readonly parent: Place | undefined;
  readonly key: string;
  /** Its position in an array, or -1. */
  readonly index: number;
}

function placeName(place: Place): string {
  const own = place.index >= 0 ? `${place.key}[${String(place.index)}]` : place.key;
  return place.parent ? `${placeName(place.parent)}.${own}` : own;
}

function check(node: Json, at: Place | undefined): void {
  for (const key of Object.keys(node)) {
    if (nestedCredentials.has(key) || key === '@context') continue;
    const value = node[key];
    // `identifier` names an IdentityObject only on the subject (the learner's identity).
    const expected = key === 'identifier' ? (at?.parent === undefined && at?.key === 'credentialSubject' && at.index < 0 ? 'IdentityObject' : undefined) : classOfProperty[key];
    const many = Array.isArray(value);
    const items: readonly unknown[] = many ? value : [value];
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      if (!isRecord(item)) continue;
      const place: Place = { parent: at, key, index: many ? index : -1 };
      if (expected) {
        const types = typesOf(item);
        // OB 3.0 lets an issuer or creator omit its type only when given as a bare id, so an
        // object without a type is accepted; a wrong type is not.
        if (types.length > 0 && !types.includes(expected)) {
          const where = placeName(place);
          throw new MalformedInputError(msg('damaged.wrongType', { where, expected, types: types.join(', ') }), where);
        }
      }
      check(item, place);
    }
  }
}

const vcContexts = ['https://www.w3.org/2018/credentials/v1', 'https://www.w3.org/ns/credentials/v2'];

export function vcVersionOf(json: Json): 1 | 2 | null {
  const first = contextsOf(json)[0];
  if (first === vcContexts[0]) return 1;
  if (first === vcContexts[1]) return 2;
  return null;
}

/**
 * The checks every OB 3.0 / CLR 2.0 credential must pass before it is stored: a W3C
 * credentials context first, the spec's own context present, classes where the spec names
 * them.
 */
export function checkAchievementVocabulary(json: Json, specContext: RegExp, specName: string): void {
  if (vcVersionOf(json) === null) {
    throw new MalformedInputError(msg('damaged.firstContext', { spec: specName }), '@context');
  }
  if (!contextsOf(json).some((c) => specContext.test(c))) {
    throw new MalformedInputError(msg('damaged.specContext', { spec: specName }), '@context');
  }
  const subjectTypes = asArray(json.credentialSubject)
    .filter(isRecord)
    .flatMap((s) => typesOf(s));
  const credentialTypes = typesOf(json);
  const expectedSubject = credentialTypes.includes('ClrCredential')
    ? 'ClrSubject'
    : credentialTypes.includes('EndorsementCredential')
      ? 'EndorsementSubject'
      : 'AchievementSubject';
  if (subjectTypes.length > 0 && !subjectTypes.includes(expectedSubject)) {
    throw new MalformedInputError(msg('damaged.subjectType', { expected: expectedSubject, types: subjectTypes.join(', ') }), 'credentialSubject.type');
  }
  check(json, undefined);
}
