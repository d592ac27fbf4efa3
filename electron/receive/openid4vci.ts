import { createHash, createPublicKey, randomBytes } from 'node:crypto';
import { CompactSign } from 'jose';
import { clientAuthenticationAnonymous, HashAlgorithm, type Jwk, type JwtSigner } from '@openid4vc/oauth2';
import { Openid4vciClient, Openid4vciVersion, type CredentialOfferObject, type IssuerMetadataResult } from '@openid4vc/openid4vci';
import type { ConsentQuestion, ConsentReceive } from '../../shared/credential/receiving';
import { englishOf, msg } from '../../shared/credential/verificationMessages';
import type { HolderKey } from './holderKey';
import { hostOf, ReceiveError, type ReceiveNetwork } from './receiveNetwork';
import { authorizationCodeToken } from './authorizationCode';
import { describeProtocolError } from './protocolErrors';
import type { ReceivedItem, ReceiveSession } from './receiveSession';
import './zodMessages';

/**
 * OpenID for Verifiable Credential Issuance 1.0, pre-authorized code flow (with or without a
 * transaction code) and authorization code flow (authorizationCode.ts), through the maintained @openid4vc/openid4vci client: offer (by value or
 * by reference), issuer metadata (the 1.0 well-known location, then the draft one, which the
 * library tries in that order), authorization server metadata, token, nonce, a proof JWT
 * (`openid4vci-proof+jwt`) signed with the wallet's holder key, and the credential request.
 * Every request goes through the safe fetcher (`ReceiveNetwork.fetch`).
 *
 * Only GETs of public documents (the offer, the metadata) happen before the user's consent;
 * the token request (pre-authorized code, transaction code), the proof and the credential
 * request only after it.
 */

/** Formats Badgefolio can take in: Open Badges 3.0 / VCs as JSON-LD with proof, or as VC-JWT. */
const supportedFormats = new Set(['ldp_vc', 'jwt_vc_json', 'jwt_vc_json-ld']);
const preAuthorizedGrant = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
const authorizationCodeGrant = 'authorization_code';

/** What the library calls back for: the safe fetcher, node:crypto, and the holder key (through jose). */
export type ClientCallbacks = ConstructorParameters<typeof Openid4vciClient>[0]['callbacks'];

function clientCallbacks(network: ReceiveNetwork, key: HolderKey): ClientCallbacks {
  return {
    fetch: network.fetch,
    hash: (data, alg) =>
      createHash(alg === HashAlgorithm.Sha384 ? 'sha384' : alg === HashAlgorithm.Sha512 ? 'sha512' : 'sha256')
        .update(data)
        .digest(),
    generateRandom: (length) => randomBytes(length),
    clientAuthentication: clientAuthenticationAnonymous(),
    // Only the holder key signs, and only the proof JWT the library hands over (typ openid4vci-proof+jwt).
    signJwt: async (signer: JwtSigner, jwt) => {
      if (signer.method !== 'did' || signer.didUrl !== key.keyId) throw new ReceiveError(msg('receive.oid.signKey'));
      // SECURITY: the wallet's key signs proofs of possession for a credential and nothing else (no DPoP, no client attestation).
      if (jwt.header.typ !== 'openid4vci-proof+jwt') throw new ReceiveError(msg('receive.oid.signType', { type: jwt.header.typ ?? msg('receive.oid.untyped') }));
      const token = await new CompactSign(new TextEncoder().encode(JSON.stringify(jwt.payload))).setProtectedHeader({ ...jwt.header, alg: 'EdDSA' }).sign(key.privateKey);
      return { jwt: token, signerJwk: createPublicKey(key.privateKey).export({ format: 'jwk' }) as Jwk };
    },
  };
}

interface OfferPlan {
  readonly offer: CredentialOfferObject;
  readonly metadata: IssuerMetadataResult;
  readonly configurationIds: readonly string[];
  /** Pre-authorized (the offer carries the code) or authorization code (the user signs in at the issuer). */
  readonly flow: 'pre-authorized' | 'authorization-code';
}

function displayName(entries: unknown): string | undefined {
  if (!Array.isArray(entries)) return undefined;
  const english = entries.find((e: { locale?: unknown }) => typeof e.locale === 'string' && e.locale.toLowerCase().startsWith('en')) as { name?: unknown } | undefined;
  const name = (english ?? (entries[0] as { name?: unknown } | undefined))?.name;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
}

function receiveOf(id: string, configuration: Record<string, unknown>): ConsentReceive {
  const definition = configuration.credential_definition as { type?: unknown } | undefined;
  const types = Array.isArray(definition?.type) ? definition.type.filter((t): t is string => typeof t === 'string') : undefined;
  const metadata = configuration.credential_metadata as { display?: unknown } | undefined;
  const name = displayName(metadata?.display) ?? displayName(configuration.display) ?? types?.filter((t) => t !== 'VerifiableCredential').join(', ') ?? id;
  return { name: name === '' ? id : name, format: String(configuration.format), ...(types ? { types } : {}) };
}

/** Reads the offer and what the issuer publishes, and says what consenting would mean. Sends nothing of the user's. */
async function plan(session: ReceiveSession, offerLink: string, openid: Openid4vciClient): Promise<{ plan: OfferPlan; question: ConsentQuestion }> {
  let offer: CredentialOfferObject;
  try {
    offer = await openid.resolveCredentialOffer(offerLink);
  } catch (error) {
    throw new ReceiveError(msg('receive.oid.offerUnreadable', { why: describeProtocolError(error) }));
  }
  const issuerHost = hostOf(offer.credential_issuer);
  if (!offer.credential_issuer.startsWith('https://')) throw new ReceiveError(msg('receive.oid.issuerNotHttps', { issuer: offer.credential_issuer }));
  const grant = offer.grants?.[preAuthorizedGrant];
  const signIn = !grant && offer.grants?.[authorizationCodeGrant] !== undefined;
  if (!grant && !(signIn && session.openBrowser)) {
    throw new ReceiveError(msg(signIn ? 'receive.oid.needsBrowser' : 'receive.oid.noGrant', { host: issuerHost }));
  }
  let metadata: IssuerMetadataResult;
  try {
    metadata = await openid.resolveIssuerMetadata(offer.credential_issuer);
  } catch (error) {
    throw new ReceiveError(msg('receive.oid.noMetadata', { host: issuerHost, why: describeProtocolError(error) }));
  }
  const configurations = metadata.knownCredentialConfigurations as Record<string, Record<string, unknown>>;
  const configurationIds = offer.credential_configuration_ids;
  const receives: ConsentReceive[] = [];
  for (const id of configurationIds) {
    const configuration = configurations[id] ?? metadata.credentialIssuer.credential_configurations_supported[id];
    if (!configuration) throw new ReceiveError(msg('receive.oid.unknownConfiguration', { host: issuerHost, id }));
    const format = String(configuration.format);
    if (!supportedFormats.has(format)) {
      throw new ReceiveError(msg('receive.oid.unknownFormat', { host: issuerHost, format }));
    }
    receives.push(receiveOf(id, configuration));
  }
  const txCode = grant?.tx_code;
  const question: ConsentQuestion = {
    protocol: 'openid4vci',
    issuerHost,
    ...(displayName(metadata.credentialIssuer.display) ? { issuerName: displayName(metadata.credentialIssuer.display) } : {}),
    sends: [
      ...(signIn ? [{ kind: 'browser-sign-in' as const, host: issuerHost }] : []),
      { kind: 'holder-did', did: session.holder.did },
      { kind: 'signed-proof', what: 'openid4vci-proof' },
      ...(txCode ? [{ kind: 'transaction-code' as const }] : []),
    ],
    receives,
    ...(txCode
      ? {
          transactionCode: {
            ...(txCode.length === undefined ? {} : { length: txCode.length }),
            ...(txCode.input_mode === undefined ? {} : { inputMode: txCode.input_mode === 'text' ? 'text' : 'numeric' }),
            ...(txCode.description === undefined ? {} : { description: txCode.description }),
          },
        }
      : {}),
  };
  return { plan: { offer, metadata, configurationIds, flow: signIn ? 'authorization-code' : 'pre-authorized' }, question };
}

function credentialsOf(response: Record<string, unknown>, issuerHost: string): unknown[] {
  if (Array.isArray(response.credentials)) return response.credentials.map((c: unknown) => (c && typeof c === 'object' && 'credential' in c ? c.credential : c));
  if (response.credential !== undefined) return [response.credential];
  if (typeof response.transaction_id === 'string') throw new ReceiveError(msg('receive.oid.deferred', { host: issuerHost }));
  throw new ReceiveError(msg('receive.oid.noCredential', { host: issuerHost }));
}

/** The access token for a pre-authorized code (and the transaction code, when the offer asks for one). */
async function preAuthorizedToken(
  openid: Openid4vciClient,
  offerPlan: OfferPlan,
  issuerHost: string,
  txCode: string | undefined,
): Promise<{ accessToken: string; cNonce?: string }> {
  try {
    const token = await openid.retrievePreAuthorizedCodeAccessTokenFromOffer({
      credentialOffer: offerPlan.offer,
      issuerMetadata: offerPlan.metadata,
      ...(txCode ? { txCode } : {}),
    });
    const cNonce = token.accessTokenResponse.c_nonce;
    return { accessToken: token.accessTokenResponse.access_token, ...(typeof cNonce === 'string' ? { cNonce } : {}) };
  } catch (error) {
    const said = describeProtocolError(error);
    if (englishOf(said).includes('invalid_grant')) throw new ReceiveError(msg(txCode ? 'receive.oid.wrongCode' : 'receive.oid.expired', { host: issuerHost, why: said }));
    throw new ReceiveError(msg('receive.oid.noToken', { host: issuerHost, why: said }));
  }
}

export async function receiveOffer(session: ReceiveSession, offerLink: string): Promise<ReceivedItem[] | 'declined'> {
  const callbacks = clientCallbacks(session.network, session.holder);
  const openid = new Openid4vciClient({ callbacks });
  const { plan: offerPlan, question } = await plan(session, offerLink, openid);
  const issuerHost = question.issuerHost;
  const answer = await session.ask(question);
  if (!answer.consent) return 'declined';
  const txCode = answer.transactionCode?.trim();
  if (question.transactionCode && !txCode) throw new ReceiveError(msg('receive.oid.noCode', { host: issuerHost }));
  const { offer, metadata } = offerPlan;
  const token =
    offerPlan.flow === 'authorization-code'
      ? await authorizationCodeToken(session, callbacks, openid, offer, metadata, offerPlan.configurationIds, issuerHost)
      : await preAuthorizedToken(openid, offerPlan, issuerHost, question.transactionCode ? txCode : undefined);
  const { accessToken } = token;
  const tokenNonce = token.cNonce;
  const items: ReceivedItem[] = [];
  for (const configurationId of offerPlan.configurationIds) {
    let nonce = tokenNonce;
    if (metadata.credentialIssuer.nonce_endpoint) {
      try {
        nonce = (await openid.requestNonce({ issuerMetadata: metadata })).c_nonce;
      } catch (error) {
        throw new ReceiveError(msg('receive.oid.noNonce', { host: issuerHost, why: describeProtocolError(error) }));
      }
    }
    const { jwt } = await openid.createCredentialRequestJwtProof({
      issuerMetadata: metadata,
      credentialConfigurationId: configurationId,
      signer: { method: 'did', didUrl: session.holder.keyId, alg: 'EdDSA' },
      ...(nonce === undefined ? {} : { nonce }),
      issuedAt: new Date(),
    });
    // Draft 15 and 1.0 take `proofs`; earlier drafts a single `proof`.
    const modern = metadata.originalDraftVersion === Openid4vciVersion.V1 || metadata.originalDraftVersion === Openid4vciVersion.Draft15;
    let response;
    try {
      response = await openid.retrieveCredentials({
        issuerMetadata: metadata,
        accessToken,
        credentialConfigurationId: configurationId,
        ...(modern ? { proofs: { jwt: [jwt] } } : { proof: { proof_type: 'jwt', jwt } }),
      });
    } catch (error) {
      throw new ReceiveError(msg('receive.oid.notIssued', { host: issuerHost, why: describeProtocolError(error) }));
    }
    const configuration = metadata.knownCredentialConfigurations[configurationId] as Record<string, unknown> | undefined;
    const expected = receiveOf(configurationId, configuration ?? {});
    for (const credential of credentialsOf(response.credentialResponse, issuerHost)) {
      items.push({ credential, expectedTypes: expected.types?.filter((t) => t !== 'VerifiableCredential') ?? [], label: `${issuerHost} › ${expected.name}` });
    }
  }
  return items;
}
