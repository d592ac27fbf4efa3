import type { MessageTemplate } from './verificationCatalogueEn';

/**
 * Receiving credentials from links (issue #20) in English: what electron/receive and the core's
 * receive say, by key, rendered by the verification catalogues' lookup (verificationMessages.ts)
 * with the same placeholders and modifiers. The English is exactly what the CLI printed before
 * these sentences had keys. `{detail}` values are an issuer's or a library's own words (an OAuth
 * error code and description): technical detail, shown as given in every language.
 *
 * The German catalogue (receiveCatalogueDe.ts) must have every key here, with the same values.
 */
export const receiveMessagesEn = {
  // A QR code on a picture or PDF that holds a link to receive from (electron/intake/intake.ts).
  'receive.qr.offerFound': 'This file holds a QR code with a credential offer from {host}: Badgefolio asks you before anything is sent. It was not stored as a certificate.',
  'receive.qr.offerFoundNoHost': 'This file holds a QR code with a credential offer: Badgefolio asks you before anything is sent. It was not stored as a certificate.',

  // Technical detail: an issuer's OAuth error, a library's or the network's own words.
  'receive.detail': '{detail}',

  // What a link is (shared/credential/receiveLink.ts).
  'receive.link.noOffer': 'This credential offer link holds no offer (no credential_offer or credential_offer_uri).',
  'receive.link.noRequestUrl': 'This credential request link has no https vc_request_url to ask.',
  'receive.link.noChallenge': 'This credential request link has no challenge: the issuer could not tell this request from another.',
  'receive.link.wrapsWrapper': 'This Badgefolio link wraps another Badgefolio link.',
  'receive.link.namesNothing': 'This Badgefolio link names nothing to receive.',
  'receive.link.http': 'This link is not secure (http): Badgefolio receives credentials over https only.',
  'receive.link.unknownScheme': 'Badgefolio does not know links starting with “{scheme}//”.',
  'receive.link.userInfo': 'This link carries a user name or password: it is not followed.',
  'receive.link.lcwNoRequest': 'This Learner Credential Wallet link has no vc_request_url to ask.',
  'receive.link.empty': 'The link is empty.',
  'receive.link.tooLong': 'The link is too long to be a credential link.',
  'receive.link.notALink': 'This is not a link: paste the whole address, starting with https:// or openid-credential-offer://.',

  // Following a link (electron/receive/receiveFromLink.ts).
  'receive.noProtocol': '{host} offers no protocol Badgefolio speaks (VC-API or OpenID4VCI).',
  'receive.interactionNoProtocols': '{host} did not answer the interaction link with the protocols it offers.',
  'receive.noCredentialAt': '{host} answered {status}: there is no credential at this address.',

  // The network (electron/receive/receiveNetwork.ts).
  'receive.redirect': '{host} answered with a redirect to {target}, which Badgefolio does not follow while receiving credentials.',
  'receive.redirectNowhere': '{host} answered with a redirect, which Badgefolio does not follow while receiving credentials.',
  'receive.unreadableAddress': 'an unreadable address',
  'receive.answeredStatusFor': '{host} answered {status} for {url}.',
  'receive.httpMethod': "The issuer's protocol asked for an HTTP {method}, which Badgefolio does not send.",
  'receive.libraryBody': 'The OpenID4VCI library gave a request body Badgefolio cannot send.',
  'receive.noAnswerWithin': '{host} did not answer within {ms} ms.',
  'receive.refused': '{host} could not be asked: {why}.',
  'receive.noAnswer': '{host} did not answer: {why}.',
  'receive.notJson': '{host} answered {url} with something that is not JSON.',
  'receive.why.resolvesPrivate': '{name} resolves only to private or loopback addresses',
  'receive.why.private': '{name} is a private or loopback address',
  'receive.why.httpsOnly': 'only https addresses are fetched, not {protocol}',
  'receive.why.userInfo': 'addresses with credentials are not fetched',
  'receive.why.tooLarge': 'the document is larger than {bytes} bytes',
  'receive.why.redirects': 'more than {count} redirects',

  // OpenID4VCI (electron/receive/openid4vci.ts).
  'receive.oid.signKey': 'The issuer asked for a signature with a key that is not the wallet’s.',
  'receive.oid.signType': 'The issuer asked for a signature Badgefolio does not give ({type}).',
  'receive.oid.untyped': 'untyped',
  'receive.oid.offerUnreadable': 'The credential offer could not be read: {why}',
  'receive.oid.issuerNotHttps': 'The offer names an issuer that is not an https address ({issuer}).',
  'receive.oid.needsBrowser': 'The offer from {host} needs you to sign in at the issuer in a browser, which cannot be opened here.',
  'receive.oid.noGrant': 'The offer from {host} names no way to receive it (neither a pre-authorized code nor a sign-in).',
  'receive.oid.noMetadata': '{host} does not publish usable OpenID4VCI issuer metadata: {why}',
  'receive.oid.unknownConfiguration': 'The offer from {host} names a credential (“{id}”) its issuer does not describe.',
  'receive.oid.unknownFormat':
    'The offer from {host} is for a credential in the “{format}” format, which Badgefolio cannot hold (it takes ldp_vc and jwt_vc_json). Nothing was sent.',
  'receive.oid.deferred': '{host} will issue the credential later (a deferred issuance), which Badgefolio cannot wait for yet.',
  'receive.oid.noCredential': '{host} answered the credential request without a credential.',
  'receive.oid.wrongCode': '{host} refused the offer: the transaction code is wrong, or the offer has expired or was already used ({why}). Nothing was stored.',
  'receive.oid.expired': '{host} refused the offer: it has expired or was already used ({why}). Ask the issuer for a new one. Nothing was stored.',
  'receive.oid.noToken': '{host} gave no access token: {why}',
  'receive.oid.noCode': 'The offer from {host} needs the transaction code the issuer sent you; none was given. Nothing was sent.',
  'receive.oid.noNonce': '{host} gave no nonce for the proof: {why}',
  'receive.oid.notIssued': '{host} did not issue the credential: {why}',

  // Signing in at the issuer (electron/receive/authorizationCode.ts, loopbackRedirect.ts).
  'receive.auth.noBrowser': 'The offer from {host} needs you to sign in at the issuer, and no browser can be opened here.',
  'receive.auth.notStarted': 'The sign-in at {host} could not be started: {why}',
  'receive.auth.noPkce': '{host} does not support PKCE, which Badgefolio requires for signing in.',
  'receive.auth.notHttps': '{host} gave a sign-in address that is not https: it was not opened.',
  'receive.auth.otherState': 'The sign-in came back for another request (its state does not match): nothing more was sent.',
  'receive.auth.refused': '{host} did not let you sign in: {error}.',
  'receive.auth.refusedWhy': '{host} did not let you sign in: {error}: {description}.',
  'receive.auth.noCode': 'The sign-in at {host} came back without a code.',
  'receive.auth.otherServer': "The sign-in came back from another server ({iss}) than {host}'s: nothing more was sent.",
  'receive.auth.noToken': '{host} gave no access token for the sign-in: {why}',
  'receive.auth.timeout': 'The sign-in at the issuer did not come back within {seconds} seconds.',

  // VC-API exchanges and DCC request links (electron/receive/vcApi.ts).
  'receive.what.exchange': 'The VC-API exchange',
  'receive.what.requestLink': 'The request link',
  'receive.what.presentationService': 'The exchange’s presentation service',
  'receive.vc.noAddress': '{what} gives no address.',
  'receive.vc.badAddress': '{what} gives an address that cannot be read.',
  'receive.vc.notHttps': '{what} is not an https address ({protocol}//…): Badgefolio does not use it.',
  'receive.vc.emptyPresentation': '{host} answered with a presentation holding no credential.',
  'receive.vc.noCredential': '{host} answered without a credential.',
  'receive.vc.asksMore': "{host} asks for more than your wallet's identifier ({asked}): Badgefolio only answers DID authentication. Nothing was sent.",
  'receive.vc.unknownQuery': 'an unknown query',
  'receive.vc.noChallenge': '{host} asks for DID authentication without a challenge. Nothing was sent.',
  'receive.vc.otherHost': 'The exchange at {host} asks for the answer to go to another host ({other}), which you did not agree to. Nothing was sent.',
  'receive.vc.closed': 'The exchange at {host} is no longer open (it has expired or was already used). Ask the issuer for a new link.',
  'receive.vc.status': 'The exchange at {host} answered {status}.',
  'receive.vc.statusSaid': 'The exchange at {host} answered {status}: {detail}.',
  'receive.vc.notJson': 'The exchange at {host} answered with something that is not JSON.',
  'receive.vc.ended': 'The exchange at {host} ended without giving a credential.',
  'receive.vc.kept': 'The exchange at {host} kept asking without giving a credential.',
  'receive.vc.requestClosed': 'The request at {host} is no longer open (it has expired or was already used). Ask the issuer for a new link.',
  'receive.vc.requestStatus': '{host} answered {status}.',
  'receive.vc.requestStatusSaid': '{host} answered {status}: {detail}.',

  // What came (electron/core/receiveCredentials.ts).
  'receive.wrongSubject': 'The issuer sent a credential made out to someone else ({other}), not to this wallet ({holder}): it was not stored.',
  'receive.wrongType': 'The issuer sent a different credential than it offered (not a {types}): it was not stored.',
  'receive.doesNotCheck': 'The issuer sent a credential that does not check: {summary} It was not stored.',

  // `badgefolio receive` in the terminal (electron/cli/commands/receive.ts, consentPrompt.ts).
  'receive.cli.notReceived': 'Not received: {why}',
  'receive.cli.declined': 'Not received: nothing was sent to {host}.',
  'receive.cli.none': '{host} gave no credential.',
  'receive.ask.title': 'Receive credentials from {who}?',
  'receive.ask.calling': '{host} (calling itself “{name}”)',
  'receive.devHosts.warning':
    'WARNING: developer hosts are ON: {hosts}, trusting the certificate authority in NODE_EXTRA_CA_CERTS. Use this only to test an issuer you run yourself.',
  'receive.flow.othersWaiting': 'Other links are still waiting for your answer: answer them first.',
  'receive.flow.noLongerWaiting': 'This question is no longer waiting for an answer (it was answered or timed out). Add the link again.',
  'receive.ask.registry': 'A known-issuer registry lists this web site as {name} ({source}).',
  'receive.ask.registryTest': 'A registry of test issuers lists this web site as {name} ({source}): a test issuer, not a real one.',
  'receive.ask.anIssuer': 'an issuer',
  'receive.ask.aRegistry': 'a registry',
  'receive.ask.identity': 'Who stands behind it: {level}.',
  'receive.ask.identitySource': 'Who stands behind it: {level} ({source}).',
  'receive.ask.noRegistry': 'No known-issuer registry lists this web site: judge the address yourself.',
  'receive.ask.sendsNothing': 'Badgefolio sends nothing but the request for the address.',
  'receive.ask.sends': 'Badgefolio will send to {host}:',
  'receive.ask.holderDid': "your wallet's identifier, {did}",
  'receive.ask.proof': 'a proof signed with your wallet’s key (so the credential is issued to this wallet)',
  'receive.ask.didAuth': 'a presentation signed with your wallet’s key, answering the issuer’s challenge',
  'receive.ask.txCode': 'the transaction code the issuer sent you',
  'receive.ask.browser': 'your sign-in, made in your browser at {host} (Badgefolio only gets a one-time code from it, never your password)',
  'receive.ask.receives': 'You will receive:',
  'receive.ask.receivesUnknown': 'The issuer does not say in advance which credentials it will give.',
  'receive.ask.txDescription': 'The issuer says about the transaction code: “{description}”',
  'receive.ask.prompt': 'Agree and receive? [y/N] ',
  'receive.ask.agreed': 'Agreed (--yes).',
  'receive.ask.notAgreed': 'Not agreed: give --yes to agree, or run this in a terminal to be asked. Nothing was sent.',
  'receive.ask.needsCode': 'This offer needs the transaction code the issuer sent you: give it with --tx-code PIN.',
  'receive.ask.codePrompt': 'Transaction code: ',
} as const satisfies Readonly<Record<string, MessageTemplate>>;

export type ReceiveMessageKey = keyof typeof receiveMessagesEn;
