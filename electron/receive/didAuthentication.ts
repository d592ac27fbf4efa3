import { createHash, sign } from 'node:crypto';
import { base58Encode } from '../verify/multibase';
import { canonize, createContextLoader } from '../verify/canonize';
import type { HolderKey } from './holderKey';

/**
 * The answer to a VC-API "DIDAuthentication" request (and a DCC request link): a Verifiable
 * Presentation naming the wallet's DID as its holder, with a W3C Data Integrity proof
 * (DataIntegrityProof, eddsa-rdfc-2022, proofPurpose `authentication`) over the issuer's
 * `challenge` and `domain`, so the issuer knows the wallet it issues to holds the key, and the
 * answer cannot be replayed to another exchange or another site. Signed with the repo's own
 * RDF canonicalisation (the verifier's, with its bundled contexts) and node:crypto Ed25519;
 * the tests check it with Digital Bazaar's verifier.
 */
export interface DidAuthenticationRequest {
  readonly challenge: string;
  readonly domain?: string;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

export async function didAuthenticationPresentation(key: HolderKey, request: DidAuthenticationRequest, now: Date = new Date()): Promise<Record<string, unknown>> {
  const presentation = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiablePresentation'],
    holder: key.did,
  };
  const proofOptions = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    // Whole seconds, as XML Schema dateTimeStamp: what every verifier parses.
    created: `${now.toISOString().slice(0, 19)}Z`,
    verificationMethod: key.keyId,
    proofPurpose: 'authentication',
    challenge: request.challenge,
    ...(request.domain === undefined ? {} : { domain: request.domain }),
  };
  const contexts = createContextLoader();
  // vc-di-eddsa §3.3: hash(canonical proof options with the document's @context) || hash(canonical document).
  const hashData = Buffer.concat([sha256(await canonize({ '@context': presentation['@context'], ...proofOptions }, contexts)), sha256(await canonize(presentation, contexts))]);
  const signature = new Uint8Array(sign(null, hashData, key.privateKey));
  return { ...presentation, proof: { ...proofOptions, proofValue: `z${base58Encode(signature)}` } };
}
