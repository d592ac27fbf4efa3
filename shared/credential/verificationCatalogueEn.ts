import { schemaMessagesEn } from './schemaCatalogueEn';
import { intakeMessagesEn } from './intakeCatalogueEn';
import { trustMessagesEn } from './trustCatalogueEn';

/**
 * The verification engine's words in English: every check label and sentence, and the
 * summary's leads, by key. These are exactly the sentences the engine wrote before it spoke in
 * keys (the CLI prints them, stored reports hold them, tests compare them), so a change here
 * changes what the CLI says. `{name}` is a value of the message; `{name|lower}` lower-cases
 * it and `{name|noStop}` drops a final full stop (for a sentence quoted inside another),
 * `{name|firstLower}` lower-cases its first letter only, `{name|firstUpper}` capitalises it
 * (a phrase that begins a sentence), `{name|words}` writes a camel-case property name as words
 * ("achievementType" as "achievement type"); a
 * value named `…Date` is an ISO date, written as the language writes dates. An entry with
 * `plural` picks its form by that numeric value (Intl.PluralRules).
 *
 * The German catalogue (verificationCatalogueDe.ts) must have every key here, with the same
 * values; verificationMessages.ts renders both.
 */
/** One form of a sentence, or several chosen by a count (Intl.PluralRules' categories; `other` always). */
export type PluralTemplate = { readonly plural: string; readonly other: string } & Readonly<Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many', string>>>;
export type MessageTemplate = string | PluralTemplate;

export const verificationMessagesEn = {
  // Check labels.
  'label.structure': 'Structure',
  'label.signature': 'Signature',
  'label.proofOf': '{label} (proof {index} of {count})',
  'label.revocation': 'Revocation',
  'label.suspension': 'Suspension',
  'label.dates': 'Dates',
  'label.recipient': 'Recipient',
  'label.sealSignature': 'Seal signature',
  'label.sealTrust': 'Seal trust',
  'label.contexts': 'JSON-LD contexts',
  'label.hash': 'Certificate hash',
  'label.merklePath': 'Merkle path',
  'label.anchor': 'Blockchain anchor',
  'label.issuerKey': 'Issuer key',
  'label.claims': 'JWT claims',
  'label.webSite': 'Web site',

  // Small pieces several sentences share.
  'join.semicolon': '{first}; {rest}',
  'origin.documentsMap': 'from the documents you supplied',
  'origin.givenBeside': 'from a file given beside it (not fetched from its address)',
  'origin.network': 'fetched on {fetchedDate}',
  'origin.networkUndated': 'fetched on this run',
  'origin.cache': 'as last fetched on {fetchedDate}',
  'origin.cacheUndated': 'as last fetched on an earlier date',
  'origin.bundled': 'from the copy built into Badgefolio',
  'origin.credential': 'from the credential itself',
  'fetch.offline': '{url} is needed and Badgefolio is offline.',
  'fetch.http': '{url} answered HTTP {status}.',
  'fetch.notJson': 'The document at {url} is not JSON.',
  'fetch.error': '{url} could not be fetched: {error}',
  'fetch.other': '{detail}',
  'how.didKey': 'decoded from the did:key itself',
  'how.didJwk': 'decoded from the did:jwk itself',
  'how.fragment': 'taken from the fragment of the issuer address (1EdTech convention)',
  'how.reference': "read from the key reference itself, as the issuer's profile that would list it is not available",
  'how.listedIn': 'listed in {document}',
  'how.headerJwk': 'carried in the credential itself (header "jwk")',
  'verdict.status.verified': 'verified',
  'verdict.status.invalid': 'invalid',
  'verdict.status.expired': 'expired',
  'verdict.status.not-yet-valid': 'not-yet-valid',
  'verdict.status.revoked': 'revoked',
  'verdict.status.unverifiable': 'unverifiable',
  'verdict.status.unsigned': 'unsigned',
  'verdict.status.malformed': 'malformed',

  // Dates (dates.ts).
  'dateName.validFrom': 'valid-from date',
  'dateName.issuance': 'issuance date',
  'dateName.validUntil': 'valid-until date',
  'dateName.expiration': 'expiration date',
  'dateName.issue': 'issue date',
  'dateName.expiry': 'expiry date',
  'dates.invalid': "The credential's {dateName} ({value}) is not a valid date.",
  'dates.expired': 'This credential expired on {untilDate}.',
  'dates.notYetValid': 'This credential is not valid until {fromDate}.',
  'dates.inDate.fromUntil': 'The credential is in date: valid since {fromDate} until {untilDate}.',
  'dates.inDate.from': 'The credential is in date: valid since {fromDate} with no expiry date.',
  'dates.inDate.until': 'The credential is in date: until {untilDate}.',
  'dates.inDate.open': 'The credential is in date: with no expiry date.',

  // Revocation and suspension (statusList.ts).
  'purpose.revocation': 'revocation',
  'purpose.suspension': 'suspension',
  'status.checked.cache': 'revocation last checked on {fetchedDate}',
  'status.checked.list': 'list {origin}',
  'status.none': 'The issuer gave this credential no revocation list, so there is nothing to check.',
  'status.entryNotObject': 'The credential status entry is not a JSON object.',
  'status.unknownMethod': 'Badgefolio does not know the "{type}" status method, so revocation was not checked.',
  'status.entryIncomplete': 'The {type} entry lacks a list address or a valid index.',
  'status.listUnavailable': "The issuer's status list could not be checked: {reason}",
  'status.notCredential': 'The status list at {url} is not a credential.',
  'status.wrongType': 'The status list at {url} is not a {type}, so it cannot be trusted.',
  'status.noSubject': 'The status list at {url} does not hold a {type}.',
  'status.tooDeep': 'Status lists nested this deep are not followed.',
  'status.listUntrusted': "The issuer's status list cannot be trusted ({status}): {summary}",
  'status.purposeMismatch': 'The status list is for {listPurpose}, but the credential points to it for {purpose}.',
  'status.undecodable': 'The status list at {url} cannot be decoded.',
  'status.indexBeyond': "The credential's place in the status list ({index}) lies beyond its end.",
  'status.listUnverifiedClear': "The issuer's status list does not mark this credential, but the list itself could not be verified: {summary}",
  'status.notRevoked': 'The issuer has not revoked this credential ({checked}).',
  'status.notSuspended': 'The issuer has not suspended this credential ({checked}).',
  'status.revoked': 'The issuer has revoked this credential ({checked}).',
  'status.suspended': 'The issuer has suspended this credential ({checked}).',
  'status.otherFlag': 'The issuer\'s status list sets a "{purpose}" flag for this credential, which Badgefolio does not interpret.',
  'status.oneEdTechNoAddress': 'The 1EdTech revocation list entry has no address.',
  'status.revocationListUnavailable': "The issuer's revocation list could not be checked: {reason}",
  'status.notRevocationList': 'The revocation list at {url} is not one.',

  // Recipient (recipient.ts).
  'recipient.hashedNoAddresses': 'The recipient is a hidden (hashed) e-mail address; add your addresses to check it is yours.',
  'recipient.awardedTo': 'The badge was awarded to {identity}.',
  'recipient.yours': 'The badge was awarded to your address {address}.',
  'recipient.notYours': 'The badge was awarded to an address that is not one of yours.',

  // Europass seals (jades.ts).
  'jades.incomplete': 'The Europass seal is incomplete (payload, protected header or signature missing).',
  'jades.headerUnreadable': 'The Europass seal header cannot be read.',
  'jades.noCertificate': 'The seal does not carry its certificate (x5c), so its signature cannot be checked offline.',
  'jades.certificateDamaged': "The seal's certificate is damaged.",
  'jades.mismatch': "The seal's signature does not match its certificate ({subject}): the credential was changed after sealing.",
  'jades.matches': "The seal's signature matches its certificate ({subject}).",
  'jades.trust': 'Whether the certificate is a qualified European seal of the issuer (EU trust list, revocation by OCSP) needs the network and is not checked by Badgefolio.',
  'jades.trustExpiredCertificate':
    'Whether the certificate is a qualified European seal of the issuer (EU trust list, revocation by OCSP) needs the network and is not checked by Badgefolio. The certificate itself expired on {expiredDate}.',

  // Compact JWS and VC-JWT (vcJwt.ts).
  'jws.parts': 'A signed credential (JWS) has three parts; this one has {count}.',
  'jws.headerUnreadable': 'The JWS header is not readable JSON.',
  'jws.payloadUnreadable': 'The JWS payload is not readable JSON.',
  'jws.noSignature': 'The JWS has no readable signature.',
  'jwt.badAlgorithm': 'The signature algorithm "{alg}" is not one a credential may use.',
  'jwt.noKey': 'The signed credential does not say which key signed it (no "kid" or "jwk" in its header), which Open Badges 3.0 requires.',
  'jwt.keyNotFound': 'The key "{kid}" cannot be looked up.',
  'jwt.headerKeyUnusable': 'The key in the header ("jwk") is not a usable public key.',
  'jwt.matches': 'The {alg} signature matches the key {keyId}, {how}.',
  'jwt.keyInside': 'The signing key travels inside the credential, so the signature proves it is unchanged but not who signed it.',
  'jwt.claimsWhole': 'The credential is signed as a whole (no separate JWT claims to compare).',
  'jwt.claimsMismatch': 'The signed claims do not match the credential: {mismatches}.',
  'jwt.claimDiffers': '"{claim}" ({claimed}) differs from the credential\'s {field} ({stated})',
  'jwt.field.issuer': 'issuer',
  'jwt.field.id': 'id',
  'jwt.field.subject': 'subject',
  'jwt.field.validFrom': 'valid-from date',
  'jwt.field.expiry': 'expiry date',
  'jwt.claimsMatch': 'The signed claims (issuer, id, subject, dates) match the credential.',

  // Signatures in general (dataIntegrity.ts, vcJwt.ts).
  'signature.mismatch': 'The signature does not match: the credential was changed after signing, or signed with another key ({keyId}).',
  'signature.matchesIssuer': "The signature matches the issuer's key ({keyId}), {how}.",
  'signature.matchesNamed': 'The signature matches the key named in the proof ({keyId}), {how}.',

  // Embedded proofs (dataIntegrity.ts, secp256k1Signature2019.ts).
  'proof.damaged': 'The proof value is missing or damaged, so the signature cannot match.',
  'proof.baseProof':
    "This is the issuer's base proof, which is meant for the holder alone: a holder shares the credential with a proof derived from it, disclosing what they choose, and only such a derived proof can be verified.",
  'proof.otherContexts': "The proof was made for other JSON-LD contexts than the credential's, so it does not cover this credential as it is.",
  'proof.notCanonical': 'The credential cannot be put in canonical JSON form, so the signature cannot match.',
  'proof.notObject': 'The proof is not a JSON object.',
  'proof.unsupported': 'Badgefolio cannot check {name} proofs yet, so this signature was not checked.',
  'proof.unknownType': 'The proof has a type no standard defines ({name}).',
  'proof.badCreated': "The proof's creation date ({value}) is not a valid date.",
  'proof.wrongPurpose': 'The proof is for "{purpose}", not for asserting a credential.',
  'proof.keyMismatch': 'The key {keyId} is not {needed}, which {name} requires.',
  'keyType.ed25519': 'an Ed25519 key',
  'keyType.secp256k1': 'a secp256k1 key',
  'keyType.p256': 'a P-256 key',
  'proof.missingPrevious': 'The proof chains to an earlier proof that is not in the credential.',
  'contexts.missingForSignature': 'Checking the signature needs the JSON-LD context {urls}, which Badgefolio does not have; it was not fetched.',
  'contexts.undefinedTerm':
    'The credential uses “{term}”, which its JSON-LD contexts do not define: that part is not covered by the signature, and Badgefolio does not vouch for it.',
  'structure.notJsonLd': 'The credential is not valid JSON-LD: {error}.',
  'jws2019.missing': 'The proof carries no signature (its "jws" is missing).',
  'jws2019.notDetached': 'The proof\'s signature ("jws") is not a detached JWS, so it cannot match.',
  'jws2019.headerUnreadable': 'The header of the proof\'s signature ("jws") is not readable.',
  'jws2019.wrongAlgorithm': "The proof's signature uses {alg}, but an EcdsaSecp256k1Signature2019 proof is signed with ES256K.",
  'jws2019.notUnencoded': 'The header of the proof\'s signature ("jws") does not declare the unencoded payload (b64: false) the suite signs.',
  'jws2019.damaged': 'The proof\'s signature ("jws") is damaged: it is not a 64-byte ES256K signature.',

  // Finding the signing key (keys.ts).
  'key.noMethod': 'The proof does not say which key made it.',
  'key.didKeyMismatch': 'The key reference {id} does not match its did:key.',
  'key.didKeyUnusable': 'The did:key {did} does not hold a usable Ed25519, P-256 or secp256k1 key.',
  'key.didJwkUnusable': 'The did:jwk {did} does not hold a usable key.',
  'key.didWebInvalid': '{did} is not a valid did:web identifier.',
  'key.didExample': '{did} uses did:example, which is reserved for examples and names no real key.',
  'key.networkDid': 'The key {id} is a did:{method} identifier, which needs its network to be looked up.',
  'key.unknownDid': 'Badgefolio cannot look up did:{method} identifiers ({did}).',
  'key.fragmentDamaged': 'The key in {id} is damaged.',
  'key.notLookupable': 'The key reference "{id}" is not an address or DID Badgefolio can look up.',
  'key.documentUnavailable': "The issuer's key document ({did}) is not available: {reason}",
  'key.notDocument': 'The document at {did} is not a key or DID document.',
  'key.otherDid': 'The document published for {did} belongs to another DID ({other}).',
  'key.notListed': 'The document at {did} does not list the key {id}.',
  'key.notAssertion': '{did} does not allow the key {id} to sign credentials (it is not an assertion method).',
  'key.unreadable': 'The key {id} is in a form Badgefolio cannot read.',

  // Whose key it is (dataIntegrity.ts checkIssuerBinding).
  'issuerKey.noIssuerId': 'The credential names no issuer id, so the key cannot be tied to an issuer.',
  'issuerKey.fromReference':
    "The signing key is written into its own reference, under the issuer's address ({issuer}); without the issuer's document listing it, Badgefolio cannot confirm the issuer holds that key.",
  'issuerKey.belongs': 'The key belongs to the issuer ({issuer}).',
  'issuerKey.otherSigner': 'The credential says it is from {issuer}, but it was signed by {signer}.',
  'issuerKey.notLinked':
    'The issuer ({issuer}) does not link to the signing key {keyId} in the credential; the signature is sound, but Badgefolio cannot confirm the issuer holds that key.',

  // Blockcerts (merkleProof.ts, blockcertsV3Hash.ts).
  'contexts.missingForHash': "Checking the certificate's hash needs the JSON-LD context {urls}, which Badgefolio does not have.",
  'blockcerts.notJsonLdStop': 'The certificate is not valid JSON-LD: {error}.',
  'blockcerts.notJsonLd': 'The certificate is not valid JSON-LD: {error}',
  'blockcerts.noReceipt': 'The certificate has no readable blockchain receipt (targetHash, merkleRoot).',
  'blockcerts.receiptUnreadable': 'The blockchain receipt ({algorithm} proofValue) cannot be read.',
  'blockcerts.createdInvalid': "The proof's creation date ({value}) is not a valid date.",
  'blockcerts.createdNoZone': "The proof's creation date ({value}) has no time zone, which a VC 2.0 credential's dates must have.",
  'blockcerts.hashUnavailable': "Badgefolio could not compute this certificate's hash ({error}), so it cannot say whether it was changed.",
  'blockcerts.resolverMissing': "jsonld's context resolver could not be loaded",
  'blockcerts.unmapped':
    'The certificate has fields that none of its JSON-LD contexts defines ({names}); Blockcerts does not accept them, as its hash could not say what they mean.',
  'blockcerts.dropped': 'Part of the certificate is not covered by its hash, so it could be changed unnoticed: JSON-LD leaves out {what}.',
  'hash.changed': 'The certificate was changed after it was issued: its hash does not match the one in its blockchain receipt.',
  'hash.unchanged': 'The certificate is unchanged: its hash matches its blockchain receipt.',
  'merkle.mismatch': "The receipt's Merkle path does not lead to the Merkle root it states.",
  'merkle.matches': "The receipt's Merkle path leads from the certificate to the stated Merkle root.",
  'anchor.testChains': 'This is a test certificate ({chains}): there is no blockchain record to look up, and its issuer key and revocation are not checked either.',
  'anchor.lookupChains':
    "That the Merkle root was recorded on the blockchain ({chains}), by the issuer's key, and not since revoked needs a blockchain lookup, which Badgefolio does not do.",
  'anchor.unstatedChain': 'unstated chain',
  'anchor.v1': "This certificate's proof ({types}) is checked against a blockchain record, which Badgefolio cannot do.",
  'anchor.receipt': 'blockchain receipt',
  'anchor.testMock': 'This is a test certificate (mock chain): there is no blockchain record to look up, and its issuer key is not checked either.',
  'anchor.lookup': 'That the Merkle root was recorded on the blockchain ({chain}) by the issuer needs a blockchain lookup, which Badgefolio does not do.',

  // The issuer's web site (domainLinkage.ts).
  'linkage.confirmed': "The issuer's web site {host} confirms that this DID is its own (DIF Well-Known DID Configuration).",
  'linkage.notConfirmed': "The issuer's web site {host} publishes a DID configuration, but {why}: it does not confirm this key.",
  'linkage.linksNone': 'it links no DIDs',
  'linkage.noneValid': {
    plural: 'count',
    one: 'none of the {count} it links is this DID, validly signed ({reasons})',
    other: 'none of the {count} it links is this DID, validly signed ({reasons})',
  },
  'linkage.otherDid': 'it is about another DID',
  'linkage.otherSite': 'it names another web site',
  'linkage.notDlc': 'it is not a Domain Linkage Credential',
  'linkage.expired': 'it has expired',
  'linkage.notYetValid': 'it is not valid yet',
  'linkage.notDidKey': 'it is not signed with a key of that DID',
  'linkage.signatureMismatch': 'its signature does not match',
  'linkage.neither': 'it is neither a JWT nor a Domain Linkage Credential',
  'linkage.notVerified': '{summary|noStop|lower}',

  // The engine itself (verifier.ts).
  'label.nested': 'Credentials inside',
  'engine.uncheckable': 'The credential could not be checked: {error}.',
  'engine.linkedUncheckable': 'It could not be checked: {error}.',
  'engine.selfReported': 'This is a self-reported entry (a PDF or image certificate): it carries no signed credential to check.',
  'engine.textMissing': 'The credential text is missing, so nothing can be checked.',
  'engine.xades': 'This Europass credential (ELM 2, XML) is sealed with XAdES, which Badgefolio cannot check yet.',
  'engine.europassNotJson': 'The Europass credential is not readable JSON.',
  'engine.certificateNotJson': 'The certificate is not readable JSON.',
  'engine.notJson': 'The credential is not readable JSON.',
  'engine.noIssuer': 'It names no issuer: every credential must say who issued it (the "issuer" property is required).',
  'engine.issuerNoId': 'Its issuer has no identifier: the "issuer" must be an address or DID, or have an "id" that is one.',
  'engine.noSubject': 'It names no subject: the "credentialSubject" property, what the credential says about whom, is required.',
  'engine.noProof': 'The credential carries no proof: it is not signed.',
  'engine.certificateNoProof': 'The certificate carries no proof: it is not signed.',
  'nested.allVerified': 'All {count} credentials inside this record verified.',
  'nested.someFailed': '{failing} of the {count} credentials inside this record did not verify; {name} is {status}: {summary}',
  'nested.name': 'credential {index}',
  'nested.notCredential': 'not a credential',

  // Open Badges 2.0 (ob2.ts).
  'label.issuer': 'Issuer',
  'label.hosted': 'Hosted badge',
  'join.or': '{first} or {rest}',
  'ob2.theBadgeClass': 'the BadgeClass',
  'ob2.theIssuerProfile': 'the issuer profile',
  'ob2.none': 'none',
  'ob2.unknown': 'unknown',
  'ob2.badgeUnavailable': 'The badge description ({url}) is not available, so the issuer could not be checked.',
  'ob2.issuerUnavailable': "The issuer's profile ({url}) is not available.",
  'ob2.noAddress': 'A hosted badge must give the web address where the issuer keeps it; this one does not.',
  'ob2.fetchFailed': "A hosted badge is verified by fetching it from the issuer's server: {reason}",
  'ob2.gone': "The issuer's server says this badge was revoked (HTTP 410, {origin}).",
  'ob2.notBadge': "The issuer's server did not answer with a badge at {url}.",
  'ob2.hosted': "The issuer's server holds this badge ({url}, {origin}).",
  'ob2.revoked': 'The issuer revoked this badge.',
  'ob2.revokedReason': 'The issuer revoked this badge: {reason}.',
  'ob2.issuerNotWeb': "The issuer's id ({id}) is not a web address, so the badge's address cannot be compared with it.",
  'ob2.inScope': "The badge's address lies within what its issuer allows ({rule}).",
  'ob2.outOfScope': "The badge's address ({url}) lies outside what its issuer allows ({rule}), so it may not be the issuer's.",
  'ob2.rule.starts': 'addresses starting with {prefixes}',
  'ob2.rule.hosts': 'the hosts {hosts}',
  'ob2.rule.issuerHost': "the issuer's own host ({host})",
  'ob2.hostedNotRevoked': 'The issuer keeps hosted badges on its own server; it still serves this one, so it is not revoked.',
  'ob2.badAlgorithm': 'The signature algorithm "{alg}" is not allowed for Open Badges 2.0.',
  'ob2.noKeyLocation': 'The badge does not say where its signing key is, and the issuer profile is not available.',
  'ob2.keyUnavailable': "The issuer's public key is not available: {reason}",
  'ob2.signatureMismatch': "The signature does not match the issuer's key ({keyId}): the badge was changed after signing, or signed with another key.",
  'ob2.signatureMatches': "The signature matches the issuer's key ({keyId}, {origin}).",
  'ob2.keyOtherOwner': "The key belongs to {owner}, not to the badge's issuer {issuer}.",
  'ob2.noProfileForList': "The issuer's profile is not available, so its revocation list could not be checked.",
  'ob2.noList': 'The issuer publishes no revocation list.',
  'ob2.checkedCacheUndated': 'revocation last checked on an earlier date',
  'ob2.listRevoked': 'The issuer revoked this badge (revocation list {when}).',
  'ob2.listRevokedReason': 'The issuer revoked this badge: {reason} (revocation list {when}).',
  'ob2.notListed': "The issuer's revocation list does not list this badge ({when}).",

  // Conformance to the data model (schemaConformance.ts).
  'label.schema': 'Conformance',

  // The employer's check of a portfolio PDF (electron/portfolio): the holder's signature and the whole PDF.
  'presentation.unreadable': 'The signed presentation is not a JWT Badgefolio can read.',
  'presentation.notDidKey': 'The presentation is not signed with an Ed25519 did:key, which is what can be checked offline.',
  'presentation.otherSigner': 'The presentation was signed by {signer}, not by its holder {holder}.',
  'presentation.noHolder': '(none named)',
  'presentation.signed': 'The holder {signer} signed this set of credentials.',
  'presentation.altered': 'The holder’s signature on the presentation does not match: it was altered after signing.',
  'pdfCheck.noManifest': 'This PDF has no Badgefolio manifest: its attachments are checked one by one, with nothing to compare them against.',
  'pdfCheck.manifestUnreadable': 'The Badgefolio manifest in this PDF is not readable: it was damaged or replaced.',
  'pdfCheck.holderSigned': "The holder's wallet key ({holder}) signed this set of credentials; the PDF names the holder {owner}.",
  'pdfCheck.attachmentsChanged': 'The files attached now are not the ones the holder signed for.',
  'pdfCheck.presentationMissing': 'The signed presentation {file} is listed in the manifest but no longer attached.',

  // Importing a changed copy (electron/core/storeCredential.ts).
  'store.notReplaced': 'A changed copy of “{name}” was not stored: {why|noStop|firstLower}. Your original is kept.',

  // The verdict's sentence (verdict.ts).
  'summary.withReason': '{lead} {reason}',
  'summary.verified': 'Genuine: signed by its issuer, unchanged since, in date and not revoked as far as its issuer publishes.',
  'summary.verified.registry': 'Genuine: signed by {name}, as {registry} lists; unchanged since, in date and not revoked as far as its issuer publishes.',
  'summary.verified.registryTest': 'Genuine: signed by {name} (a test issuer), as {registry} lists; unchanged since, in date and not revoked as far as its issuer publishes.',
  'summary.verified.domain': 'Genuine: signed with a key published at {domain}; unchanged since, in date and not revoked as far as its issuer publishes.',
  'summary.verified.unconfirmed': "Signed and unchanged, but nothing confirms that the signer is “{name}”: the name is the signer's own claim.",
  'summary.verified.unconfirmedNoName': 'Signed and unchanged, but nothing confirms who the signer is.',
  'summary.registry.the': 'the {name}',
  'summary.registry.plain': '{name}',
  'summary.registry.unnamed': 'a registry',
  'summary.testCertificate':
    'A test certificate: unchanged since it was issued and in date, but it is anchored on a test chain, so no blockchain record or issuer key stands behind it.',
  'summary.unsigned': 'Not signed: there is no signature to check, so Badgefolio cannot vouch for it.',
  'summary.selfReported': 'Self-reported: there is no signature to check, so Badgefolio cannot vouch for it.',
  // An unsigned credential's sentence leads with that, then says what else stands against it.
  'summary.notSignedAnd': 'Not signed: there is no signature to check, so Badgefolio cannot vouch for it. {also}',
  'summary.also.unverifiable': 'Also not fully checked:',
  'summary.also.expired': 'Also expired:',
  'summary.also.not-yet-valid': 'Also not yet valid:',
  'summary.also.revoked': 'Also revoked by its issuer:',
  'summary.also.invalid': 'Also, a check failed:',
  'summary.also.malformed': 'Also damaged or not a conformant credential:',
  // A verdict about dates or revocation whose signature (or hosted copy) could not be checked.
  'summary.lead.expiredUnchecked': 'Expired, and not checked as genuine:',
  'summary.lead.not-yet-validUnchecked': 'Not yet valid, and not checked as genuine:',
  'summary.lead.revokedUnchecked': 'Revoked, as far as its issuer publishes (its signature was not checked):',
  'summary.lead.invalid': 'Not genuine:',
  'summary.lead.expired': 'Genuine but expired:',
  'summary.lead.not-yet-valid': 'Genuine but not yet valid:',
  'summary.lead.revoked': 'Revoked by its issuer:',
  'summary.lead.unverifiable': 'Not fully checked:',
  'summary.lead.malformed': 'Damaged or not a conformant credential:',
  'summary.lead.expiredUnconfirmed': 'Signed and unchanged, but expired (and nothing confirms who signed it):',
  'summary.lead.not-yet-validUnconfirmed': 'Signed and unchanged, but not yet valid (and nothing confirms who signed it):',
  'summary.lead.revokedUnconfirmed': 'Revoked by whoever signed it:',
  // The issuer identity finding, the EU trust list check and a Blockcerts key in its issuer profile: a catalogue of their own.
  ...trustMessagesEn,
  ...schemaMessagesEn,
  ...intakeMessagesEn,
} as const satisfies Readonly<Record<string, MessageTemplate>>;

export type VerificationMessageKey = keyof typeof verificationMessagesEn;
