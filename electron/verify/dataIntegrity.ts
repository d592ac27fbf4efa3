import { hash, KeyObject } from 'node:crypto';
import jcsCanonicalize from 'canonicalize';
import { canonize, JsonLdError, MissingContextError } from './canonize';
import type { VerificationMessage } from '../../shared/credential/verification';
import { msg } from '../../shared/credential/verificationMessages';
import { asArray, checkLabel, display, idOf, isRecord, proofLabel, short, type Checks, type VerifyContext } from './checks';
import { parseDateTime } from './dates';
import { ecdsaSdAlgorithm, ecdsaSdProofKind, verifyEcdsaSdProof } from './ecdsaSd';
import { resolveVerificationMethod, type KeyResolution, type PublicKey } from './keys';
import { multibaseDecode } from './multibase';
import { Secp256k1PublicKey } from './secp256k1';
import { isDetachedJws, readDetachedJws, verifySecp256k1Signature2019, type DetachedJws } from './secp256k1Signature2019';
import { verifyOffThread } from './signatureCheck';

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

// One-shot hashing: a Hash object's set-up (OpenSSL's digest lookup) cost ~15 µs more per document.
const sha256 = (text: string): Buffer => Buffer.from(hash('sha256', text, 'hex'), 'hex');

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
  { readonly scheme: 'eddsa' | 'eddsa-jcs'; readonly signature: Uint8Array } | { readonly scheme: 'secp256k1'; readonly jws: DetachedJws } | { readonly scheme: 'ecdsa-sd' };

const isCarried = (value: Carried | VerificationMessage): value is Carried => 'scheme' in value;

function readSignature(scheme: Scheme, proof: Record<string, unknown>): Carried | VerificationMessage {
  const damaged = msg('proof.damaged');
  if (scheme === 'secp256k1') {
    const jws = readDetachedJws(proof.jws);
    return isDetachedJws(jws) ? { scheme, jws } : jws;
  }
  if (scheme === 'ecdsa-sd') {
    const kind = ecdsaSdProofKind(proof.proofValue);
    // The spec has verifiers check derived proofs only: the base proof holds every claim's
    // signature and the key to unlink them, for the holder to derive from, not to show.
    if (kind === 'base') return msg('proof.baseProof');
    return kind === 'derived' ? { scheme } : damaged;
  }
  const signature = typeof proof.proofValue === 'string' ? multibaseDecode(proof.proofValue) : undefined;
  return signature?.length === 64 ? { scheme, signature } : damaged;
}

/** Why the key cannot have made this kind of proof (the kind of key it needs), or undefined when it can. */
function keyMismatch(scheme: Scheme, key: PublicKey): VerificationMessage | undefined {
  if (scheme === 'eddsa' || scheme === 'eddsa-jcs') return key.asymmetricKeyType === 'ed25519' ? undefined : msg('keyType.ed25519');
  if (scheme === 'secp256k1') return key instanceof Secp256k1PublicKey ? undefined : msg('keyType.secp256k1');
  return ecdsaSdAlgorithm(key) ? undefined : msg('keyType.p256');
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
  // `lenient`: jsonld's default mode, which drops terms no context defines (as many signing
  // libraries run it); used only to learn what such a signature covers, never by default.
  const documentHash = async (previous: unknown[], lenient = false): Promise<Buffer> => {
    const key = `${lenient ? 'lenient:' : ''}${JSON.stringify(previous)}`;
    let hash = documentHashes.get(key);
    if (!hash) {
      const document = previous.length === 0 ? unsigned : { ...unsigned, proof: previous.length === 1 ? previous[0] : previous };
      hash = sha256(await canonize(document, context.contexts, lenient ? { safe: false } : {}));
      documentHashes.set(key, hash);
    }
    return hash;
  };
  const optionsHash = async (proof: Record<string, unknown>, scheme: Scheme, lenient = false): Promise<Buffer> => {
    const { proofValue: _value, ...rest } = proof;
    // The JWS suite signs its proof options without the signature itself.
    const { jws: _jws, ...withoutJws } = rest;
    const optionsDocument = { ...(scheme === 'secp256k1' ? withoutJws : rest), '@context': json['@context'] };
    const optionsKey = `${lenient ? 'lenient:' : ''}${JSON.stringify(optionsDocument)}`;
    let hash = proofOptionHashes.get(optionsKey);
    if (!hash) {
      hash = sha256(await canonize(optionsDocument, context.contexts, lenient ? { safe: false } : {}));
      if (proofOptionHashes.size > 5000) proofOptionHashes.clear();
      proofOptionHashes.set(optionsKey, hash);
    }
    return hash;
  };

  // eddsa-jcs-2022 (W3C vc-di-eddsa): a proof that names its own @context signed the document
  // under that context, which must begin the document's own; the proof options are hashed as
  // they stand, without the signature.
  const jcsHashes = (proof: Record<string, unknown>, previous: unknown[]): Buffer | VerificationMessage => {
    const { proofValue: _value, ...options } = proof;
    const document: Record<string, unknown> = previous.length === 0 ? { ...unsigned } : { ...unsigned, proof: previous.length === 1 ? previous[0] : previous };
    if (options['@context'] !== undefined) {
      const proofContext = asArray(options['@context']);
      const documentContext = asArray(json['@context']);
      if (proofContext.some((entry, i) => JSON.stringify(entry) !== JSON.stringify(documentContext[i]))) {
        return msg('proof.otherContexts');
      }
      document['@context'] = options['@context'];
    }
    const canonicalOptions = jcsCanonicalize(options);
    const canonicalDocument = jcsCanonicalize(document);
    if (canonicalOptions === undefined || canonicalDocument === undefined) return msg('proof.notCanonical');
    return Buffer.concat([sha256(canonicalOptions), sha256(canonicalDocument)]);
  };

  for (const [index, proof] of proofs.entries()) {
    const label = proofLabel(checkLabel('signature'), index, proofs.length);
    if (!isRecord(proof)) {
      checks.fail('signature', label, msg('proof.notObject'), 'malformed');
      continue;
    }
    const name = proofName(proof);
    const type = typeof proof.type === 'string' ? proof.type : '';
    const suite = typeof proof.cryptosuite === 'string' ? proof.cryptosuite : undefined;
    const scheme = schemeOf(type, suite);
    if (!scheme) {
      if (knownUnsupported.has(type) || (type === 'DataIntegrityProof' && suite !== undefined && unsupportedCryptosuites.has(suite))) {
        checks.skip('signature', label, msg('proof.unsupported', { name }), 'unverifiable', `support for ${name}`, { algorithm: name });
      } else {
        checks.fail('signature', label, msg('proof.unknownType', { name }), 'malformed', { algorithm: name });
      }
      continue;
    }
    if (proof.created !== undefined && !parseDateTime(proof.created)) {
      checks.fail('signature', label, msg('proof.badCreated', { value: display(proof.created) }), 'malformed', { algorithm: name });
      continue;
    }
    if (proof.proofPurpose !== 'assertionMethod') {
      checks.fail('signature', label, msg('proof.wrongPurpose', { purpose: String(proof.proofPurpose) }), 'invalid', { algorithm: name });
      continue;
    }
    const carried = readSignature(scheme, proof);
    if (!isCarried(carried)) {
      checks.fail('signature', label, carried, 'invalid', { algorithm: name });
      continue;
    }
    const key = await resolveVerificationMethod(proof.verificationMethod, context.resolver);
    if (!key.ok) {
      const methodId = typeof proof.verificationMethod === 'string' ? proof.verificationMethod : undefined;
      if (key.implies === 'invalid') checks.fail('signature', label, key.reasonMessage, 'invalid', { algorithm: name, keyId: methodId });
      else checks.skip('signature', label, key.reasonMessage, 'unverifiable', key.needs, { algorithm: name, keyId: methodId });
      continue;
    }
    const needed = keyMismatch(scheme, key.key);
    if (needed) {
      checks.fail('signature', label, msg('proof.keyMismatch', { keyId: short(key.keyId), needed, name }), 'invalid', { algorithm: name, keyId: key.keyId });
      continue;
    }
    // A chained proof covers the proofs it names as previousProof.
    const previousIds = asArray(proof.previousProof).filter((p): p is string => typeof p === 'string');
    const previous = previousIds.map((id) => proofs.find((p) => isRecord(p) && p.id === id)).filter((p) => p !== undefined);
    if (previous.length !== previousIds.length) {
      checks.fail('signature', label, msg('proof.missingPrevious'), 'invalid', { algorithm: name });
      continue;
    }
    let verified: boolean;
    try {
      if (carried.scheme === 'ecdsa-sd') {
        verified = await verifyEcdsaSdProof({ document: unsigned, proof, key: key.key, contexts: context.contexts });
      } else if (carried.scheme === 'eddsa-jcs') {
        const data = jcsHashes(proof, previous);
        if (!Buffer.isBuffer(data)) {
          checks.fail('signature', label, data, 'invalid', { algorithm: name, keyId: key.keyId });
          continue;
        }
        verified = key.key instanceof KeyObject && (await verifyOffThread(data, key.key, carried.signature));
      } else {
        const data = Buffer.concat([await optionsHash(proof, carried.scheme), await documentHash(previous)]);
        verified =
          carried.scheme === 'secp256k1'
            ? key.key instanceof Secp256k1PublicKey && verifySecp256k1Signature2019(carried.jws, data, key.key)
            : key.key instanceof KeyObject && (await verifyOffThread(data, key.key, carried.signature));
      }
    } catch (error) {
      if (error instanceof MissingContextError) {
        const needs = error.urls.join(', ');
        checks.skip('contexts', checkLabel('contexts'), msg('contexts.missingForSignature', { urls: needs }), 'unverifiable', needs);
        return { verifiedKeys, proofs: proofs.length };
      }
      if (error instanceof JsonLdError) {
        // A term no context defines (a status type from another VC version, a renderMethod
        // type, a relative @type): signers whose libraries drop such terms signed the rest. If
        // the signature holds over what remains, say so, and name the term as not covered by
        // it; otherwise the credential is not valid JSON-LD, as before.
        const term = undefinedTerm(error.message);
        if (term !== undefined && (carried.scheme === 'eddsa' || carried.scheme === 'secp256k1')) {
          let lenientlyVerified: boolean;
          try {
            const data = Buffer.concat([await optionsHash(proof, carried.scheme, true), await documentHash(previous, true)]);
            lenientlyVerified =
              carried.scheme === 'secp256k1'
                ? key.key instanceof Secp256k1PublicKey && verifySecp256k1Signature2019(carried.jws, data, key.key)
                : key.key instanceof KeyObject && (await verifyOffThread(data, key.key, carried.signature));
          } catch {
            lenientlyVerified = false;
          }
          if (lenientlyVerified) {
            checks.skip('contexts', checkLabel('contexts'), msg('contexts.undefinedTerm', { term }), undefined, undefined, { detail: error.message });
            const evidence = { keyId: key.keyId, algorithm: suite ?? type, ...(key.url ? { url: key.url, origin: key.origin } : {}), fetchedAt: key.fetchedAt };
            checks.pass(
              'signature',
              label,
              msg(key.fromReference ? 'signature.matchesNamed' : 'signature.matchesIssuer', { keyId: short(key.keyId), how: key.howMessage }),
              evidence,
            );
            verifiedKeys.push(key);
            continue;
          }
        }
        checks.fail('structure', checkLabel('structure'), msg('structure.notJsonLd', { error: error.message }), 'malformed');
        return { verifiedKeys, proofs: proofs.length };
      }
      throw error;
    }
    const evidence = { keyId: key.keyId, algorithm: suite ?? type, ...(key.url ? { url: key.url, origin: key.origin } : {}), fetchedAt: key.fetchedAt };
    if (verified) {
      checks.pass('signature', label, msg(key.fromReference ? 'signature.matchesNamed' : 'signature.matchesIssuer', { keyId: short(key.keyId), how: key.howMessage }), evidence);
      verifiedKeys.push(key);
    } else {
      checks.fail('signature', label, msg('signature.mismatch', { keyId: short(key.keyId) }), 'invalid', evidence);
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
      checks.skip('issuer-key', checkLabel('issuerKey'), msg('issuerKey.noIssuerId'), undefined, undefined, { keyId: key.keyId });
      continue;
    }
    if (controller === issuerId || issuerId.split('#')[0] === controller) {
      if (key.fromReference) {
        // Anyone can write the issuer's address in front of their own key: only the issuer's document can vouch for it.
        checks.skip('issuer-key', checkLabel('issuerKey'), msg('issuerKey.fromReference', { issuer: short(issuerId) }), undefined, undefined, { keyId: key.keyId });
        continue;
      }
      checks.pass('issuer-key', checkLabel('issuerKey'), msg('issuerKey.belongs', { issuer: short(issuerId) }), { keyId: key.keyId });
      continue;
    }
    const bothDids = issuerId.startsWith('did:') && controller.startsWith('did:');
    const bothWeb = /^https?:/.test(issuerId) && /^https?:/.test(controller) && new URL(issuerId).origin !== new URL(controller).origin;
    if (bothDids || bothWeb) {
      checks.fail('issuer-key', checkLabel('issuerKey'), msg('issuerKey.otherSigner', { issuer: short(issuerId), signer: short(controller) }), 'invalid', { keyId: key.keyId });
      continue;
    }
    checks.skip('issuer-key', checkLabel('issuerKey'), msg('issuerKey.notLinked', { issuer: short(issuerId), keyId: short(key.keyId) }), undefined, undefined, {
      keyId: key.keyId,
    });
  }
}

/**
 * The term a safe-mode JSON-LD error is about, when it is one that no context defines (jsonld
 * names it in its event: "Dropping property that did not expand into an absolute IRI or
 * keyword", "Relative @type reference found"); undefined for other errors.
 */
function undefinedTerm(description: string): string | undefined {
  if (!/did not expand into an absolute IRI|Relative @type reference|Relative @vocab reference|undefined term/i.test(description)) return undefined;
  return /\("([^"]+)"\)\s*$/.exec(description)?.[1] ?? undefined;
}
