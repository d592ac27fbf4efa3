// Embedded proofs made by Digital Bazaar's reference libraries (the ones the DCC verifier and
// most OB 3.0 issuers use), so that the app's verifier is judged against signatures it did not
// produce. Also an oracle, verifyWithDigitalBazaar, for tests that want a second opinion.
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { createSignCryptosuite as eddsaJcs2022 } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import * as jsigs from 'jsonld-signatures';
import type { DocumentLoader, LinkedDataSuite } from '@digitalbazaar/vc';
import { offlineDocumentLoader } from './documentLoader';
import type { Ed25519Issuer } from './keys';
import type { CredentialEnvelope, Signed } from './shapes';

export type DataIntegrityCryptosuite = 'eddsa-rdfc-2022' | 'eddsa-jcs-2022';

export interface SigningOptions {
  /** The proof's `created`; now unless given (fix it for reproducible output). */
  date?: Date | string;
  documentLoader?: DocumentLoader;
}

/**
 * Adds a DataIntegrityProof (eddsa-rdfc-2022, or eddsa-jcs-2022 with Digital Bazaar's JCS
 * cryptosuite) with @digitalbazaar/vc. The input is not changed. With eddsa-rdfc-2022, signing
 * checks the JSON-LD: an undefined term (a typo, a missing context) throws here.
 */
export async function signDataIntegrity<T extends CredentialEnvelope>(
  credential: T,
  issuer: Ed25519Issuer,
  cryptosuite: DataIntegrityCryptosuite = 'eddsa-rdfc-2022',
  options: SigningOptions = {},
): Promise<Signed<T>> {
  const suite = new DataIntegrityProof({
    signer: issuer.keyPair.signer(),
    cryptosuite: cryptosuite === 'eddsa-jcs-2022' ? eddsaJcs2022() : eddsaRdfc2022,
    date: options.date,
  });
  return issueWith(credential, suite, options);
}

/**
 * Signs a document as it is, with jsonld-signatures alone (eddsa-rdfc-2022): for credentials
 * that break the data model's rules (no issuer, say), which @digitalbazaar/vc refuses to issue.
 * What a careless or hostile issuer can produce, for tests of how the verifier judges it.
 */
export async function signAsIs<T extends object>(document: T, issuer: Ed25519Issuer, options: SigningOptions = {}): Promise<T & { proof: object }> {
  const suite = new DataIntegrityProof({ signer: issuer.keyPair.signer(), cryptosuite: eddsaRdfc2022, date: options.date });
  const signed = await jsigs.sign(structuredClone(document), {
    suite,
    purpose: new jsigs.purposes.AssertionProofPurpose(),
    documentLoader: options.documentLoader ?? offlineDocumentLoader,
  });
  return signed as T & { proof: object };
}

/**
 * Adds an Ed25519Signature2020 proof, as DCC issuers did for VC 1.1 credentials (make the
 * credential with `vcVersion: 1`; the suite adds its context if the credential lacks it).
 */
export async function signEd25519Signature2020<T extends CredentialEnvelope>(credential: T, issuer: Ed25519Issuer, options: SigningOptions = {}): Promise<Signed<T>> {
  const suite = new Ed25519Signature2020({ signer: issuer.keyPair.signer(), date: options.date });
  return issueWith(credential, suite, options);
}

async function issueWith<T extends CredentialEnvelope>(credential: T, suite: LinkedDataSuite, options: SigningOptions): Promise<Signed<T>> {
  // No date: the suite stamps the signing time as `created` (null would omit `created`).
  const signed = await vc.issue({
    credential: structuredClone(credential),
    suite,
    documentLoader: options.documentLoader ?? offlineDocumentLoader,
  });
  return signed as unknown as Signed<T>;
}

export interface OracleVerdict {
  verified: boolean;
  /** Messages of every error the library reported (proof, purpose, dates, status). */
  errors: string[];
}

export interface OracleOptions {
  /** Checks validFrom/validUntil (issuanceDate/expirationDate) against this time. */
  now?: Date | string;
  documentLoader?: DocumentLoader;
  /** Status answer for credentials with credentialStatus; "not revoked" unless given. */
  checkStatus?: (credential: object) => Promise<boolean>;
}

/**
 * An independent second opinion: @digitalbazaar/vc's verifyCredential with the
 * eddsa-rdfc-2022 and Ed25519Signature2020 suites and the offline loader.
 */
export async function verifyWithDigitalBazaar(credential: object, options: OracleOptions = {}): Promise<OracleVerdict> {
  const checkStatus = options.checkStatus ?? (() => Promise.resolve(true));
  const result = await vc.verifyCredential({
    credential,
    suite: [new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), new Ed25519Signature2020()],
    documentLoader: options.documentLoader ?? offlineDocumentLoader,
    checkStatus: async ({ credential: checked }) => ({ verified: await checkStatus(checked) }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const errors = new Set<string>();
  const collect = (error: (Error & { errors?: Error[] }) | undefined): void => {
    if (!error) return;
    if (error.errors && error.errors.length > 0) {
      for (const inner of error.errors) collect(inner);
    } else {
      errors.add(error.message);
    }
  };
  collect(result.error);
  for (const proofResult of result.results ?? []) collect(proofResult.error);
  if (result.statusResult && !result.statusResult.verified) errors.add('credential status check failed');
  return { verified: result.verified, errors: [...errors] };
}
