/** The Settings screen. */
export const settingsEn = {
  'settings.title': 'Settings',
  'settings.lead': 'Changes are saved as you make them.',
  'settings.appearance': 'Appearance and language',
  'settings.security': 'Security',
  'settings.autoLock': 'Lock the wallet after',
  'settings.autoLock.never': 'Never',
  'settings.autoLock.minutes': '{count, plural, one {# minute} other {# minutes}}',
  'settings.autoLock.minute': '1 minute',
  'settings.autoLock.hint': 'Without any activity for this long, Badgefolio locks the wallet and asks for your passphrase again.',
  'settings.network': 'Checking online',
  'settings.network.lead': 'Offline checks always run. Going online lets Badgefolio see whether a credential was revoked since it was issued.',
  'settings.network.offline': 'Offline only',
  'settings.network.offline.hint':
    'Nothing is fetched: credentials are checked with what is on this computer, so a revocation or an issuer’s new key goes unnoticed.',
  'settings.network.ask': 'Ask each time',
  'settings.network.ask.hint':
    'Before a check fetches status lists, issuer keys or hosted badges from the issuer’s server, Badgefolio asks you; nothing about you is sent.',
  'settings.network.allowed': 'Allowed',
  'settings.network.allowed.hint':
    'Checks fetch status lists, issuer keys and hosted badges from issuers’ servers whenever they need them; nothing about you is sent.',
  'settings.notifications': 'Notifications',
  'settings.osNotifications': 'Notify me about expiring or revoked credentials',
  'settings.updates': 'Updates',
  'settings.updates.enabled': 'Check for updates',
  'settings.updates.feed': 'Update feed',
  'settings.updates.feed.hint': 'Leave empty to use Badgefolio’s own releases. Set it to use a mirror, for example one run by your organisation.',
  'settings.verifier': 'Verifier page',
  'settings.verifier.hint':
    'Every credential in a portfolio PDF links to this page with the credential inside the link: the employer’s browser checks it, nothing is uploaded, and the link never expires. Leave empty for Badgefolio’s published page.',
  'settings.verifier.section': 'Portfolio PDF',
  'settings.saved': 'Saved.',
  'settings.url.invalid': 'This is not a web address. Write it in full, for example https://example.org/page.',
  'settings.url.notHttps': 'Only secure addresses starting with https:// are allowed here.',
  'settings.url.credentials': 'A web address here must not contain a user name or password.',
} as const;

export const settingsDe: Readonly<Record<keyof typeof settingsEn, string>> = {
  'settings.title': 'Einstellungen',
  'settings.lead': 'Änderungen werden sofort gespeichert.',
  'settings.appearance': 'Darstellung und Sprache',
  'settings.security': 'Sicherheit',
  'settings.autoLock': 'Brieftasche sperren nach',
  'settings.autoLock.never': 'Nie',
  'settings.autoLock.minutes': '{count, plural, one {# Minute} other {# Minuten}}',
  'settings.autoLock.minute': '1 Minute',
  'settings.autoLock.hint': 'Ohne Aktivität für diese Zeit sperrt Badgefolio die Brieftasche und fragt erneut nach deiner Passphrase.',
  'settings.network': 'Online prüfen',
  'settings.network.lead': 'Offline-Prüfungen laufen immer. Online kann Badgefolio sehen, ob ein Nachweis seit der Ausstellung widerrufen wurde.',
  'settings.network.offline': 'Nur offline',
  'settings.network.offline.hint':
    'Es wird nichts abgerufen: Nachweise werden mit dem geprüft, was auf diesem Computer liegt, ein Widerruf oder ein neuer Schlüssel des Ausstellers bleibt also unbemerkt.',
  'settings.network.ask': 'Jedes Mal fragen',
  'settings.network.ask.hint':
    'Bevor eine Prüfung Statuslisten, Schlüssel von Ausstellern oder gehostete Badges vom Server des Ausstellers abruft, fragt Badgefolio dich; über dich wird nichts gesendet.',
  'settings.network.allowed': 'Erlaubt',
  'settings.network.allowed.hint':
    'Prüfungen rufen Statuslisten, Schlüssel von Ausstellern und gehostete Badges von deren Servern ab, wann immer sie sie brauchen; über dich wird nichts gesendet.',
  'settings.notifications': 'Benachrichtigungen',
  'settings.osNotifications': 'Bei ablaufenden oder widerrufenen Nachweisen benachrichtigen',
  'settings.updates': 'Aktualisierungen',
  'settings.updates.enabled': 'Nach Aktualisierungen suchen',
  'settings.updates.feed': 'Update-Quelle',
  'settings.updates.feed.hint':
    'Leer lassen, um die Versionen von Badgefolio selbst zu verwenden. Trag eine Adresse ein, um einen Spiegel zu nutzen, etwa den deiner Organisation.',
  'settings.verifier': 'Prüfseite',
  'settings.verifier.hint':
    'Jeder Nachweis in einem Portfolio-PDF verlinkt auf diese Seite, der Nachweis steckt im Link selbst: Der Browser des Arbeitgebers prüft ihn, nichts wird hochgeladen, und der Link läuft nie ab. Leer lassen für die veröffentlichte Seite von Badgefolio.',
  'settings.verifier.section': 'Portfolio-PDF',
  'settings.saved': 'Gespeichert.',
  'settings.url.invalid': 'Das ist keine Webadresse. Schreib sie vollständig, zum Beispiel https://example.org/seite.',
  'settings.url.notHttps': 'Hier sind nur sichere Adressen erlaubt, die mit https:// beginnen.',
  'settings.url.credentials': 'Eine Webadresse darf hier keinen Benutzernamen und kein Passwort enthalten.',
};
