import type { MessageTemplate } from './verificationCatalogueEn';

/**
 * The words of the issuer identity finding (electron/verify/issuerIdentity.ts), of the EU
 * trust list check (electron/verify/trustList) and of a Blockcerts key in its issuer profile
 * (electron/verify/blockcertsIssuerKey.ts), in English: kept apart from the engine's main
 * catalogue, which they join (verificationCatalogueEn.ts spreads them in). The German twin is
 * trustCatalogueDe.ts. A seal's and a registry's sentences say what the engine wrote before they
 * were keys, a registry's date now written as a date ("snapshot of 9 May 2025").
 */
export const trustMessagesEn = {
  // The EU trust list check of a Europass seal (trustList/sealTrust.ts).
  'trust.listed':
    'The sealing certificate is certified by “{provider}”, a qualified trust service provider whose service for seals is granted on the trusted list of {territory} (issued {listDate}, {origin}), found through the EU list of trusted lists. {caveat}',
  'trust.caveatHttps': "The lists were fetched over HTTPS; their XML signatures were not checked, nor was the certificate's revocation (OCSP).",
  'trust.caveat': "The lists' XML signatures were not checked, nor was the certificate's revocation (OCSP).",
  'trust.notListed':
    'The sealing certificate was not found among the granted qualified services for seals on the trusted list of {territories} (issued {listDate}), so it is not confirmed as a qualified European seal.',
  'trust.noList':
    'The EU list of trusted lists (issued {listDate}) points to no trusted list for {territories}, the countries the sealing certificate names, so it is not confirmed as a qualified European seal.',
  'trust.unavailable': 'The EU trust list could not be consulted: {reason}',
  'trust.unreadable': '{url} is not a trusted list Badgefolio can read ({error}).',
  // Who a seal's certificate names (its subject's O, and CN).
  'identity.seal.organisation': 'the organisation “{organisation}”',
  'identity.seal.organisationCn': 'the organisation “{organisation}” (“{commonName}”)',
  'identity.seal.commonName': '“{commonName}”',
  'identity.seal.notConsulted': "The seal's certificate names {named}; the EU trust list was not consulted, so nothing confirms that certificate belongs to the issuer.",
  'identity.seal.unavailable':
    "The seal's certificate names {named}; the EU trust list could not be consulted ({reason|noStop}), so nothing confirms that certificate belongs to the issuer.",
  'identity.seal.notListed':
    "The seal's certificate names {named}; it was not found on the EU trust list (the trusted list of {territories}, issued {listDate}), so nothing confirms that certificate belongs to the issuer.",
  'identity.seal.noList':
    "The seal's certificate names {named}; the EU trust list has no trusted list for {territories}, so nothing confirms that certificate belongs to the issuer.",
  'identity.seal.listed':
    "The seal's certificate names {named} and is certified by “{provider}”, a qualified trust service provider on the EU trust list (the trusted list of {territory}, issued {listDate}); the list's signature was not checked.",
  // A registry that lists the signer.
  'identity.registry.listed': '{registry|firstUpper} ({dated}) lists the signer as {listed}.',
  'identity.registry.the': 'the {name}',
  'identity.registry.file': '{name}',
  'identity.registry.unnamed': 'a registry',
  'identity.registry.snapshot': 'snapshot of {asOfDate}',
  'identity.registry.asOf': 'as of {asOfDate}',
  'identity.registry.undated': 'undated',
  'identity.registry.name': '“{name}”',
  'identity.registry.nameAt': '“{name}”, {location}',
  'identity.registry.test': 'It is a registry of test issuers, not of real ones.',
  'identity.claimed': 'The credential itself calls its issuer “{name}”.',
  // Why nothing confirms the issuer when no proof held (issuerIdentity.ts).
  'identity.unconfirmed.noSignature': 'Nothing confirms who issued it: it carries no signature to check.',
  'identity.unconfirmed.notChecked': 'Nothing confirms who issued it: it could not be checked against its issuer.',
  'identity.unconfirmed.doesNotHold': 'Nothing confirms who issued it: its signature does not hold.',
  // A Blockcerts certificate's key in its issuer profile (blockcertsIssuerKey.ts).
  'identity.blockcerts.profile':
    'The issuer profile at {domain} lists the key this certificate names: whoever controls that web address lists it as theirs. That this key recorded the certificate on the blockchain needs a blockchain lookup, which Badgefolio does not do.',
  'identity.domainJudge': 'The credential calls its issuer “{name}”; judge whether {domain} is theirs.',
  'blockcertsKey.unnamed': "The certificate does not name the key it was issued with, so its issuer profile cannot say whether that key is the issuer's.",
  'blockcertsKey.profileUnavailable': "The issuer profile, which lists the issuer's keys, could not be had: {reason}",
  'blockcertsKey.notListed': 'The issuer profile at {url} does not list the key this certificate names ({key}): nothing ties the certificate to that issuer.',
  'blockcertsKey.listed': "The issuer profile at {url} lists the key this certificate names ({key}), and the certificate was issued within that key's dates.",
  'blockcertsKey.listedUndated': 'The issuer profile at {url} lists the key this certificate names ({key}); the certificate does not say when it was issued.',
  'blockcertsKey.afterRevoked': 'The certificate was issued on {issuedDate}, after its issuer had revoked the key it names (on {revokedDate}): it is not genuine.',
  'blockcertsKey.afterExpired': 'The certificate was issued on {issuedDate}, after the key it names had expired (on {expiredDate}): it is not genuine.',
  'blockcertsKey.beforeCreated': 'The certificate was issued on {issuedDate}, before the key it names was created (on {createdDate}): it is not genuine.',
  // A registry file the user adds in Settings or gives to --registry, refused with the reason (issuerRegistries.ts, issuerRegistryStore.ts).
  'registryFile.notARegistry': '{name} is not an issuer registry: it has no "registry" object of DIDs.',
  'registryFile.noIssuers': '{name} lists no issuer DIDs with names.',
  'registryFile.tooLarge': '{name} is too large for an issuer registry (at most 2 MB).',
  'registryFile.bundledName': '{name} has the name of a registry Badgefolio already consults; rename the file first.',
  'registryFile.notJson': '{name} could not be read as JSON.',
  'registryFile.tooMany': 'At most {count} registries of your own can be added; remove one first.',
  'registryFile.unknown': 'No registry of your own is called {name}.',
} as const satisfies Readonly<Record<string, MessageTemplate>>;
