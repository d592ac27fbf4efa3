import { createHash } from 'node:crypto';
import { decode as cborDecode } from 'cborg';
import { canonize, JsonLdError, MissingContextError } from './canonize';
import { asArray, isRecord, typesOf, type VerifyContext, display, type Checks } from './checks';
import { parseDateTime } from './dates';
import { base58Decode } from './multibase';

/**
 * Blockcerts v2 (MerkleProof2017): offline, the certificate's own hash (SHA-256 of its
 * URDNA2015 canonical form, without `signature`) must equal the receipt's targetHash, and the
 * receipt's Merkle path must lead from it to merkleRoot. That the root is anchored on a
 * blockchain, the issuer key's dates and revocation need the network; mock and regtest
 * chains (test certificates) have no anchor to look up.
 */
const sha256 = (data: Uint8Array | string): Buffer => createHash('sha256').update(data).digest();

const testChains = new Set(['mockchain', 'bitcoinregtest', 'mocknet']);

/** Follows a Merkle path ([{left|right: hex}]) from a leaf; the hex root it reaches. */
export function merkleRootOf(targetHash: string, path: readonly unknown[]): string | undefined {
  let node: Buffer = Buffer.from(targetHash, 'hex');
  for (const step of path) {
    if (!isRecord(step)) return undefined;
    if (typeof step.left === 'string') node = sha256(Buffer.concat([Buffer.from(step.left, 'hex'), node]));
    else if (typeof step.right === 'string') node = sha256(Buffer.concat([node, Buffer.from(step.right, 'hex')]));
    else return undefined;
  }
  return node.toString('hex');
}

/**
 * SHA-256 of the canonicalised certificate, as both Blockcerts proofs hash it; null after
 * recording why it could not be computed (a context we lack, or JSON-LD that is not valid).
 */
async function certificateHash(
  certificate: unknown,
  context: VerifyContext,
  checks: Checks,
  options: { rdfDirection?: 'i18n-datatype' } = {},
): Promise<string | null> {
  try {
    return sha256(await canonize(certificate, context.contexts, options)).toString('hex');
  } catch (error) {
    if (error instanceof MissingContextError) {
      const needs = error.urls.join(', ');
      checks.skip('contexts', 'JSON-LD contexts', `Checking the certificate's hash needs the JSON-LD context ${needs}, which Badgefolio does not have.`, 'unverifiable', needs);
      return null;
    }
    if (error instanceof JsonLdError) {
      checks.fail('structure', 'Structure', `The certificate is not valid JSON-LD: ${error.message}.`, 'malformed');
      return null;
    }
    throw error;
  }
}

export async function verifyBlockcertsV2(json: Record<string, unknown>, context: VerifyContext, checks: Checks): Promise<void> {
  const receipt = json.signature;
  if (!isRecord(receipt) || typeof receipt.targetHash !== 'string' || typeof receipt.merkleRoot !== 'string') {
    checks.fail('structure', 'Structure', 'The certificate has no readable blockchain receipt (targetHash, merkleRoot).', 'malformed');
    return;
  }
  const { signature: _signature, ...certificate } = json;
  const localHash = await certificateHash(certificate, context, checks);
  if (localHash === null) return;
  if (localHash !== receipt.targetHash.toLowerCase()) {
    checks.fail('hash', 'Certificate hash', 'The certificate was changed after it was issued: its hash does not match the one in its blockchain receipt.', 'invalid', {
      algorithm: 'MerkleProof2017',
      detail: `computed ${localHash}, receipt ${receipt.targetHash}`,
    });
    return;
  }
  checks.pass('hash', 'Certificate hash', 'The certificate is unchanged: its hash matches its blockchain receipt.', { algorithm: 'MerkleProof2017', detail: localHash });
  const root = merkleRootOf(receipt.targetHash, asArray(receipt.proof));
  if (root !== receipt.merkleRoot.toLowerCase()) {
    checks.fail('merkle-path', 'Merkle path', "The receipt's Merkle path does not lead to the Merkle root it states.", 'invalid', { detail: `reached ${String(root)}, stated ${receipt.merkleRoot}` });
    return;
  }
  checks.pass('merkle-path', 'Merkle path', "The receipt's Merkle path leads from the certificate to the stated Merkle root.", { detail: receipt.merkleRoot });
  const anchors = asArray(receipt.anchors).filter(isRecord);
  const chains = anchors.map((a) => (typeof a.chain === 'string' ? a.chain : typeof a.type === 'string' ? a.type : 'unknown'));
  if (chains.length > 0 && chains.every((c) => testChains.has(c.toLowerCase()))) {
    checks.skip('anchor', 'Blockchain anchor', `This is a test certificate (${chains.join(', ')}): there is no blockchain record to look up, and its issuer key and revocation are not checked either.`);
    return;
  }
  const source = anchors.map((a) => (typeof a.sourceId === 'string' ? a.sourceId : '')).find((s) => s !== '');
  checks.skip(
    'anchor',
    'Blockchain anchor',
    `That the Merkle root was recorded on the blockchain (${chains.join(', ') || 'unstated chain'}), by the issuer's key, and not since revoked needs a blockchain lookup, which Badgefolio does not do.`,
    'unverifiable',
    source ? `blockchain transaction ${source}` : 'a blockchain lookup',
  );
}

/** Blockcerts v1 (Chainpoint receipts) and v3 MerkleProof2019 anchors need a chain lookup. */
export function blockchainOnly(json: Record<string, unknown>, checks: Checks): void {
  const types = asArray(json.proof).flatMap((p) => typesOf(p));
  checks.skip(
    'anchor',
    'Blockchain anchor',
    `This certificate's proof (${types.join(', ') || 'blockchain receipt'}) is checked against a blockchain record, which Badgefolio cannot do.`,
    'unverifiable',
    'a blockchain lookup',
  );
}

interface DecodedMerkleProof2019 {
  readonly targetHash: string;
  readonly merkleRoot: string;
  readonly path: { left?: string; right?: string }[];
  /** True when the anchor is the mock chain (test certificates: nothing to look up). */
  readonly mock: boolean;
  readonly anchors: string[];
}

/**
 * MerkleProof2019's proofValue: multibase base58btc of a CBOR "keymap" (lds-merkle-proof-2019):
 * [[0, targetHash], [1, merkleRoot], [2, anchors], [3, path]], each value itself CBOR.
 */
export function decodeMerkleProof2019(proofValue: unknown): DecodedMerkleProof2019 | undefined {
  if (typeof proofValue !== 'string' || !proofValue.startsWith('z')) return undefined;
  const bytes = base58Decode(proofValue.slice(1));
  if (!bytes) return undefined;
  try {
    const entries = cborDecode(bytes, { useMaps: true }) as unknown;
    if (!Array.isArray(entries)) return undefined;
    const inner = (value: unknown): unknown => (value instanceof Uint8Array ? cborDecode(value, { useMaps: true }) : value);
    const field = (key: number): unknown => (entries as unknown[]).find((e): e is [number, unknown] => Array.isArray(e) && e[0] === key)?.[1];
    const targetHash = inner(field(0));
    const merkleRoot = inner(field(1));
    if (typeof targetHash !== 'string' || typeof merkleRoot !== 'string') return undefined;
    const path = asArray(field(3)).flatMap((step) => {
      if (!Array.isArray(step)) return [];
      const value = inner(step[1]);
      if (typeof value !== 'string') return [];
      return [step[0] === 0 ? { left: value } : { right: value }];
    });
    const anchorValues = asArray(field(2)).map((anchor) => JSON.stringify(anchor, (_k, v: unknown) => (v instanceof Uint8Array ? inner(v) : v)));
    const mock = anchorValues.some((a) => /testing only|mocknet|\[0,-1\]/i.test(a));
    return { targetHash, merkleRoot, path, mock, anchors: anchorValues };
  } catch {
    return undefined;
  }
}

/** Blockcerts v3: the certificate's hash and Merkle path offline; the chain anchor needs a lookup unless mock. */
export async function verifyMerkleProof2019(json: Record<string, unknown>, proof: Record<string, unknown>, context: VerifyContext, checks: Checks): Promise<void> {
  const decoded = decodeMerkleProof2019(proof.proofValue);
  if (!decoded) {
    checks.fail('structure', 'Structure', 'The blockchain receipt (MerkleProof2019 proofValue) cannot be read.', 'malformed');
    return;
  }
  if (proof.created !== undefined && !parseDateTime(proof.created)) {
    checks.fail('structure', 'Structure', `The proof's creation date (${display(proof.created)}) is not a valid date.`, 'malformed');
    return;
  }
  const { proof: _proof, ...certificate } = json;
  // Blockcerts hashes language-tagged text with its direction (rdfDirection i18n-datatype).
  const legacy = proof.type === 'MerkleProof2019';
  const localHash = await certificateHash(certificate, context, checks, { rdfDirection: 'i18n-datatype' });
  if (localHash === null) return;
  if (localHash !== decoded.targetHash.toLowerCase()) {
    // Blockcerts v3 hashing differs between versions (proof chains, contexts) in ways
    // Badgefolio does not fully reproduce: a mismatch here is not proof of tampering.
    checks.skip('hash', 'Certificate hash', "Badgefolio could not reproduce this certificate's hash with the rules of its Blockcerts version, so it cannot say whether it was changed.", 'unverifiable', 'the Blockcerts v3 hashing rules', {
      algorithm: legacy ? 'MerkleProof2019' : 'merkle-proof-2019',
      detail: `computed ${localHash}, receipt ${decoded.targetHash}`,
    });
    return;
  }
  checks.pass('hash', 'Certificate hash', 'The certificate is unchanged: its hash matches its blockchain receipt.', { algorithm: 'MerkleProof2019', detail: localHash });
  const root = merkleRootOf(decoded.targetHash, decoded.path);
  if (root !== decoded.merkleRoot.toLowerCase()) {
    checks.fail('merkle-path', 'Merkle path', "The receipt's Merkle path does not lead to the Merkle root it states.", 'invalid');
    return;
  }
  checks.pass('merkle-path', 'Merkle path', "The receipt's Merkle path leads from the certificate to the stated Merkle root.", { detail: decoded.merkleRoot });
  if (decoded.mock) {
    checks.skip('anchor', 'Blockchain anchor', 'This is a test certificate (mock chain): there is no blockchain record to look up, and its issuer key is not checked either.');
    return;
  }
  checks.skip('anchor', 'Blockchain anchor', 'That the Merkle root was recorded on the blockchain by the issuer needs a blockchain lookup, which Badgefolio does not do.', 'unverifiable', 'a blockchain lookup');
}
