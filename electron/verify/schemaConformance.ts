import type { VerificationMessage } from '../../shared/credential/verification';
import { msg } from '../../shared/credential/verificationMessages';
import { asArray, isRecord, typesOf, type Checks } from './checks';
import { describeSchemaErrors, listed } from './schemaFindings';
import { schemaAddress, validatorFor, type SchemaKey, type SchemaValidator } from './schemas/validators';

/**
 * Conformance to the data models of Open Badges 3.0 (AchievementCredential, alias
 * OpenBadgeCredential, and EndorsementCredential) and CLR 2.0 (ClrCredential), in their VC 2.0
 * and earlier VC 1.1 forms, as Badgefolio's own JSON Schemas describe them (./schemas, with
 * their README: Badgefolio's reading of the specifications, not 1EdTech's published files).
 * The credential is judged as written: for a VC-JWT, the `vc` claim or the whole payload.
 *
 * What fails is said in plain words, naming the property ("The credential has no achievement
 * criteria (credentialSubject.achievement.criteria)."), as catalogue messages so that the app
 * says it in the reader's language; the JSON pointers ajv reports are kept as the check's
 * technical detail. Two kinds of failure are told apart:
 * - something the credential must state is missing or is of the wrong kind (a required property,
 *   a list where text belongs, a type list without its class, the contexts): the credential is
 *   `malformed`, since it does not say what the standard requires it to say;
 * - a value outside a list or form the standard prescribes (an achievement type "Program" where
 *   the list has "LearningProgram" or an "ext:" term, a date without a time zone), or what the
 *   standard only recommends (criteria with an id or a narrative): reported, without changing
 *   the verdict, since the credential still says who issued what to whom and real issuers write
 *   such values (DCC's verifier, whose test credentials do, accepts them).
 *
 * A selectively disclosed credential (ecdsa-sd-2023) holds only what its holder chose to show:
 * a property it lacks, or an entry missing from a list, was withheld, not left out by the issuer
 * (whose signature covered it), so that is reported and is no fault of the credential.
 *
 * Nothing is stricter than the data model: other properties stay allowed, a single value may
 * stand where JSON-LD compacts a list of one, and a property whose value is null counts as absent
 * (JSON-LD ignores it: Credly writes `targetDescription: null`), so only a required one is missed.
 */

type Json = Record<string, unknown>;

interface SchemaChoice {
  /** "Open Badges 3.0", for sentences. */
  readonly standard: string;
  /** The class the schema describes. */
  readonly className: string;
  /** The contexts the class wants after the VC context, for the @context sentence. */
  readonly contexts: VerificationMessage;
  readonly vc2: SchemaKey;
  readonly vc1: SchemaKey;
}

const vc2Context = 'https://www.w3.org/ns/credentials/v2';
const vc1Context = 'https://www.w3.org/2018/credentials/v1';

const achievementCredential: SchemaChoice = {
  standard: 'Open Badges 3.0',
  className: 'AchievementCredential',
  contexts: msg('schema.contexts.ob3'),
  vc2: 'ob3-achievement-vc2',
  vc1: 'ob3-achievement-vc1',
};
const endorsementCredential: SchemaChoice = {
  standard: 'Open Badges 3.0',
  className: 'EndorsementCredential',
  contexts: msg('schema.contexts.ob3'),
  vc2: 'ob3-endorsement-vc2',
  vc1: 'ob3-endorsement-vc1',
};
const clrCredential: SchemaChoice = {
  standard: 'CLR 2.0',
  className: 'ClrCredential',
  contexts: msg('schema.contexts.clr'),
  vc2: 'clr2-clr-vc2',
  vc1: 'clr2-clr-vc1',
};

/** The class a credential's `type` names (as 1EdTech's validator and DCC's choose it); none for other VCs. */
function schemaFor(json: Json): SchemaChoice | undefined {
  const types = typesOf(json);
  if (types.includes('ClrCredential')) return clrCredential;
  if (types.includes('OpenBadgeCredential') || types.includes('AchievementCredential')) return achievementCredential;
  if (types.includes('EndorsementCredential')) return endorsementCredential;
  return undefined;
}

export { describeSchemaErrors, type DescribeOptions, type SchemaFinding } from './schemaFindings';

/**
 * `jwtClaims`: for a VC-JWT, its claims. A VC 1.1 credential encoded as a JWT may state some
 * properties only as claims (VC Data Model 1.1, JWT decoding): they are put back before the
 * credential is judged. VC 2.0 has no such mapping (the credential is the payload as written).
 */
export async function checkSchemaConformance(written: Json, checks: Checks, jwtClaims?: Json): Promise<void> {
  const choice = schemaFor(written);
  if (!choice) return;
  // The first context says the form: the VC 1.1 one for the earlier form; anything else is held to VC 2.0.
  const earlier = asArray(written['@context'])[0] === vc1Context;
  const key = earlier ? choice.vc1 : choice.vc2;
  const modelMessage = msg(earlier ? 'schema.modelVc1' : 'schema.model', { standard: choice.standard, className: choice.className });
  const label = msg('label.schema');
  const evidence = { url: schemaAddress(key).split('#')[0] ?? '', origin: 'bundled' as const };
  let validate: SchemaValidator;
  try {
    validate = await validatorFor(key);
  } catch (error) {
    // A build without its schemas is Badgefolio's fault, not the credential's: not checked, said so.
    checks.skip(
      'schema',
      label,
      msg('schema.unloadable', { model: modelMessage, error: error instanceof Error ? error.message : String(error) }),
      'unverifiable',
      'the bundled schema',
    );
    return;
  }
  const json = withoutNulls(earlier && jwtClaims ? decodedVc11(written, jwtClaims) : written);
  if (validate(json)) {
    checks.pass('schema', label, msg('schema.conforms', { model: modelMessage }), evidence);
    return;
  }
  const disclosed = asArray(json.proof).some((proof) => isRecord(proof) && proof.cryptosuite === 'ecdsa-sd-2023');
  const findings = describeSchemaErrors(json, validate.errors ?? [], {
    standard: choice.standard,
    contexts: msg('schema.contexts.sequence', {
      first: earlier ? msg('schema.contexts.vc1', { url: vc1Context }) : msg('schema.contexts.vc2', { url: vc2Context }),
      then: choice.contexts,
    }),
    selectivelyDisclosed: disclosed,
  });
  const detail = findings.map((f) => f.technical).join('; ');
  const malformed = findings.filter((f) => f.severity === 'malformed');
  const notes = findings.filter((f) => f.severity === 'note');
  if (malformed.length > 0) {
    checks.fail('schema', label, msg('schema.doesNotConform', { findings: listed([...malformed, ...notes]), model: modelMessage }), 'malformed', { ...evidence, detail });
  } else {
    // Informational, as the engine's other caveats are: checked and reported, not a verdict.
    checks.skip('schema', label, msg(notes.length === 1 ? 'schema.note' : 'schema.notes', { findings: listed(notes), model: modelMessage }), undefined, undefined, {
      ...evidence,
      detail,
    });
  }
}

/**
 * The credential as JSON-LD reads it: a property whose value is null is no property at all
 * (JSON-LD expansion drops it), so a null optional value is absent and a null required one
 * missing. Entries of lists are kept, so that pointers into lists stay as written.
 */
export function withoutNulls(json: Json): Json {
  // Credentials rarely hold a null: then they are read as they are, the validators never writing
  // to what they check (a deep copy of each was ~5 ms of garbage for 400 credentials).
  if (!hasNullMember(json)) return json;
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (!isRecord(value)) return value;
    const result: Json = {};
    for (const [name, member] of Object.entries(value)) if (member !== null) result[name] = copy(member);
    return result;
  };
  return copy(json) as Json;
}

/** Whether some object in `value` has a member whose value is null (entries of lists do not count). */
function hasNullMember(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNullMember);
  if (!isRecord(value)) return false;
  for (const member of Object.values(value)) if (member === null || hasNullMember(member)) return true;
  return false;
}

/** A VC 1.1 credential from a JWT: what it states only as claims (exp, iss, nbf, jti, sub) put back where it leaves them out. */
export function decodedVc11(credential: Json, claims: Json): Json {
  const json: Json = { ...credential };
  const date = (seconds: unknown): string | undefined =>
    typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString().replace('.000Z', 'Z') : undefined;
  const fill = (name: string, value: unknown): void => {
    if (json[name] === undefined && value !== undefined) json[name] = value;
  };
  fill('expirationDate', date(claims.exp));
  fill('issuanceDate', date(claims.nbf));
  fill('id', typeof claims.jti === 'string' ? claims.jti : undefined);
  if (typeof claims.iss === 'string') {
    if (json.issuer === undefined) json.issuer = claims.iss;
    else if (isRecord(json.issuer) && json.issuer.id === undefined) json.issuer = { ...json.issuer, id: claims.iss };
  }
  if (typeof claims.sub === 'string' && isRecord(json.credentialSubject) && json.credentialSubject.id === undefined) {
    json.credentialSubject = { ...json.credentialSubject, id: claims.sub };
  }
  return json;
}
