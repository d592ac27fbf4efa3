import jsonld, { type DocumentLoader } from 'jsonld';
import { isRecord } from '../../shared/jsonValue';

/**
 * JSON-LD expansion (JSON-LD 1.1 Processing Algorithms, §5.1) for the shapes credentials
 * actually take, with every context transition memoised. jsonld's own expansion re-derives
 * (deep-copies) the whole active context each time a type-scoped context is entered or left,
 * which for VC 2.0 + OB 3.0 is most of the cost of checking a signature. Here the active
 * contexts themselves are still built by jsonld (`processContext`), once per distinct
 * transition, and reused as immutable values; only the walk over the document is ours.
 *
 * Anything outside the common subset — value objects, @graph/@list/@reverse/@nest/@included
 * keys, index/id/type/language maps, relative IRIs, anything safe mode would warn about or a
 * processor would reject — makes `expand` answer `undefined`, and the caller lets jsonld do
 * the whole job, so errors and edge cases keep jsonld's exact behaviour. For what it does
 * handle, tests/unit/verify/expansion.test.ts checks the output equals `jsonld.expand` and
 * that the canonical N-Quads are identical, on generated credentials and the real fixtures.
 */

/** jsonld's term definition, as far as expansion reads it. */
interface TermDefinition {
  readonly '@id'?: string | null;
  readonly '@type'?: string;
  readonly '@container'?: readonly string[] | string;
  readonly '@context'?: unknown;
  readonly '@language'?: string | null;
  readonly '@direction'?: string | null;
  readonly reverse?: boolean;
  readonly _prefix?: boolean;
}

/** jsonld's active context, treated as immutable once built. */
interface ActiveContext {
  readonly mappings: ReadonlyMap<string, TermDefinition | null>;
  readonly previousContext?: ActiveContext;
  readonly '@vocab'?: string;
  readonly '@base'?: string | null;
  readonly '@language'?: string;
  readonly '@direction'?: string;
}

/** How a local context is applied: each has its own processing rules. */
type Transition = 'embedded' | 'property' | 'type';

/** The document leaves the supported subset: jsonld must expand it. Internal to this module. */
class Unusual extends Error {}

/** A context transition not memoised yet: computed (asynchronously), then the walk restarts. */
class NeedsContext extends Error {
  constructor(
    readonly from: ActiveContext,
    readonly local: unknown,
    readonly kind: Transition,
  ) {
    super('context transition not memoised');
  }
}

/** JSON-LD 1.1 keywords (section 1.7), and the framing keywords jsonld also reserves. */
// prettier-ignore
const keywords = new Set([
  '@base', '@container', '@context', '@default', '@direction', '@embed', '@explicit', '@graph', '@id', '@included', '@index', '@json', '@language', '@list',
  '@nest', '@none', '@omitDefault', '@prefix', '@preserve', '@protected', '@requireAll', '@reverse', '@set', '@type', '@value', '@version', '@vocab',
]);
const keywordLike = /^@[a-zA-Z]+$/;
/** A scheme (or `_` for blank nodes), a colon, no whitespace: what the processor treats as absolute. */
const absoluteIri = /^([A-Za-z][A-Za-z0-9+,.-]*|_):\S*$/;
/** Containers whose maps (object values) this walk does not expand. */
const mapContainers = ['@language', '@index', '@id', '@type'];

type Expanded = Record<string, unknown>;

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : [value]);
const isAbsolute = (iri: string): boolean => absoluteIri.test(iri);

/** Distinct transitions kept per expander before starting over (a bound, not a tuning knob). */
const maxTransitions = 2000;
/** Restarts allowed for one document: each learns one transition. */
const maxRestarts = 64;

export class ContextMemo {
  private transitions = new Map<Transition, WeakMap<ActiveContext, Map<unknown, ActiveContext | Unusual>>>();
  private count = 0;
  private initial: Promise<ActiveContext> | undefined;
  // Transitions being learnt: credentials verified at once (verifyInOrder) meet the same ones together; each
  // learnt them all (44 processContext calls, not 11, for 400 OB 3.0 credentials: ~50 ms of a 1 s CLI run).
  private learning = new Map<Transition, WeakMap<ActiveContext, Map<unknown, Promise<void>>>>();

  constructor(private readonly documentLoader: DocumentLoader) {}

  /**
   * The expanded form of `document` as `jsonld.expand` gives it (safe mode), or undefined
   * when the document is outside the subset handled here.
   */
  async expand(document: unknown): Promise<unknown[] | undefined> {
    const initial = await (this.initial ??= jsonld.processContext(null, null, { documentLoader: this.documentLoader, safe: true }) as Promise<ActiveContext>);
    for (let attempt = 0; attempt < maxRestarts; attempt++) {
      try {
        const walk = new Walk(this);
        const expanded = walk.element(initial, null, document, false, null);
        if (expanded === null) return undefined;
        return Array.isArray(expanded) ? (expanded as unknown[]) : [expanded];
      } catch (error) {
        if (error instanceof NeedsContext) {
          await this.learn(error);
          continue;
        }
        if (error instanceof Unusual) return undefined;
        throw error;
      }
    }
    return undefined;
  }

  /** A memoised transition; throws NeedsContext (to be learnt) or Unusual (jsonld's job). */
  apply(from: ActiveContext, local: unknown, kind: Transition): ActiveContext {
    const known = this.transitions.get(kind)?.get(from)?.get(transitionKey(local, kind));
    if (known instanceof Unusual) throw known;
    if (known) return known;
    throw new NeedsContext(from, local, kind);
  }

  private learn(transition: NeedsContext): Promise<void> {
    const pending = entriesFor(this.learning, transition.kind, transition.from);
    const key = transitionKey(transition.local, transition.kind);
    let learnt = pending.get(key);
    if (!learnt) {
      learnt = this.process(transition).finally(() => pending.delete(key));
      pending.set(key, learnt);
    }
    return learnt;
  }

  private async process({ from, local, kind }: NeedsContext): Promise<void> {
    let outcome: ActiveContext | Unusual;
    try {
      outcome = (await jsonld.processContext(from, scopedAs(local, kind), { documentLoader: this.documentLoader, safe: true })) as ActiveContext;
    } catch (error) {
      outcome = new Unusual(error instanceof Error ? error.message : String(error));
    }
    if (this.count >= maxTransitions) {
      this.transitions = new Map();
      this.count = 0;
    }
    entriesFor(this.transitions, kind, from).set(transitionKey(local, kind), outcome);
    this.count++;
  }
}

/** An embedded context is matched by its JSON (each document has its own copy), scoped ones by identity. */
const transitionKey = (local: unknown, kind: Transition): unknown => (kind === 'embedded' ? JSON.stringify(local) : local);

/** The entries kept for transitions of `kind` from `from`, made on first use. */
function entriesFor<V>(table: Map<Transition, WeakMap<ActiveContext, Map<unknown, V>>>, kind: Transition, from: ActiveContext): Map<unknown, V> {
  let byContext = table.get(kind);
  if (!byContext) table.set(kind, (byContext = new WeakMap<ActiveContext, Map<unknown, V>>()));
  let byLocal = byContext.get(from);
  if (!byLocal) byContext.set(from, (byLocal = new Map<unknown, V>()));
  return byLocal;
}

/**
 * The local context as jsonld's public `processContext` must see it to apply it the way
 * expansion does. A type-scoped context does not propagate into nested nodes unless it says
 * so: stating `@propagate: false` in it is the documented equivalent. A property-scoped
 * context is processed without the right to override protected terms, which can only make
 * processing fail where expansion would not (then jsonld expands), never differ.
 */
function scopedAs(local: unknown, kind: Transition): unknown {
  if (kind !== 'type') return local;
  if (!isRecord(local)) throw new Unusual('a type-scoped context that is not an object');
  return '@propagate' in local ? local : { ...local, '@propagate': false };
}

/** One pass of the expansion algorithm over one document. */
class Walk {
  constructor(private readonly memo: ContextMemo) {}

  element(context: ActiveContext, property: string | null, element: unknown, insideList: boolean, typeScoped: ActiveContext | null): unknown {
    if (element === null || element === undefined) return null;
    if (Array.isArray(element)) return this.array(context, property, element as unknown[], insideList, typeScoped);
    if (!isRecord(element)) {
      // Free-floating scalars are dropped, and safe mode rejects that.
      if (!insideList && (property === null || expandIri(context, property, true, false) === '@graph')) throw new Unusual('free-floating scalar');
      return this.value(context, property, element);
    }
    return this.node(context, property, element, insideList, typeScoped);
  }

  private array(context: ActiveContext, property: string | null, element: readonly unknown[], insideList: boolean, typeScoped: ActiveContext | null): unknown[] {
    const list = insideList || containerOf(context, property).includes('@list');
    const out: unknown[] = [];
    for (const item of element) {
      let expanded = this.element(context, property, item, false, typeScoped);
      if (list && Array.isArray(expanded)) expanded = { '@list': expanded };
      if (expanded === null) continue;
      if (Array.isArray(expanded)) out.push(...(expanded as unknown[]));
      else out.push(expanded);
    }
    return out;
  }

  private node(context: ActiveContext, property: string | null, element: Record<string, unknown>, insideList: boolean, typeScopedIn: ActiveContext | null): Expanded {
    const expandedProperty = property === null ? null : expandIri(context, property, true, false);
    const propertyScoped = contextValue(context, property, '@context');
    const typeScoped = typeScopedIn ?? (context.previousContext ? context : null);
    const keys = Object.keys(element).sort();

    // A type-scoped context stays for a value object or a bare reference; otherwise it is left.
    let active = context;
    let revert = true;
    if (typeScoped && keys.length <= 2 && !keys.includes('@context')) {
      for (const key of keys) {
        const expandedKey = expandIri(typeScoped, key, true, false);
        if (expandedKey === '@value') {
          revert = false;
          active = typeScoped;
          break;
        }
        if (expandedKey === '@id' && keys.length === 1) {
          revert = false;
          break;
        }
      }
    }
    if (revert && active.previousContext) active = active.previousContext;
    if (propertyScoped !== undefined) active = this.memo.apply(active, propertyScoped, 'property');
    if ('@context' in element) active = this.memo.apply(active, element['@context'], 'embedded');

    const beforeTypes = active;
    for (const key of keys) {
      if (expandIri(active, key, true, false) !== '@type') continue;
      const value = element[key];
      const types = Array.isArray(value) ? (value.length > 1 ? [...(value as unknown[])].sort() : (value as unknown[])) : [value];
      for (const type of types) {
        const scoped = typeof type === 'string' ? contextValue(beforeTypes, type, '@context') : undefined;
        if (scoped !== undefined) active = this.memo.apply(active, scoped, 'type');
      }
    }

    const out: Expanded = {};
    this.properties(active, expandedProperty, element, keys, out, beforeTypes);

    const count = Object.keys(out).length;
    // Top-level (or graph) objects that are empty or only a reference are dropped: safe mode rejects it.
    if (!insideList && (property === null || expandedProperty === '@graph' || containerOf(active, property).includes('@graph'))) {
      if (count === 0 || (count === 1 && '@id' in out)) throw new Unusual('dropped top-level object');
    }
    return out;
  }

  private properties(
    context: ActiveContext,
    activeProperty: string | null,
    element: Record<string, unknown>,
    keys: readonly string[],
    out: Expanded,
    typeScoped: ActiveContext,
  ): void {
    for (const key of keys) {
      if (key === '@context') continue;
      const value = element[key];
      const expandedKey = expandIri(context, key, true, false);
      if (expandedKey === null || !(isAbsolute(expandedKey) || keywords.has(expandedKey))) throw new Unusual(`property ${key} is dropped`);
      if (keywords.has(expandedKey)) {
        if (activeProperty === '@reverse') throw new Unusual('keyword in a reverse map');
        if (expandedKey in out && expandedKey !== '@type') throw new Unusual('colliding keywords');
        if (expandedKey === '@id') {
          if (typeof value !== 'string') throw new Unusual('non-string @id');
          out['@id'] = absolute(expandIri(context, value, false, true));
          continue;
        }
        if (expandedKey === '@type') {
          const types = asArray(value).map((type) => {
            if (typeof type !== 'string') throw new Unusual('non-string @type');
            const iri = expandIri(typeScoped, type, true, true);
            if (iri === '@json') throw new Unusual('@json node type');
            return absolute(iri);
          });
          if (types.length === 0) continue;
          const previous = out['@type'];
          out['@type'] = previous === undefined ? types : [...(previous as unknown[]), ...types];
          continue;
        }
        // @value, @language, @graph, @list, @set, @reverse, @nest, @included, @index...
        throw new Unusual(`keyword ${expandedKey}`);
      }

      const definition = context.mappings.get(key);
      if (definition?.reverse) throw new Unusual('reverse property');
      const scoped = contextValue(context, key, '@context');
      const termContext = scoped === undefined ? context : this.memo.apply(context, scoped, 'property');
      if (termContext.mappings.has(key) && !termContext.mappings.get(key)) throw new Unusual('term mapped to null');
      if (termContext.mappings.get(key)?.reverse) throw new Unusual('reverse property');
      const container = containerOf(context, key);
      if (isRecord(value) && container.some((c) => mapContainers.includes(c))) throw new Unusual('map container');

      let expanded: unknown;
      if (contextValue(context, key, '@type') === '@json') expanded = { '@type': '@json', '@value': value };
      else expanded = this.element(termContext, key, value, false, null);
      if (expanded === null) continue;

      if (container.includes('@list') && !(isRecord(expanded) && '@list' in expanded)) expanded = { '@list': asArray(expanded) };
      if (container.includes('@graph') && !container.includes('@id') && !container.includes('@index')) {
        const items = asArray(expanded);
        for (const item of items) {
          const count = isRecord(item) ? Object.keys(item).length : 0;
          if (count === 0 || (isRecord(item) && ('@value' in item || '@list' in item || (count === 1 && '@id' in item)))) throw new Unusual('dropped graph item');
        }
        if (items.length === 0) continue;
        expanded = items.map((item) => ({ '@graph': asArray(item) }));
      }
      addValues(out, expandedKey, expanded);
    }
  }

  /** Value expansion (§5.3.2) of a scalar under a term. */
  private value(context: ActiveContext, property: string | null, value: unknown): Expanded {
    const expandedProperty = property === null ? null : expandIri(context, property, true, false);
    if (expandedProperty !== null && keywords.has(expandedProperty)) throw new Unusual('scalar under a keyword');
    const type = contextValue(context, property, '@type');
    if (typeof value === 'string' && type === '@id') return { '@id': absolute(expandIri(context, value, false, true)) };
    if (typeof value === 'string' && type === '@vocab') return { '@id': absolute(expandIri(context, value, true, true)) };
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new Unusual('not a JSON scalar');
    const out: Expanded = {};
    if (typeof type === 'string' && type !== '@id' && type !== '@vocab' && type !== '@none') {
      out['@type'] = type;
    } else if (typeof value === 'string') {
      const language = contextValue(context, property, '@language');
      if (language !== null) out['@language'] = language;
      const direction = contextValue(context, property, '@direction');
      if (direction !== null) out['@direction'] = direction;
    }
    out['@value'] = value;
    return out;
  }
}

/** IRI expansion (§5.2.2) without a local context; relative results are left to jsonld. */
function expandIri(context: ActiveContext, value: string, vocab: boolean, base: boolean): string | null {
  if (keywords.has(value)) return value;
  if (keywordLike.test(value)) return null;
  if (vocab && context.mappings.has(value)) {
    const definition = context.mappings.get(value);
    if (definition === null || definition === undefined) return null;
    if ('@id' in definition) return definition['@id'] ?? null;
  }
  const colon = value.indexOf(':');
  if (colon > 0) {
    const prefix = value.slice(0, colon);
    const suffix = value.slice(colon + 1);
    if (prefix === '_' || suffix.startsWith('//')) return value;
    const definition = context.mappings.get(prefix);
    if (definition?._prefix && typeof definition['@id'] === 'string') return definition['@id'] + suffix;
    if (isAbsolute(value)) return value;
  }
  if (vocab && typeof context['@vocab'] === 'string') return context['@vocab'] + value;
  if (base) throw new Unusual('relative IRI');
  return value;
}

function absolute(iri: string | null): string {
  if (iri === null || !isAbsolute(iri)) throw new Unusual('not an absolute IRI');
  return iri;
}

/** A term definition's entry, the context's default language/direction, or null (undefined for @context). */
function contextValue(context: ActiveContext, key: string | null, entry: '@context' | '@type' | '@language' | '@direction' | '@container'): unknown {
  if (key === null) return entry === '@context' ? undefined : null;
  if (context.mappings.has(key)) {
    const definition = context.mappings.get(key);
    if (!definition) throw new Unusual('term mapped to null');
    if (Object.prototype.hasOwnProperty.call(definition, entry)) return definition[entry];
  }
  if (entry === '@language' && '@language' in context) return context['@language'];
  if (entry === '@direction' && '@direction' in context) return context['@direction'];
  return entry === '@context' ? undefined : null;
}

function containerOf(context: ActiveContext, key: string | null): readonly string[] {
  const container = contextValue(context, key, '@container');
  if (container === null || container === undefined) return [];
  return asArray(container).filter((c): c is string => typeof c === 'string');
}

/** Adds a property's values, always as an array, keeping duplicates and order. */
function addValues(out: Expanded, property: string, value: unknown): void {
  const existing = out[property] as unknown[] | undefined;
  const list = existing ?? [];
  if (Array.isArray(value)) list.push(...(value as unknown[]));
  else list.push(value);
  if (!existing) out[property] = list;
}
