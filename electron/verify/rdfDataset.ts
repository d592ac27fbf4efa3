import { isRecord } from '../../shared/jsonValue';

/**
 * The RDF dataset of an expanded JSON-LD document (JSON-LD 1.1 "Deserialize JSON-LD to RDF"),
 * for the shapes expansion.ts produces, handed straight to rdf-canonize.
 *
 * Why not jsonld.toRDF: it first builds a flattened node map (deep copies, blank node
 * relabelling, sorting), then walks it; for a credential that was 40% of the time spent
 * canonicalising in a fresh `badgefolio verify` process (measured with --cpu-prof on 400
 * OB 3.0 credentials: toRDF 167 ms of 1.2 s, its node map 92 ms). Canonicalisation does not
 * need the node map: RDFC-1.0 relabels blank nodes itself and sorts its output, so one walk
 * emitting each statement once gives the same canonical N-Quads.
 *
 * Anything jsonld would warn about or drop (a relative or whitespace-holding IRI, a blank node
 * predicate, @direction, @json literals, an unexpected keyword), answers `undefined`: the caller
 * then lets jsonld do the whole conversion, so its errors (safe mode) and its lenient drops stay
 * exactly its own. tests/unit/verify/expansion.test.ts checks the N-Quads are identical to
 * jsonld.canonize on generated credentials, seeded mutations and the real fixtures.
 */

export interface Term {
  readonly termType: 'NamedNode' | 'BlankNode' | 'DefaultGraph';
  readonly value: string;
}

export interface Literal {
  readonly termType: 'Literal';
  readonly value: string;
  readonly datatype: { readonly termType: 'NamedNode'; readonly value: string };
  readonly language?: string;
}

export interface Quad {
  readonly subject: Term;
  readonly predicate: Term;
  readonly object: Term | Literal;
  readonly graph: Term;
}

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const rdfType: Term = { termType: 'NamedNode', value: `${RDF}type` };
const rdfFirst: Term = { termType: 'NamedNode', value: `${RDF}first` };
const rdfRest: Term = { termType: 'NamedNode', value: `${RDF}rest` };
const rdfNil: Term = { termType: 'NamedNode', value: `${RDF}nil` };
const defaultGraph: Term = { termType: 'DefaultGraph', value: '' };
/** jsonld's test for an absolute IRI (or blank node label): a scheme, a colon, no whitespace. */
const absoluteIri = /^([A-Za-z][A-Za-z0-9+\-.]*|_):[^\s]*$/;
/** BCP 47 as JSON-LD checks it; anything else is jsonld's to judge. */
const languageTag = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;

/** Terms are immutable and rdf-canonize only reads them, so one object per IRI serves every document. */
const knownTerms = new Map<string, Term>();
const maxKnownTerms = 10_000;

/** The document leaves what this walk handles: jsonld must convert it. */
class Unhandled extends Error {}

type Node = Record<string, unknown>;

export function datasetFromExpanded(expanded: readonly unknown[]): Quad[] | undefined {
  try {
    return new DatasetWalk().top(expanded);
  } catch (error) {
    if (error instanceof Unhandled) return undefined;
    throw error;
  }
}

class DatasetWalk {
  private readonly quads: Quad[] = [];
  /**
   * Each subject the document names (an @id), by its value: undefined while it has been met
   * once, then the statements it has, as keys. A node met twice (same @id) states each fact
   * once, as jsonld's node map does; the keys are built only for subjects met again, since
   * building one for every statement was 40 ms of a 400-credential `badgefolio verify`.
   */
  private readonly namedSubjects = new Map<string, Set<string> | undefined>();
  private readonly blankSubjects = new Map<string, Set<string> | undefined>();
  private blankCount = 0;

  private subjectsLike(subject: Term): Map<string, Set<string> | undefined> {
    return subject.termType === 'BlankNode' ? this.blankSubjects : this.namedSubjects;
  }

  top(expanded: readonly unknown[]): Quad[] {
    for (const item of expanded) {
      if (!isRecord(item)) throw new Unhandled();
      this.node(item, defaultGraph);
    }
    return this.quads;
  }

  /** Blank node labels of our own never meet the document's: those are prefixed apart. */
  private freshBlank(): Term {
    return { termType: 'BlankNode', value: `g${String(this.blankCount++)}` };
  }

  private reference(id: unknown): Term {
    if (typeof id !== 'string') throw new Unhandled();
    // Credentials repeat the same few dozen property and type IRIs: each is checked once.
    let term = knownTerms.get(id);
    if (!term) {
      if (!absoluteIri.test(id)) throw new Unhandled();
      term = id.startsWith('_:') ? { termType: 'BlankNode', value: `d${id.slice(2)}` } : { termType: 'NamedNode', value: id };
      if (knownTerms.size >= maxKnownTerms) knownTerms.clear();
      knownTerms.set(id, term);
    }
    return term;
  }

  /** Notes a subject met (again): from its second meeting on, its statements are told apart by key. */
  private meet(subject: Term): void {
    const subjects = this.subjectsLike(subject);
    if (!subjects.has(subject.value)) {
      subjects.set(subject.value, undefined);
      return;
    }
    if (subjects.get(subject.value) !== undefined) return;
    const keys = new Set<string>();
    for (const quad of this.quads) {
      if (quad.subject.termType === subject.termType && quad.subject.value === subject.value) keys.add(statementKey(quad.subject, quad.predicate, quad.object, quad.graph));
    }
    subjects.set(subject.value, keys);
  }

  private emit(subject: Term, predicate: Term, object: Term | Literal, graph: Term): void {
    const keys = this.subjectsLike(subject).get(subject.value);
    if (keys !== undefined) {
      const key = statementKey(subject, predicate, object, graph);
      if (keys.has(key)) return;
      keys.add(key);
    }
    this.quads.push({ subject, predicate, object, graph });
  }

  /** One property's values: each distinct value once (expansion keeps repeats). */
  private emitValues(subject: Term, predicate: Term, objects: readonly (Term | Literal)[], graph: Term): void {
    if (objects.length < 2) {
      for (const object of objects) this.emit(subject, predicate, object, graph);
      return;
    }
    const stated = new Set<string>();
    for (const object of objects) {
      const key = statementKey(subject, predicate, object, graph);
      if (stated.has(key)) continue;
      stated.add(key);
      this.emit(subject, predicate, object, graph);
    }
  }

  /** A node object: its statements in `graph`; answers the term that names it. */
  private node(node: Node, graph: Term): Term {
    const named = '@id' in node;
    const subject = named ? this.reference(node['@id']) : this.freshBlank();
    // An unnamed node is met once. (rdf:type written as a property beside @type is stated
    // twice, as jsonld does: its node map keeps @type and the property apart.)
    if (named) this.meet(subject);
    for (const key of Object.keys(node)) {
      const values = node[key];
      if (key === '@id') continue;
      if (!Array.isArray(values)) throw new Unhandled();
      if (key === '@type') {
        this.emitValues(
          subject,
          rdfType,
          values.map((type) => this.reference(type)),
          graph,
        );
        continue;
      }
      if (key.startsWith('@')) throw new Unhandled();
      const predicate = this.reference(key);
      // A blank node predicate is generalized RDF, which canonicalisation does not produce.
      if (predicate.termType === 'BlankNode') throw new Unhandled();
      this.emitValues(
        subject,
        predicate,
        values.map((value) => this.object(value, graph)),
        graph,
      );
    }
    return subject;
  }

  private object(item: unknown, graph: Term): Term | Literal {
    if (!isRecord(item)) throw new Unhandled();
    if ('@value' in item) return literal(item);
    if ('@list' in item) {
      if (Object.keys(item).length !== 1 || !Array.isArray(item['@list'])) throw new Unhandled();
      return this.list(item['@list'] as unknown[], graph);
    }
    if ('@graph' in item) {
      // A graph container's value (e.g. a CLR's verifiableCredential): a named graph of its own,
      // named by a blank node unless it has an @id.
      const keys = Object.keys(item);
      if (keys.some((k) => k !== '@graph' && k !== '@id') || !Array.isArray(item['@graph'])) throw new Unhandled();
      const name = '@id' in item ? this.reference(item['@id']) : this.freshBlank();
      for (const member of item['@graph'] as unknown[]) {
        if (!isRecord(member)) throw new Unhandled();
        this.node(member, name);
      }
      return name;
    }
    return this.node(item, graph);
  }

  private list(items: readonly unknown[], graph: Term): Term {
    if (items.length === 0) return rdfNil;
    const head = this.freshBlank();
    let subject = head;
    items.forEach((item, index) => {
      const object = this.object(item, graph);
      // List nodes are fresh blank nodes with one first and one rest each: nothing repeats.
      this.emit(subject, rdfFirst, object, graph);
      const next = index === items.length - 1 ? rdfNil : this.freshBlank();
      this.emit(subject, rdfRest, next, graph);
      subject = next;
    });
    return head;
  }
}

/** One statement as text, for telling repeats apart. */
function statementKey(subject: Term, predicate: Term, object: Term | Literal, graph: Term): string {
  return `${subject.termType}${subject.value}\u0000${predicate.value}\u0000${object.termType}${object.value}\u0000${
    object.termType === 'Literal' ? `${object.datatype.value}\u0000${object.language ?? ''}` : ''
  }\u0000${graph.termType}${graph.value}`;
}

/** A value object as an RDF literal, by jsonld's rules for natives (its canonical double form included). */
function literal(item: Node): Literal {
  for (const key of Object.keys(item)) if (key !== '@value' && key !== '@type' && key !== '@language') throw new Unhandled();
  const value = item['@value'];
  const type = item['@type'];
  if (type !== undefined && (typeof type !== 'string' || !absoluteIri.test(type) || type.startsWith('_:'))) throw new Unhandled();
  const typed = (fallback: string) => ({ termType: 'NamedNode' as const, value: type ?? fallback });
  if (typeof value === 'boolean') return { termType: 'Literal', value: String(value), datatype: typed(`${XSD}boolean`) };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Unhandled();
    const isDouble = String(value).includes('.') || Math.abs(value) >= 1e21 || type === `${XSD}double`;
    return isDouble
      ? { termType: 'Literal', value: value.toExponential(15).replace(/(\d)0*e\+?/, '$1E'), datatype: typed(`${XSD}double`) }
      : { termType: 'Literal', value: value.toFixed(0), datatype: typed(`${XSD}integer`) };
  }
  if (typeof value !== 'string') throw new Unhandled();
  if (type === `${XSD}double`) throw new Unhandled(); // a string parsed as a double: jsonld's own rule
  if ('@language' in item) {
    const language = item['@language'];
    if (typeof language !== 'string' || !languageTag.test(language) || type !== undefined) throw new Unhandled();
    return { termType: 'Literal', value, datatype: { termType: 'NamedNode', value: `${RDF}langString` }, language };
  }
  return { termType: 'Literal', value, datatype: typed(`${XSD}string`) };
}
