import type { trustMessagesEn } from './trustCatalogueEn';
import type { MessageTemplate } from './verificationCatalogueEn';

/** The issuer identity finding and the EU trust list check in German (trustCatalogueEn.ts's keys). */
export const trustMessagesDe = (): Readonly<Record<keyof typeof trustMessagesEn, MessageTemplate>> => ({
  'trust.listed':
    'Das Siegelzertifikat ist von „{provider}“ beglaubigt, einem qualifizierten Vertrauensdiensteanbieter, dessen Dienst für Siegel in der Vertrauensliste von {territory} als erteilt geführt wird (ausgestellt am {listDate}, {origin}), gefunden über die EU-Liste der Vertrauenslisten. {caveat}',
  'trust.caveatHttps': 'Die Listen wurden über HTTPS abgerufen; ihre XML-Signaturen wurden nicht geprüft, ebenso wenig der Widerruf des Zertifikats (OCSP).',
  'trust.caveat': 'Die XML-Signaturen der Listen wurden nicht geprüft, ebenso wenig der Widerruf des Zertifikats (OCSP).',
  'trust.notListed':
    'Das Siegelzertifikat steht bei keinem erteilten qualifizierten Dienst für Siegel in der Vertrauensliste von {territories} (ausgestellt am {listDate}); es ist daher nicht als qualifiziertes europäisches Siegel bestätigt.',
  'trust.noList':
    'Die EU-Liste der Vertrauenslisten (ausgestellt am {listDate}) verweist auf keine Vertrauensliste für {territories}, die Länder, die das Siegelzertifikat nennt; es ist daher nicht als qualifiziertes europäisches Siegel bestätigt.',
  'trust.unavailable': 'Die EU-Vertrauensliste ließ sich nicht abfragen: {reason}',
  'trust.unreadable': '{url} ist keine Vertrauensliste, die Badgefolio lesen kann (technische Angabe: {error}).',
  'identity.seal.organisation': 'die Organisation „{organisation}“',
  'identity.seal.organisationCn': 'die Organisation „{organisation}“ („{commonName}“)',
  'identity.seal.commonName': '„{commonName}“',
  'identity.seal.notConsulted':
    'Das Zertifikat des Siegels nennt {named}; die EU-Vertrauensliste wurde nicht abgefragt, daher bestätigt nichts, dass dieses Zertifikat dem Aussteller gehört.',
  'identity.seal.unavailable':
    'Das Zertifikat des Siegels nennt {named}; die EU-Vertrauensliste ließ sich nicht abfragen ({reason|noStop}), daher bestätigt nichts, dass dieses Zertifikat dem Aussteller gehört.',
  'identity.seal.notListed':
    'Das Zertifikat des Siegels nennt {named}; es steht nicht auf der EU-Vertrauensliste (Vertrauensliste von {territories}, ausgestellt am {listDate}), daher bestätigt nichts, dass dieses Zertifikat dem Aussteller gehört.',
  'identity.seal.noList':
    'Das Zertifikat des Siegels nennt {named}; die EU-Vertrauensliste führt keine Vertrauensliste für {territories}, daher bestätigt nichts, dass dieses Zertifikat dem Aussteller gehört.',
  'identity.seal.listed':
    'Das Zertifikat des Siegels nennt {named} und ist von „{provider}“ beglaubigt, einem qualifizierten Vertrauensdiensteanbieter auf der EU-Vertrauensliste (Vertrauensliste von {territory}, ausgestellt am {listDate}); die Signatur der Liste wurde nicht geprüft.',
  'identity.registry.listed': '{registry} ({dated}) ist der Unterzeichner als {listed} eingetragen.',
  'identity.registry.the': 'Im Verzeichnis „{name}“',
  'identity.registry.file': 'In der Liste „{name}“',
  'identity.registry.unnamed': 'In einem Verzeichnis',
  'identity.registry.snapshot': 'Schnappschuss vom {asOfDate}',
  'identity.registry.asOf': 'Stand {asOfDate}',
  'identity.registry.undated': 'ohne Datum',
  'identity.registry.name': '„{name}“',
  'identity.registry.nameAt': '„{name}“ ({location})',
  'identity.registry.test': 'Dieses Verzeichnis führt Test-Aussteller, keine echten.',
  'identity.claimed': 'Der Nachweis selbst nennt als Aussteller „{name}“.',
  'identity.unconfirmed.noSignature': 'Nichts bestätigt, wer ihn ausgestellt hat: Er trägt keine Signatur, die sich prüfen ließe.',
  'identity.unconfirmed.notChecked': 'Nichts bestätigt, wer ihn ausgestellt hat: Er konnte nicht beim Aussteller geprüft werden.',
  'identity.unconfirmed.doesNotHold': 'Nichts bestätigt, wer ihn ausgestellt hat: Seine Signatur ist nicht gültig.',
  'identity.blockcerts.profile':
    'Das Ausstellerprofil unter {domain} führt den Schlüssel, den dieses Zertifikat nennt: Wer diese Webadresse kontrolliert, gibt ihn als seinen aus. Ob dieser Schlüssel das Zertifikat in der Blockchain verankert hat, ließe sich nur in der Blockchain nachsehen; das tut Badgefolio nicht.',
  'identity.domainJudge': 'Der Nachweis nennt als Aussteller „{name}“; prüfe selbst, ob {domain} zu ihm gehört.',
  'blockcertsKey.unnamed':
    'Das Zertifikat nennt den Schlüssel nicht, mit dem es ausgestellt wurde; daher kann sein Ausstellerprofil nicht sagen, ob dieser Schlüssel dem Aussteller gehört.',
  'blockcertsKey.profileUnavailable': 'Das Ausstellerprofil, das die Schlüssel des Ausstellers aufführt, war nicht zu bekommen: {reason}',
  'blockcertsKey.notListed':
    'Das Ausstellerprofil unter {url} führt den Schlüssel nicht, den dieses Zertifikat nennt ({key}): Nichts verbindet das Zertifikat mit diesem Aussteller.',
  'blockcertsKey.listed':
    'Das Ausstellerprofil unter {url} führt den Schlüssel, den dieses Zertifikat nennt ({key}), und das Zertifikat wurde innerhalb der Gültigkeit dieses Schlüssels ausgestellt.',
  'blockcertsKey.listedUndated': 'Das Ausstellerprofil unter {url} führt den Schlüssel, den dieses Zertifikat nennt ({key}); das Zertifikat sagt nicht, wann es ausgestellt wurde.',
  'blockcertsKey.afterRevoked':
    'Das Zertifikat wurde am {issuedDate} ausgestellt, nachdem der Aussteller den genannten Schlüssel widerrufen hatte (am {revokedDate}): Es ist nicht echt.',
  'blockcertsKey.afterExpired': 'Das Zertifikat wurde am {issuedDate} ausgestellt, nachdem der genannte Schlüssel abgelaufen war (am {expiredDate}): Es ist nicht echt.',
  'blockcertsKey.beforeCreated': 'Das Zertifikat wurde am {issuedDate} ausgestellt, bevor der genannte Schlüssel erzeugt wurde (am {createdDate}): Es ist nicht echt.',
  'registryFile.notARegistry': '{name} ist kein Ausstellerverzeichnis: Die Datei hat kein „registry“-Objekt mit DIDs.',
  'registryFile.noIssuers': '{name} führt keine Aussteller-DIDs mit Namen.',
  'registryFile.tooLarge': '{name} ist für ein Ausstellerverzeichnis zu groß (höchstens 2 MB).',
  'registryFile.bundledName': '{name} trägt den Namen eines Verzeichnisses, das Badgefolio schon nutzt; benenne die Datei zuerst um.',
  'registryFile.notJson': '{name} ließ sich nicht als JSON lesen.',
  'registryFile.tooMany': 'Du kannst höchstens {count} eigene Verzeichnisse hinzufügen; entferne zuerst eines.',
  'registryFile.unknown': 'Es gibt kein eigenes Verzeichnis namens {name}.',
});
