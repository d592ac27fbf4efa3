/** A credential's earlier versions (details › Earlier versions), and the wallet check's word for a damaged one. */
export const historyEn = {
  'versions.title': 'Earlier versions',
  'versions.lead':
    'When a newer copy of this credential replaced it, the copy you had before was kept here. Restoring one makes it current again; the version it replaces is kept here in turn.',
  'versions.replaced': 'Replaced on {date}',
  'versions.named': 'Then titled “{name}”',
  'versions.issued': 'Issued {date}',
  'versions.checkedOn': 'when it was last checked, on {date}',
  'versions.lastChecked': 'when it was last checked',
  'versions.notChecked': 'Never checked',
  'versions.restore': 'Restore this version',
  'versions.restoreLabel': 'Restore this version (replaced on {date})',
  'versions.restoring': 'Restoring…',
  'versions.confirm': 'Make the version of “{name}” that was replaced on {date} current again? The version you have now is kept under Earlier versions, so you can switch back.',
  'versions.restored': 'The version replaced on {date} is current again. The one it replaced is kept under Earlier versions.',
  'versions.damaged': 'An earlier version is damaged and cannot be restored. Settings › Check the wallet sets it aside for rescue.',
  'damage.kind.earlier-version': 'an earlier version',
} as const;

export const historyDe: Readonly<Record<keyof typeof historyEn, string>> = {
  'versions.title': 'Frühere Fassungen',
  'versions.lead':
    'Als eine neuere Kopie dieses Nachweises ihn ersetzt hat, wurde die Kopie, die du vorher hattest, hier aufbewahrt. Stellst du eine wieder her, gilt sie wieder; die Fassung, die sie ersetzt, wird dann ebenfalls hier aufbewahrt.',
  'versions.replaced': 'Ersetzt am {date}',
  'versions.named': 'Damals mit dem Titel „{name}“',
  'versions.issued': 'Ausgestellt am {date}',
  'versions.checkedOn': 'bei der letzten Prüfung am {date}',
  'versions.lastChecked': 'bei der letzten Prüfung',
  'versions.notChecked': 'Nie geprüft',
  'versions.restore': 'Diese Fassung wiederherstellen',
  'versions.restoreLabel': 'Diese Fassung wiederherstellen (ersetzt am {date})',
  'versions.restoring': 'Wird wiederhergestellt…',
  'versions.confirm':
    'Soll die am {date} ersetzte Fassung von „{name}“ wieder gelten? Die Fassung, die du jetzt hast, bleibt unter „Frühere Fassungen“ erhalten, sodass du zurückwechseln kannst.',
  'versions.restored': 'Die am {date} ersetzte Fassung gilt wieder. Die Fassung, die sie ersetzt hat, bleibt unter „Frühere Fassungen“ erhalten.',
  'versions.damaged': 'Eine frühere Fassung ist beschädigt und kann nicht wiederhergestellt werden. Einstellungen › Brieftasche prüfen legt sie zur Rettung beiseite.',
  'damage.kind.earlier-version': 'eine frühere Fassung',
};
