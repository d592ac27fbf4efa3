import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { canonize, createContextLoader, type ContextLoader } from '../../../electron/verify/canonize';
import { ContextMemo } from '../../../electron/verify/expansion';
import { datasetFromExpanded } from '../../../electron/verify/rdfDataset';
import { CONTEXT, makeEndorsementCredential, makeIssuerProfile, makeOb3Credential, seededUint32 } from '../../support/credentials';
import type { RandomSource } from '../../support/credentials/seededRandom';
import { sharedFixturesDir, sharedFixturesPresent, sharedFixturesSkipReason } from '../../support/sharedFixtures';
import { corpusDocuments } from './corpusDocuments';

/**
 * The memoised-context expansion (electron/verify/expansion.ts) is only a shortcut: for every
 * document it accepts, its output must be exactly `jsonld.expand`'s, and the canonical N-Quads
 * the verifier hashes must be exactly `jsonld.canonize`'s. Checked on generated credentials of
 * every shape the factory makes, on a few hundred seeded mutations of them (undefined terms,
 * value objects, relative and blank ids, foreign types, inline and nullified contexts, lists,
 * odd scalars), and on every JSON-LD document of the shared corpus.
 */

type Json = Record<string, unknown>;

interface Tally {
  fast: number;
  /** Of those, converted to RDF by rdfDataset.ts rather than by jsonld. */
  dataset: number;
  fallback: number;
  failing: number;
}

async function referenceExpand(document: unknown, loader: ContextLoader): Promise<unknown[] | Error> {
  try {
    return await jsonld.expand(document, { documentLoader: loader.loader, safe: true });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

async function referenceCanonize(document: unknown, loader: ContextLoader): Promise<string | Error> {
  try {
    return await jsonld.canonize(document, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: loader.loader, safe: true });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

let checked = 0;

/** Same expansion as jsonld where the shortcut answers, same N-Quads (or a failure) always. */
async function expectEquivalent(document: unknown, loader: ContextLoader, tally: Tally, label: string): Promise<void> {
  // Every third document gets a memo of its own (learning every context from scratch); the
  // rest share one, as the verifier does.
  checked++;
  const memo = checked % 3 === 0 ? new ContextMemo(loader.loader) : loader.memo;
  const ours = await memo.expand(structuredClone(document));
  const theirs = await referenceExpand(structuredClone(document), loader);
  if (ours === undefined) tally.fallback++;
  else {
    tally.fast++;
    if (datasetFromExpanded(ours)) tally.dataset++;
    expect(theirs, `${label}: the shortcut expanded a document jsonld rejects`).not.toBeInstanceOf(Error);
    expect(ours, label).toStrictEqual(theirs);
  }
  const reference = await referenceCanonize(structuredClone(document), loader);
  let canonical: string | Error;
  try {
    canonical = await canonize(structuredClone(document), loader);
  } catch (error) {
    canonical = error instanceof Error ? error : new Error(String(error));
  }
  if (reference instanceof Error) {
    tally.failing++;
    expect(canonical, `${label}: jsonld failed (${reference.message}) but the verifier canonised`).toBeInstanceOf(Error);
  } else {
    expect(canonical, label).toBe(reference);
  }
}

function withResults(credential: Json): Json {
  const subject = credential.credentialSubject as Json;
  const achievement = subject.achievement as Json;
  achievement.resultDescription = [
    {
      id: 'urn:uuid:5bd8f4d6-5a1f-4c3e-9a0e-0c5f1d1e2a01',
      type: ['ResultDescription'],
      name: 'Final grade',
      resultType: 'LetterGrade',
      allowedValue: ['D', 'C', 'B', 'A'],
      requiredValue: 'C',
    },
  ];
  subject.result = [{ type: ['Result'], resultDescription: 'urn:uuid:5bd8f4d6-5a1f-4c3e-9a0e-0c5f1d1e2a01', value: 'A' }];
  return credential;
}

const proof = (issuer: string, extra: Json = {}): Json => ({
  type: 'DataIntegrityProof',
  created: '2024-03-01T00:00:00Z',
  verificationMethod: `${issuer}#key-1`,
  cryptosuite: 'eddsa-rdfc-2022',
  proofPurpose: 'assertionMethod',
  proofValue: 'z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKKiMTzxFkeD4rUvMW5',
  ...extra,
});

/** Every credential shape the factory makes, with and without proofs. */
function generatedCredentials(): Json[] {
  const issuer = 'did:key:z6MkpR2e65qkMk14BFHZ3BDUGZUGN8wzwS3dua1dX67uVKbt';
  const profile = makeIssuerProfile({ id: issuer, name: 'Institute of Tests' });
  const out: Json[] = [];
  // OB 3.0.0 and 3.0.1 contexts clash with VC 2.0's protected terms: VC 1.1 only.
  const pairs = [
    [CONTEXT.OB_V3, 1],
    [CONTEXT.OB_V3_0_1, 1],
    [CONTEXT.OB_V3_0_2, 1],
    [CONTEXT.OB_V3_0_2, 2],
    [CONTEXT.OB_V3_0_3, 1],
    [CONTEXT.OB_V3_0_3, 2],
  ] as const;
  for (const [index, [obContext, vcVersion]] of pairs.entries()) {
    {
      const base = { issuer: profile, vcVersion, obContext, idSeed: 10 + index * 2 + vcVersion, validFrom: '2024-03-01T00:00:00Z' };
      out.push(makeOb3Credential(base) as unknown as Json);
      out.push(makeOb3Credential({ ...base, recipient: { email: 'learner@example.org' }, skills: [], image: null, tags: [], creditsAvailable: 3 }) as unknown as Json);
      out.push(withResults(makeOb3Credential({ ...base, validUntil: '2030-01-01T00:00:00Z' }) as unknown as Json));
      if (vcVersion === 2) {
        out.push(makeOb3Credential({ ...base, credentialStatus: { statusListCredential: 'https://status.example.org/list/1', statusListIndex: 94567 } }) as unknown as Json);
        const endorsement = makeEndorsementCredential({
          issuer: 'did:example:endorser',
          endorsedId: 'https://academy.example.org/achievements/x',
          id: 'urn:uuid:0d7f3a5c-1111-4a2b-8c3d-123456789abc',
        });
        const embedded = { ...endorsement, '@context': [CONTEXT.VC_V2, obContext], proof: proof('did:example:endorser') };
        out.push(makeOb3Credential({ ...base, endorsement: [embedded as never] }) as unknown as Json);
      }
    }
  }
  // Under VC 1.1, Data Integrity terms come from their own context, as signers add it.
  const withProofContext = (credential: Json): unknown =>
    credential.validFrom === undefined ? [...(credential['@context'] as unknown[]), CONTEXT.DATA_INTEGRITY_V2] : credential['@context'];
  const signed = out.map((credential) => ({ ...credential, '@context': withProofContext(credential), proof: proof(issuer) }));
  const chained = { ...signed[1], proof: [proof(issuer, { id: 'urn:uuid:first' }), proof(issuer, { id: 'urn:uuid:second', previousProof: 'urn:uuid:first' })] };
  const options = signed.map((credential) => {
    const { proofValue: _value, ...rest } = proof(issuer);
    return { ...rest, '@context': credential['@context'] };
  });
  return [...out, ...signed, chained, ...options];
}

/** Every object in the tree that is a node (not a context). */
function nodesOf(value: unknown, into: Json[] = []): Json[] {
  if (Array.isArray(value)) for (const item of value) nodesOf(item, into);
  else if (typeof value === 'object' && value !== null) {
    into.push(value as Json);
    for (const [key, inner] of Object.entries(value)) if (key !== '@context') nodesOf(inner, into);
  }
  return into;
}

const pick = <T>(random: RandomSource, items: readonly T[]): T => items[random() % items.length] as T;

const scalars: readonly unknown[] = [
  42,
  1.5,
  -0,
  1e21,
  0.1,
  true,
  false,
  null,
  '',
  'plain text',
  [],
  ['a', 'b'],
  [[1, 2]],
  { '@value': 'hello', '@language': 'fr' },
  { '@value': 3, '@type': 'http://www.w3.org/2001/XMLSchema#integer' },
  { id: 'urn:example:bare' },
];
const extraKeys: readonly string[] = [
  'extraTerm',
  'https://example.org/vocab#p',
  'schema:thing',
  'ex:thing',
  '@foo',
  '@id',
  '@type',
  '@value',
  '@language',
  '@graph',
  '@list',
  '@set',
  '@reverse',
  '@nest',
  '@included',
  '@index',
  'id',
  'type',
  'proof',
  'allowedValue',
  'name',
  'validFrom',
  'image',
];
const ids: readonly unknown[] = ['relative/path', '_:b7', 'urn:example:1', '#frag', '', 'https://x.example/a b', 'did:example:123', 42, 'ex:local', '@id'];
const types: readonly unknown[] = [
  'Profile',
  'Achievement',
  'Result',
  'ResultDescription',
  'IdentityObject',
  'Image',
  'Alignment',
  'Evidence',
  'Criteria',
  'EndorsementSubject',
  'AchievementSubject',
  'VerifiableCredential',
  'EndorsementCredential',
  'BitstringStatusListEntry',
  'Foo',
  'https://example.org/T',
  'xsd:string',
  '@json',
  '@id',
  [],
  ['Achievement', 'Profile'],
  [3],
];
const inlineContexts: readonly unknown[] = [
  { ex: 'https://example.org/ns#' },
  { '@vocab': 'https://example.org/v#' },
  CONTEXT.VC_V2,
  [CONTEXT.OB_V3_0_3],
  { name: { '@id': 'https://example.org/n', '@type': '@id' } },
  null,
  { thing: { '@id': 'https://example.org/thing', '@container': '@list' } },
  'https://unknown.example.org/context.json',
];

/** One seeded change somewhere in the document. */
function mutate(document: Json, random: RandomSource): void {
  const nodes = nodesOf(document);
  const node = pick(random, nodes);
  const keys = Object.keys(node).filter((k) => k !== '@context');
  switch (random() % 10) {
    case 0:
      if (keys.length > 0) node[pick(random, keys)] = structuredClone(pick(random, scalars));
      break;
    case 1:
      node[pick(random, extraKeys)] = structuredClone(pick(random, scalars));
      break;
    case 2:
      node.id = pick(random, ids);
      break;
    case 3:
      node.type = structuredClone(pick(random, types));
      break;
    case 4:
      node['@context'] = structuredClone(pick(random, inlineContexts));
      if (random() % 2 === 0) node['ex:thing'] = 'value';
      break;
    case 5: {
      const key = keys.length > 0 ? pick(random, keys) : undefined;
      if (key !== undefined) node[key] = Array.isArray(node[key]) ? (node[key] as unknown[])[0] : [node[key]];
      break;
    }
    case 6: {
      const key = keys.length > 0 ? pick(random, keys) : undefined;
      if (key !== undefined) Reflect.deleteProperty(node, key);
      break;
    }
    case 7: {
      const contexts = Array.isArray(document['@context']) ? [...(document['@context'] as unknown[])] : [document['@context']];
      const choice = random() % 4;
      if (choice === 0) contexts.push(CONTEXT.DATA_INTEGRITY_V2);
      else if (choice === 1) contexts.pop();
      else if (choice === 2) contexts.push('https://unknown.example.org/context.json');
      else contexts.push({ ex: 'https://example.org/ns#', '@protected': true });
      document['@context'] = contexts;
      break;
    }
    case 8: {
      // A valid shape the shortcut leaves to jsonld: a string as a language-tagged value object.
      const key = keys.find((k) => typeof node[k] === 'string' && k !== 'id' && k !== 'type');
      if (key !== undefined) node[key] = { '@value': node[key], '@language': 'en' };
      break;
    }
    default: {
      const key = keys.length > 0 ? pick(random, keys) : undefined;
      if (key !== undefined) node[key] = { type: pick(random, ['Image', 'Profile', 'Foo']), id: pick(random, ids), name: 'nested' };
    }
  }
}

/** Every JSON file of the corpus that is JSON-LD, plus what the verifier derives from it. */
function corpusDocumentsToCheck(): { label: string; document: Json }[] {
  const found: { label: string; document: Json }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'contexts') walk(full);
        continue;
      }
      if (!name.endsWith('.json')) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(full, 'utf8'));
      } catch {
        continue;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('@context' in parsed)) continue;
      const document = parsed as Json;
      const label = path.relative(sharedFixturesDir, full);
      found.push({ label, document });
      const { proof: proofValue, ...unsigned } = document;
      if (proofValue !== undefined) {
        found.push({ label: `${label} (unsigned)`, document: unsigned });
        for (const item of Array.isArray(proofValue) ? proofValue : [proofValue]) {
          if (typeof item !== 'object' || item === null) continue;
          const { proofValue: _value, ...options } = item as Json;
          found.push({ label: `${label} (proof options)`, document: { ...options, '@context': document['@context'] } });
        }
      }
    }
  };
  walk(sharedFixturesDir);
  return found;
}

describe('expansion with memoised contexts', () => {
  it('equals jsonld on every credential shape the factory makes, and takes the shortcut for all of them', async () => {
    const loader = createContextLoader();
    const tally: Tally = { fast: 0, dataset: 0, fallback: 0, failing: 0 };
    const documents = generatedCredentials();
    for (const [index, document] of documents.entries()) await expectEquivalent(document, loader, tally, `generated #${String(index)}`);
    expect(tally).toEqual({ fast: documents.length, dataset: documents.length, fallback: 0, failing: 0 });
  });

  it('equals jsonld on seeded mutations, falling back wherever the shape is unusual', async () => {
    const loader = createContextLoader();
    const tally: Tally = { fast: 0, dataset: 0, fallback: 0, failing: 0 };
    const bases = generatedCredentials();
    const random = seededUint32(20250601);
    for (let i = 0; i < 400; i++) {
      const document = structuredClone(pick(random, bases));
      const changes = 1 + (random() % 2);
      for (let c = 0; c < changes; c++) mutate(document, random);
      await expectEquivalent(document, loader, tally, `mutation #${String(i)}: ${JSON.stringify(document).slice(0, 400)}`);
    }
    // The mutations must exercise all three outcomes, or they prove little.
    console.log('mutations:', tally);
    expect(tally.fast).toBeGreaterThan(100);
    expect(tally.dataset).toBeGreaterThan(100);
    expect(tally.fallback - tally.failing).toBeGreaterThan(20);
    expect(tally.failing).toBeGreaterThan(100);
  }, 120_000);

  it.skipIf(!sharedFixturesPresent)(
    `equals jsonld on every JSON-LD document of the shared corpus ${sharedFixturesPresent ? '' : sharedFixturesSkipReason}`,
    async () => {
      const loader = createContextLoader(corpusDocuments());
      const tally: Tally = { fast: 0, dataset: 0, fallback: 0, failing: 0 };
      const documents = corpusDocumentsToCheck();
      for (const { label, document } of documents) await expectEquivalent(document, loader, tally, label);
      console.log('corpus:', tally, documents.length);
      expect(tally.fast).toBeGreaterThan(documents.length / 2);
      expect(tally.dataset).toBeGreaterThan(tally.fast * 0.9);
    },
    120_000,
  );

  it('leaves unusual shapes to jsonld', async () => {
    const loader = createContextLoader();
    const credential = makeOb3Credential({ issuer: 'did:example:issuer', idSeed: 7 }) as unknown as Json;
    const unusual: Json[] = [
      { ...credential, name: { '@value': 'Badge', '@language': 'en' } },
      { ...credential, id: 'relative-id' },
      { ...credential, '@graph': [] },
      { '@context': credential['@context'], '@id': 'urn:example:only-an-id' },
    ];
    for (const document of unusual) {
      expect(await loader.memo.expand(document)).toBeUndefined();
      const reference = await referenceCanonize(document, loader);
      if (reference instanceof Error) await expect(canonize(document, loader)).rejects.toThrow();
      else expect(await canonize(document, loader)).toBe(reference);
    }
  });
});
