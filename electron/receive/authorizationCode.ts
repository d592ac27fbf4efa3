import { randomBytes } from 'node:crypto';
import { getAuthorizationServerMetadataFromList, Oauth2Client } from '@openid4vc/oauth2';
import { determineAuthorizationServerForCredentialOffer, type CredentialOfferObject, type IssuerMetadataResult, type Openid4vciClient } from '@openid4vc/openid4vci';
import type { ClientCallbacks } from './openid4vci';
import { msg } from '../../shared/credential/verificationMessages';
import { parseSafeExternalUrl } from '../security/externalLinks';
import { startLoopbackRedirect } from './loopbackRedirect';
import { describeProtocolError } from './protocolErrors';
import { ReceiveError } from './receiveNetwork';
import type { ReceiveSession } from './receiveSession';
import './zodMessages';

/**
 * The OpenID4VCI authorization code flow for a desktop app (RFC 8252): the issuer's sign-in page
 * opens in the system browser (never inside Badgefolio, so the user's password and cookies stay
 * with the browser), with PKCE (S256) and a random `state`; the issuer sends the browser back
 * to a one-time loopback address; the code is exchanged for an access token with the PKCE
 * verifier. Runs only after the user agreed.
 */

/** The public client id Badgefolio introduces itself with (no secret: a native app cannot keep one). */
export const walletClientId = 'badgefolio-wallet';
const defaultSignInTimeoutMs = 5 * 60_000;

function scopesFor(metadata: IssuerMetadataResult, configurationIds: readonly string[]): string | undefined {
  const scopes = configurationIds
    .map((id) => (metadata.knownCredentialConfigurations[id] as { scope?: unknown } | undefined)?.scope)
    .filter((scope): scope is string => typeof scope === 'string' && scope !== '');
  return scopes.length > 0 ? [...new Set(scopes)].join(' ') : undefined;
}

export async function authorizationCodeToken(
  session: ReceiveSession,
  callbacks: ClientCallbacks,
  openid: Openid4vciClient,
  offer: CredentialOfferObject,
  metadata: IssuerMetadataResult,
  configurationIds: readonly string[],
  issuerHost: string,
): Promise<{ accessToken: string; cNonce?: string }> {
  const openBrowser = session.openBrowser;
  if (!openBrowser) throw new ReceiveError(msg('receive.auth.noBrowser', { host: issuerHost }));
  const redirect = await startLoopbackRedirect(`/openid4vci/${randomBytes(12).toString('hex')}`, session.signInTimeoutMs ?? defaultSignInTimeoutMs);
  try {
    const state = randomBytes(16).toString('base64url');
    const scope = scopesFor(metadata, configurationIds);
    let request;
    try {
      // The library's offer-level helper (createAuthorizationRequestUrlFromOffer, 0.4.6) drops
      // `state`; its OAuth 2.0 client keeps it. The same steps, with state: the offer's
      // authorization server, its issuer_state, the credential issuer as the resource.
      const grant = offer.grants?.authorization_code;
      const server = determineAuthorizationServerForCredentialOffer({
        issuerMetadata: metadata,
        ...(grant?.authorization_server ? { grantAuthorizationServer: grant.authorization_server } : {}),
      });
      const made = await new Oauth2Client({ callbacks }).createAuthorizationRequestUrl({
        authorizationServerMetadata: getAuthorizationServerMetadataFromList(metadata.authorizationServers, server),
        clientId: walletClientId,
        redirectUri: redirect.redirectUri,
        state,
        resource: metadata.credentialIssuer.credential_issuer,
        ...(grant?.issuer_state ? { additionalRequestPayload: { issuer_state: grant.issuer_state } } : {}),
        ...(scope ? { scope } : {}),
      });
      request = { ...made, authorizationServer: server };
    } catch (error) {
      throw new ReceiveError(msg('receive.auth.notStarted', { host: issuerHost, why: describeProtocolError(error) }));
    }
    if (!request.pkce) throw new ReceiveError(msg('receive.auth.noPkce', { host: issuerHost }));
    let signInUrl: URL;
    try {
      signInUrl = parseSafeExternalUrl(request.authorizationRequestUrl);
    } catch {
      throw new ReceiveError(msg('receive.auth.notHttps', { host: issuerHost }));
    }
    await openBrowser(signInUrl.href);
    const query = await redirect.arrived;
    if (query.get('state') !== state) throw new ReceiveError(msg('receive.auth.otherState'));
    const error = query.get('error');
    const description = query.get('error_description');
    if (error)
      throw new ReceiveError(description ? msg('receive.auth.refusedWhy', { host: issuerHost, error, description }) : msg('receive.auth.refused', { host: issuerHost, error }));
    const code = query.get('code');
    if (!code) throw new ReceiveError(msg('receive.auth.noCode', { host: issuerHost }));
    const iss = query.get('iss');
    if (iss !== null && iss !== request.authorizationServer) throw new ReceiveError(msg('receive.auth.otherServer', { host: issuerHost, iss }));
    try {
      const token = await openid.retrieveAuthorizationCodeAccessTokenFromOffer({
        credentialOffer: offer,
        issuerMetadata: metadata,
        authorizationCode: code,
        pkceCodeVerifier: request.pkce.codeVerifier,
        redirectUri: redirect.redirectUri,
      });
      const cNonce = token.accessTokenResponse.c_nonce;
      return { accessToken: token.accessTokenResponse.access_token, ...(typeof cNonce === 'string' ? { cNonce } : {}) };
    } catch (failure) {
      throw new ReceiveError(msg('receive.auth.noToken', { host: issuerHost, why: describeProtocolError(failure) }));
    }
  } finally {
    redirect.close();
  }
}
