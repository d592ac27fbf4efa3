// A local OpenID4VCI 1.0 issuer for tests, built on the issuer side of @openid4vc/openid4vci and
// the authorization server of @openid4vc/oauth2 (the maintained implementation, not our client
// code), served over the loopback internet (HTTPS, the test's CA). Pre-authorized code flow, with
// or without a transaction code, a nonce endpoint, proof JWTs checked against the holder's
// did:key, and OB 3.0 credentials signed by the Digital Bazaar stack (ldp_vc, eddsa-rdfc-2022)
// or by jose (jwt_vc_json). Everything the wallet sent is recorded for the tests to look at.
import { createHash, randomBytes } from 'node:crypto';
import { decode as base58Decode } from 'base58-universal';
import { compactVerify, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { clientAuthenticationAnonymous, HashAlgorithm, Oauth2AuthorizationServer, type CallbackContext, type Jwk } from '@openid4vc/oauth2';
import { Openid4vciIssuer, Openid4vciVersion, type CredentialIssuerMetadata, type IssuerMetadataResult } from '@openid4vc/openid4vci';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, signDataIntegrity, signVcJwt, type Ed25519Issuer } from './credentials';
import type { LoopbackAnswer, LoopbackInternet, LoopbackRequest } from './loopbackInternet';

export type TestFormat = 'ldp_vc' | 'jwt_vc_json';

export interface TestIssuerOptions {
  readonly host?: string;
  readonly format?: TestFormat;
  /** The transaction code the offer needs (none unless given). */
  readonly txCode?: string;
  /** When the pre-authorized code stops being accepted. */
  readonly codeExpiresAt?: Date;
  /** Offer by reference (credential_offer_uri) rather than by value. */
  readonly byReference?: boolean;
  /** A wrong answer: a credential for another subject, or one altered after signing. */
  readonly misbehave?: 'other-subject' | 'tampered';
  readonly name?: string;
  /**
   * Serve draft 13 shapes (as many issuers still do): metadata only at the old location under
   * the issuer's path, display in the configuration, no nonce endpoint (c_nonce in the token
   * response), a single `proof` and a single `credential`.
   */
  readonly draft13?: boolean;
  /** Offer the authorization code flow (sign-in at /authorize, PKCE) instead of a pre-authorized code. */
  readonly authorizationCode?: boolean;
}

export interface TestIssuer {
  readonly offerLink: string;
  readonly issuer: Ed25519Issuer;
  /** Paths asked for, with the method: what the wallet sent, in order. */
  readonly requests: string[];
  /** The holder DIDs proofs were verified for. */
  readonly proofHolders: string[];
  readonly issued: unknown[];
  /** The authorization requests the browser brought to /authorize (their query). */
  readonly authorizations: URLSearchParams[];
}

const sha = (data: Uint8Array, alg: HashAlgorithm): Uint8Array =>
  createHash(alg === HashAlgorithm.Sha384 ? 'sha384' : alg === HashAlgorithm.Sha512 ? 'sha512' : 'sha256')
    .update(data)
    .digest();

/** The Ed25519 public JWK a did:key names (multicodec 0xed01). */
function didKeyJwk(didUrl: string): JWK {
  const fingerprint = didUrl.replace(/^did:key:/, '').split('#')[0] ?? '';
  const bytes = base58Decode(fingerprint.replace(/^z/, ''));
  if (bytes[0] !== 0xed || bytes[1] !== 0x01) throw new Error('not an Ed25519 did:key');
  return { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(bytes.subarray(2)).toString('base64url') };
}

const json = (body: object, status = 200): LoopbackAnswer => ({ status, body, contentType: 'application/json' });

function oauthError(error: unknown): LoopbackAnswer {
  const response = (error as { errorResponse?: object }).errorResponse;
  return json(response ?? { error: 'invalid_request', error_description: error instanceof Error ? error.message : String(error) }, 400);
}

export async function startTestIssuer(internet: LoopbackInternet, options: TestIssuerOptions = {}): Promise<TestIssuer> {
  const host = options.host ?? 'issuer.example';
  const origin = `https://${host}`;
  const format = options.format ?? 'ldp_vc';
  const issuerKey = await generateEd25519Issuer();
  const tokenKeys = await generateKeyPair('ES256', { extractable: true });
  const tokenJwk = (await exportJWK(tokenKeys.publicKey)) as Jwk;
  const record: TestIssuer = { offerLink: '', issuer: issuerKey, requests: [], proofHolders: [], issued: [], authorizations: [] };

  const callbacks: Omit<CallbackContext, 'decryptJwe' | 'encryptJwe'> = {
    hash: sha,
    generateRandom: (length) => randomBytes(length),
    clientAuthentication: clientAuthenticationAnonymous(),
    signJwt: async (_signer, jwt) => ({ jwt: await new SignJWT(jwt.payload).setProtectedHeader({ ...jwt.header, alg: 'ES256' }).sign(tokenKeys.privateKey), signerJwk: tokenJwk }),
    // Proof JWTs name the holder's did:key; verified with jose against the key the DID carries.
    verifyJwt: async (signer, jwt) => {
      const jwk = signer.method === 'did' ? didKeyJwk(signer.didUrl) : signer.method === 'jwk' ? (signer.publicJwk as JWK) : undefined;
      if (!jwk) return { verified: false };
      try {
        await compactVerify(jwt.compact, await importJWK(jwk, signer.alg));
        return { verified: true, signerJwk: jwk as Jwk };
      } catch {
        return { verified: false };
      }
    },
  };
  const issuer = new Openid4vciIssuer({ callbacks });
  const authorizationServer = new Oauth2AuthorizationServer({ callbacks });
  const configurationId = format === 'ldp_vc' ? 'OpenBadgeCredential_ldp' : 'OpenBadgeCredential_jwt';
  const type = ['VerifiableCredential', 'OpenBadgeCredential'];
  const display = [{ name: options.name ?? 'Data Science Fundamentals', locale: 'en' }];
  const issuerId = options.draft13 ? `${origin}/draft13` : origin;
  const credentialMetadata: CredentialIssuerMetadata = issuer.createCredentialIssuerMetadata({
    credential_issuer: issuerId,
    credential_endpoint: `${origin}/credential`,
    ...(options.draft13 ? { authorization_servers: [origin] } : { nonce_endpoint: `${origin}/nonce` }),
    display: [{ name: 'Example University', locale: 'en' }],
    credential_configurations_supported: {
      [configurationId]: {
        format,
        ...(format === 'ldp_vc'
          ? { credential_definition: { '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'], type } }
          : { credential_definition: { type } }),
        cryptographic_binding_methods_supported: ['did:key'],
        proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['EdDSA'] } },
        ...(options.draft13 ? { display } : { credential_metadata: { display } }),
      },
    },
  });
  const asMetadata = authorizationServer.createAuthorizationServerMetadata({
    issuer: origin,
    token_endpoint: `${origin}/token`,
    'pre-authorized_grant_anonymous_access_supported': true,
    ...(options.authorizationCode ? { authorization_endpoint: `${origin}/authorize`, code_challenge_methods_supported: ['S256'] } : {}),
  });
  const issuerMetadata: IssuerMetadataResult = {
    credentialIssuer: credentialMetadata,
    authorizationServers: [asMetadata],
    originalDraftVersion: options.draft13 ? Openid4vciVersion.Draft14 : Openid4vciVersion.V1,
    knownCredentialConfigurations: issuer.getKnownCredentialConfigurationsSupported(credentialMetadata),
  };

  const preAuthorizedCode = randomBytes(16).toString('base64url');
  const accessTokens = new Set<string>();
  const tokenNonce = randomBytes(12).toString('base64url');
  // Authorization codes handed to the browser, with the PKCE challenge and redirect they were asked with.
  const codes = new Map<string, { challenge: string; method: string; redirectUri: string }>();
  // A pre-authorized code is good for one token, as issuers run them.
  let codeUsed = false;
  const nonces = new Set<string>(options.draft13 ? [tokenNonce] : []);
  const offerUri = `${origin}/offers/${randomBytes(6).toString('hex')}`;
  const { credentialOffer, credentialOfferObject } = await issuer.createCredentialOffer({
    issuerMetadata,
    credentialConfigurationIds: [configurationId],
    grants: options.authorizationCode
      ? { authorization_code: { issuer_state: 'session-77' } }
      : {
          'urn:ietf:params:oauth:grant-type:pre-authorized_code': {
            'pre-authorized_code': preAuthorizedCode,
            ...(options.txCode ? { tx_code: { input_mode: 'numeric', length: options.txCode.length, description: 'The PIN in the e-mail we sent you' } } : {}),
          },
        },
    ...(options.byReference ? { credentialOfferUri: offerUri } : {}),
  });
  (record as { offerLink: string }).offerLink = credentialOffer;

  const log = (request: LoopbackRequest): void => {
    record.requests.push(`${request.method} ${request.path}`);
  };
  const requestLike = (request: LoopbackRequest) => ({
    method: request.method as 'POST',
    url: `${origin}${request.path}`,
    headers: new Headers(request.headers as Record<string, string>),
  });

  internet
    .serve(
      options.draft13 ? `${issuerId}/.well-known/openid-credential-issuer` : `${origin}/.well-known/openid-credential-issuer`,
      (request) => (log(request), json(credentialMetadata)),
    )
    .serve(`${origin}/.well-known/oauth-authorization-server`, (request) => (log(request), json(asMetadata)))
    .serve(offerUri, (request) => (log(request), json(credentialOfferObject)))
    .serve(`${origin}/token`, async (request) => {
      log(request);
      try {
        const parsed = authorizationServer.parseAccessTokenRequest({ request: requestLike(request), accessTokenRequest: Object.fromEntries(new URLSearchParams(request.body)) });
        if (parsed.grant.grantType === 'authorization_code') {
          const issued = codes.get(parsed.grant.code);
          if (!issued) return json({ error: 'invalid_grant', error_description: 'unknown code' }, 400);
          codes.delete(parsed.grant.code);
          if (parsed.accessTokenRequest.redirect_uri !== issued.redirectUri) return json({ error: 'invalid_grant', error_description: 'redirect_uri differs' }, 400);
          await authorizationServer.verifyAuthorizationCodeAccessTokenRequest({
            authorizationServerMetadata: asMetadata,
            grant: parsed.grant,
            accessTokenRequest: parsed.accessTokenRequest,
            request: requestLike(request),
            expectedCode: parsed.grant.code,
            pkce: { codeChallenge: issued.challenge, codeChallengeMethod: issued.method as never, ...(parsed.pkceCodeVerifier ? { codeVerifier: parsed.pkceCodeVerifier } : {}) },
          });
        } else if (parsed.grant.grantType !== 'urn:ietf:params:oauth:grant-type:pre-authorized_code') return json({ error: 'unsupported_grant_type' }, 400);
        else
          await authorizationServer.verifyPreAuthorizedCodeAccessTokenRequest({
            authorizationServerMetadata: asMetadata,
            grant: parsed.grant,
            accessTokenRequest: parsed.accessTokenRequest,
            request: requestLike(request),
            expectedPreAuthorizedCode: preAuthorizedCode,
            ...(options.txCode ? { expectedTxCode: options.txCode } : {}),
            ...(options.codeExpiresAt ? { preAuthorizedCodeExpiresAt: options.codeExpiresAt } : {}),
          });
        if (codeUsed) return json({ error: 'invalid_grant', error_description: 'The pre-authorized code was already used' }, 400);
        codeUsed = true;
        const response = await authorizationServer.createAccessTokenResponse({
          authorizationServer: origin,
          audience: origin,
          expiresInSeconds: 300,
          subject: preAuthorizedCode,
          signer: { method: 'jwk', publicJwk: tokenJwk, alg: 'ES256' },
          // Draft 13 hands the proof's nonce over with the token.
          ...(options.draft13 ? { cNonce: tokenNonce } : {}),
        });
        accessTokens.add(response.access_token);
        return json(response);
      } catch (error) {
        return oauthError(error);
      }
    })
    .serve(`${origin}/authorize`, (request) => {
      log(request);
      // The "sign-in page": it signs the user in at once and sends the browser back with a code.
      const query = new URL(request.path, origin).searchParams;
      record.authorizations.push(query);
      const redirectUri = query.get('redirect_uri') ?? '';
      const code = randomBytes(12).toString('base64url');
      codes.set(code, { challenge: query.get('code_challenge') ?? '', method: query.get('code_challenge_method') ?? 'plain', redirectUri });
      const back = new URL(redirectUri);
      back.search = new URLSearchParams({ code, state: query.get('state') ?? '', iss: origin }).toString();
      return { status: 302, body: '', contentType: 'text/plain', headers: { location: back.href } };
    })
    .serve(`${origin}/nonce`, (request) => {
      log(request);
      const cNonce = randomBytes(12).toString('base64url');
      nonces.add(cNonce);
      return json(issuer.createNonceResponse({ cNonce, cNonceExpiresIn: 300 }));
    })
    .serve(`${origin}/credential`, async (request) => {
      log(request);
      const token = /^(?:Bearer|DPoP) (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (!token || !accessTokens.has(token)) return json({ error: 'invalid_token' }, 401);
      try {
        const parsed = issuer.parseCredentialRequest({ issuerMetadata, credentialRequest: JSON.parse(request.body) as Record<string, unknown> });
        const jwt = parsed.proofs?.jwt?.[0] ?? (parsed.credentialRequest as { proof?: { jwt?: string } }).proof?.jwt;
        if (!jwt) return json({ error: 'invalid_proof', error_description: 'no proof' }, 400);
        const nonce = [...nonces].find((n) => jwt.includes('.') && (JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as { nonce?: string }).nonce === n);
        if (!nonce) return json({ error: 'invalid_nonce' }, 400);
        nonces.delete(nonce);
        const verified = await issuer.verifyCredentialRequestJwtProof({ issuerMetadata, jwt, expectedNonce: nonce });
        const signer = verified.signer as { method: string; didUrl?: string };
        const holder = (signer.didUrl ?? '').split('#')[0] ?? '';
        record.proofHolders.push(holder);
        const subject = options.misbehave === 'other-subject' ? 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' : holder;
        const vc = makeOb3Credential({
          issuer: makeIssuerProfile({ id: issuerKey.did, name: 'Example University' }),
          name: display[0]?.name,
          achievementName: display[0]?.name,
          recipient: { did: subject },
        });
        let credential: unknown = format === 'ldp_vc' ? await signDataIntegrity(vc, issuerKey, 'eddsa-rdfc-2022') : await signVcJwt(vc, issuerKey);
        if (options.misbehave === 'tampered') {
          credential = typeof credential === 'string' ? credential : { ...(credential as object), name: 'Doctorate in Everything' };
          if (typeof credential === 'string') {
            const [header, , signature] = credential.split('.');
            const claims = JSON.parse(Buffer.from(credential.split('.')[1] ?? '', 'base64url').toString()) as { vc: { name: string } };
            claims.vc.name = 'Doctorate in Everything';
            credential = `${header ?? ''}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature ?? ''}`;
          }
        }
        record.issued.push(credential);
        return json(
          options.draft13
            ? issuer.createCredentialResponse({ credentialRequest: parsed, credential: credential as never })
            : issuer.createCredentialResponse({ credentialRequest: parsed, credentials: [{ credential: credential as never }] }),
        );
      } catch (error) {
        return oauthError(error);
      }
    });
  return record;
}
