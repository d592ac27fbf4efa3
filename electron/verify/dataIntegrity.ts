import { createHash, verify as verifySignature } from 'node:crypto';
import { canonize, JsonLdError, MissingContextError } from './canonize';
import { asArray, idOf, isRecord, short, type VerifyContext, display, type Checks } from './checks';
import { parseDateTime } from './dates';
import { resolveVerificationMethod, type KeyResolution } from './keys';
import { multibaseDecode } from './multibase';

/**
 * Embedded Linked Data proofs: DataIntegrityProof with the eddsa-rdfc-2022 cryptosuite (and
 * its draft name eddsa-2022), and Ed25519Signature2020. Both sign
 * SHA-256(canonical proof options) ‖ SHA-256(canonical document) with Ed25519, the proof
 * options carrying the document's @context. Proof sets are checked proof by proof; a proof
 * chain (previousProof) is checked over the document with the proofs it names.
 */

/** Proof types that exist in the wild but that Badgefolio cannot check (yet): unverifiable, not invalid. */
const knownUnsupported = new Set([
  'Ed25519Signature2018',
  'EcdsaSecp256k1Signature2019',
  'EcdsaSecp256r1Signature2019',
  'JsonWebSignature2020',
  'RsaSignature2018',
  'BbsBlsSignature2020',
  'MerkleProof2019',
  'ChainedProof2021',
]);
const unsupportedCryptosuites = new Set(['ecdsa-sd-2023', 'ecdsa-rdfc-2019', 'ecdsa-jcs-2019', 'eddsa-jcs-2022', 'bbs-2023', 'merkle-proof-2019']);

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Canonical proof-option hashes, shared across credentials: one issuer's proofs often share options. */
const proofOptionHashes = new Map<string, Buffer>();

export interface ProofOutcome {
  /** Keys whose signatures verified, for the issuer binding check. */
  readonly verifiedKeys: (KeyResolution & { ok: true })[];
  /** How many proofs were examined. */
  readonly proofs: number;
}

function proofName(proof: Record<string, unknown>): string {
  const type = typeof proof.type === 'string' ? proof.type : 'unknown';
  return typeof proof.cryptosuite === 'string' ? `${type}/${proof.cryptosuite}` : type;
}

export async function checkEmbeddedProofs(json: Record<string, unknown>, context: VerifyContext, checks: Checks): Promise<ProofOutcome> {
  const proofs = asArray(json.proof);
  const verifiedKeys: (KeyResolution & { ok: true })[] = [];
  const { proof: _proof, ...unsigned } = json;
  const documentHashes = new Map<string, Buffer>();
  const documentHash = async (previous: unknown[]): Promise<Buffer> => {
    const key = JSON.stringify(previous);
    let hash = documentHashes.get(key);
    if (!hash) {
      const document = previous.length === 0 ? unsigned : { ...unsigned, proof: previous.length === 1 ? previous[0] : previous };
      hash = sha256(await canonize(document, context.contexts));
      documentHashes.set(key, hash);
    }
    return hash;
  };

  for (const [index, proof] of proofs.entries()) {
    const label = proofs.length > 1 ? `Signature (proof ${String(index + 1)} of ${String(proofs.length)})` : 'Signature';
    if (!isRecord(proof)) {
      checks.fail('signature', label, 'The proof is not a JSON object.', 'malformed');
      continue;
    }
    const name = proofName(proof);
    const type = typeof proof.type === 'string' ? proof.type : '';
    const suite = typeof proof.cryptosuite === 'string' ? proof.cryptosuite : undefined;
    const eddsa = type === 'DataIntegrityProof' && (suite === 'eddsa-rdfc-2022' || suite === 'eddsa-2022');
    if (!eddsa && type !== 'Ed25519Signature2020') {
      if (knownUnsupported.has(type) || (type === 'DataIntegrityProof' && suite !== undefined && unsupportedCryptosuites.has(suite))) {
        checks.skip('signature', label, `Badgefolio cannot check ${name} proofs yet, so this signature was not checked.`, 'unverifiable', `support for ${name}`, { algorithm: name });
      } else {
        checks.fail('signature', label, `The proof has a type no standard defines (${name}).`, 'malformed', { algorithm: name });
      }
      continue;
    }
    if (proof.created !== undefined && !parseDateTime(proof.created)) {
      checks.fail('signature', label, `The proof's creation date (${display(proof.created)}) is not a valid date.`, 'malformed', { algorithm: name });
      continue;
    }
    if (proof.proofPurpose !== 'assertionMethod') {
      checks.fail('signature', label, `The proof is for "${String(proof.proofPurpose)}", not for asserting a credential.`, 'invalid', { algorithm: name });
      continue;
    }
    const signature = typeof proof.proofValue === 'string' ? multibaseDecode(proof.proofValue) : undefined;
    if (signature?.length !== 64) {
      checks.fail('signature', label, 'The proof value is missing or damaged, so the signature cannot match.', 'invalid', { algorithm: name });
      continue;
    }
    const key = await resolveVerificationMethod(proof.verificationMethod, context.resolver);
    if (!key.ok) {
      const methodId = typeof proof.verificationMethod === 'string' ? proof.verificationMethod : undefined;
      if (key.implies === 'invalid') checks.fail('signature', label, key.message, 'invalid', { algorithm: name, keyId: methodId });
      else checks.skip('signature', label, key.message, 'unverifiable', key.needs, { algorithm: name, keyId: methodId });
      continue;
    }
    if (key.key.asymmetricKeyType !== 'ed25519') {
      checks.fail('signature', label, `The key ${short(key.keyId)} is not an Ed25519 key, which ${name} requires.`, 'invalid', { algorithm: name, keyId: key.keyId });
      continue;
    }
    // A chained proof covers the proofs it names as previousProof.
    const previousIds = asArray(proof.previousProof).filter((p): p is string => typeof p === 'string');
    const previous = previousIds.map((id) => proofs.find((p) => isRecord(p) && p.id === id)).filter((p) => p !== undefined);
    if (previous.length !== previousIds.length) {
      checks.fail('signature', label, 'The proof chains to an earlier proof that is not in the credential.', 'invalid', { algorithm: name });
      continue;
    }
    let verified: boolean;
    try {
      const { proofValue: _value, ...options } = proof;
      const optionsDocument = { ...options, '@context': json['@context'] };
      const optionsKey = JSON.stringify(optionsDocument);
      let optionsHash = proofOptionHashes.get(optionsKey);
      if (!optionsHash) {
        optionsHash = sha256(await canonize(optionsDocument, context.contexts));
        if (proofOptionHashes.size > 5000) proofOptionHashes.clear();
        proofOptionHashes.set(optionsKey, optionsHash);
      }
      const data = Buffer.concat([optionsHash, await documentHash(previous)]);
      verified = verifySignature(null, data, key.key, signature);
    } catch (error) {
      if (error instanceof MissingContextError) {
        const needs = error.urls.join(', ');
        checks.skip('contexts', 'JSON-LD contexts', `Checking the signature needs the JSON-LD context ${needs}, which Badgefolio does not have; it was not fetched.`, 'unverifiable', needs);
        return { verifiedKeys, proofs: proofs.length };
      }
      if (error instanceof JsonLdError) {
        checks.fail('structure', 'Structure', `The credential is not valid JSON-LD: ${error.message}.`, 'malformed');
        return { verifiedKeys, proofs: proofs.length };
      }
      throw error;
    }
    const evidence = { keyId: key.keyId, algorithm: suite ?? type, ...(key.url ? { url: key.url, origin: key.origin } : {}), fetchedAt: key.fetchedAt };
    if (verified) {
      checks.pass('signature', label, `The signature matches the issuer's key (${short(key.keyId)}), ${key.how}.`, evidence);
      verifiedKeys.push(key);
    } else {
      checks.fail('signature', label, `The signature does not match: the credential was changed after signing, or signed with another key (${short(key.keyId)}).`, 'invalid', evidence);
    }
  }
  return { verifiedKeys, proofs: proofs.length };
}

/**
 * Whether the key that signed belongs to the issuer the credential names. Two different DIDs
 * (or two different web origins) is a forgery; an issuer named by a web address or urn:uuid
 * with a did:key signer cannot be tied offline, and the report says so without failing it
 * (the 1EdTech validator and the W3C test vectors accept such credentials).
 */
export function checkIssuerBinding(issuer: unknown, keys: readonly (KeyResolution & { ok: true })[], checks: Checks): void {
  const issuerId = idOf(issuer);
  for (const key of keys) {
    const controller = key.controller ?? key.keyId.split('#')[0] ?? key.keyId;
    if (!issuerId) {
      checks.skip('issuer-key', 'Issuer key', 'The credential names no issuer id, so the key cannot be tied to an issuer.', undefined, undefined, { keyId: key.keyId });
      continue;
    }
    if (controller === issuerId || issuerId.split('#')[0] === controller) {
      checks.pass('issuer-key', 'Issuer key', `The key belongs to the issuer (${short(issuerId)}).`, { keyId: key.keyId });
      continue;
    }
    const bothDids = issuerId.startsWith('did:') && controller.startsWith('did:');
    const bothWeb = /^https?:/.test(issuerId) && /^https?:/.test(controller) && new URL(issuerId).origin !== new URL(controller).origin;
    if (bothDids || bothWeb) {
      checks.fail('issuer-key', 'Issuer key', `The credential says it is from ${short(issuerId)}, but it was signed by ${short(controller)}.`, 'invalid', { keyId: key.keyId });
      continue;
    }
    checks.skip(
      'issuer-key',
      'Issuer key',
      `The issuer (${short(issuerId)}) does not link to the signing key ${short(key.keyId)} in the credential; the signature is sound, but Badgefolio cannot confirm the issuer holds that key.`,
      undefined,
      undefined,
      { keyId: key.keyId },
    );
  }
}
