import type { ErrorObject } from 'ajv';
import type { VerificationMessage } from '../../shared/credential/verification';
import { englishOf, msg, type VerificationMessageKey } from '../../shared/credential/verificationMessages';
import { asArray, display, isRecord, typesOf, type Checks } from './checks';
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

/** A failure, worded: `malformed` ones make the credential malformed; `note`s are reported only. */
export interface SchemaFinding {
  readonly severity: 'malformed' | 'note';
  readonly message: VerificationMessage;
  /** The message in English, as the CLI prints it. */
  readonly sentence: string;
  /** Where in the credential (a JSON pointer). */
  readonly pointer: string;
  /** ajv's keywords and JSON pointers, for the technical detail. */
  readonly technical: string;
}

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
    checks.skip('schema', label, msg('schema.unloadable', { model: modelMessage, error: error instanceof Error ? error.message : String(error) }), 'unverifiable', 'the bundled schema');
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
    contexts: msg('schema.contexts.sequence', { first: earlier ? msg('schema.contexts.vc1', { url: vc1Context }) : msg('schema.contexts.vc2', { url: vc2Context }), then: choice.contexts }),
    selectivelyDisclosed: disclosed,
  });
  const detail = findings.map((f) => f.technical).join('; ');
  const malformed = findings.filter((f) => f.severity === 'malformed');
  const notes = findings.filter((f) => f.severity === 'note');
  if (malformed.length > 0) {
    checks.fail('schema', label, msg('schema.doesNotConform', { findings: listed([...malformed, ...notes]), model: modelMessage }), 'malformed', { ...evidence, detail });
  } else {
    // Informational, as the engine's other caveats are: checked and reported, not a verdict.
    checks.skip('schema', label, msg(notes.length === 1 ? 'schema.note' : 'schema.notes', { findings: listed(notes), model: modelMessage }), undefined, undefined, { ...evidence, detail });
  }
}

/**
 * The credential as JSON-LD reads it: a property whose value is null is no property at all
 * (JSON-LD expansion drops it), so a null optional value is absent and a null required one
 * missing. Entries of lists are kept, so that pointers into lists stay as written.
 */
export function withoutNulls(json: Json): Json {
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (!isRecord(value)) return value;
    const result: Json = {};
    for (const [name, member] of Object.entries(value)) if (member !== null) result[name] = copy(member);
    return result;
  };
  return copy(json) as Json;
}

/** A VC 1.1 credential from a JWT: what it states only as claims (exp, iss, nbf, jti, sub) put back where it leaves them out. */
export function decodedVc11(credential: Json, claims: Json): Json {
  const json: Json = { ...credential };
  const date = (seconds: unknown): string | undefined => (typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString().replace('.000Z', 'Z') : undefined);
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

/** At most four findings in the sentence; the detail keeps them all. */
function listed(findings: readonly SchemaFinding[]): VerificationMessage {
  const shown = findings.slice(0, 4).map((f) => f.message);
  const more = findings.length - shown.length;
  const parts = more > 0 ? [...shown, msg('schema.more', { count: more })] : shown;
  // ajv always names something; should a failure come with nothing this module can word, it still says so.
  return chained(parts, 'schema.join') ?? msg('schema.finding.unexplained');
}

/** "a b c" (or "a or b or c"): parts as one nested message; undefined for none. */
function chained(parts: readonly VerificationMessage[], joiner: 'schema.join' | 'schema.or'): VerificationMessage | undefined {
  const [first, ...rest] = parts;
  if (!first) return undefined;
  const tail = chained(rest, joiner);
  return tail ? msg(joiner, { first, rest: tail }) : first;
}

// ---------------------------------------------------------------------------------------------
// From ajv's errors to sentences.

/** Keywords that only combine alternatives: their branches' errors say what is wrong. */
const combinators = new Set(['oneOf', 'anyOf', 'allOf', 'not', 'if', 'then', 'else']);

const under = (path: string, parent: string): boolean => path === parent || path.startsWith(`${parent}/`);

/** The schema a combinator's error belongs to (ajv's `verbose` errors carry it), by its title. */
const titleOf = (e: ErrorObject): unknown => (isRecord(e.parentSchema) ? e.parentSchema.title : undefined);

/** "/credentialSubject/achievement/type" for a type list and each of its entries. */
function typeListOf(path: string): string | undefined {
  const segments = segmentsOf(path);
  const last = segments.at(-1);
  if (last === 'type') return path;
  if (last !== undefined && isIndex(last) && segments.at(-2) === 'type') return path.slice(0, path.lastIndexOf('/'));
  return undefined;
}

export interface DescribeOptions {
  /** "Open Badges 3.0": the standard whose lists and recommendations are meant. */
  readonly standard: string;
  /** The contexts the class wants, in order, for the @context sentence. */
  readonly contexts: VerificationMessage;
  /** The credential shows only what its holder disclosed (ecdsa-sd-2023): absences are withholdings. */
  readonly selectivelyDisclosed?: boolean;
}

export function describeSchemaErrors(json: Json, errors: readonly ErrorObject[], options: DescribeOptions): SchemaFinding[] {
  const { standard } = options;
  // What a holder may withhold: a property, or entries of a list.
  const absence: SchemaFinding['severity'] = options.selectivelyDisclosed ? 'note' : 'malformed';
  const findings: SchemaFinding[] = [];
  const add = (severity: SchemaFinding['severity'], message: VerificationMessage, pointer: string, why: readonly ErrorObject[]): void => {
    const sentence = englishOf(message);
    if (!findings.some((f) => f.sentence === sentence)) findings.push({ severity, message, sentence, pointer, technical: technical(why) });
  };
  const place = (path: string): { segments: string[]; where: string; noun: VerificationMessage } => {
    const segments = segmentsOf(path);
    return { segments, where: dotted(segments), noun: possessive(segments) };
  };
  let remaining = [...errors];
  const claim = (taken: (e: ErrorObject) => boolean): ErrorObject[] => {
    const claimed = remaining.filter(taken);
    remaining = remaining.filter((e) => !taken(e));
    return claimed;
  };

  // Anything wrong in @context is one finding: the contexts say which vocabulary the credential uses.
  const contextErrors = claim((e) => under(e.instancePath, '/@context'));
  if (contextErrors.length > 0) add('malformed', msg('schema.finding.contexts', { contexts: options.contexts }), '/@context', contextErrors);

  // Text (a String property of the data model): one finding for the value, whichever alternative got furthest.
  for (const e of errors.filter((x) => x.keyword === 'anyOf' && titleOf(x) === 'Text')) {
    const path = e.instancePath;
    const why = claim((x) => under(x.instancePath, path));
    if (why.length === 0) continue;
    const { segments, where, noun } = place(path);
    add('malformed', msg('schema.finding.notText', { noun, where, kind: kindOf(valueAt(json, segments)) }), path, why);
  }

  // Criteria: the data model recommends (SHOULD) an id or a narrative.
  for (const e of errors.filter((x) => x.keyword === 'anyOf' && titleOf(x) === 'Criteria')) {
    const path = e.instancePath;
    const why = claim((x) => x.instancePath === path && (x === e || (x.keyword === 'required' && x.schemaPath.includes('/anyOf/'))));
    const { where } = place(path);
    add('note', msg('schema.finding.criteria', { where, standard }), path, why);
  }

  // A type list that lacks its class: what the list must include, from the "contains" or "const" that failed.
  const wanted = new Map<string, { values: Set<string>; why: ErrorObject[] }[]>();
  const expect = (list: string, values: readonly unknown[], why: ErrorObject[]): void => {
    wanted.set(list, [...(wanted.get(list) ?? []), { values: new Set(values.map(display)), why }]);
  };
  for (const e of claim((x) => typeListOf(x.instancePath) !== undefined && (x.keyword === 'contains' || x.keyword === 'const' || x.keyword === 'enum'))) {
    const list = typeListOf(e.instancePath) ?? e.instancePath;
    // The entries ajv tried against what the list must contain say nothing more.
    if (e.schemaPath.includes('/contains/')) continue;
    if (e.keyword === 'contains') {
      const inner = isRecord(e.schema) ? e.schema : {};
      expect(list, 'const' in inner ? [inner.const] : asArray(inner.enum), [e]);
    } else if (e.keyword === 'const') {
      expect(list, [(e.params as { allowedValue?: unknown }).allowedValue], [e]);
    } else {
      expect(list, asArray((e.params as { allowedValues?: unknown }).allowedValues), [e]);
    }
  }
  for (const [list, wants] of wanted) {
    const { where, noun } = place(list);
    for (const { values, why } of wants) {
      const quoted = chained(
        [...values].map((value) => msg('schema.quoted', { value })),
        'schema.or',
      ) ?? msg('schema.quoted', { value: '' });
      add(absence, msg(options.selectivelyDisclosed ? 'schema.finding.lacksWithheld' : 'schema.finding.lacks', { noun, where, values: quoted }), list, why);
    }
  }

  const combinatorErrors = claim((e) => combinators.has(e.keyword));
  // A "must be text" from one alternative means nothing when another alternative of the same
  // value (an object, a list) got further and says what is missing there.
  remaining = remaining.filter((e) => e.keyword !== 'type' || !remaining.some((o) => o.keyword !== 'type' && under(o.instancePath, e.instancePath)));

  const byPath = new Map<string, ErrorObject[]>();
  for (const e of remaining) byPath.set(e.instancePath, [...(byPath.get(e.instancePath) ?? []), e]);
  for (const [path, group] of byPath) {
    const { segments, where, noun } = place(path);
    const value = valueAt(json, segments);
    for (const e of group.filter((x) => x.keyword === 'required')) {
      const missing = String((e.params as { missingProperty?: unknown }).missingProperty);
      const named = flat([...segments, missing]);
      const at = dotted([...segments, missing]);
      const sentence = options.selectivelyDisclosed
        ? msg('schema.finding.withheld', { named, where: at, standard })
        : msg('schema.finding.missing', { named, where: at });
      add(absence, sentence, `${path}/${missing}`, [e]);
    }
    const types = group.filter((e) => e.keyword === 'type');
    if (types.length > 0) {
      const expected = [...new Set(types.flatMap((e) => asArray((e.params as { type?: unknown }).type).map(String)))].map(kindName);
      add('malformed', msg('schema.finding.wrongType', { noun, where, kind: kindOf(value), expected: chained(expected, 'schema.or') ?? kindOf(value) }), path, types);
    }
    for (const e of group.filter((x) => x.keyword === 'minItems')) {
      const limit = String((e.params as { limit?: unknown }).limit);
      const withheld = options.selectivelyDisclosed === true;
      const sentence =
        limit === '1'
          ? msg(withheld ? 'schema.finding.emptyWithheld' : 'schema.finding.empty', { noun, where })
          : msg(withheld ? 'schema.finding.fewerWithheld' : 'schema.finding.fewer', { noun, where, limit });
      add(absence, sentence, path, [e]);
    }
    const enums = group.filter((e) => e.keyword === 'enum');
    const patterns = group.filter((e) => e.keyword === 'pattern');
    if (enums.length > 0) {
      // Extensible enumerations: one of the listed terms, or any term written "ext:…".
      const extensible = patterns.some((e) => String((e.params as { pattern?: unknown }).pattern).includes('ext:'));
      const allowed = enums.flatMap((e) => asArray((e.params as { allowedValues?: unknown }).allowedValues).map(display));
      const listed = allowed.length <= 8;
      const key: VerificationMessageKey = listed
        ? extensible
          ? 'schema.finding.notListedAllowedExt'
          : 'schema.finding.notListedAllowed'
        : extensible
          ? 'schema.finding.notListedExt'
          : 'schema.finding.notListed';
      add('note', msg(key, { noun, where, value: shortValue(value), standard, ...(listed ? { allowed: allowed.join(', ') } : {}) }), path, [...enums, ...patterns]);
    } else if (patterns.length > 0) {
      add('note', msg('schema.finding.badForm', { noun, where, value: shortValue(value), standard }), path, patterns);
    }
    for (const e of group.filter((x) => x.keyword === 'format')) {
      const format = String((e.params as { format?: unknown }).format);
      const values = { noun, where, value: shortValue(value), standard };
      add('note', format === 'date-time' ? msg('schema.finding.notDateTime', values) : msg('schema.finding.badFormat', { ...values, format }), path, [e]);
    }
    const handled = new Set(['required', 'type', 'minItems', 'enum', 'pattern', 'format']);
    for (const e of group.filter((x) => !handled.has(x.keyword))) {
      add('note', msg('schema.finding.rule', { noun, where, keyword: e.keyword }), path, [e]);
    }
  }

  // A value none of whose alternatives fits, with nothing more specific said about it.
  for (const path of new Set(combinatorErrors.map((e) => e.instancePath))) {
    if (findings.some((f) => under(f.pointer, path))) continue;
    const { where, noun } = place(path);
    const sentence = where ? msg('schema.finding.noForm', { noun, where, standard }) : msg('schema.finding.noFormRoot', { noun, standard });
    add('malformed', sentence, path, combinatorErrors.filter((e) => e.instancePath === path));
  }
  // The verdict's reasons first.
  return [...findings.filter((f) => f.severity === 'malformed'), ...findings.filter((f) => f.severity === 'note')];
}

function technical(errors: readonly ErrorObject[]): string {
  return errors.map((e) => `${e.keyword} ${e.instancePath || '/'}`).join('; ');
}

/** JSON pointer segments (RFC 6901). */
function segmentsOf(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(json: unknown, segments: readonly string[]): unknown {
  let value = json;
  for (const segment of segments) {
    if (Array.isArray(value)) value = value[Number(segment)] as unknown;
    else if (isRecord(value)) value = value[segment];
    else return undefined;
  }
  return value;
}

const isIndex = (segment: string): boolean => /^\d+$/.test(segment);

/** "credentialSubject.achievement.criteria", "evidence[0].type". */
function dotted(segments: readonly string[]): string {
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
function flat(segments: readonly string[]): VerificationMessage {
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
function possessive(segments: readonly string[]): VerificationMessage {
  const last = segments.at(-1);
  if (last === undefined) return msg('schema.noun.credential');
  const owner = ownerOf(segments);
  const named = isIndex(last) ? msg('schema.entry', { number: Number(last) + 1 }) : property(last);
  const english = isIndex(last) ? `entry ${String(Number(last) + 1)}` : words(last);
  if (english.startsWith(`${owner === undefined ? 'credential' : words(owner)} `)) return msg('schema.noun.own', { property: named });
  return owner === undefined ? msg('schema.noun.ofCredential', { property: named }) : msg('schema.noun.of', { owner: property(owner), property: named });
}

function kindName(type: string): VerificationMessage {
  switch (type) {
    case 'string':
      return msg('schema.kind.text');
    case 'object':
      return msg('schema.kind.object');
    case 'array':
      return msg('schema.kind.list');
    case 'integer':
      return msg('schema.kind.integer');
    case 'number':
      return msg('schema.kind.number');
    case 'boolean':
      return msg('schema.kind.boolean');
    default:
      return msg('schema.kind.other', { type });
  }
}

function kindOf(value: unknown): VerificationMessage {
  if (value === null) return msg('schema.kind.null');
  if (Array.isArray(value)) return msg('schema.kind.list');
  if (typeof value === 'string') return msg('schema.kind.text');
  if (typeof value === 'number') return msg('schema.kind.number');
  if (typeof value === 'boolean') return msg('schema.kind.boolean');
  if (typeof value === 'object') return msg('schema.kind.object');
  return msg('schema.kind.missing');
}

function shortValue(value: unknown): string {
  const text = display(value);
  return text.length <= 60 ? text : `${text.slice(0, 57)}…`;
}
