/**
 * Who stands behind a credential's key (the report's issuerIdentity): the card's short label
 * and the details' "Who issued it" line. The English sentences mirror the verification engine's
 * (electron/verify/issuerIdentity.ts), which the English app shows as they are; other languages
 * make theirs from these, with the identity's fields.
 */
export const identityEn = {
  'identity.label.registry': 'Issuer listed in {registry}',
  'identity.label.registryTest': 'Test issuer, listed in {registry}',
  'identity.label.registryUnnamed': 'Issuer listed in a registry',
  'identity.label.domain': 'Key published at {domain}',
  'identity.label.domainUnnamed': 'Key published on the web',
  'identity.label.trust-list': 'Seal on the EU trust list',
  'identity.label.unconfirmed': 'Issuer not confirmed',
  'identity.who': 'Who issued it:',
  'identity.sentence.registry': 'The {registry} (as of {date}) lists the signer as “{name}”.',
  'identity.sentence.registryUndated': 'The {registry} lists the signer as “{name}”.',
  'identity.sentence.testRegistry': 'It is a registry of test issuers, not of real ones.',
  'identity.sentence.claimed': 'The credential itself calls its issuer “{name}”.',
  'identity.sentence.domain': 'The signing key is published at {domain}: whoever controls that web address signed it.',
  'identity.sentence.domainJudge': 'The credential calls its issuer “{name}”; judge whether {domain} is theirs.',
  'identity.sentence.trustList': 'The seal’s certificate is on the EU trust list.',
  'identity.sentence.ownClaim': 'Nothing confirms that the signer is “{name}”: the name is the signer’s own claim (anyone can make a key and write any name beside it).',
  'identity.sentence.noName': 'Nothing confirms who the signer is: the credential names no issuer that a registry or web address ties to the key.',
  'identity.sentence.unsigned': 'Nothing confirms who issued it: it carries no signature to check.',
  'identity.sentence.unverifiable': 'Nothing confirms who issued it: it could not be checked against its issuer.',
  'identity.sentence.invalid': 'Nothing confirms who issued it: its signature does not hold.',
} as const;

export const identityDe: Readonly<Record<keyof typeof identityEn, string>> = {
  'identity.label.registry': 'Aussteller eingetragen in {registry}',
  'identity.label.registryTest': 'Test-Aussteller, eingetragen in {registry}',
  'identity.label.registryUnnamed': 'Aussteller in einem Verzeichnis eingetragen',
  'identity.label.domain': 'Schlüssel veröffentlicht unter {domain}',
  'identity.label.domainUnnamed': 'Schlüssel im Web veröffentlicht',
  'identity.label.trust-list': 'Siegel auf der EU-Vertrauensliste',
  'identity.label.unconfirmed': 'Aussteller nicht bestätigt',
  'identity.who': 'Wer ihn ausgestellt hat:',
  'identity.sentence.registry': 'Im Verzeichnis „{registry}“ (Stand {date}) ist der Unterzeichner als „{name}“ eingetragen.',
  'identity.sentence.registryUndated': 'Im Verzeichnis „{registry}“ ist der Unterzeichner als „{name}“ eingetragen.',
  'identity.sentence.testRegistry': 'Dieses Verzeichnis führt Test-Aussteller, keine echten.',
  'identity.sentence.claimed': 'Der Nachweis selbst nennt als Aussteller „{name}“.',
  'identity.sentence.domain': 'Der Signaturschlüssel ist unter {domain} veröffentlicht: Wer diese Webadresse kontrolliert, hat den Nachweis signiert.',
  'identity.sentence.domainJudge': 'Der Nachweis nennt als Aussteller „{name}“; prüfe selbst, ob {domain} zu ihm gehört.',
  'identity.sentence.trustList': 'Das Zertifikat des Siegels steht auf der EU-Vertrauensliste.',
  'identity.sentence.ownClaim':
    'Nichts bestätigt, dass der Unterzeichner „{name}“ ist: Den Namen hat er selbst angegeben (jeder kann einen Schlüssel erzeugen und einen beliebigen Namen danebenschreiben).',
  'identity.sentence.noName':
    'Nichts bestätigt, wer der Unterzeichner ist: Der Nachweis nennt keinen Aussteller, den ein Verzeichnis oder eine Webadresse mit dem Schlüssel verbindet.',
  'identity.sentence.unsigned': 'Nichts bestätigt, wer ihn ausgestellt hat: Er trägt keine Signatur, die sich prüfen ließe.',
  'identity.sentence.unverifiable': 'Nichts bestätigt, wer ihn ausgestellt hat: Er konnte nicht beim Aussteller geprüft werden.',
  'identity.sentence.invalid': 'Nichts bestätigt, wer ihn ausgestellt hat: Seine Signatur ist nicht gültig.',
};
