import jsonld from 'jsonld';
import rdfCanonize from 'rdf-canonize';
import { describe, expect, it } from 'vitest';
import { datasetFromExpanded } from '../../../electron/verify/rdfDataset';

/**
 * The dataset walk must give exactly the N-Quads jsonld gives for the same expanded document
 * (jsonld is the reference: it is what every other verifier canonicalises with), and hand
 * anything it does not handle back (undefined) rather than guess.
 */
const ex = (name: string) => `https://example.org/${name}`;

async function both(expanded: unknown[]): Promise<{ ours: string; theirs: string }> {
  const dataset = datasetFromExpanded(expanded);
  if (!dataset) throw new Error('the walk handed this document back');
  const ours = await rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0' });
  const theirs = await jsonld.canonize(structuredClone(expanded), { algorithm: 'RDFC-1.0', format: 'application/n-quads', safe: true });
  return { ours, theirs };
}

describe('RDF dataset of an expanded credential', () => {
  it('states literals as jsonld does: booleans, integers, doubles (canonical form), typed and language-tagged strings', async () => {
    const { ours, theirs } = await both([
      {
        '@id': ex('credential'),
        '@type': [ex('Credential')],
        [ex('flag')]: [{ '@value': true }],
        [ex('count')]: [{ '@value': 42 }, { '@value': 1e21 }, { '@value': 1e-7 }],
        [ex('score')]: [{ '@value': 4.5 }, { '@value': 5, '@type': 'http://www.w3.org/2001/XMLSchema#double' }],
        [ex('issued')]: [{ '@value': '2024-03-01T00:00:00Z', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' }],
        [ex('name')]: [{ '@value': 'Datenanalyse', '@language': 'de' }, { '@value': 'Data analysis' }],
      },
    ]);
    expect(ours).toBe(theirs);
    expect(ours).toContain('"4.5E0"^^<http://www.w3.org/2001/XMLSchema#double>');
    expect(ours).toContain('"Datenanalyse"@de');
  });

  it('names embedded nodes by blank nodes, lists as rdf:first/rest chains, graph containers as named graphs', async () => {
    const { ours, theirs } = await both([
      {
        '@id': ex('clr'),
        [ex('subject')]: [{ [ex('name')]: [{ '@value': 'Ada' }], [ex('knows')]: [{ '@id': '_:friend' }] }],
        [ex('steps')]: [{ '@list': [{ '@value': 'one' }, { '@id': ex('two') }, { '@value': 3 }] }],
        [ex('empty')]: [{ '@list': [] }],
        [ex('credential')]: [{ '@graph': [{ '@id': ex('nested'), [ex('name')]: [{ '@value': 'Nested' }] }] }, { '@graph': [{ [ex('name')]: [{ '@value': 'Anonymous' }] }] }],
      },
      { '@id': '_:friend', [ex('name')]: [{ '@value': 'Grace' }] },
    ]);
    expect(ours).toBe(theirs);
    expect(ours).toMatch(/^<https:\/\/example\.org\/nested> <https:\/\/example\.org\/name> "Nested" _:c14n\d+ \.$/m);
    expect(ours).toMatch(/^<https:\/\/example\.org\/clr> <https:\/\/example\.org\/empty> <http:\/\/www\.w3\.org\/1999\/02\/22-rdf-syntax-ns#nil> \.$/m);
  });

  it('states a fact met twice once, as jsonld’s node map does', async () => {
    const { ours, theirs } = await both([
      { '@id': ex('a'), [ex('p')]: [{ '@id': ex('b') }, { '@id': ex('b') }] },
      { '@id': ex('a'), [ex('p')]: [{ '@id': ex('b') }], [ex('q')]: [{ '@value': 'x' }, { '@value': 'x' }] },
    ]);
    expect(ours).toBe(theirs);
    expect(ours.trim().split('\n')).toHaveLength(2);
  });

  it('states a fact once under an unnamed node too: repeated types, references and values', async () => {
    const { ours, theirs } = await both([
      {
        '@id': ex('a'),
        [ex('subject')]: [
          {
            '@type': [ex('T'), ex('T')],
            [ex('p')]: [{ '@id': ex('b') }, { '@id': ex('b') }, { '@value': 'x' }, { '@value': 'x' }, { '@value': 'x', '@language': 'en' }],
            [ex('q')]: [{ [ex('name')]: [{ '@value': 'same' }] }, { [ex('name')]: [{ '@value': 'same' }] }],
          },
        ],
      },
    ]);
    expect(ours).toBe(theirs);
    // a subject; the node: its type, b, "x", "x"@en, two distinct blank q nodes; each q its name.
    expect(ours.trim().split('\n')).toHaveLength(9);
  });

  it('states a fact once when a named node is met inside itself; rdf:type beside @type twice, as jsonld does', async () => {
    const rdfTypeIri = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
    const { ours, theirs } = await both([
      {
        '@id': ex('a'),
        [ex('p')]: [{ '@id': ex('a'), [ex('p')]: [{ '@id': ex('a') }], [ex('q')]: [{ '@value': 'x' }] }],
        [ex('q')]: [{ '@value': 'x' }],
      },
      { '@type': [ex('T')], [rdfTypeIri]: [{ '@id': ex('T') }, { '@id': ex('U') }] },
    ]);
    expect(ours).toBe(theirs);
    // a p a, a q "x"; the blank node: type T (from @type and from the property), type U.
    expect(ours.trim().split('\n')).toHaveLength(5);
  });

  it('hands back what jsonld would warn about or drop, so jsonld decides', () => {
    expect(datasetFromExpanded([{ '@id': 'relative/id', [ex('p')]: [{ '@value': 'x' }] }])).toBeUndefined();
    expect(datasetFromExpanded([{ '@id': ex('a'), '_:predicate': [{ '@value': 'x' }] }])).toBeUndefined();
    expect(datasetFromExpanded([{ '@id': ex('a'), [ex('p')]: [{ '@value': 'x', '@language': 'en', '@direction': 'rtl' }] }])).toBeUndefined();
    expect(datasetFromExpanded([{ '@id': ex('a'), [ex('p')]: [{ '@value': { any: 'json' }, '@type': '@json' }] }])).toBeUndefined();
    expect(datasetFromExpanded([{ '@id': ex('a'), [ex('p')]: [{ '@id': 'https://example.org/with space' }] }])).toBeUndefined();
    expect(datasetFromExpanded([{ '@id': ex('a'), '@reverse': { [ex('p')]: [{ '@id': ex('b') }] } }])).toBeUndefined();
  });
});
