import { createHash, KeyObject, verify as verifySignature } from 'node:crypto';
import jcsCanonicalize from 'canonicalize';
import { canonize, JsonLdError, MissingContextError } from './canonize';
import { asArray, idOf, isRecord, short, type VerifyContext, display, type Checks } from './checks';
import { parseDateTime } from './dates';
import { ecdsaSdAlgorithm, ecdsaSdProofKind, verifyEcdsaSdProof } from './ecdsaSd';
import { resolveVerificationMethod, type KeyResolution, type PublicKey } from './keys';
import { multibaseDecode } from './multibase';
import { Secp256k1PublicKey } from './secp256k1';
import { readDetachedJws, verifySecp256k1Signature2019, type DetachedJws } from './secp256k1Signature2019';

/**
 * Embedded Linked Data proofs: DataIntegrityProof with the eddsa-rdfc-2022 cryptosuite (and
 * its draft name eddsa-2022) or eddsa-jcs-2022, Ed25519Signature2020 and
 * EcdsaSecp256k1Signature2019. All sign SHA-256(canonical proof options) ‖ SHA-256(canonical
 * document), the proof options carrying the document's @context: with Ed25519, or with ES256K in
 * a detached JWS. "Canonical" is RDF Dataset Canonicalization, except for eddsa-jcs-2022, which
 * canonicalises the JSON itself (RFC 8785, JCS) and so needs no JSON-LD contexts. Proof sets are
 * checked proof by proof; a proof chain (previousProof) is checked over the document with the
 * proofs it names. DataIntegrityProof with ecdsa-sd-2023 (selective disclosure) has its own
 * module (ecdsaSd.ts), sharing the key lookup and the way results are reported.
 */

/** Proof types that exist in the wild but that Badgefolio cannot check (yet): unverifiable, not invalid. */
const knownUnsupported = new Set([
  'Ed25519Signature2018',
  'EcdsaSecp256r1Signature2019',
  'JsonWebSignature2020',
  'RsaSignature2018',
  'BbsBlsSignature2020',
  'MerkleProof2019',
  'ChainedProof2021',
]);
const unsupportedCryptosuites = new Set(['ecdsa-rdfc-2019', 'ecdsa-jcs-2019', 'bbs-2023', 'merkle-proof-2019']);

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Canonical proof-option hashes, shared across credentials: one issuer's proofs often share options. */
const proofOptionHashes = new Map<string, Buffer>();

export interface ProofOutcome {
  /** Keys whose signatures verified, for the issuer binding check. */
  readonly verifiedKeys: (KeyResolution & { ok: true })[];
  /** How many proofs were examined. */
  readonly proofs: number;
}

type Scheme = 'eddsa' | 'eddsa-jcs' | 'secp256k1' | 'ecdsa-sd';

function schemeOf(type: string, suite: string | undefined): Scheme | undefined {
  if (type === 'Ed25519Signature2020') return 'eddsa';
  if (type === 'EcdsaSecp256k1Signature2019') return 'secp256k1';
  if (type !== 'DataIntegrityProof') return undefined;
  if (suite === 'eddsa-rdfc-2022' || suite === 'eddsa-2022') return 'eddsa';
  if (suite === 'eddsa-jcs-2022') return 'eddsa-jcs';
  return suite === 'ecdsa-sd-2023' ? 'ecdsa-sd' : undefined;
}

/** The signature a proof carries, read before any key is looked up: a damaged proof needs none. */
type Carried =
  | { readonly scheme: 'eddsa' | 'eddsa-jcs'; readonly signature: Uint8Array }
  | { readonly scheme: 'secp256k1'; readonly jws: DetachedJws }
  | { readonly scheme: 'ecdsa-sd' };

function readSignature(scheme: Scheme, proof: Record<string, unknown>): Carried | string {
  const damaged = 'The proof value is missing or damaged, so the signature cannot match.';
  if (scheme === 'secp256k1') {
    const jws = readDetachedJws(proof.jws);
    return typeof jws === 'string' ? jws : { scheme, jws };
  }
  if (scheme === 'ecdsa-sd') {
    const kind = ecdsaSdProofKind(proof.proofValue);
    // The spec has verifiers check derived proofs only: the base proof holds every claim's
    // signature and the key to unlink them, for the holder to derive from, not to show.
    if (kind === 'base') {
      return "This is the issuer's base proof, which is meant for the holder alone: a holder shares the credential with a proof derived from it, disclosing what they choose, and only such a derived proof can be verified.";
    }
    return kind === 'derived' ? { scheme } : damaged;
  }
  const signature = typeof proof.proofValue === 'string' ? multibaseDecode(proof.proofValue) : undefined;
  return signature?.length === 64 ? { scheme, signature } : damaged;
}

/** Why the key cannot have made this kind of proof, or undefined when it can. */
function keyMismatch(scheme: Scheme, key: PublicKey): string | undefined {
  if (scheme === 'eddsa' || scheme === 'eddsa-jcs') return key.asymmetricKeyType === 'ed25519' ? undefined : 'an Ed25519 key';
  if (scheme === 'secp256k1') return key instanceof Secp256k1PublicKey ? undefined : 'a secp256k1 key';
  return ecdsaSdAlgorithm(key) ? undefined : 'a P-256 key';
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
  const optionsHash = async (proof: Record<string, unknown>, scheme: Scheme): Promise<Buffer> => {
    const { proofValue: _value, ...rest } = proof;
    // The JWS suite signs its proof options without the signature itself.
    const { jws: _jws, ...withoutJws } = rest;
    const optionsDocument = { ...(scheme === 'secp256k1' ? withoutJws : rest), '@context': json['@context'] };
    const optionsKey = JSON.stringify(optionsDocument);
    let hash = proofOptionHashes.get(optionsKey);
    if (!hash) {
      hash = sha256(await canonize(optionsDocument, context.contexts));
      if (proofOptionHashes.size > 5000) proofOptionHashes.clear();
      proofOptionHashes.set(optionsKey, hash);
    }
    return hash;
  };

  // eddsa-jcs-2022 (W3C vc-di-eddsa): a proof that names its own @context signed the document
  // under that context, which must begin the document's own; the proof options are hashed as
  // they stand, without the signature.
  const jcsHashes = (proof: Record<string, unknown>, previous: unknown[]): Buffer | string => {
    const { proofValue: _value, ...options } = proof;
    const document: Record<string, unknown> = previous.length === 0 ? { ...unsigned } : { ...unsigned, proof: previous.length === 1 ? previous[0] : previous };
    if (options['@context'] !== undefined) {
      const proofContext = asArray(options['@context']);
      const documentContext = asArray(json['@context']);
      if (proofContext.some((entry, i) => JSON.stringify(entry) !== JSON.stringify(documentContext[i]))) {
        return "The proof was made for other JSON-LD contexts than the credential's, so it does not cover this credential as it is.";
      }
      document['@context'] = options['@context'];
    }
    const canonicalOptions = jcsCanonicalize(options);
    const canonicalDocument = jcsCanonicalize(document);
    if (canonicalOptions === undefined || canonicalDocument === undefined) return 'The credential cannot be put in canonical JSON form, so the signature cannot match.';
    return Buffer.concat([sha256(canonicalOptions), sha256(canonicalDocument)]);
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
    const scheme = schemeOf(type, suite);
    if (!scheme) {
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
    const carried = readSignature(scheme, proof);
    if (typeof carried === 'string') {
      checks.fail('signature', label, carried, 'invalid', { algorithm: name });
      continue;
    }
    const key = await resolveVerificationMethod(proof.verificationMethod, context.resolver);
    if (!key.ok) {
      const methodId = typeof proof.verificationMethod === 'string' ? proof.verificationMethod : undefined;
      if (key.implies === 'invalid') checks.fail('signature', label, key.message, 'invalid', { algorithm: name, keyId: methodId });
      else checks.skip('signature', label, key.message, 'unverifiable', key.needs, { algorithm: name, keyId: methodId });
      continue;
    }
    const needed = keyMismatch(scheme, key.key);
    if (needed) {
      checks.fail('signature', label, `The key ${short(key.keyId)} is not ${needed}, which ${name} requires.`, 'invalid', { algorithm: name, keyId: key.keyId });
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
      if (carried.scheme === 'ecdsa-sd') {
        verified = await verifyEcdsaSdProof({ document: unsigned, proof, key: key.key, contexts: context.contexts });
      } else if (carried.scheme === 'eddsa-jcs') {
        const data = jcsHashes(proof, previous);
        if (typeof data === 'string') {
          checks.fail('signature', label, data, 'invalid', { algorithm: name, keyId: key.keyId });
          continue;
        }
        verified = key.key instanceof KeyObject && verifySignature(null, data, key.key, carried.signature);
      } else {
        const data = Buffer.concat([await optionsHash(proof, carried.scheme), await documentHash(previous)]);
        verified =
          carried.scheme === 'secp256k1'
            ? key.key instanceof Secp256k1PublicKey && verifySecp256k1Signature2019(carried.jws, data, key.key)
            : key.key instanceof KeyObject && verifySignature(null, data, key.key, carried.signature);
      }
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
      checks.pass('signature', label, `The signature matches ${key.fromReference ? 'the key named in the proof' : "the issuer's key"} (${short(key.keyId)}), ${key.how}.`, evidence);
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
      if (key.fromReference) {
        // Anyone can write the issuer's address in front of their own key: only the issuer's document can vouch for it.
        checks.skip(
          'issuer-key',
          'Issuer key',
          `The signing key is written into its own reference, under the issuer's address (${short(issuerId)}); without the issuer's document listing it, Badgefolio cannot confirm the issuer holds that key.`,
          undefined,
          undefined,
          { keyId: key.keyId },
        );
        continue;
      }
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
