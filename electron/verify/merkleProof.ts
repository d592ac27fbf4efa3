import { createHash } from 'node:crypto';
import { decode as cborDecode } from 'cborg';
import { blockcertsV3Hash, HashUnavailableError, type BlockcertsV3Hash } from './blockcertsV3Hash';
import { canonize, JsonLdError, MissingContextError } from './canonize';
import type { VerificationMessage } from '../../shared/credential/verification';
import { msg, type VerificationMessageKey } from '../../shared/credential/verificationMessages';
import { asArray, checkLabel, display, isRecord, proofLabel, typesOf, type Checks, type VerifyContext } from './checks';
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
 * SHA-256 of the canonicalised certificate, as Blockcerts v2 hashes it; null after
 * recording why it could not be computed (a context we lack, or JSON-LD that is not valid).
 */
async function certificateHash(certificate: unknown, context: VerifyContext, checks: Checks): Promise<string | null> {
  try {
    return sha256(await canonize(certificate, context.contexts)).toString('hex');
  } catch (error) {
    if (error instanceof MissingContextError) {
      const needs = error.urls.join(', ');
      checks.skip('contexts', checkLabel('contexts'), msg('contexts.missingForHash', { urls: needs }), 'unverifiable', needs);
      return null;
    }
    if (error instanceof JsonLdError) {
      checks.fail('structure', checkLabel('structure'), msg('blockcerts.notJsonLdStop', { error: error.message }), 'malformed');
      return null;
    }
    throw error;
  }
}

export async function verifyBlockcertsV2(json: Record<string, unknown>, context: VerifyContext, checks: Checks): Promise<void> {
  const receipt = json.signature;
  if (!isRecord(receipt) || typeof receipt.targetHash !== 'string' || typeof receipt.merkleRoot !== 'string') {
    checks.fail('structure', checkLabel('structure'), msg('blockcerts.noReceipt'), 'malformed');
    return;
  }
  const { signature: _signature, ...certificate } = json;
  const localHash = await certificateHash(certificate, context, checks);
  if (localHash === null) return;
  if (localHash !== receipt.targetHash.toLowerCase()) {
    checks.fail('hash', checkLabel('hash'), msg('hash.changed'), 'invalid', {
      algorithm: 'MerkleProof2017',
      detail: `computed ${localHash}, receipt ${receipt.targetHash}`,
    });
    return;
  }
  checks.pass('hash', checkLabel('hash'), msg('hash.unchanged'), { algorithm: 'MerkleProof2017', detail: localHash });
  const root = merkleRootOf(receipt.targetHash, asArray(receipt.proof));
  if (root !== receipt.merkleRoot.toLowerCase()) {
    checks.fail('merkle-path', checkLabel('merklePath'), msg('merkle.mismatch'), 'invalid', { detail: `reached ${String(root)}, stated ${receipt.merkleRoot}` });
    return;
  }
  checks.pass('merkle-path', checkLabel('merklePath'), msg('merkle.matches'), { detail: receipt.merkleRoot });
  const anchors = asArray(receipt.anchors).filter(isRecord);
  const chains = anchors.map((a) => (typeof a.chain === 'string' ? a.chain : typeof a.type === 'string' ? a.type : 'unknown'));
  if (chains.length > 0 && chains.every((c) => testChains.has(c.toLowerCase()))) {
    checks.skip('anchor', checkLabel('anchor'), msg('anchor.testChains', { chains: chains.join(', ') }));
    return;
  }
  const source = anchors.map((a) => (typeof a.sourceId === 'string' ? a.sourceId : '')).find((s) => s !== '');
  checks.skip(
    'anchor',
    checkLabel('anchor'),
    msg('anchor.lookupChains', { chains: chains.length > 0 ? chains.join(', ') : msg('anchor.unstatedChain') }),
    'unverifiable',
    source ? `blockchain transaction ${source}` : 'a blockchain lookup',
  );
}

/** Blockcerts v1 (Chainpoint receipts): checked against a blockchain record only. */
export function blockchainOnly(json: Record<string, unknown>, checks: Checks): void {
  const types = asArray(json.proof).flatMap((p) => typesOf(p));
  checks.skip('anchor', checkLabel('anchor'), msg('anchor.v1', { types: types.length > 0 ? types.join(', ') : msg('anchor.receipt') }), 'unverifiable', 'a blockchain lookup');
}

/** The blockchains a MerkleProof2019 anchor names (lds-merkle-proof-2019 keymap): id -> name and networks. */
const anchorChains: ReadonlyMap<number, { name: string; networks: ReadonlyMap<number, string> }> = new Map([
  [
    0,
    {
      name: 'btc',
      networks: new Map([
        [1, 'mainnet'],
        [3, 'testnet'],
      ]),
    },
  ],
  [
    1,
    {
      name: 'eth',
      networks: new Map([
        [1, 'mainnet'],
        [3, 'ropsten'],
        [4, 'rinkeby'],
        [5, 'goerli'],
        [11155111, 'sepolia'],
      ]),
    },
  ],
  [
    2,
    {
      name: 'mtc',
      networks: new Map([
        [137, 'mainnet'],
        [80001, 'mumbai'],
      ]),
    },
  ],
  [-1, { name: 'mocknet', networks: new Map([[-1, 'mocknet']]) }],
]);

interface DecodedMerkleProof2019 {
  readonly targetHash: string;
  readonly merkleRoot: string;
  readonly path: { left?: string; right?: string }[];
  /** True when the (first) anchor is the mock chain: a test certificate, with nothing to look up. */
  readonly mock: boolean;
  /** The anchors as blink strings (`blink:btc:testnet:<transaction>`). */
  readonly anchors: string[];
}

/** A keymap value: CBOR inside the CBOR, a byte string or (older receipts) a hex text string; as lowercase hex. */
function hexValue(value: unknown): string | undefined {
  const inner = value instanceof Uint8Array ? (cborDecode(value, { useMaps: true }) as unknown) : value;
  if (inner instanceof Uint8Array) return Buffer.from(inner).toString('hex');
  if (typeof inner === 'string' && /^(?:[0-9a-f]{2})+$/i.test(inner)) return inner.toLowerCase();
  return undefined;
}

/** Entry `key` of a CBOR keymap ([[key, value], ...]). */
function keymapEntry(entries: readonly unknown[], key: number): unknown {
  return entries.find((e): e is [number, unknown] => Array.isArray(e) && e[0] === key)?.[1];
}

function anchorOf(anchor: unknown): { blink: string; mock: boolean } | undefined {
  if (!Array.isArray(anchor)) return undefined;
  const chainId = keymapEntry(anchor, 0);
  const networkId = keymapEntry(anchor, 1);
  if (typeof chainId !== 'number') return undefined;
  // A chain this table does not name is still a real chain to look up, not a broken receipt.
  const chain = anchorChains.get(chainId) ?? { name: `chain${String(chainId)}`, networks: new Map<number, string>() };
  const network = typeof networkId === 'number' ? (chain.networks.get(networkId) ?? String(networkId)) : 'unknown';
  const transaction = hexValue(keymapEntry(anchor, 2)) ?? '';
  return { blink: `blink:${chain.name}:${network}:${transaction}`, mock: chainId === -1 };
}

/**
 * MerkleProof2019's proofValue: multibase base58btc of a CBOR keymap (lds-merkle-proof-2019):
 * [[0, merkleRoot], [1, targetHash], [2, anchors], [3, path]], the hashes themselves CBOR, a
 * path step [0 (left) | 1 (right), hash], an anchor [[0, chain], [1, network], [2, transaction]].
 */
export function decodeMerkleProof2019(proofValue: unknown): DecodedMerkleProof2019 | undefined {
  if (typeof proofValue !== 'string' || !proofValue.startsWith('z')) return undefined;
  const bytes = base58Decode(proofValue.slice(1));
  if (!bytes) return undefined;
  try {
    const entries = cborDecode(bytes, { useMaps: true }) as unknown;
    if (!Array.isArray(entries)) return undefined;
    const merkleRoot = hexValue(keymapEntry(entries, 0));
    const targetHash = hexValue(keymapEntry(entries, 1));
    if (merkleRoot === undefined || targetHash === undefined) return undefined;
    const path: { left?: string; right?: string }[] = [];
    for (const step of asArray(keymapEntry(entries, 3))) {
      if (!Array.isArray(step)) return undefined;
      const [side, hash] = step as unknown[];
      const value = hexValue(hash);
      if (value === undefined || (side !== 0 && side !== 1)) return undefined;
      path.push(side === 0 ? { left: value } : { right: value });
    }
    const anchors = asArray(keymapEntry(entries, 2)).map(anchorOf);
    if (anchors.length === 0 || anchors.some((a) => a === undefined)) return undefined;
    const readable = anchors.filter((a) => a !== undefined);
    return { targetHash, merkleRoot, path, mock: readable[0]?.mock === true, anchors: readable.map((a) => a.blink) };
  } catch {
    return undefined;
  }
}

/** A Blockcerts v3 Merkle receipt: MerkleProof2019, merkle-proof-2019, or a ChainedProof2021 over MerkleProof2019. */
export function isMerkleProof2019(proof: Record<string, unknown>): boolean {
  const types = typesOf(proof);
  return (
    types.includes('MerkleProof2019') ||
    (types.includes('DataIntegrityProof') && proof.cryptosuite === 'merkle-proof-2019') ||
    (types.includes('ChainedProof2021') && proof.chainedProofType === 'MerkleProof2019')
  );
}

function algorithmOf(proof: Record<string, unknown>): string {
  if (typesOf(proof).includes('ChainedProof2021')) return 'ChainedProof2021/MerkleProof2019';
  return proof.cryptosuite === 'merkle-proof-2019' ? 'merkle-proof-2019' : 'MerkleProof2019';
}

const vc2Context = 'https://www.w3.org/ns/credentials/v2';
const zonePattern = /(?:Z|[+-]\d\d:\d\d)$/i;

/** How jsonld's warnings read in a sentence; other codes are shown as jsonld names them. */
const droppedWords: Readonly<Record<string, VerificationMessageKey>> = {
  'relative @id reference': 'dropped.relativeId',
  'relative subject reference': 'dropped.relativeId',
  'relative object reference': 'dropped.relativeObject',
  'relative predicate reference': 'dropped.relativePredicate',
  'relative @type reference': 'dropped.relativeType',
  'invalid property': 'dropped.invalidProperty',
  'free-floating scalar': 'dropped.freeFloating',
  'invalid @language value': 'dropped.invalidLanguage',
};

function droppedPhrase(dropped: { readonly code: string; readonly value?: string }): VerificationMessage | string {
  const key = droppedWords[dropped.code];
  const what = key ? msg(key) : dropped.code;
  return dropped.value === undefined ? what : msg('dropped.withValue', { what, value: quotedValue(dropped.value) });
}

/** Longest value quoted in a finding: enough to recognise it, never a whole picture. */
const quotedLength = 80;

/**
 * A dropped value as a finding quotes it. Blockcerts displays are often whole pictures as data:
 * addresses (290 KB in a published certificate), which made one sentence hold the picture.
 */
export function quotedValue(value: string): string {
  if (value.length <= quotedLength) return value;
  const dataUrl = /^data:([^;,]*)/.exec(value);
  if (dataUrl) return `data:${dataUrl[1] ?? ''}… (${String(Math.round(value.length / 1024))} KB)`;
  return `${value.slice(0, quotedLength - 1)}…`;
}

/**
 * Blockcerts v3: the certificate's hash as Blockcerts computes it (blockcertsV3Hash.ts), the
 * Merkle path from it to the receipt's root; the root's anchor on a blockchain needs a lookup,
 * except for the mock chain of test certificates (as the Blockcerts verifier has it).
 */
export async function verifyMerkleProof2019(json: Record<string, unknown>, proof: Record<string, unknown>, context: VerifyContext, checks: Checks): Promise<void> {
  const algorithm = algorithmOf(proof);
  const proofs = asArray(json.proof);
  const label = (name: 'structure' | 'hash' | 'merklePath' | 'anchor'): VerificationMessage => proofLabel(checkLabel(name), proofs.indexOf(proof), proofs.length);
  const decoded = decodeMerkleProof2019(proof.proofValue);
  if (!decoded) {
    checks.fail('structure', label('structure'), msg('blockcerts.receiptUnreadable', { algorithm }), 'malformed', { algorithm });
    return;
  }
  if (proof.created !== undefined) {
    if (!parseDateTime(proof.created)) {
      checks.fail('structure', label('structure'), msg('blockcerts.createdInvalid', { value: display(proof.created) }), 'malformed');
      return;
    }
    // VC 2.0 dates are date-times with a time zone (xsd:dateTimeStamp); Blockcerts checks it too.
    if (asArray(json['@context']).includes(vc2Context) && !zonePattern.test(display(proof.created).trim())) {
      checks.fail('structure', label('structure'), msg('blockcerts.createdNoZone', { value: display(proof.created) }), 'malformed');
      return;
    }
  }
  let computed: BlockcertsV3Hash;
  try {
    computed = await blockcertsV3Hash(json, proof, context.contexts);
  } catch (error) {
    if (error instanceof MissingContextError) {
      const needs = error.urls.join(', ');
      checks.skip('contexts', checkLabel('contexts'), msg('contexts.missingForHash', { urls: needs }), 'unverifiable', needs);
      return;
    }
    if (error instanceof JsonLdError) {
      checks.fail('structure', label('structure'), msg('blockcerts.notJsonLd', { error: error.message }), 'malformed');
      return;
    }
    if (error instanceof HashUnavailableError) {
      checks.skip('hash', label('hash'), msg('blockcerts.hashUnavailable', { error: error.detail }), 'unverifiable', 'the Blockcerts v3 hash', { algorithm });
      return;
    }
    throw error;
  }
  if (computed.unmapped.length > 0) {
    const names = computed.unmapped.join(', ');
    checks.fail('structure', label('structure'), msg('blockcerts.unmapped', { names }), 'malformed', { algorithm, detail: names });
    return;
  }
  if (computed.hash !== decoded.targetHash) {
    checks.fail('hash', label('hash'), msg('hash.changed'), 'invalid', {
      algorithm,
      detail: `computed ${computed.hash}, receipt ${decoded.targetHash}`,
    });
    return;
  }
  // Blockcerts hashes language-tagged text without its direction (no rdfDirection): the text is covered, not its direction.
  const direction = computed.directionDropped ? ' (text direction is not part of the hash)' : '';
  checks.pass('hash', label('hash'), msg('hash.unchanged'), { algorithm, detail: `${computed.hash}${direction}` });
  const first = computed.dropped[0];
  if (first) {
    // The hash matches, but what jsonld dropped is in no hash: it could be changed unnoticed.
    checks.fail('structure', label('structure'), msg('blockcerts.dropped', { what: droppedPhrase(first) }), 'malformed', {
      algorithm,
      detail: computed.dropped.map((d) => (d.value === undefined ? d.code : `${d.code}: ${d.value}`)).join('; '),
    });
    return;
  }
  const root = merkleRootOf(decoded.targetHash, decoded.path);
  if (root !== decoded.merkleRoot) {
    checks.fail('merkle-path', label('merklePath'), msg('merkle.mismatch'), 'invalid', { detail: `reached ${String(root)}, stated ${decoded.merkleRoot}` });
    return;
  }
  checks.pass('merkle-path', label('merklePath'), msg('merkle.matches'), { detail: decoded.merkleRoot });
  if (decoded.mock) {
    checks.skip('anchor', label('anchor'), msg('anchor.testMock'));
    return;
  }
  // decodeMerkleProof2019 returns at least one anchor, written as blink:<chain>:<network>:<transaction>.
  const chain = decoded.anchors[0]?.split(':').slice(1, 3).join(' ') ?? '';
  checks.skip('anchor', label('anchor'), msg('anchor.lookup', { chain }), 'unverifiable', decoded.anchors.join(', ') || 'a blockchain lookup');
}
