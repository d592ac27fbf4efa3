import type { ErrorObject } from 'ajv';
import type { VerificationMessage } from '../../shared/credential/verification';
import { englishOf, msg, type VerificationMessageKey } from '../../shared/credential/verificationMessages';
import { asArray, display, isRecord } from './checks';
import { dotted, flat, isIndex, kindName, kindOf, possessive, segmentsOf, shortValue, valueAt } from './schemaWording';

/** From ajv's errors to sentences, for the schema check (schemaConformance.ts). */

type Json = Record<string, unknown>;

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

/** At most four findings in the sentence; the detail keeps them all. */
export function listed(findings: readonly SchemaFinding[]): VerificationMessage {
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
      const quoted =
        chained(
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
      const sentence = options.selectivelyDisclosed ? msg('schema.finding.withheld', { named, where: at, standard }) : msg('schema.finding.missing', { named, where: at });
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
    add(
      'malformed',
      sentence,
      path,
      combinatorErrors.filter((e) => e.instancePath === path),
    );
  }
  // The verdict's reasons first.
  return [...findings.filter((f) => f.severity === 'malformed'), ...findings.filter((f) => f.severity === 'note')];
}

function technical(errors: readonly ErrorObject[]): string {
  return errors.map((e) => `${e.keyword} ${e.instancePath || '/'}`).join('; ');
}
