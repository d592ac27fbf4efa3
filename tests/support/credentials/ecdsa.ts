// ECDSA proofs made without the app's code: ecdsa-sd-2023 base and derived proofs with Digital
// Bazaar's cryptosuite (P-256 keys from @digitalbazaar/ecdsa-multikey, or secp256k1 as Blockcerts
// signs them), and EcdsaSecp256k1Signature2019 with jsonld and Node's own crypto (OpenSSL has
// secp256k1; the app checks it with @noble/curves, so the two sides share no ECDSA code).
import { createHash, generateKeyPairSync, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import { DataIntegrityProof, type Signer } from '@digitalbazaar/data-integrity';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { createDiscloseCryptosuite, createSignCryptosuite } from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import jsonld from 'jsonld';
import { offlineDocumentLoader, type DocumentLoader } from './documentLoader';

export interface P256Issuer {
  /** `did:key:zDn…` */
  did: string;
  /** `did:key:zDn…#zDn…` */
  verificationMethodId: string;
  /** Signs as the verification method above (algorithm P-256). */
  signer(): Signer;
}

/** A fresh P-256 did:key issuer (Multikey), as ecdsa-sd-2023 issuers use. */
export async function generateP256Issuer(): Promise<P256Issuer> {
  const keyPair = await EcdsaMultikey.generate({ curve: 'P-256' });
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  const verificationMethodId = `${did}#${keyPair.publicKeyMultibase}`;
  // The key pair's signer reads its id when asked: set it to the DID URL the proof names.
  keyPair.id = verificationMethodId;
  keyPair.controller = did;
  return { did, verificationMethodId, signer: () => keyPair.signer() };
}

export interface Secp256k1Issuer {
  /** `{ kty: 'EC', crv: 'secp256k1', x, y }` */
  publicJwk: JsonWebKey;
  /** The 33-byte compressed public point. */
  compressed: Uint8Array;
  privateKey: KeyObject;
  /** An ES256K signer (algorithm K-256) naming `verificationMethod`. */
  signer(verificationMethod: string): Signer;
}

/** A fresh secp256k1 key pair made by OpenSSL. */
export function generateSecp256k1Issuer(): Secp256k1Issuer {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
  const publicJwk = publicKey.export({ format: 'jwk' });
  const x = Buffer.from(publicJwk.x ?? '', 'base64url');
  const y = Buffer.from(publicJwk.y ?? '', 'base64url');
  const compressed = Buffer.concat([Buffer.from([(y.at(-1) ?? 0) % 2 === 0 ? 0x02 : 0x03]), x]);
  return {
    publicJwk: { kty: 'EC', crv: 'secp256k1', x: publicJwk.x, y: publicJwk.y },
    compressed,
    privateKey,
    signer: (verificationMethod) => ({
      algorithm: 'K-256',
      id: verificationMethod,
      sign: ({ data }) => Promise.resolve(new Uint8Array(sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }))),
    }),
  };
}

/**
 * The issuer's ecdsa-sd-2023 base proof (meant for the holder), with @digitalbazaar/vc. The
 * mandatory pointers are disclosed in every derived proof. `K-256` makes Blockcerts' variant.
 */
export async function signEcdsaSdBase(
  credential: object,
  signer: Signer,
  options: { mandatoryPointers?: string[]; requiredAlgorithm?: 'P-256' | 'K-256'; documentLoader?: DocumentLoader } = {},
): Promise<Record<string, unknown>> {
  const cryptosuite = createSignCryptosuite({ mandatoryPointers: options.mandatoryPointers ?? ['/issuer'], requiredAlgorithm: options.requiredAlgorithm ?? 'P-256' });
  const suite = new DataIntegrityProof({ signer, cryptosuite });
  return vc.issue({ credential: structuredClone(credential), suite, documentLoader: options.documentLoader ?? offlineDocumentLoader });
}

/** The holder's derived proof, disclosing the selective pointers (and the mandatory ones). */
export async function deriveEcdsaSd(signed: object, selectivePointers: string[], documentLoader: DocumentLoader = offlineDocumentLoader): Promise<Record<string, unknown>> {
  const suite = new DataIntegrityProof({ cryptosuite: createDiscloseCryptosuite({ selectivePointers }) });
  return vc.derive({ verifiableCredential: signed, suite, documentLoader });
}

/**
 * An EcdsaSecp256k1Signature2019 proof: a detached JWS (ES256K, b64: false) over
 * SHA-256(URDNA2015 proof options) ‖ SHA-256(URDNA2015 credential), as jsonld-signatures'
 * JWS suites make it. Canonicalised with jsonld and signed with node:crypto.
 */
export async function signSecp256k1Signature2019(
  credential: Record<string, unknown>,
  issuer: Secp256k1Issuer,
  verificationMethod: string,
  options: { created?: string; documentLoader?: DocumentLoader } = {},
): Promise<Record<string, unknown>> {
  const documentLoader = options.documentLoader ?? offlineDocumentLoader;
  const proof = {
    type: 'EcdsaSecp256k1Signature2019',
    created: options.created ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    verificationMethod,
    proofPurpose: 'assertionMethod',
  };
  const canonicalHash = async (document: unknown): Promise<Buffer> =>
    createHash('sha256')
      .update(await jsonld.canonize(document, { algorithm: 'URDNA2015', format: 'application/n-quads', documentLoader, safe: true }))
      .digest();
  const data = Buffer.concat([await canonicalHash({ '@context': credential['@context'], ...proof }), await canonicalHash(credential)]);
  const header = Buffer.from(JSON.stringify({ alg: 'ES256K', b64: false, crit: ['b64'] })).toString('base64url');
  const signature = sign('sha256', Buffer.concat([Buffer.from(`${header}.`, 'ascii'), data]), { key: issuer.privateKey, dsaEncoding: 'ieee-p1363' });
  return { ...structuredClone(credential), proof: { ...proof, jws: `${header}..${signature.toString('base64url')}` } };
}
