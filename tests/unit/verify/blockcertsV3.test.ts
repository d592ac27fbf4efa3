import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { encode as base58Encode } from 'base58-universal';
import { encode as cborEncode } from 'cborg';
import jsonld, { type CanonizeOptions, type RemoteDocument } from 'jsonld';
import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '../../../shared/credential/verification';
import { decodeMerkleProof2019 } from '../../../electron/verify/merkleProof';
import { createVerifier } from '../../../electron/verify/verifier';
import { normaliseOne } from './helpers';

/**
 * Blockcerts v3 certificates built here, at test time: the leaf hash is computed with jsonld
 * directly, the way the Blockcerts verifier states its rule (Blockcerts' own context copies,
 * `@vocab` fallback appended, the proof under check and those after it left out, URDNA2015
 * without safe mode, SHA-256), the Merkle tree and the CBOR/base58 receipt by hand, and the
 * anchor on the mock chain (nothing to look up), so that Badgefolio can say `verified` offline.
 */
const now = new Date('2025-06-01T00:00:00Z');
const offline = createVerifier({ network: 'offline', now });

const schemasDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@blockcerts/schemas/package.json')), 'schemas');
const blockcertsCopies: Readonly<Record<string, string>> = {
  'https://www.w3.org/ns/credentials/v2': '3.2/credential_v2.json',
  'https://www.w3.org/2018/credentials/v1': '3.0/credential.json',
  'https://w3id.org/blockcerts/v3.2': '3.2/context.json',
  'https://w3id.org/blockcerts/v3': '3.0/context.json',
  'https://w3id.org/security/data-integrity/v2': '3.2/dataIntegrityProof.json',
};

async function loader(url: string): Promise<RemoteDocument> {
  const file = blockcertsCopies[url];
  if (!file) throw new Error(`the test loader has no ${url}`);
  return Promise.resolve({ contextUrl: null, documentUrl: url, document: JSON.parse(readFileSync(path.join(schemasDir, file), 'utf8')) as unknown });
}

const sha256 = (data: Uint8Array | string): Buffer => createHash('sha256').update(data).digest();

/** The leaf a Blockcerts issuer puts in its Merkle tree for `credential`, signed after the proofs in `before`. */
async function leafHash(credential: Record<string, unknown>, before: unknown[] = []): Promise<Buffer> {
  const { proof: _proof, ...rest } = credential;
  const contexts = rest['@context'] as unknown[];
  const document = { ...rest, '@context': [...contexts, { '@vocab': 'http://fallback.org/' }], ...(before.length > 0 ? { proof: before } : {}) };
  const options: CanonizeOptions = { algorithm: 'URDNA2015', format: 'application/n-quads', documentLoader: loader, safe: false };
  return sha256(await jsonld.canonize(document, options));
}

interface Receipt {
  readonly targetHash: Buffer;
  readonly merkleRoot: Buffer;
  readonly path: readonly { readonly side: 'left' | 'right'; readonly hash: Buffer }[];
  /** [chain, network]: [-1, -1] is the mock chain, [0, 3] Bitcoin testnet. */
  readonly chain?: readonly [number, number];
  /** Older receipts carry the hashes as hex text rather than bytes. */
  readonly hexText?: boolean;
}

/** lds-merkle-proof-2019: base58btc of the CBOR keymap [[0, root], [1, target], [2, anchors], [3, path]]. */
function proofValueOf(receipt: Receipt): string {
  const value = (hash: Buffer): Uint8Array => cborEncode(receipt.hexText === true ? hash.toString('hex') : new Uint8Array(hash));
  const [chain, network] = receipt.chain ?? [-1, -1];
  const transaction = sha256('transaction');
  const keymap = [
    [0, value(receipt.merkleRoot)],
    [1, value(receipt.targetHash)],
    [
      2,
      [
        [
          [0, chain],
          [1, network],
          [2, cborEncode(new Uint8Array(transaction))],
        ],
      ],
    ],
    [3, receipt.path.map((step) => [step.side === 'left' ? 0 : 1, value(step.hash)])],
  ];
  return `z${base58Encode(cborEncode(keymap))}`;
}

/** A three-leaf tree with the certificate in the middle: its path goes left, then right. */
function receiptFor(leaf: Buffer, options: Partial<Receipt> = {}): Receipt {
  const before = sha256('another certificate');
  const after = sha256('a third certificate');
  const pair = sha256(Buffer.concat([before, leaf]));
  const merkleRoot = sha256(Buffer.concat([pair, after]));
  return {
    targetHash: leaf,
    merkleRoot,
    path: [
      { side: 'left', hash: before },
      { side: 'right', hash: after },
    ],
    ...options,
  };
}

function unsignedCertificate(): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://w3id.org/blockcerts/v3.2'],
    id: 'urn:uuid:6a1c0f0e-3a55-4c4d-9b0e-2f2d3f6a9d11',
    type: ['VerifiableCredential', 'BlockcertsCredential'],
    issuer: 'https://issuer.example/profile.json',
    validFrom: '2024-09-01T00:00:00Z',
    name: 'Certificate of Completion',
    credentialSubject: { id: 'did:example:recipient', name: 'Ada Example' },
    metadata: '{"classOf":"2024"}',
    display: { contentMediaType: 'text/html', content: '<p>Ada Example completed the course.</p>' },
  };
}

function merkleProof(receipt: Receipt, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'DataIntegrityProof',
    cryptosuite: 'merkle-proof-2019',
    proofPurpose: 'assertionMethod',
    created: '2024-09-01T10:00:00Z',
    verificationMethod: 'https://issuer.example/profile.json#key-1',
    proofValue: proofValueOf(receipt),
    ...extra,
  };
}

/** The certificate with one Merkle receipt over it. */
async function issued(certificate = unsignedCertificate(), options: Partial<Receipt> = {}, proofExtra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return { ...certificate, proof: merkleProof(receiptFor(await leafHash(certificate), options), proofExtra) };
}

async function verify(certificate: Record<string, unknown>): Promise<VerificationReport> {
  return offline.verify(await normaliseOne(certificate, 'certificate.json'));
}

const check = (report: VerificationReport, id: string) => report.checks.filter((c) => c.id === id);

describe('Blockcerts v3 receipts (MerkleProof2019, merkle-proof-2019)', () => {
  it('reads the receipt keymap: 0 is the Merkle root, 1 the target hash', async () => {
    const leaf = await leafHash(unsignedCertificate());
    const receipt = receiptFor(leaf);
    const decoded = decodeMerkleProof2019(proofValueOf(receipt));
    expect(decoded?.targetHash).toBe(leaf.toString('hex'));
    expect(decoded?.merkleRoot).toBe(receipt.merkleRoot.toString('hex'));
    expect(decoded?.path).toEqual([{ left: sha256('another certificate').toString('hex') }, { right: sha256('a third certificate').toString('hex') }]);
    expect(decoded?.mock).toBe(true);
    expect(decodeMerkleProof2019(proofValueOf({ ...receipt, hexText: true }))?.targetHash).toBe(leaf.toString('hex'));
  });

  it('verifies an untouched mock-chain certificate offline', async () => {
    const report = await verify(await issued());
    expect(report.status).toBe('verified');
    expect(check(report, 'hash')[0]?.outcome).toBe('passed');
    expect(check(report, 'merkle-path')[0]?.outcome).toBe('passed');
    expect(check(report, 'anchor')[0]).toMatchObject({ outcome: 'skipped' });
    expect(check(report, 'anchor')[0]?.implies).toBeUndefined();
    // The summary a person reads does not claim an issuer stands behind a test certificate.
    expect(report.summary).toMatch(/^A test certificate:/);
  });

  it('verifies the legacy MerkleProof2019 proof type with hex-text hashes', async () => {
    const certificate = unsignedCertificate();
    const receipt = receiptFor(await leafHash(certificate), { hexText: true });
    const proof = {
      type: 'MerkleProof2019',
      created: '2024-09-01T10:00:00Z',
      proofPurpose: 'assertionMethod',
      verificationMethod: 'https://issuer.example/profile.json#key-1',
      proofValue: proofValueOf(receipt),
    };
    const report = await verify({ ...certificate, proof });
    expect(report.status).toBe('verified');
  });

  it('finds a changed field: the hash no longer matches, so the certificate is invalid', async () => {
    const certificate = await issued();
    const tampered = { ...certificate, credentialSubject: { id: 'did:example:recipient', name: 'Mallory Example' } };
    const report = await verify(tampered);
    expect(report.status).toBe('invalid');
    expect(check(report, 'hash')[0]).toMatchObject({ outcome: 'failed', implies: 'invalid' });
  });

  it('finds a receipt whose Merkle path does not lead to its root', async () => {
    const certificate = unsignedCertificate();
    const leaf = await leafHash(certificate);
    const good = receiptFor(leaf);
    const bad: Receipt = { ...good, path: [good.path[0] ?? { side: 'left', hash: leaf }, { side: 'right', hash: sha256('not the sibling') }] };
    const report = await verify({ ...certificate, proof: merkleProof(bad) });
    expect(report.status).toBe('invalid');
    expect(check(report, 'merkle-path')[0]).toMatchObject({ outcome: 'failed', implies: 'invalid' });
  });

  it('hashes a chain of proofs: a later proof covers the earlier ones', async () => {
    const certificate = unsignedCertificate();
    const first = merkleProof(receiptFor(await leafHash(certificate)), { id: 'urn:uuid:first-proof' });
    const second = merkleProof(receiptFor(await leafHash(certificate, [first])), {
      id: 'urn:uuid:second-proof',
      previousProof: 'urn:uuid:first-proof',
      created: '2024-09-02T10:00:00Z',
    });
    const report = await verify({ ...certificate, proof: [first, second] });
    expect(report.status).toBe('verified');
    expect(check(report, 'hash').map((c) => c.outcome)).toEqual(['passed', 'passed']);
    // The first proof is part of what the second hashed: changing it breaks the second only.
    const changed = await verify({ ...certificate, proof: [{ ...first, created: '2024-09-01T11:00:00Z' }, second] });
    expect(changed.status).toBe('invalid');
    expect(check(changed, 'hash').map((c) => c.outcome)).toEqual(['passed', 'failed']);
  });

  it('says a real blockchain anchor needs a lookup (unverifiable offline), once the hash holds', async () => {
    const report = await verify(await issued(unsignedCertificate(), { chain: [0, 3] }));
    expect(report.status).toBe('unverifiable');
    expect(check(report, 'hash')[0]?.outcome).toBe('passed');
    expect(check(report, 'anchor')[0]).toMatchObject({ outcome: 'skipped', implies: 'unverifiable' });
    expect(check(report, 'anchor')[0]?.needs).toContain('blink:btc:testnet:');
  });

  it('refuses fields no context defines, as Blockcerts does', async () => {
    const certificate = { ...unsignedCertificate(), favouriteColour: 'blue' };
    const report = await verify(await issued(certificate));
    expect(report.status).toBe('malformed');
    expect(check(report, 'structure')[0]?.sentence).toContain('favouriteColour');
  });

  it('does not vouch for content the hash leaves out (a relative identifier)', async () => {
    const certificate = { ...unsignedCertificate(), credentialSubject: { id: 'recipient-1', name: 'Ada Example' } };
    const report = await verify(await issued(certificate));
    expect(check(report, 'hash')[0]?.outcome).toBe('passed');
    expect(report.status).toBe('malformed');
    // Without the hash covering it, the subject can be swapped and the hash still matches.
    const swapped = await verify({ ...(await issued(certificate)), credentialSubject: { id: 'recipient-1', name: 'Mallory Example' } });
    expect(check(swapped, 'hash')[0]?.outcome).toBe('passed');
    expect(swapped.status).toBe('malformed');
  });

  it("wants a time zone in a VC 2.0 proof's creation date", async () => {
    const report = await verify(await issued(unsignedCertificate(), {}, { created: '2024-09-01T10:00:00.123456' }));
    expect(report.status).toBe('malformed');
    expect(check(report, 'structure')[0]?.sentence).toContain('time zone');
  });

  it('reports a context it does not have as unverifiable, never invalid', async () => {
    const certificate = unsignedCertificate();
    const receipt = receiptFor(sha256('whatever the issuer hashed'));
    const withUnknown = { ...certificate, '@context': [...(certificate['@context'] as string[]), 'https://contexts.example/unknown/v1'], proof: merkleProof(receipt) };
    const report = await verify(withUnknown);
    expect(report.status).toBe('unverifiable');
    expect(check(report, 'contexts')[0]?.needs).toBe('https://contexts.example/unknown/v1');
  });
});
