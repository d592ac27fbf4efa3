import { KeyObject, verify as verifyNodeSignature } from 'node:crypto';
import type { Cryptosuite, DataIntegrityProof, Verifier } from '@digitalbazaar/data-integrity';
import type { DocumentLoader } from 'jsonld';
import { describeJsonLdError, JsonLdError, MissingContextError, type ContextLoader } from './canonize';
import { keyFromMulticodec, type PublicKey } from './keys';
import { multibaseDecode } from './multibase';
import { Secp256k1PublicKey, verifySecp256k1 } from './secp256k1';

/**
 * ecdsa-sd-2023 (W3C Data Integrity ECDSA, selective disclosure). The issuer signs a base
 * proof and gives it to the holder, who derives from it a proof disclosing only the claims
 * they choose; verifiers check derived proofs. The work (label maps, canonical N-Quads,
 * mandatory and per-claim signatures) is done by Digital Bazaar's cryptosuite, fed documents
 * by our loader only: contexts from the bundle or the documents map, the key as we resolved
 * it. Nothing is fetched.
 */
export type EcdsaSdProofKind = 'base' | 'derived';

/** Which proof a proofValue holds, from its CBOR tag (0xd95d00 base, 0xd95d01 derived); undefined when unreadable. */
export function ecdsaSdProofKind(proofValue: unknown): EcdsaSdProofKind | undefined {
  if (typeof proofValue !== 'string' || !proofValue.startsWith('u')) return undefined;
  const bytes = multibaseDecode(proofValue);
  if (!bytes || bytes.length < 4 || bytes[0] !== 0xd9 || bytes[1] !== 0x5d) return undefined;
  return bytes[2] === 0x00 ? 'base' : bytes[2] === 0x01 ? 'derived' : undefined;
}

/**
 * The base signature's algorithm for an issuer key: P-256 is the standard's; secp256k1 is
 * Blockcerts' variant (cert-verifier-js issues and accepts it), undefined for anything else.
 */
export function ecdsaSdAlgorithm(key: PublicKey): 'P-256' | 'K-256' | undefined {
  if (key instanceof Secp256k1PublicKey) return 'K-256';
  return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? 'P-256' : undefined;
}

interface Stack {
  readonly DataIntegrityProof: typeof DataIntegrityProof;
  readonly createVerifyCryptosuite: (options?: { requiredAlgorithm?: string }) => Cryptosuite;
}

let stack: Promise<Stack> | undefined;

/** Loaded on the first selective-disclosure proof: most wallets never see one, and workers start faster without. */
function loadStack(): Promise<Stack> {
  stack ??= Promise.all([import('@digitalbazaar/data-integrity'), import('@digitalbazaar/ecdsa-sd-2023-cryptosuite')]).then(([dataIntegrity, suite]) => ({
    DataIntegrityProof: dataIntegrity.DataIntegrityProof,
    createVerifyCryptosuite: suite.createVerifyCryptosuite,
  }));
  return stack;
}

/**
 * Whether a derived proof verifies against the issuer key. False for a wrong signature or a
 * damaged proof; MissingContextError when a context is not available; JsonLdError when the
 * credential is not valid JSON-LD (safe mode, as for every other proof).
 */
export async function verifyEcdsaSdProof(input: {
  readonly document: Record<string, unknown>;
  readonly proof: Record<string, unknown>;
  readonly key: PublicKey;
  readonly contexts: ContextLoader;
}): Promise<boolean> {
  const { document, proof, key, contexts } = input;
  const algorithm = ecdsaSdAlgorithm(key);
  const methodId = proof.verificationMethod;
  if (!algorithm || typeof methodId !== 'string') return false;
  const { DataIntegrityProof, createVerifyCryptosuite } = await loadStack();
  let cryptosuite: Cryptosuite;
  let method: Record<string, unknown>;
  if (key instanceof Secp256k1PublicKey) {
    // The library's key handling is WebCrypto's, which has no secp256k1: only the base
    // signature's check is ours, the rest of the disclosure is still the cryptosuite's.
    cryptosuite = { ...createVerifyCryptosuite({ requiredAlgorithm: 'K-256' }), createVerifier: () => Promise.resolve(k256Verifier(key)) };
    method = { id: methodId, type: 'Multikey' };
  } else {
    cryptosuite = createVerifyCryptosuite();
    method = { id: methodId, type: 'JsonWebKey2020', publicKeyJwk: key.export({ format: 'jwk' }) };
  }
  // The suite asks the loader for the key by its id: it gets the key we resolved, nothing else.
  const loader: DocumentLoader = (url) => (url === methodId ? Promise.resolve({ contextUrl: null, documentUrl: url, document: method }) : contexts.loader(url));
  contexts.takeMissing();
  const result = await new DataIntegrityProof({ cryptosuite }).verifyProof({
    proof: { '@context': document['@context'], ...proof },
    proofSet: [proof],
    document,
    documentLoader: loader,
  });
  if (result.verified) return true;
  const missing = contexts.takeMissing();
  if (missing.length > 0) throw new MissingContextError(missing);
  const { error } = result;
  if (error instanceof Error && error.name.startsWith('jsonld.')) throw new JsonLdError(describeJsonLdError(error));
  return false;
}

/** What the cryptosuite's createVerifyData hands the verifier for a derived proof. */
interface Disclosure {
  readonly baseSignature: Uint8Array;
  readonly proofHash: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly signatures: readonly Uint8Array[];
  readonly nonMandatory: readonly string[];
  readonly mandatoryHash: Uint8Array;
}

function isDisclosure(data: unknown): data is Disclosure {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  const bytes = (value: unknown): boolean => value instanceof Uint8Array;
  return (
    bytes(d.baseSignature) &&
    bytes(d.proofHash) &&
    bytes(d.publicKey) &&
    bytes(d.mandatoryHash) &&
    Array.isArray(d.signatures) &&
    d.signatures.every(bytes) &&
    Array.isArray(d.nonMandatory) &&
    d.nonMandatory.every((n) => typeof n === 'string')
  );
}

/**
 * The ecdsa-sd-2023 check with a secp256k1 issuer key: each disclosed claim is signed by the
 * proof's one-time P-256 key, and the issuer's base signature covers the proof options, that
 * one-time key and the mandatory claims (SHA-256 of their concatenation, as for P-256).
 */
function k256Verifier(issuerKey: Secp256k1PublicKey): Verifier {
  return {
    algorithm: 'K-256',
    id: undefined,
    verify: ({ data }) => Promise.resolve(isDisclosure(data) && verifyK256Disclosure(issuerKey, data)),
  };
}

function verifyK256Disclosure(issuerKey: Secp256k1PublicKey, data: Disclosure): boolean {
  const oneTimeKey = keyFromMulticodec(data.publicKey);
  if (!(oneTimeKey instanceof KeyObject) || ecdsaSdAlgorithm(oneTimeKey) !== 'P-256') return false;
  if (data.signatures.length !== data.nonMandatory.length) return false;
  const claimsSigned = data.signatures.every((signature, index) =>
    verifyNodeSignature('sha256', Buffer.from(data.nonMandatory[index] ?? '', 'utf8'), { key: oneTimeKey, dsaEncoding: 'ieee-p1363' }, signature),
  );
  return claimsSigned && verifySecp256k1(issuerKey, Buffer.concat([data.proofHash, data.publicKey, data.mandatoryHash]), data.baseSignature);
}
