/** Settings › Backups, and the offer to make the first backup once a wallet is created. */
export const backupEn = {
  'backup.title': 'Backups',
  'backup.lead':
    'A backup is one encrypted file with everything in your wallet. Keep it somewhere else than this computer (a USB stick, your cloud drive): if this computer is lost, the backup brings your wallet back.',
  'backup.saveTitle': 'Save a backup',
  'backup.passphrase': 'Backup passphrase',
  'backup.repeat': 'Repeat backup passphrase',
  'backup.passphraseHint': 'The backup gets a passphrase of its own. Nobody can open the backup without it, not even Badgefolio.',
  'backup.differ': 'The two backup passphrases differ.',
  'backup.save': 'Save a backup',
  'backup.saved': 'Backup of {count, plural, one {# credential} other {# credentials}} saved to {file}.',
  'backup.restoreTitle': 'Restore from a backup',
  'backup.file': 'Backup file',
  'backup.restorePassphrase': 'Passphrase of that backup',
  'backup.chooseFile': 'Choose the backup file first.',
  'backup.restore': 'Restore',
  'backup.restored': 'Restored: {added} added, {updated} updated, {alreadyThere} already in your wallet.',
  'backup.offer': 'Your wallet is ready. Nobody can recover a lost passphrase or a lost computer: save an encrypted backup now.',
  'backup.offerButton': 'Make a backup',
} as const;

export const backupDe: Readonly<Record<keyof typeof backupEn, string>> = {
  'backup.title': 'Sicherungen',
  'backup.lead':
    'Eine Sicherung ist eine verschlüsselte Datei mit allem aus deiner Brieftasche. Bewahre sie nicht auf diesem Computer auf (USB-Stick, Cloud-Speicher): Geht der Computer verloren, bringt die Sicherung deine Brieftasche zurück.',
  'backup.saveTitle': 'Sicherung speichern',
  'backup.passphrase': 'Passphrase der Sicherung',
  'backup.repeat': 'Passphrase der Sicherung wiederholen',
  'backup.passphraseHint': 'Die Sicherung bekommt eine eigene Passphrase. Ohne sie kann niemand die Sicherung öffnen, auch Badgefolio nicht.',
  'backup.differ': 'Die beiden Passphrasen der Sicherung unterscheiden sich.',
  'backup.save': 'Sicherung speichern',
  'backup.saved': 'Sicherung von {count, plural, one {# Nachweis} other {# Nachweisen}} gespeichert unter {file}.',
  'backup.restoreTitle': 'Aus einer Sicherung wiederherstellen',
  'backup.file': 'Sicherungsdatei',
  'backup.restorePassphrase': 'Passphrase dieser Sicherung',
  'backup.chooseFile': 'Wähle zuerst die Sicherungsdatei.',
  'backup.restore': 'Wiederherstellen',
  'backup.restored': 'Wiederhergestellt: {added} hinzugefügt, {updated} aktualisiert, {alreadyThere} schon in der Brieftasche.',
  'backup.offer': 'Deine Brieftasche ist bereit. Eine verlorene Passphrase oder ein verlorener Computer lassen sich nicht ersetzen: Speichere jetzt eine verschlüsselte Sicherung.',
  'backup.offerButton': 'Sicherung anlegen',
};
